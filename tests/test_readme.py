"""The README's examples run as written (issue 17): its Python blocks, its command lines, and
the figures of its example profile. A block is skipped only when it needs what a test cannot
have (a Dask cluster, a fresh install), and the skip says so."""
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from sklearn.exceptions import ConvergenceWarning

import framing

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
BIN = Path(sys.executable).parent

# Why a block cannot run here; matched against its text.
NEEDS = {"tcp://10.0.0.5:8786": "needs a running Dask cluster (a scheduler address)",
         "pip install": "creates a virtual environment and installs: the test environment is that install",
         "python -m pytest": "runs the test suite itself"}


def blocks(language):
    return [body for lang, body in FENCE.findall(README) if lang == language]


def reason_to_skip(body):
    return next((why for needle, why in NEEDS.items() if needle in body), None)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A folder with what the examples name: the bundled corpus, articles.jsonl and my_lexicons/."""
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    with (tmp_path / "articles.jsonl").open("w", encoding="utf-8") as stream:
        for article in framing.corpus.load("belmokhtar-2013"):
            stream.write(json.dumps({"id": article.id, "text": article.text, "outlet": article.outlet}) + "\n")
    (tmp_path / "my_lexicons").mkdir()
    (tmp_path / "my_lexicons" / "hedge.toml").write_text(
        '[meta]\nfamily = "hedge"\nlanguage = "en"\nversion = "1"\nsource = "a test"\nlicense = "CC0"\n\n'
        '[[entry]]\nid = "my.mayhaps"\nterm = "mayhaps"\ncategory = "epistemic_adverb"\nsource = "a test"\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize("index", range(len(blocks("python"))))
def test_python_block_runs_as_written(index, workdir, capsys):
    body = blocks("python")[index]
    why = reason_to_skip(body)
    if why:
        pytest.skip(f"README Python block {index + 1}: {why}")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)
        exec(compile(body, f"README.md python block {index + 1}", "exec"), {"__name__": "readme"})


def command_lines():
    """Each ``framing`` command of the README's shell blocks (chains split at ``&&``)."""
    for body in blocks("sh"):
        for line in body.splitlines():
            for part in line.split("&&"):
                part = part.split("  #")[0].strip()
                if re.match(r"(\.venv/bin/)?framing ", part):
                    yield part, reason_to_skip(part)


@pytest.mark.parametrize("command,why", list(command_lines()))
def test_command_line_runs_as_written(command, why):
    if why:
        pytest.skip(why)
    argv = command.split()
    argv[0] = str(BIN / "framing")
    run = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.strip()


def test_there_are_runnable_examples():
    assert len(blocks("python")) >= 5
    assert [c for c, why in command_lines() if not why]


def leaves(value, key=None):
    """(key, number) for every number in a profile, at any depth."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from leaves(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from leaves(v, key)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield key, value


def test_example_profile_shows_the_figures_the_code_gives():
    """Every ``"key": number`` of the README's example profile is, rounded as shown, a value
    the code gives under that key for the article named."""
    block = next(body for lang, body in FENCE.findall(README) if lang == "json" and "framing.profile/1" in body)
    path = re.search(r"framing score (corpus/\S+\.txt)", README).group(1)
    (article,) = framing.read_paths([ROOT / path])
    profile = framing.Scorer().score(article).to_dict()
    given: dict[str, set[float]] = {}
    for key, number in leaves(profile):
        given.setdefault(key, set()).add(number)
    shown = re.findall(r'"([a-z_]+)": (-?\d+(?:\.\d+)?)\b', block)
    assert len(shown) > 20
    for key, text in shown:
        decimals = len(text.split(".")[1]) if "." in text else 0
        assert any(round(value, decimals) == float(text) for value in given.get(key, ())), (key, text)
