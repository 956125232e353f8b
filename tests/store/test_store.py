"""Opening a document whose file changed: annotations re-anchored, orphans kept and listed."""

from __future__ import annotations

from reader.document import open_document


def annotate(store, path, quotes):
    document = open_document(path)
    record = store.open_document(document).record
    made = {}
    for quote in quotes:
        start = document.text.index(quote)
        made[quote] = store.annotations.create(
            record.id, document.text, start, start + len(quote), note=f"note on {quote}"
        )
    return made


QUOTES = [
    "网上善意批评要认真研究吸收",
    "我国有7亿网民",
    "网络空间是亿万民众共同的精神家园。",
    "集腋成裘",
    "中国开放的大门不能关上",
    "安天实验室首席架构师",
]


def test_an_unchanged_file_is_not_reanchored(store, seed_copy):
    annotate(store, seed_copy, QUOTES)
    opened = store.open_document(open_document(seed_copy))
    assert opened.report is None
    assert len(opened.annotations) == len(QUOTES)


def test_after_a_paragraph_is_inserted_annotations_are_at_their_new_places(store, seed_copy):
    made = annotate(store, seed_copy, QUOTES)
    original = seed_copy.read_text(encoding="utf-8")
    paragraph = "这是读者后来加进去的一段话,讲的是别的事情,和原文没有关系。\n\n"
    seed_copy.write_text(
        original.replace("习近平强调,网信事业", paragraph + "习近平强调,网信事业"), encoding="utf-8"
    )
    edited = open_document(seed_copy)

    opened = store.open_document(edited)

    assert opened.report is not None
    assert opened.report.orphans == []
    assert opened.report.moved == 4 and opened.report.unchanged == 2
    for annotation in opened.annotations:
        assert edited.text[annotation.start : annotation.end] == annotation.quote
        assert annotation.quote in made and annotation.note == f"note on {annotation.quote}"
    assert "4 moved" in opened.report.message
    assert store.open_document(edited).report is None


def test_after_a_quoted_sentence_is_deleted_that_annotation_is_an_orphan(store, seed_copy):
    made = annotate(store, seed_copy, QUOTES)
    sentence = "网络空间是亿万民众共同的精神家园。"
    seed_copy.write_text(
        seed_copy.read_text(encoding="utf-8").replace(sentence, ""), encoding="utf-8"
    )
    edited = open_document(seed_copy)

    opened = store.open_document(edited)

    (orphan,) = opened.report.orphans
    assert orphan.id == made[sentence].id
    assert (orphan.quote, orphan.note, orphan.orphan) == (sentence, f"note on {sentence}", True)
    assert "1 not found" in opened.report.message
    assert len(opened.annotations) == len(QUOTES)
    assert store.annotations.get(orphan.id).orphan

    start = edited.text.index("网络空间天朗气清")
    store.annotations.reattach(orphan.id, edited.text, start, start + 8)
    assert not store.annotations.get(orphan.id).orphan


def test_an_orphan_comes_back_when_its_text_does(store, seed_copy):
    annotate(store, seed_copy, QUOTES)
    original = seed_copy.read_text(encoding="utf-8")
    sentence = "网络空间是亿万民众共同的精神家园。"
    seed_copy.write_text(original.replace(sentence, ""), encoding="utf-8")
    assert len(store.open_document(open_document(seed_copy)).report.orphans) == 1

    seed_copy.write_text(original, encoding="utf-8")
    restored = open_document(seed_copy)
    opened = store.open_document(restored)
    assert opened.report.orphans == []
    (back,) = [a for a in opened.annotations if a.quote == sentence]
    assert restored.text[back.start : back.end] == sentence
