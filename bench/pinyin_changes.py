"""How much of a text's pinyin changed against the previous release, with places to judge.

The previous release's code is taken from git (`git archive`) into a temporary folder;
it and the current code each run `reader pinyin --json --style numbers FILE` in a
subprocess of the same interpreter, with PYTHONPATH pointing at their own tree, their own
cache folder (warmed first, so that building the dictionary index is not timed) and an
empty data folder (no word corrections). The readings are compared character by
character; a fixed random sample of the changed places is printed with the sentence
around, old → new, for a human to judge which release reads it right.

    python bench/pinyin_changes.py [FILE ...]     default: the seed and hongloumeng.txt
"""

from __future__ import annotations

import io
import json
import os
import random
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))
if str(BENCH) not in sys.path:  # its siblings, also when imported as bench.<module> (tests)
    sys.path.append(str(BENCH))

from table import Table  # noqa: E402

from reader.document.encoding import decode_text  # noqa: E402
from reader.language.pinyin import format_syllable, is_han  # noqa: E402

PREVIOUS_RELEASE = "52c77c9"
"""The last commit landed before issue 13 (pinyin a learner can trust): what learners read."""
SEED = PROJECT_ROOT / "seeds" / "xinhua-2016-04-19-cybersecurity-symposium.txt"
NOVEL = PROJECT_ROOT.parent / "shared" / "data" / "novels" / "hongloumeng.txt"
SAMPLE = 20
SAMPLE_SEED = 13
REACH = 18
"""Characters of context shown on each side of a changed place, at most."""
SENTENCE_ENDS = "。！？；!?;\n"
TIMEOUT_S = 900
TITLE = f"Pinyin changed against release {PREVIOUS_RELEASE} (reader pinyin --json, each line alone)"
HEADERS = ["file", "Han syllables", "changed", "share %", "old s", "new s"]
SAMPLE_HEADERS = ["line", "old → new", "the sentence around, the changed character in 【】"]

Reading = list[list[str | None]]
"""`reader pinyin --json` of a file: per line, a syllable (or None) per character."""


class Unavailable(Exception):
    """The comparison cannot be made here (no git, no such release); printed as skipped."""


class ReadError(Exception):
    """A `reader pinyin` run failed; printed as one line."""


@dataclass(frozen=True)
class Change:
    line: int
    """Numbered from 1, as an editor shows it."""
    index: int
    char: str
    old: str | None
    new: str | None


@dataclass(frozen=True)
class FileChanges:
    path: Path
    han: int
    changes: list[Change]
    old_seconds: float
    new_seconds: float


def changes(lines: Sequence[str], old: Reading, new: Reading) -> tuple[int, list[Change]]:
    """The Han characters of `lines` and those whose reading differs between `old` and `new`."""
    if not len(lines) == len(old) == len(new):
        raise ValueError(f"{len(lines)} lines, but readings of {len(old)} and {len(new)}")
    han = 0
    found = []
    for number, (line, before, after) in enumerate(zip(lines, old, new, strict=True), 1):
        if not len(line) == len(before) == len(after):
            raise ValueError(f"line {number} has {len(line)} characters, not as its readings")
        for index, char in enumerate(line):
            if not is_han(char):
                continue
            han += 1
            if before[index] != after[index]:
                found.append(Change(number, index, char, before[index], after[index]))
    return han, found


def context(line: str, index: int, reach: int = REACH) -> str:
    """The sentence around `line[index]`, at most `reach` characters each side, it in 【】."""
    start = max((line.rfind(end, 0, index) for end in SENTENCE_ENDS), default=-1) + 1
    ends = [found for end in SENTENCE_ENDS if (found := line.find(end, index + 1)) != -1]
    stop = min(ends) + 1 if ends else len(line)
    before = line[max(start, index - reach) : index]
    after = line[index + 1 : min(stop, index + 1 + reach)]
    head = "…" if index - reach > start else ""
    tail = "…" if index + 1 + reach < stop else ""
    return f"{head}{before}【{line[index]}】{after}{tail}".strip()


def sample(found: Sequence[Change], size: int = SAMPLE, seed: int = SAMPLE_SEED) -> list[Change]:
    """A fixed random sample of the changes, in the order of the text."""
    chosen = random.Random(seed).sample(range(len(found)), min(size, len(found)))
    return [found[number] for number in sorted(chosen)]


