"""The session's tests: the synchronous task runner, warm language tools, a session made
for a file."""

from __future__ import annotations

import pytest

from reader.document import open_document
from reader.language.corrections import Corrections
from reader.language.segmentation import UserActivity
from reader.ui.session.document_session import DocumentSession
from reader.ui.session.language import LanguageWarmUp, shared_language_tools
from reader.ui.tasks import TaskRunner


@pytest.fixture
def runner(qapp):
    runner = TaskRunner(synchronous=True)
    yield runner
    runner.deleteLater()


@pytest.fixture
def warm(runner) -> LanguageWarmUp:
    warm_up = LanguageWarmUp(shared_language_tools(), runner)
    warm_up.start()
    assert warm_up.is_ready
    return warm_up


def session_for(path, warm_up, runner, corrections=None) -> DocumentSession:
    return DocumentSession(
        open_document(path),
        warm_up,
        Corrections() if corrections is None else corrections,
        runner,
        UserActivity(),
    )
