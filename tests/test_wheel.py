"""Build the wheel, install it in a fresh virtual environment, score a seed offline."""
import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from .conftest import CORPUS, ROOT

pytest.importorskip("hatchling", reason="building the wheel needs hatchling (pip install '.[test]')")


def test_wheel_installs_and_scores_offline(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-w", str(dist), str(ROOT)], check=True, capture_output=True, timeout=300)
    (wheel,) = dist.glob("framing_analysis-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)  # the runner's pip installs into it (--python)
    python = env_dir / "bin" / "python"
    # The test runner's site-packages provide numpy and friends, so nothing is
    # downloaded; a plain path in a .pth file does not run the runner's own
    # .pth hooks, so the editable install of the source tree stays out.
    env_site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              check=True, capture_output=True, text=True).stdout.strip()
    runner_site = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(env_site, "runner_dependencies.pth").write_text("\n".join(sorted(runner_site)) + "\n")
    offline = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
                    str(wheel)], check=True, capture_output=True, env=offline, timeout=300)
    seed = CORPUS / "001_68f2744142ff802d.txt"
    where = subprocess.run([str(python), "-c", "import framing, sys; print(framing.__file__)"], cwd=tmp_path,
                           check=True, capture_output=True, text=True, env=offline)
    assert str(env_dir) in where.stdout, "the test must use the installed wheel, not the source tree"
    result = subprocess.run([str(env_dir / "bin" / "framing"), "score", "--format", "jsonl", str(seed)],
                            cwd=tmp_path, check=True, capture_output=True, text=True, env=offline)
    profile = json.loads(result.stdout)
    assert profile["id"] == seed.name
    assert profile["naming"]["western_sahara"]["stance"] > 0
    lexicons = Path(where.stdout.strip()).parent / "_lexicons"
    assert (lexicons / "naming" / "axes.toml").is_file()
