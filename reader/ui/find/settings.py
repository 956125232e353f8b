"""What the reader chose in the find bar: how queries are read, and whether the list of
matches is shown. Kept in the window's settings file under "find/"."""

from __future__ import annotations

from reader.ui.find.bar import FindMode
from reader.ui.settings import open_qsettings


class FindSettings:
    """Typed access to the find keys; every write is saved at once."""

    def __init__(self) -> None:
        self._store = open_qsettings()

    def _set(self, key: str, value: object) -> None:
        self._store.setValue(key, value)
        self._store.sync()

    @property
    def mode(self) -> FindMode:
        try:
            return FindMode(self._store.value("find/mode", FindMode.AUTO.value))
        except ValueError:
            return FindMode.AUTO

    @mode.setter
    def mode(self, value: FindMode) -> None:
        self._set("find/mode", value.value)

    @property
    def list_shown(self) -> bool:
        return str(self._store.value("find/list_shown", "false")).lower() == "true"

    @list_shown.setter
    def list_shown(self, value: bool) -> None:
        self._set("find/list_shown", "true" if value else "false")
