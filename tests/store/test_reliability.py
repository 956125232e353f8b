"""Whole operations only: real processes killed while importing, and two processes at once."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reader.store import STORE_FILE, open_store

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
