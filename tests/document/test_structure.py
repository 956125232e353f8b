"""The seed article read the way its readers read it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from reader.document import (
    BlockKind,
    Document,
    DocumentError,
    build_document,
    limits,
    open_document,
)
from reader.document.outline import outline_lines
from reader.document.structure import MAX_SECTION_DEPTH, BlockDraft, assemble_document


@pytest.fixture
def seed(seed_path) -> Document:
    return open_document(seed_path)


def texts_of(document: Document, kind: BlockKind) -> list[str]:
    return [document.block_text(b) for b in document.blocks if b.kind is kind]


def test_outline_of_the_seed(seed, seed_outline):
    assert "\n".join(outline_lines(seed)) + "\n" == seed_outline


def test_block_kinds_of_the_seed(seed):
    counts = Counter(block.kind for block in seed.blocks)
    assert counts[BlockKind.TITLE] == 1
    assert counts[BlockKind.SUBTITLE] == 1
    assert counts[BlockKind.CAPTION] == 2
    assert counts[BlockKind.LIST_ITEM] == 10
    assert counts[BlockKind.SOURCE] == 1
    assert texts_of(seed, BlockKind.SUBTITLE) == ["网上善意批评要认真研究吸收"]
    assert texts_of(seed, BlockKind.SOURCE) == ["(据中国网、南方都市报)"]


def test_captions_are_the_photo_credits(seed):
    captions = texts_of(seed, BlockKind.CAPTION)
    assert captions[0].endswith("新华社记者 张铎 摄")
    assert captions[1].endswith("新华社发")


def test_speakers_are_name_and_role(seed):
    items = texts_of(seed, BlockKind.LIST_ITEM)
    assert items[0] == "吴曼青\n中国工程院院士、中国电子科技集团公司总工程师"
    assert items[-1] == "沈逸\n复旦大学网络空间治理研究中心副主任"
    assert all(item.count("\n") == 1 for item in items)


def test_two_line_headings_keep_their_line_break(seed):
    headings = texts_of(seed, BlockKind.HEADING)
    assert headings[0] == "各级领导干部\n要经常上网看看"
    assert "延伸阅读" in headings


@pytest.mark.parametrize("joined", ["进展厅前,", "习主席的讲话", "习近平的著作。"])
def test_lines_broken_mid_sentence_are_joined(seed, joined):
    paragraphs = texts_of(seed, BlockKind.PARAGRAPH)
    assert sum(joined in text for text in paragraphs) == 1


def test_text_is_the_blocks_joined_by_newlines(seed):
    assert seed.text == "\n".join(seed.block_text(block) for block in seed.blocks)


def test_sections_start_at_their_headings(seed):
    for section in list(seed.sections())[1:]:
        assert seed.text[section.start :].replace("\n", " ").startswith(section.heading)
        block = seed.block_at(section.start)
        assert block is not None and block.kind is BlockKind.HEADING
    for section in seed.sections():
        for child in section.children:
            assert section.start <= child.start < child.end <= section.end


def test_section_at_finds_the_deepest_section(seed):
    offset = seed.text.index("近年来,习近平频繁")
    assert seed.section_at(offset).heading == "从微博到祝福语音 习近平怎样当“资深网民”"
    assert seed.section_at(0) is seed.root


def test_same_file_gives_same_text_and_fingerprint(seed_path):
    first, second = open_document(seed_path), open_document(seed_path)
    assert first.text == second.text
    assert first.fingerprint == second.fingerprint
    assert first.blocks == second.blocks


def test_block_at_between_blocks_is_none(seed):
    first = seed.blocks[0]
    assert seed.block_at(first.start) == first
    assert seed.block_at(first.end) is None
    assert seed.block_at(len(seed.text) + 5) is None


def test_a_text_without_headings_has_only_its_title_section():
    document = build_document("标题\n\n第一段,很长的句子。\n\n第二段,也是句子。\n")
    assert [s.heading for s in document.sections()] == ["标题"]
    assert document.root.end == len(document.text)


def test_full_width_punctuation_reads_like_half_width(seed_path, seed_outline):
    """The seed uses half-width punctuation; most Chinese text uses the full-width forms."""
    half = seed_path.read_text(encoding="utf-8")
    full_width = {ord(c): chr(ord(c) + 0xFEE0) for c in ",!?;:()"}
    original, converted = build_document(half), build_document(half.translate(full_width))
    assert "\n".join(outline_lines(converted)) + "\n" == seed_outline
    assert [b.kind for b in converted.blocks] == [b.kind for b in original.blocks]


def test_sections_nest_at_most_max_section_depth_levels():
    drafts = [BlockDraft(BlockKind.TITLE, ["书"])] + [
        BlockDraft(BlockKind.HEADING, [f"第{level}层"], level) for level in range(1, 1001)
    ]
    document = assemble_document(drafts)
    depths = Counter(block.level for block in document.blocks if block.kind is BlockKind.HEADING)
    assert max(depths) == MAX_SECTION_DEPTH
    assert depths[MAX_SECTION_DEPTH] == 1000 - MAX_SECTION_DEPTH + 1
    assert len(outline_lines(document)) == 1001


def test_a_text_past_max_text_chars_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 10)
    assert assemble_document([BlockDraft(BlockKind.PARAGRAPH, ["一二三四五六七八九十"])])
    with pytest.raises(DocumentError, match=r"^书.txt: holds more than"):
        assemble_document(
            [BlockDraft(BlockKind.PARAGRAPH, ["一二三四五", "六七八九十"])], path=Path("书.txt")
        )
