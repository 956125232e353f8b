"""Properties of an import: whatever JSON comes, it is a clear refusal or a clean import,
never a traceback, and the store can still be exported in every format afterwards."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.store import ExchangeError, ImportReport, export_annotations, import_annotations

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    database=None,  # nothing written beside the checkout
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=12)
"""Any code points, lone surrogates among them (JSON escapes them as \\udXXX)."""

wild_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
    st.sampled_from(
        [
            "0001-01-01T00:00:00+14:00",
            "9999-12-31T23:59:59-14:00",
            "2024-02-30T00:00:00Z",
            "2024-01-01T00:00:00",
            "urn:uuid:0d6f4a52-8a1e-4a43-9d0c-6f3f0e6f2a11",
            "网络空间",
            "集腋成裘",
            "yellow",
            "red",
            "question",
            "",
        ]
    ),
)

any_json = st.recursive(
    wild_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4),
    max_leaves=20,
)


def one_of_keys(keys: list[str], values: st.SearchStrategy) -> st.SearchStrategy:
    return st.dictionaries(st.sampled_from(keys), values, max_size=len(keys))


selector = one_of_keys(
    ["type", "exact", "prefix", "suffix", "start", "end"],
    st.one_of(
        st.sampled_from(["TextQuoteSelector", "TextPositionSelector"]),
        st.integers(min_value=-5, max_value=10**31),
        wild_scalars,
    ),
)
body = one_of_keys(
    ["type", "purpose", "value", "format"],
    st.one_of(st.sampled_from(["TextualBody", "tagging", "commenting"]), wild_scalars),
)
target = st.one_of(
    one_of_keys(
        ["source", "styleClass", "selector"],
        st.one_of(wild_scalars, selector, st.lists(selector, max_size=3)),
    ),
    any_json,
)
annotation = one_of_keys(
    ["id", "type", "motivation", "created", "modified", "body", "bodyValue", "target"],
    st.one_of(
        st.just("Annotation"), wild_scalars, body, st.lists(body, max_size=3), target, any_json
    ),
)
annotation_file = st.one_of(
    st.lists(annotation, max_size=4),
    annotation,
    st.builds(
        lambda items, nested: {
            "type": "AnnotationCollection",
            "first": {"type": "AnnotationPage", "items": items, "next": nested},
        },
        st.lists(annotation, max_size=3),
        st.one_of(st.none(), st.builds(lambda i: {"items": i}, st.lists(annotation, max_size=2))),
    ),
)


def import_or_refuse(store, seed, data: bytes) -> None:
    """The import gives a report or an ExchangeError; either way the store still exports,
    and a refused import wrote nothing."""
    count = store.annotations.count()
    try:
        report = import_annotations(store, seed, data, "wild.json")
    except ExchangeError as error:
        assert "\n" not in str(error)
        assert store.annotations.count() == count
    else:
        assert isinstance(report, ImportReport)
        assert store.annotations.count() >= count
    for format in ("json", "md", "csv"):
        export_annotations(store, seed, format)
    json.loads(export_annotations(store, seed, "json"))


@PROPERTY
@given(data=any_json)
def test_any_json_is_refused_or_imported(store, seed, data):
    import_or_refuse(store, seed, json.dumps(data).encode("ascii"))


@PROPERTY
@given(data=annotation_file)
def test_annotation_shaped_json_with_wild_values_is_refused_or_imported(store, seed, data):
    import_or_refuse(store, seed, json.dumps(data).encode("ascii"))


@PROPERTY
@given(data=st.binary(max_size=64))
def test_any_bytes_are_refused_or_imported(store, seed, data):
    import_or_refuse(store, seed, data)


@pytest.mark.parametrize(
    "data",
    [
        b'[{"target": {"selector": {"type": "TextQuoteSelector", "exact": "\\ud800"}}}]',
        b'{"type": "AnnotationCollection", "first": {"items": [{"target": {}}], "next": 5}}',
        b'[{"type": ["Annotation", {}], "target": {"selector": [{"type": [[]]}]}}]',
    ],
)
def test_examples_that_once_broke_an_import(store, seed, data):
    import_or_refuse(store, seed, data)
