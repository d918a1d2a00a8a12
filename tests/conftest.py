from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus" / "belmokhtar-2013"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.toml"


@pytest.fixture(scope="session")
def scorer():
    from framing import Scorer

    return Scorer()


@pytest.fixture(scope="session")
def seed_texts():
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))}
