"""The concordance model: a table any view can show, sorted as the core sorts hits."""

from __future__ import annotations

from pathlib import Path

from reader.library.concordance import sort_hits
from reader.library.search import Hit
from reader.ui.plain_text import tooltip
from reader.ui.qt import QtCore
from reader.ui.search.results_model import DOCUMENT, LEFT, MATCH, RIGHT, SECTION, ConcordanceModel

HITS = [
    Hit(1, Path("/b/one.txt"), "一", 10, 12, "第一回", "袭人劝", "宝玉", "读书。"),
    Hit(1, Path("/b/one.txt"), "一", 40, 42, "第二回", "晴雯笑", "宝玉", "：“你又来了。”"),
    Hit(2, Path("/b/two.txt"), "<b>二</b>", 5, 7, "第一回", "", "宝玉", "见了黛玉"),
]


def test_the_model_passes_the_model_tester(qtmodeltester):
    model = ConcordanceModel()
    model.set_hits(HITS)
    qtmodeltester.check(model, force_py=True)


def test_each_column_shows_its_part_the_left_context_right_aligned():
    model = ConcordanceModel()
    model.set_hits(HITS)

    row = [model.index(2, column).data() for column in (DOCUMENT, SECTION, LEFT, MATCH, RIGHT)]
    assert row == ["<b>二</b>", "第一回", "", "宝玉", "见了黛玉"]
    assert model.index(0, LEFT).data(QtCore.Qt.TextAlignmentRole) & QtCore.Qt.AlignRight
    assert model.index(0, RIGHT).data(QtCore.Qt.TextAlignmentRole) & QtCore.Qt.AlignLeft
    assert model.index(2, DOCUMENT).data(QtCore.Qt.ToolTipRole) == tooltip("/b/two.txt")
    assert model.index(0, MATCH).data(QtCore.Qt.ToolTipRole) == tooltip("袭人劝宝玉读书。")


def test_sorting_by_a_context_column_follows_the_core_and_new_hits_keep_it():
    model = ConcordanceModel()
    model.set_hits(HITS)

    model.sort(RIGHT, QtCore.Qt.AscendingOrder)
    assert model.hits == sort_hits(HITS, "right")
    model.sort(LEFT, QtCore.Qt.DescendingOrder)
    assert model.hits == sort_hits(HITS, "left")[::-1]
    model.set_hits(list(reversed(HITS)))
    assert model.hits == sort_hits(HITS, "left")[::-1]
    model.sort(MATCH, QtCore.Qt.AscendingOrder)
    assert model.hits == sort_hits(HITS, "document")
