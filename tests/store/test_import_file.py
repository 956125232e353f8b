"""Reading an annotation file to import: the limits, the nesting depth, and each value checked,
so a bad file is refused with the item and field named and nothing is written."""

from __future__ import annotations

import json

import pytest

from reader.store import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ITEMS,
    MAX_JSON_DEPTH,
    ExchangeError,
    export_annotations,
    import_annotations,
    read_import_file,
)
from reader.store.import_file import MAX_OFFSET, parse_w3c


def item(exact: str = "网络空间", **fields) -> dict:
    """An annotation with a quote, and whatever else the test gives."""
    annotation = {
        "type": "Annotation",
        "body": [{"type": "TextualBody", "purpose": "commenting", "value": "note"}],
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": exact}]},
    }
    annotation.update(fields)
    return annotation


def raw(items: list[dict]) -> bytes:
    """JSON as the file holds it: lone surrogates stay \\ud800 escapes, as other tools write."""
    return json.dumps(items).encode("ascii")


def refused(store, seed, data: bytes) -> str:
    """The reason the import gives; the store holds nothing afterwards."""
    with pytest.raises(ExchangeError) as error:
        import_annotations(store, seed, data, "notes.json")
    assert store.annotations.count() == 0
    return error.value.reason


LONE = "\ud800"


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (item(id="urn:x" + LONE), "item 2: id: not valid text (lone surrogate)"),
        (item("网络" + LONE), "item 2: quote: not valid text (lone surrogate)"),
        (
            item(body=[{"type": "TextualBody", "purpose": "commenting", "value": LONE}]),
            "item 2: note: not valid text (lone surrogate)",
        ),
        (item(bodyValue="x" + LONE), "item 2: note: not valid text (lone surrogate)"),
        (
            item(body=[{"type": "TextualBody", "purpose": "tagging", "value": "标签" + LONE}]),
            "item 2: tag: not valid text (lone surrogate)",
        ),
        (
            item(
                target={"selector": {"type": "TextQuoteSelector", "exact": "网络", "prefix": LONE}}
            ),
            "item 2: prefix: not valid text (lone surrogate)",
        ),
        (item(body=[{"type": "TextualBody", "value": 42}]), "item 2: note: not text"),
        (item(id=7), "item 2: id: not text"),
        ("not an object", "item 2: annotation: not a JSON object"),
    ],
)
def test_text_that_cannot_be_kept_names_the_item_and_field(store, seed, bad, reason):
    assert refused(store, seed, raw([item(), bad])) == reason


def position(start, end) -> dict:
    return item(
        target={
            "selector": [
                {"type": "TextQuoteSelector", "exact": "网络空间"},
                {"type": "TextPositionSelector", "start": start, "end": end},
            ]
        }
    )


@pytest.mark.parametrize(
    ("start", "end", "reason"),
    [
        (10**30, 10**30 + 1, "start is out of range (0 to 2,147,483,647)"),
        (0, MAX_OFFSET + 1, "end is out of range"),
        (-1, 4, "start is out of range"),
        (1.5, 4, "start is not a whole number"),
        ("1", 4, "start is not a whole number"),
        (True, 4, "start is not a whole number"),
        (None, 4, "start is not a whole number"),
        (9, 4, "end is before start"),
    ],
)
def test_a_position_out_of_range_is_refused(store, seed, start, end, reason):
    reason_given = refused(store, seed, raw([position(start, end)]))
    assert reason_given.startswith("item 1: position: ") and reason in reason_given


@pytest.mark.parametrize(
    ("moment", "reason"),
    [
        ("0001-01-01T00:00:00+14:00", "out of range (before year 1 or after 9999 in UTC)"),
        ("9999-12-31T23:59:59-14:00", "out of range (before year 1 or after 9999 in UTC)"),
        ("yesterday", "not an ISO 8601 date and time"),
        ("2024-01-01" + LONE, "not valid text (lone surrogate)"),
        (20240101, "not text"),
    ],
)
@pytest.mark.parametrize("field", ["created", "modified"])
def test_a_time_out_of_range_or_not_a_time_is_refused(store, seed, field, moment, reason):
    assert refused(store, seed, raw([item(**{field: moment})])) == f"item 1: {field}: {reason}"


