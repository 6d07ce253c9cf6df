"""Fuzzing the readers: random bytes in every format never make read_inputs raise.

Each example writes the bytes to a file and checks the promise read_inputs makes:
at least one Article per file, each either with an error or with non-empty text
whose sections are ordered, non-overlapping and inside the text.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.read import read_inputs
from parley.read.errors import ALL_CODES, UNREADABLE

SUFFIXES = (".txt", ".json", ".jsonl", ".html")

# Random bytes rarely look like any format; these fragments steer examples towards
# the parsers' interesting paths (JSON punctuation, tags, line breaks, BOMs, NULs).
FRAGMENTS = st.sampled_from(
    [
        b"{", b"}", b"[", b"]", b'"text": ', b'"id": ', b'"title": ', b'"published": "2024-02-30"', b'"x"',
        b",", b":", b"\n", b"\r\n", b"\n\n", b" ", b"<p>", b"</p>", b"<html><body>", b"<title>", b"<script>",
        b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\x01", b"\xe9", b"\xc3\xa9", b"null", b"42", b"true",
        b"Talks resume.", b"The envoy said the talks would resume.",
    ]
)  # fmt: skip
CONTENT = st.one_of(
    st.binary(max_size=400),
    st.lists(st.one_of(FRAGMENTS, st.binary(max_size=8)), max_size=40).map(b"".join),
    st.text(max_size=300).map(lambda s: s.encode("utf-8", "surrogatepass")),
)
RECORDS = st.lists(
    st.dictionaries(
        st.sampled_from(["id", "text", "title", "published", "url", "source", "standfirst", "other"]),
        st.one_of(st.none(), st.integers(), st.text(max_size=80), st.lists(st.integers(), max_size=2)),
        max_size=6,
    ),
    min_size=1,
    max_size=4,
)


def check(articles, name: str) -> None:
    assert len(articles) >= 1, name
    for article in articles:
        if article.error is not None:
            assert article.error.code in ALL_CODES
            # 'unreadable' on a file that exists means the safety net caught a reader bug.
            assert article.error.code != UNREADABLE, article.error.message
            assert article.error.message
            continue
        assert article.text.strip()
        previous_end = 0
        for section in article.sections:
            start, end = section.span
            assert previous_end <= start < end <= len(article.text)
            previous_end = end
        assert article.sections


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=CONTENT, suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_raise(content, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(content)
        check(list(read_inputs([str(path)], max_bytes=4096)), path.name)


@settings(max_examples=100, deadline=None)
@given(records=RECORDS, as_lines=st.booleans())
def test_random_records_never_raise(records, as_lines):
    with tempfile.TemporaryDirectory() as folder:
        if as_lines:
            path = Path(folder) / "records.jsonl"
            path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
        else:
            path = Path(folder) / "records.json"
            path.write_text(json.dumps(records), encoding="utf-8")
        articles = list(read_inputs([str(path)]))
        check(articles, path.name)
        assert len(articles) == len(records)
        for record, article in zip(records, articles):
            if article.error is None:
                body = record["text"].replace("\r\n", "\n").replace("\r", "\n").strip()
                assert body in article.text
