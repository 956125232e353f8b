"""The readings worker: readings of the blocks asked for, made from the document's words
(with the reader's corrections, segmented yet or not), kept until the words change, one
task at a time for the blocks asked for last, and nothing told once the document closed."""

from __future__ import annotations

import pytest

from reader.document import build_document
from reader.language.corrections import Corrections
from reader.language.segmentation import Segmentation
from reader.language.tools import LanguageTools
from reader.ui.session.language import shared_language_tools
from reader.ui.session.readings_worker import ReadingsWorker
from reader.ui.tasks import TaskRunner

WORD = "\u7f51\u7edc\u5b89\u5168"  # 网络安全: one word to jieba, in no HSK list
TEXT = "\n\n".join(
    [
        "\u6807\u9898",  # 标题
        "\u9c81\u709c\u53d1\u73b0" + WORD + "\u3002",  # 鲁炜发现网络安全。
        "\u6211\u4eec\u5728\u5ea7\u8c08\u4f1a\u4e0a\u53d1\u8a00\u3002",  # 我们在座谈会上发言。
        WORD + "\u5f88\u91cd\u8981\u3002",  # 网络安全很重要。
    ]
)


@pytest.fixture
def document():
    return build_document(TEXT)


class Told:
    """What a worker told: the blocks whose readings changed, and failures."""

    def __init__(self, worker: ReadingsWorker) -> None:
        self.changed: list[list[int]] = []
        self.failed: list[str] = []
        worker.changed.connect(self.changed.append)
        worker.failed.connect(self.failed.append)


def make_worker(document, runner, corrections=None, segmentation=None, cancelled=None, tools=None):
    return ReadingsWorker(
        document,
        runner,
        tools or shared_language_tools(),
        lambda: segmentation,
        corrections if corrections is not None else Corrections(),
        cancelled or (lambda: False),
    )


def word_levels(worker: ReadingsWorker, document, index: int) -> list[int]:
    """The levels of WORD's characters in block `index`."""
    block = document.blocks[index]
    at = document.text.index(WORD, block.start) - block.start
    return worker.readings(index).levels[at : at + len(WORD)]


def test_readings_are_made_for_the_blocks_asked_for_and_kept(qtbot, document):
    worker = make_worker(document, TaskRunner(synchronous=True))
    told = Told(worker)
    assert worker.readings(2) is None
    worker.request([2, 3])
    assert told.changed == [[2, 3]]
    readings = worker.readings(2)
    assert readings.syllables[:2] == ["wo3", "men5"]
    assert worker.readings(0) is None and worker.readings(1) is None
    worker.request([2, 3])
    assert told.changed == [[2, 3]]  # kept: nothing made again
    assert worker.readings(2) is readings


def test_the_documents_segmentation_gives_the_words(qtbot, document):
    corrections = Corrections()
    corrections.split(WORD, 2)
    spans = [(block.start, block.end) for block in document.blocks]
    segmentation = Segmentation(
        document.text, spans, shared_language_tools().segmenter, corrections
    )
    worker = make_worker(document, TaskRunner(synchronous=True), segmentation=segmentation)
    worker.request([1])
    assert segmentation.is_segmented(1) and not segmentation.is_segmented(3)
    assert word_levels(worker, document, 1) == [4, 4, 2, 2]  # 网络 HSK 4, 安全 HSK 2


def test_a_correction_applies_before_the_document_is_segmented(qtbot, document):
    corrections = Corrections()
    worker = make_worker(document, TaskRunner(synchronous=True), corrections=corrections)
    worker.request([1])
    assert word_levels(worker, document, 1) == [99] * 4
    corrections.split(WORD, 2)
    worker.request([3])
    assert word_levels(worker, document, 3) == [4, 4, 2, 2]


def test_forgotten_blocks_are_read_again_with_their_new_words(qtbot, document):
    corrections = Corrections()
    worker = make_worker(document, TaskRunner(synchronous=True), corrections=corrections)
    told = Told(worker)
    worker.request([1, 3])
    corrections.split(WORD, 2)
    worker.forget([1])
    assert told.changed[-1] == [1]
    assert worker.readings(1) is None and worker.readings(3) is not None
    worker.request([1, 3])
    assert told.changed[-1] == [1]
    assert word_levels(worker, document, 1) == [4, 4, 2, 2]


def test_one_task_at_a_time_and_only_the_last_request_waits(qtbot, document):
    runner = TaskRunner(max_threads=1)
    worker = make_worker(document, runner)
    told = Told(worker)
    worker.request([0])
    worker.request([1])  # left behind by the next
    worker.request([2, 3])
    assert runner.pending() == 1
    qtbot.waitUntil(lambda: len(told.changed) == 2)
    assert told.changed == [[0], [2, 3]]
    assert worker.readings(1) is None
    runner.wait()


def test_readings_being_made_for_a_forgotten_block_are_dropped(qtbot, document):
    runner = TaskRunner(max_threads=1)
    worker = make_worker(document, runner)
    told = Told(worker)
    worker.request([1, 2])
    worker.forget([1])  # the words changed while the task ran
    qtbot.waitUntil(lambda: len(told.changed) == 2)
    assert told.changed == [[1], [2]]
    assert worker.readings(1) is None and worker.readings(2) is not None
    runner.wait()


def test_nothing_is_made_or_told_once_cancelled(qtbot, document):
    closed = False
    runner = TaskRunner(max_threads=1)
    worker = make_worker(document, runner, cancelled=lambda: closed)
    told = Told(worker)
    worker.request([1])
    closed = True
    qtbot.waitUntil(lambda: runner.pending() == 0)  # its result came back, and was dropped
    worker.request([2])
    assert told.changed == [] and runner.pending() == 0
    assert worker.readings(1) is None and worker.readings(2) is None


def test_a_failure_is_told(qtbot, document, tmp_path):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("", encoding="utf-8")
    tools = LanguageTools(not_a_folder)  # jieba cannot keep its dictionary there
    worker = make_worker(document, TaskRunner(synchronous=True), tools=tools)
    told = Told(worker)
    worker.request([1])
    assert len(told.failed) == 1 and told.failed[0]
    assert told.changed == [] and worker.readings(1) is None
    tools.close()
