"""Re-anchoring on real text: the seed article, edited the ways a reader's files change."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.store.anchoring import (
    CONTEXT_LENGTH,
    Quote,
    _end_distances,
    _fuzzy_candidates,
    locate,
    nearest_offset,
    quote_at,
    reanchor,
)


def brute_force_end_distances(text: str, pattern: str, anchored: bool) -> list[int]:
    """The textbook dynamic programme, column by column."""
    column = list(range(len(pattern) + 1))
    distances = []
    for index, char in enumerate(text, start=1):
        new = [index if anchored else 0]
        for row in range(1, len(pattern) + 1):
            new.append(
                min(
                    column[row] + 1,
                    new[row - 1] + 1,
                    column[row - 1] + (pattern[row - 1] != char),
                )
            )
        distances.append(new[-1])
        column = new
    return distances


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="网民上看𠀀", max_size=40),
    pattern=st.text(alphabet="网民上看𠀀", min_size=1, max_size=70),
    anchored=st.booleans(),
)
def test_bit_parallel_distances_equal_the_dynamic_programme(text, pattern, anchored):
    assert list(_end_distances(text, pattern, anchored)) == brute_force_end_distances(
        text, pattern, anchored
    )


def test_an_unchanged_text_keeps_every_position(seed):
    start = seed.text.index("我国有7亿网民")
    quote = quote_at(seed.text, start, start + 7)
    assert locate(seed.text, quote, (start, start + 7)).method == "position"


def test_a_paragraph_inserted_before_moves_the_quote(seed):
    start = seed.text.index("我国有7亿网民")
    quote = quote_at(seed.text, start, start + 7)
    inserted = "新增的一段文字,讲别的事情。\n"
    at = seed.text.index("中共中央政治局常委")
    text = seed.text[:at] + inserted + seed.text[at:]
    placement = locate(text, quote, (start, start + 7))
    assert (placement.start, placement.end) == (start + len(inserted), start + len(inserted) + 7)
    assert text[placement.start : placement.end] == "我国有7亿网民"


def test_a_common_character_at_its_old_offset_is_not_taken_when_its_context_changed(seed):
    """After an insertion another 的 can sit at the old offset: the context tells them apart."""
    start = seed.text.index("的精神家园")
    quote = quote_at(seed.text, start, start + 1)
    earlier = seed.text.rindex("的", 0, start - 40)
    shift = start - earlier
    text = seed.text[: earlier - 40] + "新" * shift + seed.text[earlier - 40 :]
    assert text[start] == "的"
    placement = locate(text, quote, (start, start + 1))
    assert placement.start == start + shift


def test_an_edited_quote_is_found_fuzzily_with_its_context(seed):
    sentence = "网络空间是亿万民众共同的精神家园。"
    start = seed.text.index(sentence)
    quote = quote_at(seed.text, start, start + len(sentence))
    text = seed.text.replace(sentence, "网络空间是亿万人民共同的精神家园。")
    placement = locate(text, quote, (start, start + len(sentence)))
    assert placement.method == "fuzzy"
    assert text[placement.start : placement.end] == "网络空间是亿万人民共同的精神家园。"


def test_a_deleted_sentence_is_an_orphan(seed):
    sentence = "网络空间是亿万民众共同的精神家园。"
    start = seed.text.index(sentence)
    quote = quote_at(seed.text, start, start + len(sentence))
    text = seed.text.replace(sentence, "")
    assert locate(text, quote, (start, start + len(sentence))) is None


def test_a_short_quote_is_not_pinned_to_a_look_alike_elsewhere(seed):
    """网民 occurs all over the article; once its own sentence is gone it is an orphan."""
    sentence = "网民来自老百姓,老百姓上了网,民意也就上了网。"
    start = seed.text.index(sentence)
    quote = quote_at(seed.text, start, start + 2)
    assert quote.exact == "网民"
    text = seed.text.replace(sentence, "")
    assert "网民" in text
    assert locate(text, quote, (start, start + 2)) is None


def test_a_long_quote_moved_to_another_paragraph_is_found(seed):
    sentence = "核心技术的根源问题是基础研究问题"
    start = seed.text.index(sentence)
    quote = quote_at(seed.text, start, start + len(sentence))
    without = seed.text.replace(sentence, "")
    end = without.index("相关链接")
    text = without[:end] + sentence + "。\n" + without[end:]
    placement = locate(text, quote, (start, start + len(sentence)))
    assert text[placement.start : placement.end] == sentence


def test_a_quote_without_context_or_position_takes_the_first_match():
    text = "甲乙丙丁,甲乙丙丁"
    placement = locate(text, Quote("乙丙"))
    assert (placement.start, placement.end) == (1, 3)


def test_an_import_trusts_a_position_that_holds_the_quote_whatever_its_context(seed):
    start = seed.text.index("网民")
    quote = Quote("网民", prefix="some other tool's context")
    assert locate(seed.text, quote, (start, start + 2), trust_position=True).method == "position"


def test_context_is_kept_to_its_length_at_the_edges_of_the_text(seed):
    quote = quote_at(seed.text, 0, 3)
    assert quote.prefix == ""
    assert len(quote.suffix) == CONTEXT_LENGTH


def test_reanchor_uses_the_shift_of_the_neighbours(seed):
    """Many annotations after an insertion: each is found at its old place moved by the same
    amount, the step that makes 10,000 annotations on a novel cheap."""
    starts = list(range(300, 3000, 97))
    anchors = [(quote_at(seed.text, s, s + 4), (s, s + 4)) for s in starts]
    inserted = "插入的一段。\n"
    text = seed.text[:200] + inserted + seed.text[200:]
    placements = reanchor(text, anchors)
    assert [p.start for p in placements] == [s + len(inserted) for s in starts]
    assert {p.method for p in placements[1:]} == {"shift"}


def test_fuzzy_candidates_include_a_match_with_a_few_edits():
    text = "他说:网络空间天朗气清、生态良好,符合人民利益。"
    pattern = "网络空间天朗气青、生态很好"
    (candidate,) = _fuzzy_candidates(text, pattern, 3, [(0, len(text))])
    assert text[candidate.start : candidate.end] == "网络空间天朗气清、生态良好"
    assert candidate.errors == 2


def test_the_reading_place_is_found_again_in_a_changed_text():
    old = "标题\n第一段很长的文字在这里。\n第二段也有很多文字在这里。\n结尾。"
    new = "标题\n第一段很长的文字在这里。第二段也有很多文字在这里。\n结尾。"
    offset = old.index("第二段")
    assert nearest_offset(old, offset, new) == new.index("第二段")
    assert nearest_offset(old, offset, old) == offset
    garbled = "乱" * (len(old) * 2)
    assert nearest_offset(old, offset, garbled) == offset * 2
    assert nearest_offset(old, len(old), "短") == 1
