"""When the annotations panel is shown: when the document has annotations, or the reader
makes one; or whenever the reader asked for it. An empty panel is not shown by itself: on a
first start it took a third of the window for nothing.

What the reader chose is kept in the settings: closing the panel while it has annotations
keeps it closed (until they show it again), showing it while it is empty keeps it shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.store import Annotation, AnnotationChange, AnnotationSet
from reader.ui.qt import QtCore
from reader.ui.settings import open_qsettings

CHOICE_KEY = "panels/annotations"
SHOWN, HIDDEN = "shown", "hidden"


class PanelShowing(QtCore.QObject):
    """Listens to the window's AnnotationSet; asks for the panel through `set_wanted`."""

    def __init__(
        self,
        annotations: AnnotationSet,
        set_wanted: Callable[[bool], None],
        parent: QtCore.QObject,
    ) -> None:
        super().__init__(parent)
        self._annotations = annotations
        self._set_wanted = set_wanted
        self._store = open_qsettings()
        self._count = len(annotations)
        annotations.add_listener(self)
        self._set_wanted(self.wanted())

    @property
    def choice(self) -> str:
        """SHOWN, HIDDEN, or "" while the panel follows its content."""
        value = str(self._store.value(CHOICE_KEY, ""))
        return value if value in (SHOWN, HIDDEN) else ""

    def wanted(self) -> bool:
        choice = self.choice
        return choice == SHOWN or (choice != HIDDEN and self._count > 0)

    def reader_chose(self, shown: bool) -> None:
        """The reader showed or closed the panel: kept where it differs from the content's."""
        follows = shown == (self._count > 0)
        choice = "" if follows else SHOWN if shown else HIDDEN
        self._store.setValue(CHOICE_KEY, choice)
        self._store.sync()

    # The set's listener

    def annotations_replaced(self, before: Sequence[Annotation]) -> None:
        self._counted(force=True)

    def annotation_changed(self, change: AnnotationChange) -> None:
        if not change.draft:
            self._counted()

    def _counted(self, force: bool = False) -> None:
        """Shown or closed as the count crosses zero (or a new document comes)."""
        was = self._count > 0
        self._count = len(self._annotations)
        if force or was != (self._count > 0):
            self._set_wanted(self.wanted())
