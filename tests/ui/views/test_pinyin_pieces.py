"""What the pinyin view lays out at once: a block, or pieces of one too long for that."""

from __future__ import annotations

from reader.document import build_document, open_document
from reader.ui.views.pinyin_pieces import CUT_WINDOW, LONG_BLOCK, PIECE, Piece, cut_pieces


def test_the_blocks_of_a_novel_are_laid_out_whole(shared_data):
    novel = open_document(shared_data / "novels" / "hongloumeng.txt")
    assert cut_pieces(novel) == [
        Piece(index, block.start, block.end, True, True) for index, block in enumerate(novel.blocks)
    ]


def test_a_long_block_is_cut_into_pieces_that_cover_it_in_order():
    document = build_document("\u6807\u9898\n\n" + "a" * (3 * PIECE + 7))
    title, *pieces = cut_pieces(document)
    block = document.blocks[1]
    assert title == Piece(0, 0, 2, True, True)
    assert [(piece.start, piece.end) for piece in pieces] == [
        (block.start + n * PIECE, min(block.end, block.start + (n + 1) * PIECE)) for n in range(4)
    ]
    assert {piece.block for piece in pieces} == {1}
    assert [(piece.first, piece.last) for piece in pieces] == [
        (True, False),
        (False, False),
        (False, False),
        (False, True),
    ]


def test_a_cut_falls_after_the_end_of_a_sentence_where_there_is_one():
    sentence = "\u4e2d" * 99 + "\u3002"  # a hundred characters, the last a full stop
    document = build_document(sentence * (LONG_BLOCK // 100 + 1))
    pieces = cut_pieces(document)
    assert all(document.text[piece.end - 1] == "\u3002" for piece in pieces)
    assert all(PIECE - CUT_WINDOW < piece.end - piece.start <= PIECE for piece in pieces[:-1])


def test_a_block_just_over_the_limit_is_cut_and_one_at_it_is_not():
    assert len(cut_pieces(build_document("a" * LONG_BLOCK))) == 1
    assert len(cut_pieces(build_document("a" * (LONG_BLOCK + 1)))) > 1
