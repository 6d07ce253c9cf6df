"""The readers: every format, every error code, folders, standard input, language checks."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from parley.model import Article
from parley.read import DEFAULT_MAX_BYTES, read_inputs
from parley.read.errors import ALL_CODES
from parley.read.text import parse_plain, repeats

FIXTURES = Path(__file__).parent / "fixtures" / "read"


def read_one(*inputs, **kwargs) -> Article:
    articles = list(read_inputs([str(i) for i in inputs], **kwargs))
    assert len(articles) == 1, articles
    return articles[0]


def section_texts(article: Article) -> dict[str, str]:
    return {s.kind: article.text[s.span[0] : s.span[1]] for s in article.sections}


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def assert_valid_spans(article: Article) -> None:
    previous_end = 0
    for section in article.sections:
        start, end = section.span
        assert previous_end <= start < end <= len(article.text)
        assert article.text[start:end] == article.text[start:end].strip()
        previous_end = end


ENGLISH_BODY = (
    "Officials from both governments met on Tuesday to discuss the exchange of prisoners, "
    "a spokesman for the mediators said, adding that the talks would continue next week."
)


# --- plain text --------------------------------------------------------------------------


def test_txt_repeated_standfirst_is_recorded_not_analysed():
    article = read_one(FIXTURES / "txt" / "river-truce.txt")
    assert article.error is None
    assert article.title == "Mediators press both sides to extend river truce"
    assert article.standfirst is not None and article.standfirst.endswith("before the harvest")
    # The repeated paragraph is analysed once, in the body.
    assert article.text.count("The truce along the river has held for nine days") == 1
    parts = section_texts(article)
    assert list(parts) == ["headline", "body"]
    assert parts["headline"] == article.title
    assert parts["body"].startswith("Regional mediators urged")
    assert article.text == parts["headline"] + "\n\n" + parts["body"]
    # Body lines are kept verbatim.
    source = (FIXTURES / "txt" / "river-truce.txt").read_text(encoding="utf-8").splitlines()
    assert "\n".join(source[2:]) == parts["body"]
    assert_valid_spans(article)


def test_txt_sidecar_gives_metadata():
    article = read_one(FIXTURES / "txt" / "river-truce.txt")
    assert article.id == "river-truce-2025-05-16"
    assert article.published == dt.date(2025, 5, 16)
    assert article.source == "Fixture Wire"
    assert article.url == "https://wire.example.com/river-truce"
    assert article.origin.endswith("river-truce.txt")


def test_txt_second_line_not_repeated_is_body():
    article = parse_plain("Headline here\nFirst paragraph of the story.\nSecond paragraph of the story.")
    assert article.standfirst is None
    assert article.text == "Headline here\n\nFirst paragraph of the story.\nSecond paragraph of the story."
    assert [s.kind for s in article.sections] == ["headline", "body"]


def test_txt_blank_line_paragraphs_and_wrapped_lines():
    article = read_one(FIXTURES / "txt" / "grain-corridor.txt")
    assert article.id == "grain-corridor"
    assert article.published is None and article.standfirst is None
    body = section_texts(article)["body"]
    assert body.startswith("The first convoy of grain lorries crossed the northern checkpoint on Wednesday\nafter")
    assert body.endswith('"a relief for everyone".')


def test_txt_standfirst_prefix_and_punctuation_variants():
    assert repeats("Talks resume in Geneva", "talks resume in Geneva.")
    assert repeats("Talks  resume\nin Geneva!", "TALKS RESUME IN GENEVA")
    long = "The envoy said the talks would resume in Geneva next week after a pause of two months"
    assert repeats(long[:-6], long)  # a prefix covering over 90%
    assert not repeats(long[:40], long)
    assert not repeats("", "anything")


def test_txt_crlf_and_long_first_line(tmp_path):
    path = write(tmp_path / "crlf.txt", b"Headline\r\nBody line one.\r\nBody line two.\r\n")
    article = read_one(path)
    assert "\r" not in article.text
    assert article.text == "Headline\n\nBody line one.\nBody line two."
    paragraph = "word " * 100 + "end."
    article = read_one(write(tmp_path / "para.txt", paragraph + "\nSecond paragraph."))
    assert article.title is None
    assert [s.kind for s in article.sections] == ["body"]


def test_folder_meta_json_applies_to_a_single_article():
    article = read_one(FIXTURES / "single")
    assert article.id == "prisoner-vote"
    assert article.published == dt.date(2025, 7, 3)
    assert article.source == "Fixture Daily"


def test_folder_meta_json_ignored_when_folder_has_two_articles(tmp_path):
    write(tmp_path / "meta.json", '{"id": "shared", "published": "2025-01-01"}')
    write(tmp_path / "a.txt", "Headline A\n" + ENGLISH_BODY)
    write(tmp_path / "b.txt", "Headline B\n" + ENGLISH_BODY)
    articles = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in articles] == ["a", "b"]
    assert all(a.published is None for a in articles)


def test_published_precedence(tmp_path):
    default = dt.date(2030, 1, 1)
    # The item's own date (sidecar) wins over the argument...
    assert read_one(FIXTURES / "txt" / "river-truce.txt", published=default).published == dt.date(2025, 5, 16)
    # ...which is the default for items without one.
    assert read_one(FIXTURES / "txt" / "grain-corridor.txt", published=default).published == default
    line = json.dumps({"id": "x", "text": ENGLISH_BODY, "published": "2024-02-29"})
    assert read_one(write(tmp_path / "x.jsonl", line), published=default).published == dt.date(2024, 2, 29)


def test_bad_sidecar_is_an_error(tmp_path):
    write(tmp_path / "story.txt", "Headline\n" + ENGLISH_BODY)
    write(tmp_path / "story.meta.json", '{"published": "last Tuesday"}')
    article = read_one(tmp_path / "story.txt")
    assert article.error.code == "invalid_record"
    assert "story.meta.json" in article.error.message


# --- JSON and JSON Lines ------------------------------------------------------------------


def test_json_object_with_title_and_verbatim_body(tmp_path):
    body = "  First paragraph, with  two spaces.\n\nSecond paragraph\nwith a wrapped line.  "
    record = {"id": "j1", "title": "A title", "text": body, "published": "2025-02-03", "url": "u", "source": "S"}
    article = read_one(write(tmp_path / "one.json", json.dumps(record)))
    assert article.id == "j1" and article.title == "A title"
    assert article.text == "A title\n\n" + body.strip()
    assert body.strip() in article.text
    assert section_texts(article) == {"headline": "A title", "body": body.strip()}
    assert (article.published, article.url, article.source) == (dt.date(2025, 2, 3), "u", "S")


def test_json_without_title_or_id(tmp_path):
    article = read_one(write(tmp_path / "plain.json", json.dumps({"text": ENGLISH_BODY})))
    assert article.id == "plain"
    assert article.title is None
    assert article.text == ENGLISH_BODY
    assert [s.kind for s in article.sections] == ["body"]


def test_json_list(tmp_path):
    records = [{"text": ENGLISH_BODY}, {"id": "named", "text": ENGLISH_BODY}, "not an object"]
    articles = list(read_inputs([str(write(tmp_path / "batch.json", json.dumps(records)))]))
    assert [a.id for a in articles] == ["batch:1", "named", "batch:3"]
    assert [a.error.code if a.error else None for a in articles] == [None, None, "invalid_record"]
    assert "Item 3" in articles[2].error.message


def test_json_standfirst_analysed_unless_repeated(tmp_path):
    standfirst = "Mediators say a deal is close"
    record = {"id": "s", "title": "Deal close", "standfirst": standfirst, "text": ENGLISH_BODY}
    article = read_one(write(tmp_path / "s.json", json.dumps(record)))
    assert section_texts(article) == {"headline": "Deal close", "standfirst": standfirst, "body": ENGLISH_BODY}
    assert article.standfirst == standfirst
    record["text"] = standfirst + ".\n" + ENGLISH_BODY
    article = read_one(write(tmp_path / "s.json", json.dumps(record)))
    assert [s.kind for s in article.sections] == ["headline", "body"]
    assert article.standfirst == standfirst
    assert article.text.count(standfirst) == 1


def test_jsonl_lines_ids_blank_lines_and_malformed(tmp_path):
    lines = [
        json.dumps({"id": "first", "text": ENGLISH_BODY}),
        "",
        json.dumps({"text": ENGLISH_BODY, "title": "No id"}),
        '{"id": "broken", "text": ',
        json.dumps({"id": 7, "text": ENGLISH_BODY}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines) + "\n")
    articles = list(read_inputs([str(path)]))
    assert [a.id for a in articles] == ["first", "feed:3", "feed:4", "7"]
    assert [a.error.code if a.error else None for a in articles] == [None, None, "malformed_json", None]
    assert "Line 4" in articles[2].error.message and "feed.jsonl" in articles[2].error.message
    assert articles[1].origin.endswith("feed.jsonl:3")


@pytest.mark.parametrize(
    "record, fragment",
    [
        ([1, 2], "not an article object"),
        ({"id": "x"}, 'no "text" field'),
        ({"id": "x", "text": 42}, '"text" must be a string'),
        ({"id": "x", "text": ENGLISH_BODY, "title": ["a"]}, '"title" must be a string'),
        ({"id": ["x"], "text": ENGLISH_BODY}, '"id" must be a string'),
        ({"id": "x", "text": ENGLISH_BODY, "published": "8 December 2024"}, "YYYY-MM-DD"),
        ({"id": "x", "text": ENGLISH_BODY, "published": "2024-02-30"}, "YYYY-MM-DD"),
    ],
)
def test_jsonl_invalid_records(tmp_path, record, fragment):
    article = read_one(write(tmp_path / "bad.jsonl", json.dumps(record) + "\n"))
    assert article.error.code == "invalid_record"
    assert fragment in article.error.message
    assert "Line 1" in article.error.message


def test_invalid_record_keeps_known_metadata(tmp_path):
    record = {"id": "keep", "title": "Kept title", "url": "https://x.example", "text": None}
    article = read_one(write(tmp_path / "k.jsonl", json.dumps(record)))
    assert article.error.code == "invalid_record"
    assert (article.id, article.title, article.url) == ("keep", "Kept title", "https://x.example")


def test_json_timestamp_published_takes_the_date(tmp_path):
    record = {"id": "t", "text": ENGLISH_BODY, "published": "2025-03-11T09:45:00Z"}
    assert read_one(write(tmp_path / "t.json", json.dumps(record))).published == dt.date(2025, 3, 11)


def test_malformed_json_file_names_the_line(tmp_path):
    article = read_one(write(tmp_path / "broken.json", '{\n  "id": "x",\n  "text": oops\n}'))
    assert article.error.code == "malformed_json"
    assert "line 3" in article.error.message and "broken.json" in article.error.message


# --- HTML -------------------------------------------------------------------------------


def test_html_news_page_without_boilerplate():
    article = read_one(FIXTURES / "html" / "harbour-talks.html")
    assert article.error is None
    assert article.id == "harbour-talks"
    assert article.title == "Envoys reach outline deal on harbour access"
    assert article.published == dt.date(2025, 3, 11)
    assert article.source == "The Coastal Ledger"
    assert article.url == "https://ledger.example.org/world/2025/03/11/harbour-talks"
    parts = section_texts(article)
    assert parts["headline"] == article.title
    assert parts["body"].startswith("Negotiators from both sides agreed on Tuesday")
    assert "Talks on a wider ceasefire are due to resume next week" in parts["body"]
    for boilerplate in ("Subscribe", "dataLayer", "Most read", "All rights reserved", "Cookie", "color:"):
        assert boilerplate not in article.text
    assert article.text.count(article.title) == 1
    assert article.language == "en"
    assert_valid_spans(article)


def test_htm_page_with_script_and_cookie_banner():
    article = read_one(FIXTURES / "html" / "border-shelling.htm")
    assert article.error is None
    assert article.title == "Shelling resumes near border crossing despite truce pledge"
    assert article.published == dt.date(2025, 6, 2)
    assert "Aid groups said about 2,000 people had fled" in article.text
    for boilerplate in ("Advertisement", "cookies", "Sign up", "Careers", "Front page"):
        assert boilerplate not in article.text


def test_html_declared_charset(tmp_path):
    page = (
        '<html><head><meta charset="windows-1252"><title>Caf\xe9 talks</title></head><body><article>'
        "<p>Negotiators met in a caf\xe9 near the front line on Monday and agreed to meet again next week, "
        "officials said.</p></article></body></html>"
    )
    article = read_one(write(tmp_path / "cp.html", page.encode("cp1252")))
    assert article.error is None
    assert "café" in article.text


def test_html_without_text(tmp_path):
    article = read_one(write(tmp_path / "blank.html", "<html><head><script>var x = 1;</script></head><body></body></html>"))
    assert article.error.code == "no_text"
    assert "blank.html" in article.error.message


# --- the guard: every error code --------------------------------------------------------


def test_not_found_and_unsupported_format(tmp_path):
    article = read_one(tmp_path / "missing.txt")
    assert (article.id, article.error.code) == ("missing", "not_found")
    assert "missing.txt" in article.error.message
    article = read_one(write(tmp_path / "report.pdf", b"%PDF-1.4"))
    assert article.error.code == "unsupported_format"


@pytest.mark.parametrize("suffix", [".txt", ".html", ".json", ".jsonl"])
def test_empty_and_whitespace_only(tmp_path, suffix):
    assert read_one(write(tmp_path / f"empty{suffix}", b"")).error.code == "empty"
    assert read_one(write(tmp_path / f"blank{suffix}", b" \n\t\r\n ")).error.code == "empty"


def test_binary(tmp_path):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    for suffix in (".txt", ".html", ".json", ".jsonl"):
        article = read_one(write(tmp_path / f"image{suffix}", png))
        assert article.error.code == "binary", suffix
    controls = ("Headline\n" + "\x01\x02\x03\x04 text " * 20).encode()
    assert read_one(write(tmp_path / "controls.txt", controls)).error.code == "binary"
    record = json.dumps({"id": "z", "text": "bad\u0000text"})
    assert read_one(write(tmp_path / "z.jsonl", record)).error.code == "binary"


def test_too_large(tmp_path):
    big = "Headline\n" + ENGLISH_BODY * 20
    article = read_one(write(tmp_path / "big.txt", big), max_bytes=1000)
    assert article.error.code == "too_large"
    assert "big.txt" in article.error.message
    lines = [json.dumps({"id": "small", "text": ENGLISH_BODY}), json.dumps({"id": "huge", "text": ENGLISH_BODY * 20})]
    lines.append(json.dumps({"id": "after", "text": ENGLISH_BODY}))
    articles = list(read_inputs([str(write(tmp_path / "lines.jsonl", "\n".join(lines)))], max_bytes=1000))
    assert [a.error.code if a.error else None for a in articles] == [None, "too_large", None]
    assert [a.id for a in articles] == ["small", "lines:2", "after"]
    records = [{"id": "ok", "text": ENGLISH_BODY}, {"id": "long", "text": ENGLISH_BODY * 20}]
    articles = list(read_inputs([str(write(tmp_path / "list.json", json.dumps(records)))], max_bytes=1000))
    assert [a.error.code if a.error else None for a in articles] == [None, "too_large"]
    assert articles[1].id == "long"
    assert DEFAULT_MAX_BYTES == 5 * 1024 * 1024


def test_encodings(tmp_path):
    text = "Headline with café\n" + ENGLISH_BODY
    latin = read_one(write(tmp_path / "latin.txt", text.encode("latin-1")))
    assert latin.error.code == "undecodable"
    assert "UTF-8" in latin.error.message and "latin.txt" in latin.error.message
    assert read_one(write(tmp_path / "bom8.txt", text.encode("utf-8-sig"))).title == "Headline with café"
    assert read_one(write(tmp_path / "bom16.txt", text.encode("utf-16"))).title == "Headline with café"
    line = json.dumps({"id": "u16", "text": ENGLISH_BODY}, ensure_ascii=False) + "\n"
    assert read_one(write(tmp_path / "u16.jsonl", line.encode("utf-16"))).id == "u16"
    bad_line = b'{"id": "x", "text": "caf\xe9 talks"}\n'
    article = read_one(write(tmp_path / "bad.jsonl", bad_line))
    assert article.error.code == "undecodable" and "Line 1" in article.error.message


def test_every_error_code_has_a_test():
    # Guards this file against a new code going untested: the codes below are each asserted above.
    tested = {
        "not_found", "unreadable", "unsupported_format", "empty", "binary", "too_large", "undecodable",
        "malformed_json", "invalid_record", "no_text", "unsupported_language",
    }  # fmt: skip
    assert set(ALL_CODES) == tested


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", "Headline\n" + ENGLISH_BODY)
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    # Tests run as root, who can read a mode-000 file: refuse the open instead.
    monkeypatch.setattr(Path, "open", refuse)
    article = read_one(path)
    assert (article.id, article.error.code) == ("locked", "unreadable")
    assert "Permission denied" in article.error.message


# --- language ---------------------------------------------------------------------------

FOREIGN = {
    "de": (
        "German",
        "Die Außenminister beider Länder haben sich am Dienstag in Genf getroffen und über einen "
        "Gefangenenaustausch gesprochen. Eine Einigung sei noch nicht in Sicht, sagte ein Sprecher.",
    ),
    "fr": (
        "French",
        "Les ministres des affaires étrangères des deux pays se sont rencontrés mardi à Genève pour "
        "discuter d'un échange de prisonniers. Aucun accord n'est encore en vue, a déclaré un porte-parole.",
    ),
    "ru": (
        "Russian",
        "Министры иностранных дел двух стран встретились во вторник в Женеве и обсудили обмен "
        "пленными. Соглашения пока не достигнуто, сообщил представитель министерства.",
    ),
    "ar": (
        "Arabic",
        "التقى وزيرا خارجية البلدين يوم الثلاثاء في جنيف لبحث تبادل الأسرى، وقال متحدث باسم "
        "الوزارة إنه لم يتم التوصل إلى اتفاق حتى الآن.",
    ),
    "zh": (
        "Chinese",
        "两国外交部长星期二在日内瓦会面，讨论交换战俘问题。外交部发言人说，双方尚未达成协议，"
        "但会谈将在下周继续进行，以便尽快结束冲突。",
    ),
}


@pytest.mark.parametrize("code", sorted(FOREIGN))
def test_non_english_is_refused_unless_forced(tmp_path, code):
    name, body = FOREIGN[code]
    path = write(tmp_path / f"{code}.txt", f"Headline\n{body}")
    article = read_one(path)
    assert article.error.code == "unsupported_language"
    assert article.language == code
    assert name in article.error.message and f"'{code}'" in article.error.message
    assert article.text  # kept: the user may force it
    forced = read_one(path, force_language=True)
    assert forced.error is None and forced.language == code


@pytest.mark.parametrize(
    "headline",
    [
        "Trump calls for immediate Ukraine ceasefire",
        "Zelenskiy says Kyiv ready",
        "Putin, Erdogan meet in Istanbul",
        "Macron hosts Scholz, Sánchez in Élysée",
        "Peskov: Moskva open to talks",
    ],
)
def test_short_english_headlines_are_not_flagged(tmp_path, headline):
    article = read_one(write(tmp_path / "h.jsonl", json.dumps({"id": "h", "text": headline})))
    assert article.error is None


def test_english_article_gets_en(tmp_path):
    assert read_one(write(tmp_path / "e.txt", "Headline\n" + ENGLISH_BODY)).language == "en"


# --- folders, order, standard input -----------------------------------------------------


def test_folder_mix_one_article_per_item_in_order(tmp_path):
    write(tmp_path / "a-good.txt", "First story\n" + ENGLISH_BODY)
    write(tmp_path / "b-empty.txt", "")
    write(tmp_path / "c-binary.txt", b"\x00\x01\x02\x03binary\x00")
    lines = [json.dumps({"id": "d1", "text": ENGLISH_BODY}), "{not json", json.dumps({"id": "d3", "text": ENGLISH_BODY})]
    write(tmp_path / "d-feed.jsonl", "\n".join(lines) + "\n")
    write(tmp_path / "e-sub" / "f-nested.html", (FIXTURES / "html" / "harbour-talks.html").read_bytes())
    write(tmp_path / "a-good.meta.json", '{"source": "Sidecar"}')
    write(tmp_path / ".hidden.txt", "Hidden\n" + ENGLISH_BODY)
    write(tmp_path / ".git" / "x.txt", "Hidden\n" + ENGLISH_BODY)
    write(tmp_path / "notes.md", "not read")
    articles = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in articles] == ["a-good", "b-empty", "c-binary", "d1", "d-feed:2", "d3", "f-nested"]
    codes = [a.error.code if a.error else None for a in articles]
    assert codes == [None, "empty", "binary", None, "malformed_json", None, None]
    assert articles[0].source == "Sidecar"
    for article in articles:
        if article.error is None:
            assert article.text and article.language == "en"
            assert_valid_spans(article)


def test_inputs_keep_their_order(tmp_path):
    b = write(tmp_path / "b.txt", "B story\n" + ENGLISH_BODY)
    a = write(tmp_path / "a.txt", "A story\n" + ENGLISH_BODY)
    ids = [x.id for x in read_inputs([str(b), str(tmp_path / "nope.txt"), str(a)])]
    assert ids == ["b", "nope", "a"]


def test_empty_folder(tmp_path):
    write(tmp_path / "notes.md", "x")
    article = read_one(tmp_path)
    assert article.error.code == "empty"


class FakeStdin:
    def __init__(self, data: bytes):
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    "data, expected_ids, title",
    [
        (("Stdin headline\n" + ENGLISH_BODY).encode(), ["stdin"], "Stdin headline"),
        (
            (json.dumps({"id": "l1", "text": ENGLISH_BODY}) + "\n" + json.dumps({"text": ENGLISH_BODY}) + "\n").encode(),
            ["l1", "stdin:2"],
            None,
        ),
        (json.dumps({"id": "pretty", "title": "T", "text": ENGLISH_BODY}, indent=2).encode(), ["pretty"], "T"),
        (json.dumps([{"text": ENGLISH_BODY}]).encode(), ["stdin:1"], None),
        ((FIXTURES / "html" / "border-shelling.htm").read_bytes(), ["stdin"], "Shelling resumes near border crossing despite truce pledge"),
    ],
)
def test_stdin(monkeypatch, data, expected_ids, title):
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    articles = list(read_inputs(["-"]))
    assert [a.id for a in articles] == expected_ids
    assert all(a.error is None and a.origin.startswith("-") for a in articles)
    assert articles[0].title == title


def test_stdin_empty(monkeypatch):
    monkeypatch.setattr(sys, "stdin", FakeStdin(b""))
    article = read_one("-")
    assert (article.id, article.error.code) == ("stdin", "empty")


# --- the worked example -----------------------------------------------------------------


def test_ceasefire_example(shared_dir):
    folder = shared_dir / "examples" / "ceasefire"
    if not (folder / "article.txt").is_file():
        pytest.skip("the ceasefire example is not in ../shared")
    article = read_one(folder)
    assert article.error is None
    assert article.id == "ceasefire-2024-12-08"
    assert article.published == dt.date(2024, 12, 8)
    assert article.source == "Reuters"
    assert article.title == "Trump calls for immediate Ukraine ceasefire"
    assert article.standfirst and article.standfirst.startswith("Trump made his comments just hours after")
    assert article.text.count("Trump made his comments just hours after") == 1
    assert section_texts(article)["body"].startswith("US President-elect Donald Trump called on Sunday")
    assert article.language == "en"


def test_stdin_json_lines_longer_than_the_sniffed_bytes(monkeypatch):
    long_body = (ENGLISH_BODY + " ") * 500  # about 85 KB: longer than the first read of stdin
    lines = [json.dumps({"id": "long1", "text": long_body}), json.dumps({"id": "long2", "text": long_body})]
    monkeypatch.setattr(sys, "stdin", FakeStdin("\n".join(lines).encode()))
    articles = list(read_inputs(["-"]))
    assert [(a.id, a.error) for a in articles] == [("long1", None), ("long2", None)]
    assert long_body.strip() in articles[1].text
