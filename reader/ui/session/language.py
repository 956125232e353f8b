"""The process's language tools, and their warm-up after the first paint.

Every window shares one `LanguageTools`: the dictionary index, the reading model and jieba
are built once per process. Each window warms them up on a worker once its text has first
been painted (a worker holding the GIL while the page is built would delay that paint);
until then no lookup is answered and no document is segmented.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.language.tools import LanguageTools
from reader.ui.qt import QtCore
from reader.ui.tasks import TaskRunner

WARM_UP_WORD = "银行"
"""Looked up once by the worker, so the first hover pays for no lazy import or model load."""

_shared_tools: LanguageTools | None = None


def shared_language_tools() -> LanguageTools:
    """The program's one set of language tools: every window shares what was built."""
    global _shared_tools
    if _shared_tools is None:
        _shared_tools = LanguageTools()
    return _shared_tools


class LanguageWarmUp(QtCore.QObject):
    """Builds the tools on a worker, once; says when lookups work, or why they never will."""

    ready = QtCore.Signal()
    failed = QtCore.Signal(str)

    def __init__(self, tools: LanguageTools, runner: TaskRunner) -> None:
        super().__init__(runner)
        self.tools = tools
        self._runner = runner
        self._started = False
        self._is_ready = False
        self._failure: str | None = None

    @property
    def started(self) -> bool:
        return self._started

    @property
    def is_ready(self) -> bool:
        return self._is_ready

    @property
    def failure(self) -> str | None:
        return self._failure

    def start(self) -> None:
        if not self._started:
            self._started = True
            self._runner.run(self._warm_up, self._warmed, self._warm_up_failed)

    def when_ready(self, callback: Callable[[bool], None]) -> None:
        """Call `callback(True)` once lookups work, or `callback(False)` if they never will."""
        if self._is_ready or self._failure is not None:
            callback(self._is_ready)
            return
        self.ready.connect(lambda: callback(True))
        self.failed.connect(lambda _: callback(False))

    def _warm_up(self) -> None:
        """On a worker: the dictionary, HSK levels, reading model and pypinyin, the parts of
        speech the reading rules ask (else the first hover over 的 would load them on the ui
        thread), and jieba's module but not its dictionary."""
        self.tools.lookup.word(WARM_UP_WORD)
        self.tools.word_classes.ensure_loaded()
        self.tools.segmenter.import_jieba()

    def _warmed(self, _: object) -> None:
        self._is_ready = True
        self.ready.emit()

    def _warm_up_failed(self, error: BaseException) -> None:
        self._failure = str(error) or type(error).__name__
        self.failed.emit(self._failure)
