"""Pinyin in context: known polyphones, consistent windows, and accuracy on CPP dev lines."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypinyin import Style, pinyin

from reader.language.pinyin import PinyinStyle, format_word
from reader.language.pronunciation import MAX_WINDOW, sentence_windows
from reader.language.segmentation import Token

CPP_STRIDE = 33
"""Every 33rd dev line: about 300, spread over all characters (the file is sorted by them)."""


def read(tools, text: str, spoken: bool = False) -> list[str | None]:
    starts = tools.segmenter.word_starts(text, 0, len(text))
    tokens = [Token(a, b) for a, b in itertools.pairwise([*starts, len(text)])]
    return tools.pronouncer.syllables(text, tokens, spoken=spoken)


def marks(syllables: list[str | None]) -> str:
    return " ".join(format_word([s], PinyinStyle.MARKS) for s in syllables if s is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("银行行长", "yín háng háng zhǎng"),
        ("了解", "liǎo jiě"),
        ("受不了了", "shòu bù liǎo le"),
        ("长大", "zhǎng dà"),
        ("重庆", "chóng qìng"),
        ("还钱", "huán qián"),
        ("他还没还钱。", "tā hái méi huán qián"),
        ("这家银行的行长长大了。", "zhè jiā yín háng de háng zhǎng zhǎng dà le"),
        ("我们一起去重庆，他很了解那里。", "wǒ men yī qǐ qù chóng qìng tā hěn liǎo jiě nà li"),
    ],
)
def test_known_polyphones_in_context(tools, text, expected):
    assert marks(read(tools, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("銀行行長", "yín háng háng zhǎng"),
        ("還錢", "huán qián"),
        ("重慶", "chóng qìng"),
        ("長大", "zhǎng dà"),
        ("他還沒還錢。", "tā hái méi huán qián"),
        ("這家銀行的行長長大了。", "zhè jiā yín háng de háng zhǎng zhǎng dà le"),
        ("乾淨", "gān jìng"),
    ],
)
def test_traditional_polyphones_are_read_in_context_too(tools, text, expected):
    assert marks(read(tools, text)) == expected


def test_a_traditional_word_reads_the_same_alone_or_in_its_paragraph(tools):
    text = "他說：「我還沒還你錢呢。」銀行行長點點頭，長嘆一聲。"
    starts = tools.segmenter.word_starts(text, 0, len(text))
    tokens = [Token(a, b) for a, b in itertools.pairwise([*starts, len(text)])]
    whole = tools.pronouncer.syllables(text, tokens)
    assert len(whole) == len(text)
    for token in tokens:
        assert tools.pronouncer.syllables(text, [token]) == whole[token.start : token.end]


def test_neutral_tones_inside_words_come_from_the_dictionary(tools):
    assert marks(read(tools, "朋友")) == "péng you"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他们的计划泄露了。", "tā men de jì huà xiè lòu le"),
        ("消息泄露出去了。", "xiāo xi xiè lòu chū qù le"),
        ("他站起来了。", "tā zhàn qǐ lai le"),
        ("我的父亲是医生。", "wǒ de fù qīn shì yī shēng"),
    ],
)
def test_what_cc_cedict_also_pronounces_is_left_to_the_sentence_but_neutral_tones_stand(
    tools, text, expected
):
    assert marks(read(tools, text)) == expected


@pytest.mark.parametrize("line", ["该到收获的季节啦", "他还没还钱", "这家银行的行长长大了"])
def test_a_line_reads_the_same_with_its_indent_and_line_break(tools, line):
    alone = read(tools, line)
    assert read(tools, f"{line}\n") == [*alone, None]
    indented = read(tools, f"\u3000\u3000{line}\n下面")
    assert indented[2 : 2 + len(line)] == alone


def test_a_line_without_its_full_stop_is_read_as_a_sentence(tools):
    assert read(tools, "该到收获的季节啦\n")[-2] == "la5"


def test_one_syllable_per_character_and_none_where_there_is_none(tools):
    text = "Python是一种语言。𠀀"
    syllables = read(tools, text)
    assert len(syllables) == len(text)
    assert syllables[:6] == [None] * 6
    assert syllables[6:11] == ["shi4", "yi1", "zhong3", "yu3", "yan2"]
    assert syllables[11] is None
    assert syllables[12] is not None  # an Extension B character pypinyin can read


def test_a_word_reads_the_same_alone_or_in_its_paragraph(tools):
    text = "他说：“我还没还你钱呢。”行长点点头，长叹一声，又还了一本书。"
    starts = tools.segmenter.word_starts(text, 0, len(text))
    tokens = [Token(a, b) for a, b in itertools.pairwise([*starts, len(text)])]
    whole = tools.pronouncer.syllables(text, tokens)
    for token in tokens:
        alone = tools.pronouncer.syllables(text, [token])
        assert alone == whole[token.start : token.end]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("我还没钱，。！？长行\n了ab"), max_size=400),
    data=st.data(),
)
def test_windows_tile_the_span_and_depend_on_the_text_only(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    windows = sentence_windows(text, start, end)
    if start == end:
        return
    assert windows[0][0] <= start and windows[-1][1] >= end
    for (_, first_end), (second_start, _) in itertools.pairwise(windows):
        assert first_end == second_start
    assert all(0 < b - a <= MAX_WINDOW for a, b in windows)
    everything = sentence_windows(text, 0, len(text))
    assert set(windows) <= set(everything)


@pytest.mark.parametrize(
    "text",
    ["\u4e2d" * 200_000, ("\u4e2d" * 99 + "\uff0c") * 2_000, ("\u4e2d" * 30 + "\u3001") * 6_000],
    ids=["no-punctuation", "long-clauses", "short-clauses"],
)
def test_windows_deep_in_a_sentence_without_end_are_those_of_the_whole_text(text):
    """A one-line file is one sentence: the windows at an offset deep in it are found
    without cutting the whole sentence, and are the ones cutting it whole gives."""
    everything = sentence_windows(text, 0, len(text))
    for offset in (0, 70_000, 150_001, len(text) - 1):
        end = min(offset + 40, len(text))
        windows = sentence_windows(text, offset, end)
        assert windows[0][0] <= offset and windows[-1][1] >= end
        assert set(windows) <= set(everything)
    assert sentence_windows("\u4e2d" * 200_000, 100_000, 100_001) == [(99_968, 100_032)]


def test_cpp_dev_lines_are_read_well_above_plain_pypinyin(tools, shared_data):
    sentences = (shared_data / "polyphone" / "cpp-dev.sent").read_text(encoding="utf-8")
    labels = (shared_data / "polyphone" / "cpp-dev.lb").read_text(encoding="utf-8")
    ours = plain = 0
    pairs = list(zip(sentences.splitlines(), labels.splitlines(), strict=True))[::CPP_STRIDE]
    for marked, label in pairs:
        index = marked.index("▁")
        text = marked[:index] + marked[index + 1] + marked[index + 3 :]
        wanted = label.replace("u:", "v")
        ours += read(tools, text)[index] == wanted
        theirs = pinyin(
            text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda c: [""] * len(c)
        )
        plain += theirs[index][0] == wanted
    assert ours / len(pairs) >= 0.95
    assert ours - plain >= 0.06 * len(pairs)
