"""Whole operations only: real processes killed while importing, and two processes at once."""

from __future__ import annotations

import json
import multiprocessing
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reader.document import open_document
from reader.store import SCHEMA_VERSION, STORE_FILE, open_store
from tests.store.store_helpers import write_lock_held

IMPORTER = """
import sys
from pathlib import Path
from reader.document import open_document
from reader.store import import_annotations, open_store

store = open_store(Path(sys.argv[1]))
document = open_document(sys.argv[2])
print("ready", flush=True)
report = import_annotations(store, document, Path(sys.argv[3]).read_bytes())
print("done", report.added, flush=True)
"""

WRITER = """
import sys
from pathlib import Path
from reader.document import open_document
from reader.store import open_store

store = open_store(Path(sys.argv[1]))
document = open_document(sys.argv[2])
record = store.open_document(document)
for start in range(int(sys.argv[3])):
    store.annotations.create(record.record.id, document.text, start, start + 1, note="child")
print("done", flush=True)
"""

ANNOTATIONS = 10_000


def large_import(text: str, path: Path) -> Path:
    rng = random.Random(2016)
    items = []
    for index in range(ANNOTATIONS):
        start = rng.randrange(len(text) - 10)
        end = start + rng.randint(1, 8)
        items.append(
            {
                "id": uuid.UUID(int=rng.getrandbits(128), version=4).urn,
                "type": "Annotation",
                "body": [
                    {"type": "TextualBody", "purpose": "commenting", "value": f"笔记 {index}"}
                ],
                "target": {
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": text[start:end]},
                        {"type": "TextPositionSelector", "start": start, "end": end},
                    ]
                },
            }
        )
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    return path


def start_importer(data_dir: Path, document: Path, annotations: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(data_dir), str(document), str(annotations)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready"
    return process


def kill(process: subprocess.Popen) -> int:
    process.send_signal(signal.SIGKILL)
    code = process.wait(timeout=10)
    assert process.stdout is not None
    process.stdout.close()
    return code


def check_whole(data_dir: Path) -> int:
    """The store is sound and holds none of the import or all of it; returns the count."""
    connection = sqlite3.connect(data_dir / STORE_FILE)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        count = connection.execute("SELECT count(*) FROM annotations").fetchone()[0]
    finally:
        connection.close()
    assert count in (0, ANNOTATIONS)
    return count


@pytest.mark.slow
def test_an_import_killed_at_any_moment_leaves_all_or_nothing(tmp_path, seed_path, seed):
    annotations = large_import(seed.text, tmp_path / "annotations.json")

    timed = tmp_path / "timed"
    began = time.perf_counter()
    process = start_importer(timed, seed_path, annotations)
    assert process.wait(timeout=60) == 0
    process.stdout.close()
    duration = time.perf_counter() - began
    assert check_whole(timed) == ANNOTATIONS

    rng = random.Random()
    outcomes = []
    rounds = 6
    for round_ in range(rounds):
        data_dir = tmp_path / f"round-{round_}"
        process = start_importer(data_dir, seed_path, annotations)
        time.sleep(duration * (round_ + rng.random()) / rounds)
        outcomes.append((kill(process), check_whole(data_dir)))

    # Kill it where it hurts most too: while the transaction is being written to the log.
    for round_ in range(2):
        data_dir = tmp_path / f"writing-{round_}"
        process = start_importer(data_dir, seed_path, annotations)
        wal = data_dir / (STORE_FILE + "-wal")
        while process.poll() is None and (not wal.exists() or wal.stat().st_size < 1_000_000):
            time.sleep(0.001)
        outcomes.append((kill(process), check_whole(data_dir)))

    assert any(code == -signal.SIGKILL for code, _ in outcomes), outcomes
    for round_, _ in enumerate(outcomes):
        name = f"round-{round_}" if round_ < rounds else f"writing-{round_ - rounds}"
        with open_store(tmp_path / name) as store:
            assert store.notice is None


def test_two_processes_write_to_the_same_store(tmp_path, seed_path, seed):
    data_dir = tmp_path / "data"
    each = 60
    child = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data_dir), str(seed_path), str(each)],
        stdout=subprocess.PIPE,
        text=True,
    )
    with open_store(data_dir) as store:
        record = store.open_document(seed).record
        for start in range(each):
            store.annotations.create(record.id, seed.text, 100 + start, 101 + start, note="parent")
        out, _ = child.communicate(timeout=60)
        assert child.returncode == 0 and out.strip() == "done"
        notes = [a.note for a in store.annotations.for_document(record.id)]
        assert len(store.documents.all()) == 1
    assert notes.count("parent") == each and notes.count("child") == each


