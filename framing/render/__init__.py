"""Rendering, the last step of the flow: profiles (``profiles``: JSON, JSONL, CSV, a table)
and comparisons (``comparison``: JSON, CSV, Markdown, a self-contained HTML page, whose
report sections are in ``comparison_parts``)."""
