"""What the reader chose in the find bar: how queries are read, and whether the list of
matches is shown. Kept in the window's settings file under "find/"."""

from __future__ import annotations

from reader.ui.find.bar import FindMode
from reader.ui.settings import SettingsGroup


class FindSettings(SettingsGroup):
    """The find keys."""

    @property
    def mode(self) -> FindMode:
        return self._choice("find/mode", FindMode.AUTO)

    @mode.setter
    def mode(self, value: FindMode) -> None:
        self._set("find/mode", value.value)

    @property
    def list_shown(self) -> bool:
        return self._flag("find/list_shown", False)

    @list_shown.setter
    def list_shown(self, value: bool) -> None:
        self._set_flag("find/list_shown", value)
