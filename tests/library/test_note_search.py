from __future__ import annotations

from reader.library.search import LibraryQuery, search


def annotate(store, documents):
    """Three annotations: a quote in traditional script, a note, a tag."""
    first, second, _ = sorted(documents)
    text = documents[first].text
    at = text.index("寶玉笑")
    quoted = store.annotations.create(first, text, at, at + 2, colour="yellow")
    other = documents[second].text
    at = other.index("北京")
    noted = store.annotations.create(
        second, other, at, at + 2, colour="green", note="Here 宝玉 lived in 北京.", tags=["place"]
    )
    at = other.index("名字")
    tagged = store.annotations.create(second, other, at, at + 2, tags=["人名", "Names"])
    return quoted, noted, tagged


def test_notes_are_searched_in_quote_note_and_tags_in_either_script(index_books, index, store):
    documents = index_books()
    quoted, noted, tagged = annotate(store, documents)
    hits = search(index, store, LibraryQuery("宝玉", notes=True))
    assert [hit.annotation_id for hit in hits] == [quoted.id, noted.id]
    first, second = hits
    assert (first.start, first.end) == (quoted.start, quoted.end)
    assert first.match == "寶玉" and first.left == ""
    assert first.path == documents[quoted.document_id].path
    assert first.section == "第一回 甄士隱夢幻識通靈"
    assert (second.left, second.match, second.right) == ("Here ", "宝玉", " lived in 北京.")
    (by_tag,) = search(index, store, LibraryQuery("人名", notes=True))
    assert by_tag.annotation_id == tagged.id
    (by_case,) = search(index, store, LibraryQuery("names", notes=True))
    assert by_case.annotation_id == tagged.id


def test_notes_by_pinyin(index_books, index, store):
    documents = index_books()
    quoted, noted, _ = annotate(store, documents)
    hits = search(index, store, LibraryQuery("bao3yu4", notes=True, pinyin=True))
    assert [hit.annotation_id for hit in hits] == [quoted.id, noted.id]
    (hit,) = search(index, store, LibraryQuery("beijing", notes=True, pinyin=True))
    assert hit.annotation_id == noted.id


def test_notes_filtered_by_tag_colour_and_document(index_books, index, store):
    documents = index_books()
    quoted, noted, tagged = annotate(store, documents)
    every = search(index, store, LibraryQuery("", notes=True))
    assert {hit.annotation_id for hit in every} == {quoted.id, noted.id, tagged.id}
    by_tag = search(index, store, LibraryQuery("", notes=True, tags=frozenset({"PLACE"})))
    assert [hit.annotation_id for hit in by_tag] == [noted.id]
    by_colour = search(
        index, store, LibraryQuery("宝玉", notes=True, colours=frozenset({"yellow"}))
    )
    assert [hit.annotation_id for hit in by_colour] == [quoted.id]
    only = frozenset({quoted.document_id})
    assert [
        h.annotation_id for h in search(index, store, LibraryQuery("", notes=True, documents=only))
    ] == [quoted.id]
    assert (
        search(index, store, LibraryQuery("宝玉", notes=True), limit=1)[0].annotation_id
        == quoted.id
    )
