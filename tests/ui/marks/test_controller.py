"""The marks in the window, as a learner sees them: View ▸ Mark New and Learning Words
(off until asked for, remembered), underlines under the new and learning words of either
view that go when a word is made known, and pinyin over the words the reader does not know."""

from __future__ import annotations

import pytest

from reader.store import Status
from reader.ui.views.page_style import theme
from reader.ui.views.status_marks import mark_colour
from reader.ui.words.controller import WordsController
from tests.ui.lookup_helpers import open_ready_window
from tests.ui.views.pinyin_helpers import wait_readings

SUBTITLE = "网上善意批评要认真研究吸收"


@pytest.fixture
def window_arguments():
    """Readings on a worker thread, as the pinyin view gets them in the app."""
    return {}


@pytest.fixture
def window(qtbot, make_window, seed_path, stored_statuses):
    stored_statuses.set({"认真": Status.KNOWN, "吸收": Status.IGNORED, "研究": Status.LEARNING_2})
    shown = open_ready_window(qtbot, make_window, seed_path)
    shown.status_marks.set_status(stored_statuses)
    return shown


def word_span(window, word: str) -> tuple[int, int]:
    start = window.reader_document.text.index(SUBTITLE) + SUBTITLE.index(word)
    return start, start + len(word)


def colours_under(view, span: tuple[int, int]) -> set[str]:
    """The colours painted in the word's line box and just below it, across the word."""
    view.viewport().repaint()
    rect = view.range_rect(*span)
    image = view.viewport().grab().toImage()
    found = set()
    for y in range(rect.top(), rect.bottom() + 4):
        for x in range(rect.left() + 3, rect.right() - 3):
            found.add(image.pixelColor(x, y).name())
    return found


def test_marks_are_off_until_the_reader_asks(window):
    assert not window.status_marks.action.isChecked()
    new = mark_colour(Status.NEW, theme())
    assert new not in colours_under(window.reading_view, word_span(window, "批评"))


def test_new_and_learning_words_are_underlined_and_a_known_word_is_not(
    qtbot, window, stored_statuses
):
    window.status_marks.action.trigger()
    view = window.reading_view
    assert mark_colour(Status.NEW, theme()) in colours_under(view, word_span(window, "批评"))
    learning = mark_colour(Status.LEARNING_2, theme())
    assert learning in colours_under(view, word_span(window, "研究"))
    for word in ("认真", "吸收"):  # known, ignored
        seen = colours_under(view, word_span(window, word))
        assert not seen & {mark_colour(Status.NEW, theme()), learning}, word


def test_a_word_made_known_loses_its_mark_at_once(qtbot, window, stored_statuses):
    window.status_marks.action.trigger()
    view = window.reading_view
    new = mark_colour(Status.NEW, theme())
    assert new in colours_under(view, word_span(window, "批评"))
    stored_statuses.set({"批评": Status.KNOWN})
    window.status_marks.statuses_changed({"批评"})
    assert new not in colours_under(view, word_span(window, "批评"))
    assert new in colours_under(view, word_span(window, "善意"))


def test_the_pinyin_view_underlines_the_same_words(qtbot, window):
    window.status_marks.action.trigger()
    window.pinyin.all_action.trigger()
    view = window.pinyin.view
    wait_readings(qtbot, view)
    assert mark_colour(Status.NEW, theme()) in colours_under(view, word_span(window, "批评"))
    seen = colours_under(view, word_span(window, "认真"))
    assert mark_colour(Status.NEW, theme()) not in seen


def test_a_word_made_learning_changes_colour_in_the_pinyin_view_at_once(
    qtbot, window, stored_statuses
):
    window.status_marks.action.trigger()
    window.pinyin.all_action.trigger()
    view = window.pinyin.view
    wait_readings(qtbot, view)
    new, learning = mark_colour(Status.NEW, theme()), mark_colour(Status.LEARNING_1, theme())
    assert new in colours_under(view, word_span(window, "批评"))
    stored_statuses.set({"批评": Status.LEARNING_1})
    window.status_marks.statuses_changed({"批评"})
    seen = colours_under(view, word_span(window, "批评"))
    assert learning in seen and new not in seen
    assert new in colours_under(view, word_span(window, "善意"))


