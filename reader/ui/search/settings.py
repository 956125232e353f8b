"""What the reader chose in the Search Library window: how queries are read, what is
searched, and where the window stood. Kept in the window's settings file under
"library_search/"."""

from __future__ import annotations

from reader.ui.find.bar import FindMode
from reader.ui.qt import QtCore
from reader.ui.search.window import SearchScope
from reader.ui.settings import SettingsGroup


class SearchSettings(SettingsGroup):
    """The library search's keys."""

    @property
    def mode(self) -> FindMode:
        return self._choice("library_search/mode", FindMode.AUTO)

    @mode.setter
    def mode(self, value: FindMode) -> None:
        self._set("library_search/mode", value.value)

    @property
    def scope(self) -> SearchScope:
        return self._choice("library_search/scope", SearchScope.TEXT)

    @scope.setter
    def scope(self, value: SearchScope) -> None:
        self._set("library_search/scope", value.value)

    @property
    def geometry(self) -> QtCore.QByteArray:
        value = self._store.value("library_search/geometry", QtCore.QByteArray())
        return value if isinstance(value, QtCore.QByteArray) else QtCore.QByteArray()

    @geometry.setter
    def geometry(self, value: QtCore.QByteArray) -> None:
        self._set("library_search/geometry", value)
