"""Where Qt finds no place to break a line: such a run makes its page wrap anywhere."""

from __future__ import annotations

import pytest

from reader.ui.qt import QtGui
from reader.ui.views.line_breaks import LONGEST_RUN, has_long_run, wrap_mode

RUN = LONGEST_RUN + 1


@pytest.mark.parametrize(
    "text",
    [
        "a" * RUN,
        "[" * RUN,
        "\uff0c" * RUN,  # ，: closing punctuation may not start a line
        "\u4e2d\u2060" * RUN,  # 中 and a word joiner
        "\U0001d41a" * RUN,  # 𝐚, two UTF-16 units each
        "\U00020000" * RUN + "a" * RUN,  # after 𠀀s: Qt counts UTF-16 units, not characters
        "\u6211\u4eec\u7231Python\u3002" * 100 + "b" * RUN + "\u3002",  # at the end
    ],
    ids=["latin", "brackets", "commas", "joined", "astral", "after-astral", "after-text"],
)
def test_a_run_without_a_line_break_is_found(qapp, text):
    assert has_long_run(text)


@pytest.mark.parametrize(
    "text",
    [
        "\u4e2d" * 50_000,  # 中: Chinese breaks between any two characters
        "\u6211\u4eec\u7231Python\u3002" * 10_000,
        ("a" * (LONGEST_RUN // 2 - 1) + " ") * 100,
        "a" * (LONGEST_RUN // 2),
        "",
    ],
    ids=["chinese", "mixed", "words", "short", "empty"],
)
def test_text_that_breaks_often_enough_is_not_a_long_run(qapp, text):
    assert not has_long_run(text)


def test_a_page_wraps_anywhere_only_if_a_block_holds_a_long_run(qapp):
    assert wrap_mode(["\u4e2d\u6587\u3002", "short words"]) == (
        QtGui.QTextOption.WrapAtWordBoundaryOrAnywhere
    )
    assert wrap_mode(["\u4e2d\u6587\u3002", "a" * RUN]) == QtGui.QTextOption.WrapAnywhere
