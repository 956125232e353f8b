"""Coverage in the window: the tree's share known per section, Text Difficulty, Words to
Learn marking words, all following the statuses in the store."""

from __future__ import annotations

import pytest

from reader.document import open_document
from reader.language.coverage import count_words, coverage
from reader.language.segmentation import Segmentation
from reader.store import open_store, resolve_data_dir
from reader.store.word_status import Status
from reader.ui.coverage.menu import CoverageMenu
from reader.ui.qt import QtCore
from reader.ui.window.section_tree import FIGURE_COLUMN
from reader.ui.words.status_holder import StatusHolder

KNOWN = ["我们", "网络", "发展", "互联网", "的", "是", "在", "和", "要"]


@pytest.fixture
def statuses() -> dict[str, Status]:
    """Some words known, in this test's store."""
    marked = dict.fromkeys(KNOWN, Status.KNOWN)
    with open_store(resolve_data_dir()) as store:
        store.word_statuses.set(marked)
    return marked


def _counted(qtbot, window) -> CoverageMenu:
    """The coverage once counted and weighed by the statuses read (the holder reads them
    from the event loop)."""
    menu = window.findChild(CoverageMenu)
    assert menu is not None
    holder = window.findChild(StatusHolder)
    qtbot.waitUntil(lambda: menu.coverage.counts is not None and holder.loaded)
    qtbot.waitUntil(lambda: menu.coverage.coverage_of(menu.coverage.counts.document) is not None)
    return menu


def _expected(seed_path, tools, statuses) -> dict[str, str]:
    """Each section's share known, as the core works it out on its own."""
    document = open_document(seed_path)
    spans = [(block.start, block.end) for block in document.blocks]
    counts = count_words(
        document, Segmentation(document.text, spans, tools.segmenter), tools.counted_words
    )
    shares = {
        item.section.heading: coverage(item, counts.bands, statuses).known_share
        for item in counts.sections
    }
    shares[document.title] = coverage(counts.document, counts.bands, statuses).known_share
    return {heading: f"{share:.0%}" for heading, share in shares.items()}


def _tree_figures(window) -> dict[str, str]:
    model = window.section_tree.section_model()
    found = {}
    for section in window.reader_document.sections():
        index = model.index_of(section)
        figure = model.index(index.row(), FIGURE_COLUMN, index.parent())
        found[section.heading] = model.data(figure)
    return found


def _percent(figure: str) -> int:
    return int(figure.removesuffix("%"))


def test_the_tree_shows_each_sections_share_known(qtbot, make_window, seed_path, tools, statuses):
    window = make_window(seed_path)
    _counted(qtbot, window)
    expected = _expected(seed_path, tools, statuses)
    assert _tree_figures(window) == expected
    assert len(set(expected.values())) > 2  # the sections differ, and none is 0%
    model = window.section_tree.section_model()
    top = model.index(0, FIGURE_COLUMN)
    assert "running words known" in model.data(top, QtCore.Qt.ToolTipRole)
    # The column sits beside the headings, wide enough for its figure.
    tree = window.section_tree
    assert tree.columnWidth(FIGURE_COLUMN) >= tree.fontMetrics().horizontalAdvance("100%")
    assert tree.columnWidth(0) > tree.columnWidth(FIGURE_COLUMN)


