"""framing ships ``py.typed``: its annotations are part of its interface, so they must type-check.

mypy's minor version is pinned in the ``test`` extra: a newer mypy may add
checks, and that should be a deliberate upgrade, not a surprise in CI.
"""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "framing"


def test_the_package_type_checks(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--ignore-missing-imports", "--cache-dir", str(tmp_path / "cache"),
         "--config-file", str(ROOT / "pyproject.toml"), str(PACKAGE)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
