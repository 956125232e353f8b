"""Painting the pinyin view: each laid-out line's backgrounds (the selection, the word looked
up, highlights, a find's matches) and the underlines of the words the reader does not know,
then its characters, then their readings above them in tone colours.

The page (reader.ui.views.pinyin_layout) says where every box is; this module only draws
them, so what is painted and what is hit-tested come from the same layout.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.ui.qt import QtCore, QtGui
from reader.ui.views.found_spans import FoundSpans
from reader.ui.views.page_style import Theme, block_style, ink, theme
from reader.ui.views.pinyin_layout import PinyinLayout
from reader.ui.views.pinyin_underlines import PieceLines, PieceUnderlines, text_baseline
from reader.ui.views.status_marks import WordMarkSource, mark_colour
from reader.ui.views.tone_colours import ToneColours

if TYPE_CHECKING:
    from reader.store import Status

Span = tuple[int, int]


@dataclass(frozen=True)
class Highlight:
    """A highlight to paint: its range, its colour, and an underline colour for a note."""

    start: int
    end: int
    colour: QtGui.QColor
    underline: QtGui.QColor | None = None


@dataclass(frozen=True)
class Marked:
    """What is painted under the characters: the selection over all, the word looked up,
    highlights, the one on top last, and a find's matches over them, the current one
    strongest."""

    selection: Span | None
    word: Span | None
    highlights: list[Highlight]
    found: list[Span] = field(default_factory=list)
    current: Span | None = None
    underlines: dict[int, PieceLines] = field(default_factory=dict)
    """The underlines of the new and learning words, by piece and line."""


class PageMarks:
    """What the view marks besides its selection, kept until the next paint asks for the
    part in view: the word looked up, the highlights' source, a find's matches."""

    def __init__(self) -> None:
        self.hovered: Span | None = None
        self.highlights: Callable[[int, int], list[Highlight]] = lambda start, end: []
        """The highlights reaching into `[start, end)`, the one on top last."""
        self.found = FoundSpans()
        self.words: WordMarkSource | None = None
        self.words_shown = False
        """The new and learning words are underlined."""
        self._underlines = PieceUnderlines()

    def marked(self, selection: Span | None, page: PinyinLayout, pieces: Sequence[int]) -> Marked:
        """What to paint under the characters of `pieces`."""
        if not pieces:
            return Marked(selection, self.hovered, [])
        start, end = page.piece(pieces[0]).start, page.piece(pieces[-1]).end
        found = self.found.between(start, end, page.document)
        current = self.found.current(page.document)
        highlights = self.highlights(start, end)
        return Marked(
            selection, self.hovered, highlights, found, current, self._words(page, pieces)
        )

    def _words(self, page: PinyinLayout, pieces: Sequence[int]) -> dict[int, PieceLines]:
        """The pieces' underlines of their new and learning words; each piece asked on its
        own, so that one not segmented yet leaves the others their marks."""
        if self.words is None or not self.words_shown:
            return {}
        assert page.document is not None
        underlines = {}
        for index in pieces:
            piece = page.piece(index)
            marks = self.words.between(piece.start, piece.end)
            if marks:
                fonts = page.fonts(page.document.blocks[piece.block])
                layout = page.layout_of(index)
                underlines[index] = self._underlines.of(index, layout, marks, fonts)
        return underlines


def paint_page(
    painter: QtGui.QPainter,
    page: PinyinLayout,
    pieces: range,
    left: float,
    height: int,
    clip: QtCore.QRect,
    marked: Marked,
    colours: ToneColours,
) -> None:
    """Paint `pieces` of `page` into a viewport `height` high whose text column starts at
    `left`; the pieces below the viewport are left alone."""
    for index in pieces:
        origin = QtCore.QPointF(left, page.top(index) - page.value())
        if origin.y() > height:
            break
        _paint_piece(painter, page, index, origin, clip, marked, colours)


def _paint_piece(
    painter: QtGui.QPainter,
    page: PinyinLayout,
    index: int,
    origin: QtCore.QPointF,
    clip: QtCore.QRect,
    marked: Marked,
    colours: ToneColours,
) -> None:
    document = page.document
    assert document is not None
    block = document.blocks[page.piece(index).block]
    fonts, style = page.fonts(block), block_style(block)
    layout = page.layout_of(index)
    text = page.text
    colours_now = theme()
    text_ink = QtGui.QColor(ink(style))
    selection = QtGui.QColor(colours_now.selection)
    mark = QtGui.QColor(colours_now.mark)
    found, found_current = QtGui.QColor(colours_now.found), QtGui.QColor(colours_now.found_current)
    baseline = text_baseline(fonts)
    ruby_baseline = fonts.ruby_top + fonts.ruby_metrics.ascent()
    underlines = marked.underlines.get(index)
    for line_number, line in enumerate(layout.lines):
        top = origin.y() + line.y
        if top > clip.bottom() or top + layout.line_height < clip.top():
            continue
        for number, box in enumerate(line.boxes):
            left = origin.x() + box.x
            band = QtCore.QRectF(left, top + fonts.ruby_band, box.width, fonts.text_band)
            after = line.boxes[number + 1] if number + 1 < len(line.boxes) else None
            # Up to the next box where the same span goes on: one band, no seam between them.
            joined = band.adjusted(0, 0, after.x - box.x - box.width, 0) if after else band
            nxt = after.start if after else -1
            if _covers(marked.selection, box.start):
                painter.fillRect(joined if _covers(marked.selection, nxt) else band, selection)
                continue
            if _covers(marked.word, box.start):
                painter.fillRect(joined if _covers(marked.word, nxt) else band, mark)
            for highlight in marked.highlights:
                span = (highlight.start, highlight.end)
                if _covers(span, box.start):
                    area = joined if _covers(span, nxt) else band
                    painter.fillRect(area, highlight.colour)
                    if highlight.underline is not None:
                        underline = QtCore.QRectF(area.left(), area.bottom() - 2, area.width(), 1.5)
                        painter.fillRect(underline, highlight.underline)
            for span in marked.found:
                if _covers(span, box.start):
                    colour = found_current if span == marked.current else found
                    painter.fillRect(joined if _covers(span, nxt) else band, colour)
        line_underlines = underlines.line(line_number) if underlines is not None else None
        if line_underlines:
            painter.setPen(QtCore.Qt.NoPen)
            painter.translate(origin)  # made in the piece's coordinates
            for status, rects in line_underlines.items():
                painter.setBrush(_word_colour(status, colours_now))
                painter.drawRects(rects)
            painter.translate(-origin)
        painter.setFont(fonts.font)
        painter.setPen(text_ink)
        for box in line.boxes:
            chars = text[box.start : box.end]
            x = origin.x() + box.x + (box.width - box.text_width) / 2
            painter.drawText(QtCore.QPointF(x, top + baseline), chars)
        painter.setFont(fonts.ruby_font)
        for box in line.boxes:
            if box.ruby is None:
                continue
            colour = colours.colour(box.tone, colours_now.paper)
            painter.setPen(QtGui.QColor(colour or colours_now.deck_ink))
            width = fonts.measure_ruby(box.ruby) * box.squeeze
            left = origin.x() + box.x + box.nudge + (box.width - width) / 2
            point = QtCore.QPointF(left, top + ruby_baseline)
            if box.squeeze == 1.0:
                painter.drawText(point, box.ruby)
                continue
            # Condensed so as not to touch its neighbour's: narrower letters, same height.
            painter.save()
            painter.translate(point)
            painter.scale(box.squeeze, 1.0)
            painter.drawText(QtCore.QPointF(0.0, 0.0), box.ruby)
            painter.restore()


@functools.lru_cache(maxsize=64)
def _word_colour(status: Status, colours: Theme) -> QtGui.QColor:
    """The underline's colour, made once a status and theme, not once a piece."""
    return QtGui.QColor(mark_colour(status, colours))


def _covers(span: Span | None, offset: int) -> bool:
    return span is not None and span[0] <= offset < span[1]