def test_a_new_store_waits_while_another_process_holds_the_new_file(tmp_path):
    """As when another process is creating the store: SQLite does not wait by itself to
    switch the file to WAL, and the open failed at once with "busy"."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with write_lock_held(data_dir / STORE_FILE, 0.5):
        began = time.monotonic()
        with open_store(data_dir) as store:
            assert store.notice is None
            assert store.database.query("PRAGMA journal_mode")[0][0] == "wal"
        assert time.monotonic() - began >= 0.2


def run_at_once(target, arguments: list[tuple], trials: int) -> list[str]:
    """`target(*arguments[n], barrier, results)` in a process each, started together; the
    outcome each puts for each of the `trials` ("ok" or the error's repr)."""
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(arguments))
    results = context.Queue()
    workers = [context.Process(target=target, args=(*a, barrier, results)) for a in arguments]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in range(trials * len(arguments))]
    for worker in workers:
        worker.join(timeout=60)
    return outcomes


def create_stores(folders: list[str], barrier, results) -> None:
    """In a process of its own: open each new store together with the other processes."""
    for folder in folders:
        barrier.wait()
        try:
            open_store(Path(folder)).close()
            results.put("ok")
        except Exception as error:  # the parent reports whatever it was
            results.put(repr(error))


def test_processes_creating_the_same_store_at_once_all_open_it(tmp_path):
    """Twenty new stores, each created by four processes at the same moment: none fails, and
    none takes the store another is creating for a foreign file. (Two processes failed with
    "busy" 4 times in 20 elsewhere, but seldom here: the test above holds the file for sure.)"""
    trials, processes = 20, 4
    folders = [str(tmp_path / f"trial-{trial}") for trial in range(trials)]
    outcomes = run_at_once(create_stores, [(folders,)] * processes, trials)
    assert [o for o in outcomes if o != "ok"] == []
    for folder in folders:
        with open_store(Path(folder)) as store:
            assert store.notice is None
            assert store.database.user_version() == SCHEMA_VERSION


def annotate_damaged_stores(folders: list[str], seed: str, number: int, barrier, results) -> None:
    """In a process of its own: open each damaged store with the others, and highlight."""
    document = open_document(seed)
    for folder in folders:
        barrier.wait()
        try:
            with open_store(Path(folder)) as store:
                record = store.open_document(document).record
                store.annotations.create(record.id, document.text, number, number + 1)
            results.put("ok")
        except Exception as error:  # the parent reports whatever it was
            results.put(repr(error))


def test_processes_finding_the_same_damaged_store_move_it_aside_once(tmp_path, seed_path):
    """Ten damaged stores, each opened by three processes at once: one moves it aside, and
    every highlight lands in the one new store (the second mover once took the first's new
    store from under it, and its highlights went into the file moved aside)."""
    trials, processes = 10, 3
    folders = []
    for trial in range(trials):
        folder = tmp_path / f"trial-{trial}"
        folder.mkdir()
        (folder / STORE_FILE).write_bytes(b"not a database " * 500)
        folders.append(str(folder))
    arguments = [(folders, str(seed_path), n) for n in range(processes)]
    outcomes = run_at_once(annotate_damaged_stores, arguments, trials)
    assert [o for o in outcomes if o != "ok"] == []
    for folder in folders:
        assert len(list(Path(folder).glob("reader.damaged-*.sqlite3"))) == 1
        with open_store(Path(folder)) as store:
            assert store.notice is None and store.annotations.count() == processes
