"""Help ▸ About Reader: what Reader is, whose work it is built on and under which licences
(reader.credits), and the licences' texts as the app ships them."""

from __future__ import annotations

from reader import __version__
from reader.credits import CREDITS, LICENCE_FILES, LICENCES
from reader.resources import find
from reader.ui.app_icon import app_icon
from reader.ui.plain_text import rich_text_of
from reader.ui.qt import QtCore, QtGui, QtWidgets

DESCRIPTION = (
    "A desktop app for reading Chinese: it shows an article or a book with its sections "
    "beside it, tells the reading and meaning of any word under the mouse or the caret, and "
    "keeps the reader's place, highlights and notes."
)


def credits_html() -> str:
    """The credits as the About box shows them; every text is escaped, links are ours."""
    rows = []
    for credit in CREDITS:
        rows.append(
            f"<p><b>{rich_text_of(credit.name)}</b> — {rich_text_of(credit.use)}.<br>"
            f"{rich_text_of(credit.notice)}<br>"
            f"Licence: {rich_text_of(credit.licence)}. "
            f'<a href="{rich_text_of(credit.url)}">{rich_text_of(credit.url)}</a></p>'
        )
    return "".join(rows)


def licence_text(relative: str) -> str:
    """A shipped licence's text, or why it cannot be shown."""
    try:
        return find(f"resources/{relative}").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return f"The licence text {relative} is missing from this installation ({error})."


class AboutDialog(QtWidgets.QDialog):
    """The credits on one tab, the licence texts on another."""

    def __init__(self, parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Reader")
        self.resize(820, 600)
        icon = QtWidgets.QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        self.title = QtWidgets.QLabel(f"Reader {__version__}")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.description = QtWidgets.QLabel(DESCRIPTION)
        self.description.setWordWrap(True)
        self.description.setTextFormat(QtCore.Qt.PlainText)
        heading = QtWidgets.QVBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.description)
        top = QtWidgets.QHBoxLayout()
        top.addWidget(icon, 0, QtCore.Qt.AlignTop)
        top.addLayout(heading, 1)

        self.credits = QtWidgets.QTextBrowser()
        self.credits.setOpenExternalLinks(True)
        self.credits.setHtml(credits_html())
        self.licences = QtWidgets.QListWidget()
        self.licences.setWordWrap(True)
        self.licences.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarAlwaysOff)
        for label, relative in LICENCES:
            item = QtWidgets.QListWidgetItem(label)
            item.setToolTip(f"resources/{relative}")
            self.licences.addItem(item)
        self.licence_view = QtWidgets.QPlainTextEdit()
        self.licence_view.setReadOnly(True)
        # The texts are set in lines of their own width; rewrapped they read badly.
        self.licence_view.setLineWrapMode(QtWidgets.QPlainTextEdit.NoWrap)
        self.licence_view.setFont(QtGui.QFontDatabase.systemFont(QtGui.QFontDatabase.FixedFont))
        self.licences.currentRowChanged.connect(
            lambda row: self.licence_view.setPlainText(licence_text(LICENCE_FILES[row]))
        )
        self.licences.setCurrentRow(0)
        licences = QtWidgets.QSplitter()
        licences.addWidget(self.licences)
        licences.addWidget(self.licence_view)
        licences.setStretchFactor(1, 1)
        licences.setSizes([230, 590])
        self.tabs = QtWidgets.QTabWidget()
        self.tabs.addTab(self.credits, "&Credits")
        self.tabs.addTab(licences, "&Licences")

        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QtWidgets.QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)


def show_about(parent: QtWidgets.QWidget) -> AboutDialog:
    """Shown window-modal, without blocking the caller."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(QtCore.Qt.WA_DeleteOnClose)
    dialog.open()
    return dialog