def test_times_at_the_edge_of_the_range_import_in_utc_and_export(store, seed):
    edges = [
        item("网络空间", created="0001-01-01T00:00:00+00:00", modified="0001-01-01T13:59:00+13:59"),
        item("信息化", created="9999-12-31T23:59:59.999Z", modified="9999-12-31T09:59:59-14:00"),
    ]
    assert import_annotations(store, seed, raw(edges)).added == 2
    for format in ("json", "md", "csv"):
        assert export_annotations(store, seed, format)
    exported = json.loads(export_annotations(store, seed, "json"))["first"]["items"]
    assert {(a["created"], a["modified"]) for a in exported} == {
        ("0001-01-01T00:00:00.000Z", "0001-01-01T00:00:00.000Z"),
        ("9999-12-31T23:59:59.999Z", "9999-12-31T23:59:59.000Z"),
    }


def test_an_empty_position_is_no_position(store, seed):
    report = import_annotations(store, seed, raw([position(5, 5)]))
    assert (report.added, report.by_quote) == (1, 1)


def test_one_bad_item_among_good_ones_writes_nothing(store, seed):
    items = [item("网络空间"), item("信息化"), item("网民", created="0001-01-01T00:00:00+14:00")]
    assert (
        refused(store, seed, raw(items))
        == "item 3: created: out of range (before year 1 or after 9999 in UTC)"
    )


def nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def test_json_nested_deeper_than_the_limit_is_refused_before_parsing(store, seed):
    assert "nested more than 100 levels" in refused(store, seed, nested(100_000))
    assert "nested more than" in refused(store, seed, nested(MAX_JSON_DEPTH + 1))
    assert refused(store, seed, nested(MAX_JSON_DEPTH)) == "item 1: annotation: not a JSON object"


def test_brackets_inside_strings_do_not_count_as_nesting(store, seed):
    note = '"[[[' * 50 + "\\" + "{" * 200
    items = [item(body=[{"type": "TextualBody", "value": note}])]
    assert import_annotations(store, seed, json.dumps(items).encode()).added == 1
    assert store.annotations.for_document(1)[0].note == note


def test_fifty_thousand_chained_pages_are_refused(store, seed):
    pages = 50_000
    data = (
        '{"type": "AnnotationCollection", "first": '
        + '{"type": "AnnotationPage", "items": [], "next": ' * pages
        + "null"
        + "}" * pages
        + "}"
    )
    assert "nested more than" in refused(store, seed, data.encode())


def test_chained_pages_within_the_limit_are_all_read(store, seed):
    quotes = ["网络空间", "信息化", "网民"]
    page: dict | None = None
    for quote in reversed(quotes):
        page = {"type": "AnnotationPage", "items": [item(quote)], "next": page}
    data = json.dumps({"type": "AnnotationCollection", "first": page}).encode()
    assert import_annotations(store, seed, data).added == 3


def test_a_page_whose_items_are_not_a_list_is_refused(store, seed):
    data = {"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": {}}}
    assert refused(store, seed, json.dumps(data).encode()) == "page 1: items: not a list"


def test_more_items_than_the_limit_are_refused(store, seed):
    data = json.dumps([{}] * (MAX_IMPORT_ITEMS + 1)).encode()
    assert "more than 50,000 annotations" in refused(store, seed, data)
    over_pages = {
        "type": "AnnotationCollection",
        "first": {
            "items": [{}] * MAX_IMPORT_ITEMS,
            "next": {"items": [{}]},
        },
    }
    assert "more than 50,000" in refused(store, seed, json.dumps(over_pages).encode())


def test_a_file_larger_than_the_limit_is_refused_before_it_is_read(store, seed, tmp_path):
    large = tmp_path / "large.json"
    with large.open("wb") as file:
        file.truncate(MAX_IMPORT_BYTES + 1)  # sparse: nothing to read, only a size
    with pytest.raises(ExchangeError, match="larger than 32 MiB"):
        read_import_file(large)
    assert "larger than 32 MiB" in refused(store, seed, b" " * (MAX_IMPORT_BYTES + 1))


def test_a_file_at_the_limit_is_read(tmp_path):
    exact = tmp_path / "exact.json"
    exact.write_bytes(b"[" + b" " * (MAX_IMPORT_BYTES - 2) + b"]")
    assert parse_w3c(read_import_file(exact)) == []


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda path: None, "no such file"),
        (lambda path: path.mkdir(), "is a folder, not a file"),
    ],
)
def test_a_file_that_cannot_be_read_is_a_reason(tmp_path, make, reason):
    path = tmp_path / "notes.json"
    make(path)
    with pytest.raises(ExchangeError, match=reason):
        read_import_file(path)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"1" * 5000, "is not JSON Reader can read"),
        (b'{"type": [{}, []]}', "holds no W3C annotations"),
        (b"[1e999999]", "item 1: annotation: not a JSON object"),
    ],
)
def test_odd_json_is_a_reason_not_a_traceback(store, seed, data, reason):
    assert reason in refused(store, seed, data)
