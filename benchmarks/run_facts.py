"""What a benchmark says about the run it measured: the code, the day, the machine, the command.

Pure look-ups; each script puts them into its own header lines in its own words.
"""
from __future__ import annotations

import datetime as _dt
import os
import platform
import re
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Sequence

from places import REPO_ROOT

_PLAIN_ARGUMENT = re.compile(r"[\w./=:-]+")


def repo_state() -> str:
    """Short commit id, and whether framing/ or lexicons/ had local changes: the code measured."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "framing", "lexicons"], cwd=REPO_ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + (" + uncommitted changes in framing/ or lexicons/" if dirty else "")


def today() -> str:
    """The run's date, ISO 8601."""
    return _dt.date.today().isoformat()


def python_version() -> str:
    return platform.python_version()


def package_version(name: str) -> str:
    """The installed version of a peer package, or "?" when it is missing."""
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


def machine_info() -> dict[str, str]:
    """What the numbers depend on: CPU, cores, Python, and how busy the machine was."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        nproc = subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        nproc = str(os.cpu_count())
    return {"cpu": model, "nproc": nproc, "python": platform.python_version(),
            "load": ", ".join(f"{x:.2f}" for x in os.getloadavg())}


def command_line(command: str, argv: Sequence[str], *, quote: bool = False) -> str:
    """The command as run, so a section says exactly how to reproduce it; ``quote`` shows odd arguments as repr."""
    shown = [a if not quote or _PLAIN_ARGUMENT.fullmatch(a) else repr(a) for a in argv]
    return " ".join([command, *shown])
