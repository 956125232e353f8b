"""Both views show the text in the script the reader chose, at once and after a restart;
the document, its offsets, highlights and lookups stay the text as written."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from reader.language.script import Script, display_text
from reader.ui.lookup.settings import LookupSettings
from reader.ui.qt import QtCore, QtWidgets
from reader.ui.settings import Settings
from tests.ui.annotations.window_helpers import background, select_with_mouse, span
from tests.ui.lookup_helpers import char_point
from tests.ui.script.script_helpers import (
    choose,
    pinyin_view_text,
    reading_view_text,
    script_action,
)
from tests.ui.views.pinyin_helpers import centre, pinyin_on, wait_readings


def test_the_seed_shown_in_traditional_keeps_the_document_as_written(make_window, seed_path):
    window = make_window(seed_path)
    document = window.reader_document
    written = document.text
    assert reading_view_text(window) == written

    choose(window, Script.TRADITIONAL)

    shown = reading_view_text(window)
    assert shown == display_text(written, Script.TRADITIONAL) != written
    assert len(shown) == len(written)
    start = written.index("网络安全和信息化")
    assert shown[start : start + 8] == "網絡安全和信息化"
    assert "國" in shown and "這" in shown
    assert window.reader_document is document and document.text == written
    assert "国" in document.text and "國" not in document.text
    assert script_action(window, Script.TRADITIONAL).isChecked()

    choose(window, Script.AS_WRITTEN)
    assert reading_view_text(window) == written
    choose(window, Script.SIMPLIFIED)  # a simplified text: nothing to change
    assert reading_view_text(window) == written


def test_a_word_shown_in_traditional_is_looked_up_as_written(qtbot, make_window, seed_path):
    LookupSettings().delay_ms = 0
    window = make_window(seed_path)
    lookup, reading = window.word_lookup, window.reading_view
    qtbot.waitUntil(lambda: lookup.is_ready)
    choose(window, Script.TRADITIONAL)
    offset = window.reader_document.text.index("网络安全")
    assert reading_view_text(window)[offset : offset + 4] == "網絡安全"

    reading.scroll_to_offset(offset)
    qtbot.mouseMove(reading.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(reading.viewport(), char_point(reading, offset + 1))

    assert lookup.current is not None and lookup.current.word == "网络安全"
    assert lookup.popup.isVisible()


def test_a_highlight_made_before_covers_the_same_characters_after(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    start, end = span(window, "网信事业要发展")
    window.reading_view.scroll_to_offset(start)
    select_with_mouse(qtbot, window, start, end)
    window.annotations.highlight("red")
    around = range(start - 5, end + 5)
    before = [background(window, offset) for offset in around]
    assert before[5] is not None and before[4] is None

    choose(window, Script.TRADITIONAL)

    assert reading_view_text(window)[start:end] == "網信事業要發展"
    assert [background(window, offset) for offset in around] == before
    [annotation] = window.current_session.annotations.all()
    assert (annotation.start, annotation.end) == (start, end)
    assert annotation.quote == "网信事业要发展"


def test_the_line_at_the_top_stays_when_the_script_changes(make_window, seed_path):
    window = make_window(seed_path)
    section = next(s for s in window.reader_document.sections() if "关键核心" in s.heading)
    window.go_to_section(section)
    top = window.reading_view.top_offset()
    assert top == section.start

    choose(window, Script.TRADITIONAL)
    assert window.reading_view.top_offset() == top
    choose(window, Script.AS_WRITTEN)
    assert window.reading_view.top_offset() == top


def test_the_section_tree_and_the_status_bar_show_headings_in_the_script(make_window, seed_path):
    window = make_window(seed_path)
    section = next(s for s in window.reader_document.sections() if "关键核心" in s.heading)
    window.go_to_section(section)
    model = window.section_tree.section_model()
    index = model.index_of(section)
    assert index.data() == window.section_label.text() == section.heading

    choose(window, Script.TRADITIONAL)

    shown = display_text(section.heading, Script.TRADITIONAL)
    assert shown.startswith("關鍵核心項目")
    assert index.data() == window.section_label.text() == shown
    assert window.section_tree.current_section() is section
    choose(window, Script.AS_WRITTEN)
    assert index.data() == window.section_label.text() == section.heading


def test_copy_copies_the_characters_as_shown(qtbot, make_window, seed_path):
    window = make_window(seed_path)
    choose(window, Script.TRADITIONAL)
    start, end = span(window, "网信事业要发展")
    window.reading_view.scroll_to_offset(start)
    select_with_mouse(qtbot, window, start, end)

    window.copy_action.trigger()

    assert QtWidgets.QApplication.clipboard().text() == "網信事業要發展"


def test_the_pinyin_view_shows_the_script_with_the_same_readings(qtbot, make_window, seed_path):
    LookupSettings().delay_ms = 0
    window = make_window(seed_path)
    view = pinyin_on(qtbot, window)
    written = window.reader_document.text
    offset = written.index("网络安全")
    view.scroll_to_offset(offset)
    wait_readings(qtbot, view)
    readings = [view.ruby_at(offset + n) for n in range(4)]
    assert readings == ["wǎng", "luò", "ān", "quán"]

    choose(window, Script.TRADITIONAL)

    assert pinyin_view_text(window) == display_text(written, Script.TRADITIONAL)
    assert pinyin_view_text(window)[offset : offset + 4] == "網絡安全"
    assert view.top_offset() == offset
    wait_readings(qtbot, view)
    assert [view.ruby_at(offset + n) for n in range(4)] == readings
    qtbot.waitUntil(lambda: window.word_lookup.is_ready)
    qtbot.mouseMove(view.viewport(), QtCore.QPoint(1, 1))
    qtbot.mouseMove(view.viewport(), centre(view, offset + 1))
    assert window.word_lookup.current is not None
    assert window.word_lookup.current.word == "网络安全"

    view.select(offset, offset + 4)
    window.copy_action.trigger()
    assert QtWidgets.QApplication.clipboard().text() == "網絡安全"
    choose(window, Script.AS_WRITTEN)
    assert pinyin_view_text(window) == written


def test_a_new_window_on_the_same_settings_shows_the_script_chosen(make_window, seed_path):
    window = make_window(seed_path)
    choose(window, Script.TRADITIONAL)
    window.pinyin.all_action.trigger()
    window.close()

    again = make_window(seed_path)

    written = again.reader_document.text
    assert script_action(again, Script.TRADITIONAL).isChecked()
    assert again.script_choice.script() is Script.TRADITIONAL
    assert reading_view_text(again) == display_text(written, Script.TRADITIONAL)
    assert pinyin_view_text(again) == display_text(written, Script.TRADITIONAL)
    assert again.pinyin.showing_pinyin


PROBE = """
import json, sys
from reader.ui.app import application
from reader.ui.qt import QtWidgets
from reader.ui.window.main_window import MainWindow
app = application()
window = MainWindow()
window.open_path(sys.argv[1])
window.show()
attached = []
window.when_features_attached(lambda: attached.append(True))
while not attached:
    QtWidgets.QApplication.processEvents()
print(json.dumps(["opencc" in sys.modules, window.reading_view.document().firstBlock().text()]))
"""


def _window_in_a_process(seed_path) -> tuple[bool, str]:
    """Whether OpenCC was loaded once the window had painted the seed and attached its
    features, in a process of its own on the test's settings; the page's first line."""
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(seed_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
        env=environment,
    )
    loaded, first_line = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded, first_line


def test_text_shown_as_written_never_loads_opencc(seed_path):
    loaded, first_line = _window_in_a_process(seed_path)
    assert not loaded
    assert first_line.startswith("习近平")


def test_text_shown_in_traditional_loads_it_for_the_first_page(seed_path):
    Settings().script = Script.TRADITIONAL
    loaded, first_line = _window_in_a_process(seed_path)
    assert loaded
    assert first_line.startswith("習近平")
