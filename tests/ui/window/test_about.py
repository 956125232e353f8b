"""Help ▸ About Reader: the credits and licences, each licence's text as shipped, the icon."""

from __future__ import annotations

import pytest

from reader.credits import CREDITS, LICENCE_FILES
from reader.ui.qt import QtWidgets
from reader.ui.window.about import AboutDialog, credits_html, licence_text


def _about_dialogs() -> list[AboutDialog]:
    return [
        w
        for w in QtWidgets.QApplication.topLevelWidgets()
        if isinstance(w, AboutDialog) and w.isVisible()
    ]


@pytest.mark.parametrize(
    "expected",
    [
        "CC-CEDICT",
        "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
        "Published by MDBG",
        "g2pM",
        "Apache License 2.0",
        "complete-hsk-vocabulary",
        "jieba",
        "pypinyin",
        "MIT License",
        "Qt for Python (PySide6)",
        "(LGPLv3)",
    ],
)
def test_the_credits_name_each_work_and_licence(expected):
    assert expected in credits_html()


def test_help_about_shows_the_credits_and_every_licence_text(qtbot, make_window):
    window = make_window(show=False)
    window.show()
    window.about_action.trigger()
    qtbot.waitUntil(lambda: len(_about_dialogs()) == 1)
    dialog = _about_dialogs()[0]

    shown = dialog.credits.toPlainText()
    for credit in CREDITS:
        assert credit.name in shown
        assert credit.licence in shown
    assert dialog.licences.count() == len(LICENCE_FILES)
    for row, relative in enumerate(LICENCE_FILES):
        dialog.licences.setCurrentRow(row)
        assert dialog.licence_view.toPlainText() == licence_text(relative)
        assert "missing" not in dialog.licence_view.toPlainText()[:200]
    dialog.licences.setCurrentRow(0)
    assert "Attribution-ShareAlike 4.0" in dialog.licence_view.toPlainText()
    dialog.close()
    qtbot.waitUntil(lambda: not _about_dialogs())


def test_a_licence_text_not_shipped_says_so():
    assert "missing from this installation" in licence_text("licences/none.txt")
