"""Script folding and display conversion: one character for one, offsets unchanged."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.language.script import HAN_RANGES, Script, _fits, display_text, fold

HAN_AND_OTHERS = st.text(
    alphabet=st.one_of(
        st.sampled_from("诸葛亮諸乾淨干净头髮發发国這这里裡後后面麵台臺说說著着皇包干部幹"),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.sampled_from("𠀀𠀁𪚥𫝀，。！「」 \nabcAZ09"),
        st.characters(codec="utf-8"),
    ),
    max_size=60,
)


def is_han(character: str) -> bool:
    return any(low <= ord(character) < high for low, high in HAN_RANGES)


def utf16_widths(text: str) -> list[int]:
    return [len(character.encode("utf-16-le")) for character in text]


def test_fold_finds_either_script_the_same():
    assert fold("諸葛亮") == fold("诸葛亮") == "诸葛亮"
    assert fold("乾淨") == fold("干净") == "干净"
    assert fold("頭髮") == fold("头发")


def test_fold_folds_taiwan_forms_too():
    assert fold("看著") == fold("看着")
    assert fold("為裡") == fold("为里")


def test_fold_leaves_simplified_and_other_characters_alone():
    text = "这是中国。abc 𠀀 ，😀"
    assert fold(text) == text


@given(HAN_AND_OTHERS)
@settings(max_examples=300, deadline=None)
def test_fold_keeps_every_offset_and_folds_once(text: str):
    folded = fold(text)
    assert utf16_widths(folded) == utf16_widths(text)
    assert fold(folded) == folded


def test_to_traditional_converts_by_phrase():
    assert display_text("诸葛亮说头发干净", Script.TRADITIONAL) == "諸葛亮說頭髮乾淨"
    assert display_text("干部", Script.TRADITIONAL) == "幹部"
    assert display_text("这个国家", Script.TRADITIONAL) == "這個國家"


def test_traditional_uses_taiwan_forms():
    assert display_text("为了", Script.TRADITIONAL) == "為了"


def test_to_simplified_converts_by_phrase():
    assert display_text("諸葛亮說頭髮乾淨", Script.SIMPLIFIED) == "诸葛亮说头发干净"
    assert display_text("看著", Script.SIMPLIFIED) == "看着"


def test_as_written_is_the_text_itself():
    text = "諸葛亮与诸葛亮"
    assert display_text(text, Script.AS_WRITTEN) is text


def test_non_han_characters_are_never_changed():
    text = "「头发」, abc 123 😀 𠀀\n国"
    shown = display_text(text, Script.TRADITIONAL)
    assert shown == "「頭髮」, abc 123 😀 𠀀\n國"


def test_a_clause_whose_conversion_changes_utf16_width_is_kept_as_written():
    # OpenCC's phrase tables keep the length in code points, but some entries swap a
    # character for one outside the Basic Multilingual Plane, or back: 噁 → 𫫇 in 二噁英,
    # 𫖮 → 顗 in 周𫖮. The whole clause stays as written; the others are converted.
    assert display_text("二噁英，頭髮", Script.SIMPLIFIED) == "二噁英，头发"
    assert display_text("周𫖮说，头发", Script.TRADITIONAL) == "周𫖮说，頭髮"


def test_a_clause_whose_conversion_changes_length_is_not_used():
    assert not _fits("头发", "頭")
    assert not _fits("头发", "頭髮長")
    assert not _fits("头发", "頭a")
    assert _fits("头发", "頭髮")


@given(HAN_AND_OTHERS, st.sampled_from(list(Script)))
@settings(max_examples=300, deadline=None)
def test_display_keeps_every_offset(text: str, script: Script):
    shown = display_text(text, script)
    assert utf16_widths(shown) == utf16_widths(text)
    for original, character in zip(text, shown, strict=True):
        if original != character:
            assert is_han(original)
            assert is_han(character)


def test_script_values_are_what_the_settings_store():
    assert [script.value for script in Script] == ["as-written", "simplified", "traditional"]
    assert Script("traditional") is Script.TRADITIONAL
