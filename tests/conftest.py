import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# Properties, not timings: hypothesis's default 200 ms deadline per example turns a busy
# machine into failures, and speed is measured by the benchmarks, never by unit tests.
settings.register_profile("framing", deadline=None)
settings.load_profile("framing")

# framing caches validated lexicons and the language model on disk; tests use a
# cache of their own so they neither read a developer's cache nor fill it.
os.environ.setdefault("FRAMING_CACHE_DIR", tempfile.mkdtemp(prefix="framing-test-cache-"))

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