def test_a_reader_who_marks_nothing_sees_no_column(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    _counted(qtbot, window)
    assert set(_tree_figures(window).values()) == {None}


def test_the_tree_follows_statuses_changed_anywhere_in_the_window_and_undo(
    qtbot, make_window, seed_path, statuses
):
    window = make_window(seed_path)
    _counted(qtbot, window)
    title = window.reader_document.title
    before = _percent(_tree_figures(window)[title])
    holder = window.findChild(StatusHolder)
    holder.set({"安全": Status.KNOWN, "信息化": Status.KNOWN}, "Known")  # as the pop-up's K
    assert _percent(_tree_figures(window)[title]) > before
    window.annotations.undo_stack.undo()
    assert _percent(_tree_figures(window)[title]) == before


def test_text_difficulty_shows_the_documents_figures(
    qtbot, make_window, seed_path, tools, statuses
):
    window = make_window(seed_path)
    menu = _counted(qtbot, window)
    action = menu.difficulty_action
    assert action in window.words_menu.actions()
    action.trigger()
    dialog = menu.difficulty
    assert dialog is not None and dialog.isVisible()
    figures = menu.coverage.coverage_of(menu.coverage.counts.document)
    assert dialog.words.text() == f"{figures.words:,}"
    assert dialog.known.text().startswith(f"{figures.known_share:.1%}")
    assert not dialog.progress.isVisible()
    headings = [
        dialog.sections.item(row, 0).text().strip() for row in range(dialog.sections.rowCount())
    ]
    assert headings == [s.heading for s in window.reader_document.sections() if s.parent]
    shares = [
        dialog.profile.item(0, column).text() for column in range(dialog.profile.columnCount())
    ]
    assert all(share.endswith("%") for share in shares)


def test_marking_words_to_learn_takes_them_off_and_raises_the_share(
    qtbot, make_window, seed_path, statuses
):
    window = make_window(seed_path)
    menu = _counted(qtbot, window)
    section = next(s for s in window.reader_document.sections() if s.heading == "座谈会发言人员")
    window.section_tree.show_section(section)
    menu.learn_action.trigger()
    dialog = menu.learn
    assert dialog is not None and dialog.counts().section is section
    words = dialog.words()
    assert words and not set(words) & set(KNOWN)
    qtbot.waitUntil(lambda: dialog.table.item(0, 1).text() != "…")
    before = _percent(_tree_figures(window)[section.heading])
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.mark_buttons[Status.KNOWN], QtCore.Qt.LeftButton)
    assert words[0] not in dialog.words()
    with open_store(resolve_data_dir(), read_only=True) as store:
        assert store.word_statuses.status(words[0]) is Status.KNOWN
    assert _percent(_tree_figures(window)[section.heading]) > before
    # Ignored: out of the count as well as the list.
    dialog.table.selectRow(0)
    ignored = dialog.words()[0]
    qtbot.mouseClick(dialog.mark_buttons[Status.IGNORED], QtCore.Qt.LeftButton)
    assert ignored not in dialog.words()
    assert menu.coverage.statuses[ignored] == Status.IGNORED
    # One step each on the window's undo stack: Edit ▸ Undo brings the word back.
    assert window.annotations.undo_stack.undoText() == "Mark Words to Learn"
    window.annotations.undo_stack.undo()
    assert ignored in dialog.words()


def test_the_buttons_wait_for_a_choice(qtbot, make_window, seed_path, statuses):
    window = make_window(seed_path)
    menu = _counted(qtbot, window)
    dialog = menu.show_words_to_learn()
    assert not any(button.isEnabled() for button in dialog.mark_buttons.values())
    dialog.table.selectRow(1)
    assert all(button.isEnabled() for button in dialog.mark_buttons.values())


def test_another_section_can_be_chosen_and_the_whole_document(
    qtbot, make_window, seed_path, statuses
):
    window = make_window(seed_path)
    menu = _counted(qtbot, window)
    dialog = menu.show_words_to_learn(window.reader_document.root)
    assert dialog.counts().section is None  # the whole document
    whole = dialog.words()
    dialog.section_box.setCurrentIndex(dialog.section_box.count() - 1)
    assert dialog.counts().section is not None
    assert dialog.words() != whole
    assert dialog.section_box.itemText(0).endswith("(whole document)")


def test_figures_survive_a_restart_on_the_same_store(qtbot, make_window, seed_path, statuses):
    window = make_window(seed_path)
    menu = _counted(qtbot, window)
    dialog = menu.show_words_to_learn()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.mark_buttons[Status.LEARNING_1], QtCore.Qt.LeftButton)
    shown = _tree_figures(window)
    window.close()
    again = make_window(seed_path)
    _counted(qtbot, again)
    assert _tree_figures(again) == shown
