"""Text from a document, a file name, an annotation or an error is shown as plain text.

Qt guesses whether a string is rich text (Qt::mightBeRichText: a tag in its first line) for
labels, message boxes and tooltips; a heading such as `<img src="/dev/zero">` would then be
read as an image and the file read until memory runs out. So every widget that shows such
text is made here, or given it through here:

- a label: `plain_label()` (its format fixed to plain text);
- a message box: `make_plain()` on it (its text and informative text);
- a tooltip, which has no plain-text mode: `tooltip()` escapes the text into rich text;
- a menu entry: `menu_text()` doubles the `&` that would otherwise make a shortcut;
- a heading or title in one line of a widget: `shortened()` keeps it to a few hundred
  characters, as a file of one long line is all title.

New code that shows such text uses these; tests/ui/test_plain_text.py walks every widget.
"""

from __future__ import annotations

from reader.ui.qt import QtCore, QtWidgets

_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "\n": "<br>"}
)

SHOWN_AT_MOST = 300
"""Characters of a heading a label, a tree row or a window title shows. A one-line file of a
million characters has it all as its title, and a label lays its whole text out again at
every change of size."""


def plain_label(text: str = "", parent: QtWidgets.QWidget | None = None) -> QtWidgets.QLabel:
    label = QtWidgets.QLabel(parent)
    label.setTextFormat(QtCore.Qt.PlainText)
    label.setText(text)
    return label


def make_plain(box: QtWidgets.QMessageBox) -> QtWidgets.QMessageBox:
    """The box's text and informative text shown as they are (call after setting them)."""
    box.setTextFormat(QtCore.Qt.PlainText)
    for label in box.findChildren(QtWidgets.QLabel):
        if label.objectName() in ("qt_msgbox_label", "qt_msgbox_informativelabel"):
            label.setTextFormat(QtCore.Qt.PlainText)
    return box


def rich_text_of(text: str) -> str:
    """Plain text inside rich text: nothing in it is read as markup; lines kept.

    html.escape would do, but importing the html module and its entity tables costs 3 ms
    before the first paint (the window's title tooltip), and only these five matter."""
    return text.translate(_ESCAPES)


def tooltip(text: str) -> str:
    """A tooltip that shows `text` as it is, line breaks and spaces kept."""
    return f"<p style='white-space:pre-wrap'>{rich_text_of(text)}</p>"


def menu_text(text: str) -> str:
    """`text` as a menu entry shows it: an `&` in a file name is not a shortcut."""
    return text.replace("&", "&&")


def shortened(text: str) -> str:
    """`text`, or its first SHOWN_AT_MOST characters and an ellipsis."""
    return text if len(text) <= SHOWN_AT_MOST else text[:SHOWN_AT_MOST] + "\u2026"