def test_pinyin_only_over_the_words_the_reader_does_not_know(qtbot, window, stored_statuses):
    window.pinyin.unknown_action.trigger()  # from Off: pinyin comes on, over those words
    view = window.pinyin.view
    assert window.pinyin.showing_pinyin
    wait_readings(qtbot, view)
    assert view.ruby_at(word_span(window, "批评")[0]) == "pī"
    assert view.ruby_at(word_span(window, "研究")[0]) == "yán"  # learning
    assert view.ruby_at(word_span(window, "认真")[0]) is None  # known
    assert view.ruby_at(word_span(window, "吸收")[0]) is None  # ignored
    stored_statuses.set({"批评": Status.KNOWN, "认真": Status.NEW})
    window.status_marks.statuses_changed({"批评", "认真"})
    view.viewport().repaint()
    assert view.ruby_at(word_span(window, "批评")[0]) is None
    assert view.ruby_at(word_span(window, "认真")[0]) == "rèn"


def test_unknown_words_above_an_hsk_level(qtbot, window):
    """Combined with a level: pinyin over the words not known that are beyond it."""
    window.pinyin.level_actions[3].trigger()
    window.pinyin.unknown_action.trigger()
    view = window.pinyin.view
    wait_readings(qtbot, view)
    assert view.ruby_at(word_span(window, "批评")[0]) is None  # HSK 3, new
    assert view.ruby_at(word_span(window, "善意")[0]) == "shàn"  # HSK 7-9, new
    assert view.ruby_at(word_span(window, "研究")[0]) == "yán"  # HSK 4, learning
    assert view.ruby_at(word_span(window, "吸收")[0]) is None  # HSK 4, ignored
    window.pinyin.unknown_action.trigger()
    wait_readings(qtbot, view)
    assert view.ruby_at(word_span(window, "吸收")[0]) == "xī"


def test_the_choices_survive_a_restart(qtbot, make_window, window, seed_path):
    window.status_marks.action.trigger()
    window.pinyin.all_action.trigger()
    window.pinyin.unknown_action.trigger()
    window.close()
    again = make_window(seed_path)
    assert again.status_marks.action.isChecked()
    assert again.pinyin.unknown_action.isChecked() and again.pinyin.showing_pinyin
    again.status_marks.action.trigger()
    again.close()
    assert not make_window().status_marks.action.isChecked()


def test_the_preferences_reading_page_offers_the_marks(window):
    dialog = window.preferences.open_dialog()
    dialog.marks_box.click()
    assert window.status_marks.action.isChecked()
    window.status_marks.action.trigger()
    assert not dialog.marks_box.isChecked()
    dialog.unknown_box.click()
    assert window.pinyin.choice.unknown_only
    dialog.close()


def test_the_window_s_status_holder_drives_the_marks(qtbot, make_window, seed_path):
    """Wired in the window: a status set as the pop-up's keys set it (the holder, one undoable
    step) takes the mark away at once, and undoing it brings the mark back."""
    window = open_ready_window(qtbot, make_window, seed_path)
    holder = window.findChild(WordsController).holder
    qtbot.waitUntil(lambda: holder.loaded)
    window.status_marks.action.trigger()
    view = window.reading_view
    new = mark_colour(Status.NEW, theme())
    assert new in colours_under(view, word_span(window, "批评"))
    holder.set({"批评": Status.KNOWN}, "Mark Known")
    assert new not in colours_under(view, word_span(window, "批评"))
    window.annotations.undo()
    assert new in colours_under(view, word_span(window, "批评"))
