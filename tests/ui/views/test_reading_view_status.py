"""The plain view's underlines of new and learning words: under each word, apart from the
next one, in the status's colour, placed by document offsets (a character beyond the BMP
before them too), and gone when the source is taken away."""

from __future__ import annotations

from reader.document import build_document
from reader.store import Status
from reader.ui.qt import QtCore
from reader.ui.views.page_style import theme
from reader.ui.views.status_marks import WordMark, mark_colour

TEXT = "标题\n\n𠀀我们学习中文，学习汉语。\n"


class FixedMarks:
    """A source that knows its words already (the window's is tested in tests/ui/marks)."""

    def __init__(self, marks: list[WordMark]) -> None:
        self.marks = marks

    def between(self, start: int, end: int) -> list[WordMark]:
        return [mark for mark in self.marks if mark.end > start and mark.start < end]


def row_colours(view, span: tuple[int, int]) -> dict[int, set[str]]:
    """The colours of each pixel column across the word's line box and just below it."""
    view.viewport().repaint()
    rect = view.range_rect(*span)
    image = view.viewport().grab().toImage()
    return {
        x: {image.pixelColor(x, y).name() for y in range(rect.top(), rect.bottom() + 4)}
        for x in range(rect.left(), rect.right())
    }


def test_words_are_underlined_in_their_colours_each_apart(show_in_view):
    document = build_document(TEXT)
    we = TEXT.index("我们")
    study = TEXT.index("学习")
    view = show_in_view(document, (600, 300))
    view.set_status_marks(
        FixedMarks(
            [WordMark(we, we + 2, Status.NEW), WordMark(study, study + 2, Status.LEARNING_1)]
        )
    )
    new, learning = mark_colour(Status.NEW, theme()), mark_colour(Status.LEARNING_1, theme())
    columns = row_colours(view, (we, study + 2))
    marked = [x for x, colours in columns.items() if new in colours]
    assert marked and not any(learning in columns[x] for x in marked)
    assert any(learning in colours for colours in columns.values())
    last_new = max(marked)
    first_learning = min(x for x, colours in columns.items() if learning in colours)
    assert first_learning - last_new > 2  # a gap between the two words' lines
    other = TEXT.index("汉语")
    assert not any(
        new in c or learning in c for c in row_colours(view, (other, other + 2)).values()
    )


def test_no_source_no_underlines(show_in_view):
    document = build_document(TEXT)
    we = TEXT.index("我们")
    view = show_in_view(document, (600, 300))
    view.set_status_marks(FixedMarks([WordMark(we, we + 2, Status.NEW)]))
    new = mark_colour(Status.NEW, theme())
    assert any(new in c for c in row_colours(view, (we, we + 2)).values())
    view.set_status_marks(None)
    assert not any(new in c for c in row_colours(view, (we, we + 2)).values())


class CountingMarks(FixedMarks):
    """Counts the ranges it is asked for."""

    def __init__(self, marks: list[WordMark]) -> None:
        super().__init__(marks)
        self.asked: list[tuple[int, int]] = []

    def between(self, start: int, end: int) -> list[WordMark]:
        self.asked.append((start, end))
        return super().between(start, end)


def test_the_next_page_is_marked_while_the_reader_reads(qtbot, show_in_view):
    paragraph = "我们学习中文，学习汉语。" * 2  # a line each
    text = "\n\n".join([paragraph] * 60) + "\n"
    marks = [WordMark(i, i + 2, Status.NEW) for i, char in enumerate(text) if char == "我"]
    source = CountingMarks(marks)
    view = show_in_view(build_document(text), (600, 300))
    view.set_status_marks(source)
    view.viewport().repaint()
    shown = len(source.asked)
    qtbot.waitUntil(lambda: len(source.asked) > shown)  # the page below, made while idle
    qtbot.wait(100)
    asked = len(source.asked)
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + bar.pageStep())
    view.viewport().repaint()
    assert len(source.asked) == asked  # painted from what was made
    new = mark_colour(Status.NEW, theme())
    start = text.index("我", view.top_offset() + 60)  # a line well inside the page
    assert any(new in c for c in row_colours(view, (start, start + 2)).values())


def test_a_status_change_given_again_recolours_and_moves_nothing(show_in_view):
    document = build_document(TEXT)
    we, study = TEXT.index("我们"), TEXT.index("学习")
    view = show_in_view(document, (600, 300))
    source = FixedMarks([WordMark(we, we + 2, Status.NEW), WordMark(study, study + 2, Status.NEW)])
    view.set_status_marks(source)
    new, learning = mark_colour(Status.NEW, theme()), mark_colour(Status.LEARNING_2, theme())
    before = {x for x, c in row_colours(view, (we, study + 2)).items() if new in c}
    source.marks = [WordMark(we, we + 2, Status.LEARNING_2), WordMark(study, study + 2, Status.NEW)]
    view.set_status_marks(source)  # as the marks feature gives it after `changed`
    after = row_colours(view, (we, study + 2))
    assert {x for x, c in after.items() if new in c or learning in c} == before
    assert any(learning in c for c in after.values())
    source.marks = []
    view.set_status_marks(source)
    assert not any(new in c or learning in c for c in row_colours(view, (we, study + 2)).values())


def test_a_paint_while_the_reader_hovers_puts_off_the_next_page(qtbot, show_in_view):
    paragraph = "我们学习中文，学习汉语。" * 2
    text = "\n\n".join([paragraph] * 60) + "\n"
    marks = [WordMark(i, i + 2, Status.NEW) for i, char in enumerate(text) if char == "我"]
    source = CountingMarks(marks)
    view = show_in_view(build_document(text), (600, 300))
    view.set_status_marks(source)
    qtbot.waitUntil(lambda: len(source.asked) >= 4)  # the page in view, once shown
    shown = len(source.asked)
    for _ in range(8):  # a word's mark painted every 20 ms, as a hover does
        qtbot.wait(20)
        view.viewport().repaint(QtCore.QRect(10, 10, 40, 20))
    assert len(source.asked) == shown
    qtbot.waitUntil(lambda: len(source.asked) > shown)  # once the reader stops
