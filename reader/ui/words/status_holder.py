"""The window's one holder of word statuses: every feature asks it, none asks another.

`status(word)` answers from memory (a dictionary lookup, cheap enough for every word the
page paints), keyed by the word's simplified form (reader.language.known_words.word_key), so
学习 and 學習 share one status. The statuses are read once per window by a worker, on a
read-only connection of its own (the window's is the ui thread's): 100,000 of them take a
tenth of a second or more to read, which the window must not wait for. Until they are in,
every word reads as new; `changed` then says to read them all again.

`set` changes statuses as one step on the window's undo stack and writes them at once
through the window's store connection. A store that refuses (busy in another process, a
read-only or full disk) loses nothing: the change is shown and kept, written again every
RETRY_MS while the store is busy and every LATER_MS otherwise, at each later change, and
when the window closes; a refusal other than busy is told once in a message box.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from reader.language.known_words import word_key
from reader.language.segmentation import short_switch_interval
from reader.store import (
    BUSY_TIMEOUT_SECONDS,
    Status,
    Store,
    StoreBusyError,
    StoreError,
    open_store,
)
from reader.ui.annotations.store_connection import WINDOW_BUSY_TIMEOUT
from reader.ui.qt import QtCore, QtGui
from reader.ui.tasks import TaskRunner
from reader.ui.words.status_command import StatusCommand

RETRY_MS = 1000
"""How often statuses not saved are written again while another process holds the store."""
LATER_MS = 10_000
"""... and while it cannot be written for another reason (told once)."""
STATUS_MS = 8000
BUSY_LINE = (
    "The store is busy in another process: word statuses are kept and saved when it is free."
)


class StatusHolder(QtCore.QObject):
    """The statuses of the window's reader; one per window."""

    changed = QtCore.Signal(object)
    """The words (simplified) whose status changed, a list; None: any word's may have
    (the statuses were just read), ask again for every word."""

    def __init__(
        self,
        data_dir: Path,
        writable_store: Callable[[], Store],
        undo_stack: QtGui.QUndoStack,
        runner: TaskRunner,
        warn: Callable[[str, str], object],
        say: Callable[[str, int], object],
        parent: QtCore.QObject | None = None,
    ) -> None:
        """`writable_store`: the window's store (StoreError when it cannot be written);
        `warn(text, details)`: a message box; `say(line, ms)`: the status bar."""
        super().__init__(parent)
        self._data_dir = data_dir
        self._writable_store = writable_store
        self._undo_stack = undo_stack
        self._runner = runner
        self._warn = warn
        self._say = say
        self._statuses: dict[str, Status] = {}
        """Every word whose status is not new, by its key."""
        self._keys: dict[str, str] = {}
        self._loaded = False
        self._loading = False
        self._since_loading: dict[str, Status] = {}
        """What the reader changed while the worker read the store: it overrides the worker."""
        self._unsaved: dict[str, Status] = {}
        self._told: set[str] = set()
        self._retry = QtCore.QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self.save)

    # Reading

    @property
    def loaded(self) -> bool:
        return self._loaded

    def load(self) -> None:
        """Read every status, by a worker, once the event loop runs again (the window has
        attached its features and shown its document: a worker meanwhile would slow them,
        each Qt call waiting for the interpreter's lock); `changed(None)` once they are in."""
        if self._loaded or self._loading:
            return
        self._loading = True
        QtCore.QTimer.singleShot(0, self, self._start_reading)

    def _start_reading(self) -> None:
        if self._loaded:
            self._loading = False
            return
        data_dir = self._data_dir
        self._runner.run(lambda: _read_all(data_dir), self._take, self._load_failed)

    def load_now(self) -> None:
        """Read every status on this thread, through the window's connection, if the worker
        has not yet: a change needs the statuses before it to be undone."""
        if self._loaded:
            return
        try:
            read = self._writable_store().word_statuses.all()
        except StoreError:
            return  # the change is still made, kept and told about when written
        self._take(read)

    def _take(self, read: dict[str, Status]) -> None:
        self._loading = False
        if self._loaded:
            return  # read on the ui thread meanwhile
        read.update(self._since_loading)
        read.update(self._unsaved)
        self._statuses = {word: status for word, status in read.items() if status}
        self._since_loading.clear()
        self._loaded = True
        self.changed.emit(None)

    def _load_failed(self, error: BaseException) -> None:
        """The worker could not read the store: the next change reads it on this thread."""
        self._loading = False
        if not isinstance(error, StoreError):
            raise error
        self._say(f"Word statuses could not be read: {error.reason}", STATUS_MS)

    def key(self, word: str) -> str:
        """The word's simplified form, its status's key (remembered: OpenCC takes µs)."""
        key = self._keys.get(word)
        if key is None:
            key = self._keys[word] = word_key(word)
        return key

    def status(self, word: str) -> Status:
        """The status of `word` as written (simplified or traditional); new until read."""
        key = self._keys.get(word)
        if key is None:
            key = self.key(word)
        return self._statuses.get(key, Status.NEW)

    def statuses(self, words: Iterable[str]) -> dict[str, Status]:
        """The status of each of `words`, by its key."""
        return {key: self._statuses.get(key, Status.NEW) for key in map(self.key, words)}

    def words_with(self, status: Status) -> list[str]:
        """The words (simplified) of one status other than new, as held now."""
        return [word for word, held in self._statuses.items() if held is status]

    def stored_words_with(self, status: Status) -> list[str]:
        """The words of one status as the store holds them, in the order they got it;
        StoreError if it cannot be read."""
        return self._writable_store().word_statuses.words_with(status)

    # Changing

    def set(self, changes: Mapping[str, Status], description: str) -> int:
        """Give words (as written) their statuses, as one undoable step called
        `description`; returns how many words changed (0: nothing to undo, no step)."""
        self.load_now()
        after: dict[str, Status] = {}
        for word, status in changes.items():
            key, status = self.key(word), Status(status)
            if key and self._statuses.get(key, Status.NEW) is not status:
                after[key] = status
        if not after:
            return 0
        before = {key: self._statuses.get(key, Status.NEW) for key in after}
        self._undo_stack.push(StatusCommand(description, after, before, self.apply))
        return len(after)

    def apply(self, changes: Mapping[str, Status]) -> None:
        """Show `changes` (by key) at once and write them; what the store refuses is kept."""
        for key, status in changes.items():
            if status is Status.NEW:
                self._statuses.pop(key, None)
            else:
                self._statuses[key] = status
        if not self._loaded:
            self._since_loading.update(changes)
        self._unsaved.update(changes)
        self.save()
        self.changed.emit(list(changes))

    @property
    def unsaved(self) -> dict[str, Status]:
        """Changes the store has not taken yet."""
        return dict(self._unsaved)

    def save(self, quiet: bool = False) -> bool:
        """Write what the store has not taken yet; True once it has all. A refusal is told
        once unless `quiet` or the store is only busy, and tried again after a while."""
        self._retry.stop()
        if not self._unsaved:
            return True
        waiting = dict(self._unsaved)
        try:
            self._writable_store().word_statuses.set(waiting)
        except StoreBusyError:
            self._say(BUSY_LINE, STATUS_MS)
            self._retry.start(RETRY_MS)
            return False
        except StoreError as error:
            if not quiet and str(error) not in self._told:
                self._told.add(str(error))
                self._warn(
                    "Reader cannot save word statuses.",
                    f"{error}\n\nThe statuses are kept and shown, and saved as soon as the "
                    "store can be written (Reader tries again now and then, and when it "
                    "closes).",
                )
            self._retry.start(LATER_MS)
            return False
        for key, status in waiting.items():
            if self._unsaved.get(key) is status:
                del self._unsaved[key]
        return not self._unsaved

    def close(self) -> None:
        """The window closes: what waits gets a last try, waiting for a busy store as long
        as the command line waits (a status must not be lost)."""
        self._retry.stop()
        if not self._unsaved:
            return
        try:
            database = self._writable_store().database
        except StoreError:
            return
        database.wait_for_writes(BUSY_TIMEOUT_SECONDS)
        try:
            self.save(quiet=True)
        finally:
            self._retry.stop()
            database.wait_for_writes(WINDOW_BUSY_TIMEOUT)


def _read_all(data_dir: Path) -> dict[str, Status]:
    """On a worker: every status not new, read on a connection of its own; the ui thread
    takes the interpreter back within a short switch interval meanwhile."""
    with short_switch_interval, open_store(data_dir, read_only=True) as store:
        return store.word_statuses.all()