def release_code(folder: Path, release: str = PREVIOUS_RELEASE) -> Path:
    """The release's tree unpacked into `folder`, from this checkout's git history."""
    git = shutil.which("git")
    if git is None:
        raise Unavailable("git is not installed")
    listed = subprocess.run(
        [git, "-C", str(PROJECT_ROOT), "archive", "--format=tar", release],
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:
        why = listed.stderr.decode(errors="replace").strip().splitlines() or ["no output"]
        raise Unavailable(f"git archive {release} failed: {why[-1]}")
    with tarfile.open(fileobj=io.BytesIO(listed.stdout)) as archive:
        archive.extractall(folder, filter="data")
    return folder


def read_pinyin(
    code: Path, path: Path, env: Mapping[str, str], work: Path
) -> tuple[Reading, float]:
    """`reader pinyin --json` of `path` by the code at `code`, and its wall time."""
    environment = {
        **env,
        "PYTHONPATH": str(code),
        "READER_CACHE_DIR": str(work / "cache"),
        "READER_DATA_DIR": str(work / "data"),
    }
    command = [sys.executable, "-m", "reader", "pinyin", "--json", "--style", "numbers"]
    command.append(str(path))
    started = time.perf_counter()
    completed = subprocess.run(
        command,
        cwd=code,
        env=environment,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    seconds = time.perf_counter() - started
    if completed.returncode != 0:
        tail = (completed.stderr.strip().splitlines() or ["no output"])[-1]
        raise ReadError(f"reader pinyin {path.name} ({code}) exited {completed.returncode}: {tail}")
    return [json.loads(line) for line in completed.stdout.splitlines()], seconds


def measure(
    files: Sequence[Path], env: Mapping[str, str], say: Callable[[str], None] = print
) -> list[FileChanges]:
    """Each file read by the previous release and by this code; nothing if it cannot be."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-release-") as temporary:
        root = Path(temporary)
        try:
            old_code = release_code(root / "release")
        except Unavailable as reason:
            say(f"pinyin changes against release {PREVIOUS_RELEASE}: skipped, {reason}")
            return []
        versions = {"old": old_code, "new": PROJECT_ROOT}
        warm_up = root / "warm-up.txt"
        warm_up.write_text("他跑得很快。\n", encoding="utf-8")
        for name, code in versions.items():
            (root / name / "data").mkdir(parents=True)
            read_pinyin(code, warm_up, env, root / name)  # builds the caches, untimed
        results = []
        for path in files:
            if not path.is_file():
                say(f"pinyin changes in {path.name}: skipped, {path} is missing")
                continue
            old, old_seconds = read_pinyin(old_code, path, env, root / "old")
            new, new_seconds = read_pinyin(PROJECT_ROOT, path, env, root / "new")
            lines = decode_text(path.read_bytes()).text.splitlines()
            try:
                han, found = changes(lines, old, new)
            except ValueError as error:
                say(f"pinyin changes in {path.name}: skipped, the releases read it apart: {error}")
                continue
            results.append(FileChanges(path, han, found, old_seconds, new_seconds))
        return results


def tables(results: Sequence[FileChanges]) -> list[Table]:
    """The shares of changed readings, then each file's sample of changed places."""
    if not results:
        return []
    rows = [
        [
            result.path.name,
            f"{result.han:,}",
            f"{len(result.changes):,}",
            f"{100 * len(result.changes) / result.han:.3f}" if result.han else "",
            f"{result.old_seconds:.1f}",
            f"{result.new_seconds:.1f}",
        ]
        for result in results
    ]
    shown = [Table(TITLE, HEADERS, rows)]
    for result in results:
        if not result.changes:
            continue
        lines = decode_text(result.path.read_bytes()).text.splitlines()
        rows = [
            [
                str(change.line),
                f"{_written(change.old)} → {_written(change.new)}",
                context(lines[change.line - 1], change.index),
            ]
            for change in sample(result.changes)
        ]
        title = (
            f"{result.path.name}: {len(rows)} of its {len(result.changes):,} changed readings "
            f"(random sample, seed {SAMPLE_SEED})"
        )
        shown.append(Table(title, SAMPLE_HEADERS, rows))
    return shown


def _written(syllable: str | None) -> str:
    return format_syllable(syllable) if syllable else "(none)"


def main(argv: Sequence[str] | None = None) -> int:
    requested = [Path(name) for name in (sys.argv[1:] if argv is None else argv)]
    files = requested or [SEED, NOVEL]
    for table in tables(measure(files, os.environ)):
        print()
        print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
