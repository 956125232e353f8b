"""The vocabulary panel's model: a well-behaved table, filtered, its text plain."""

from __future__ import annotations

from reader.store import SavedWord, Status
from reader.store.vocabulary_filter import VocabularyFilter
from reader.ui.qt import QtCore
from reader.ui.vocabulary.panel_model import COLUMNS, ID_ROLE, VocabularyModel

WORDS = [
    SavedWord("网络", "网络很好。", 0, 2, pinyin="wǎngluò", meaning="network\nweb", tags=("it",)),
    SavedWord("座谈会", "<b>座谈会</b>开了。", 3, 6, pinyin="zuòtánhuì", meaning="forum"),
]


def test_the_model_passes_qts_checks_through_filtering(qtmodeltester):
    model = VocabularyModel()
    qtmodeltester.check(model)
    model.set_words(WORDS, {"座谈会": Status.KNOWN})
    qtmodeltester.check(model)
    model.set_filter(VocabularyFilter(status="known"))
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_each_row_shows_the_word_its_pinyin_senses_and_status():
    model = VocabularyModel()
    model.set_words(WORDS, {"座谈会": Status.LEARNING_3})
    rows = [
        [model.index(row, column).data() for column in range(len(COLUMNS))]
        for row in range(model.rowCount())
    ]
    assert rows == [
        ["网络", "wǎngluò", "network; web", "New"],
        ["座谈会", "zuòtánhuì", "forum", "Learning 3"],
    ]
    assert model.index(1, 0).data(ID_ROLE) == WORDS[1].id
    assert model.index_of(WORDS[1].id).row() == 1


def test_the_tooltip_shows_the_sentence_as_written_not_as_markup():
    model = VocabularyModel()
    model.set_words(WORDS, {})
    tip = model.index(1, 0).data(QtCore.Qt.ToolTipRole)
    assert "&lt;b&gt;座谈会&lt;/b&gt;开了。" in tip and "<b>" not in tip


def test_the_filter_by_tag_keeps_the_tagged_words():
    model = VocabularyModel()
    model.set_words(WORDS, {})
    model.set_filter(VocabularyFilter(tag="it"))
    assert [model.saved_word(model.index(r, 0)).word for r in range(model.rowCount())] == ["网络"]
    assert model.total() == 2
