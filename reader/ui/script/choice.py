"""The script the reader chose to see the text in: one object the menu, the preferences and
the views share.

Display only: the document, its offsets, annotations, lookups and find keep the text as
written; the views show `shown_text(document.text)`, which has the same length and the same
UTF-16 width character by character (reader.language.script), so every offset stays valid.
OpenCC is loaded on the first conversion only, never for text shown as written.
"""

from __future__ import annotations

from reader.language.script import Script, display_text
from reader.ui.qt import QtCore
from reader.ui.settings import Settings


class ScriptChoice(QtCore.QObject):
    """`script()` and `set_script()`; `changed(Script)` once the new choice is saved."""

    changed = QtCore.Signal(object)

    def __init__(self, settings: Settings, parent: QtCore.QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._script = settings.script
        self._shown: tuple[str, Script, str] | None = None
        """The text last converted, its script and the result: both views show the same."""

    def script(self) -> Script:
        return self._script

    def set_script(self, script: Script) -> None:
        """Show the text in `script` from now on, and the next time Reader starts."""
        script = Script(script)
        if script is self._script:
            return
        self._script = script
        self._settings.script = script
        self.changed.emit(script)

    def shown_text(self, text: str) -> str:
        """`text` in the chosen script, as long as it, character for character."""
        if self._script is Script.AS_WRITTEN:
            return text
        shown = self._shown
        if shown is None or shown[1] is not self._script or shown[0] is not text:
            shown = (text, self._script, display_text(text, self._script))
            self._shown = shown
        return shown[2]

    def shown_label(self, text: str) -> str:
        """A short text (a heading in the tree or the status bar) in the chosen script."""
        return display_text(text, self._script)
