"""News articles of the shared evaluation sets, read in place from ``../shared/eval`` (never copied).

Plain readers of whole articles with their outlet and date, for benchmarks
that need real text rather than annotation; the annotation readers stay with
the measurement that uses them.
"""
from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Iterator, NamedTuple


class Record(NamedTuple):
    id: str
    text: str
    outlet: str
    date: str | None
    title: str | None


def polnear_metadata(folder: Path) -> dict[str, dict[str, str]]:
    """PolNeAR's metadata.tsv rows by file name (without .txt); the file sits in ``polnear/`` or ``polnear/data/``."""
    for candidate in (folder / "metadata.tsv", folder / "data" / "metadata.tsv"):
        if candidate.is_file():
            with candidate.open(encoding="utf-8", newline="") as stream:
                return {row["filename"]: row for row in csv.DictReader(stream, delimiter="\t")}
    raise FileNotFoundError(f"no metadata.tsv under {folder}")


def polnear(folder: Path) -> Iterator[Record]:
    meta = polnear_metadata(folder)
    for path in sorted((folder / "train" / "text").glob("*.txt")) + sorted((folder / "dev" / "text").glob("*.txt")):
        row = meta.get(path.stem, {})
        yield Record(f"polnear/{path.stem}", path.read_text(encoding="utf-8"), row.get("publisher") or "unknown",
                     row.get("publication_date"), row.get("title"))


def basil(folder: Path) -> Iterator[Record]:
    for path in sorted((folder / "articles").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        body = "\n\n".join(" ".join(p) for p in data.get("body-paragraphs") or [] if p)
        title = data.get("title") or ""
        yield Record(f"basil/{path.stem}", f"{title}\n\n{body}", str(data.get("source", "")).strip().lower(),
                     data.get("date"), title)


def semeval_en(folder: Path) -> Iterator[Record]:
    for path in sorted((folder / "en" / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        yield Record(f"semeval-en/{path.stem}", text, "semeval-en collection", None, text.split("\n", 1)[0][:200])


def factbank(path: Path) -> Iterator[Record]:
    if not path.is_file():
        return
    root = ET.parse(path).getroot()
    for number, document in enumerate(root.iter("Document")):
        name = (document.findtext("DocID") or str(number)).strip()
        sentences = ["".join(s.itertext()).strip() for s in document.iter("Sentence")]
        text = " ".join(s for s in sentences if s)
        if text:
            yield Record(f"factbank/{name}", text, "factbank collection", None, None)


def real_articles(eval_dir: Path) -> list[Record]:
    """Every distinct real English news article of the evaluation folder, in a fixed order."""
    records = [*polnear(eval_dir / "polnear"), *basil(eval_dir / "basil"), *semeval_en(eval_dir / "semeval23"),
               *factbank(eval_dir / "uncertainty" / "factbank_dev.xml")]
    seen, out = set(), []
    for r in records:
        if r.text.strip() and r.text not in seen:
            seen.add(r.text)
            out.append(r)
    return out
