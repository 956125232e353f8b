"""Polyphone accuracy of Reader's pinyin beside two baselines read in the same run.

Sets: the everyday set (tests/language/everyday, read by bench/everyday.py: running
sentences with every Han character labelled) and the CPP dev set (one labelled polyphone a
sentence). Each is scored whole and in its two halves: even lines are the tuning half,
odd lines the held-out half that nothing was chosen by.

Baselines: jieba + pypinyin (jieba's own cut of the sentence, then pypinyin on each word:
the pipeline a developer writes first) and g2pM alone (its model's reading of every
polyphone it knows, pypinyin's for the rest). Every sentence is read alone, as
`reader pinyin` reads a line.

Only polyphones are scored: a character with more than one reading among g2pM's candidates
or among CC-CEDICT's entries for the character alone (lower-cased, so that a name's
capital makes no second reading). The other characters have one reading and every reader
gets them right.

    python bench/pinyin_accuracy.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT_ROOT = BENCH.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))
if str(BENCH) not in sys.path:  # its siblings, also when imported as bench.<module> (tests)
    sys.path.append(str(BENCH))

from everyday import EVERYDAY_FOLDER, EverydaySentence, read_everyday  # noqa: E402
from language import CPP_LABELS, CPP_SENTENCES, read_cpp, reader_readings  # noqa: E402
from pypinyin import Style, pinyin  # noqa: E402
from table import Table  # noqa: E402

from reader.language.dictionary import Dictionary  # noqa: E402
from reader.language.pinyin import is_han  # noqa: E402
from reader.language.polyphones import PolyphoneModel  # noqa: E402
from reader.language.segmentation import jieba_module  # noqa: E402
from reader.language.tools import LanguageTools  # noqa: E402

FREQUENT = 20
READERS = ("Reader", "jieba + pypinyin", "g2pM alone")
TITLE = "Polyphone accuracy: Reader beside jieba + pypinyin and g2pM alone, in the same run"
HEADERS = ["set", "polyphones", *(f"{name} %" for name in READERS), "Reader beats both", "target"]
CHARACTER_TITLE = f"Everyday set: the {FREQUENT} most frequent polyphones"
CHARACTER_HEADERS = [
    "char",
    "count",
    *(f"{name} %" for name in READERS),
    "Reader's most frequent miss (read → right)",
]
ERRORS = 10
ERROR_TITLE = (
    f"Everyday set, tuning half: Reader's {ERRORS} most frequent errors "
    "(the held-out half is not shown, so that nothing is chosen by it)"
)
ERROR_HEADERS = ["char", "read → right", "times", "first example"]
NEUTRAL_NAME = "CPP dev, CC-CEDICT's neutral tones"
TARGETS = {
    "everyday, all": "≥ 97 %",
    "CPP dev, all": "≥ 97.8 %",
    f"{NEUTRAL_NAME}, all": "≥ 97.8 %",
}

Readings = list[str | None]
"""One sentence's reading: a numbered syllable per character, None where there is none."""


@dataclass(frozen=True)
class Item:
    """A sentence and the readings scored in it: index of a polyphone → its right reading."""

    sentence: str
    labels: dict[int, str]
    tuning: bool


@dataclass(frozen=True)
class Outcome:
    """One scored polyphone: what each reader gave, and the label."""

    char: str
    label: str
    tuning: bool
    read: tuple[str | None, ...]
    """One reading per reader, in the order of READERS."""
    place: str = ""
    """The sentence with the character in 【】."""


def polyphones(chars: Iterable[str], model: PolyphoneModel, dictionary: Dictionary) -> set[str]:
    """The characters among `chars` with more than one reading (see the module's docstring)."""
    found = set()
    for char in set(chars):
        if not is_han(char):
            continue
        readings = {syllables[0] for syllables in dictionary.readings(char) if syllables[0]}
        if model.is_polyphone(char) or len({reading.lower() for reading in readings}) > 1:
            found.add(char)
    return found


def everyday_items(sentences: Sequence[EverydaySentence], polyphonic: set[str]) -> list[Item]:
    """The everyday set's sentences, each with its polyphones' labels."""
    return [
        Item(
            labelled.sentence,
            {
                index: label
                for index, label in enumerate(labelled.syllables)
                if label is not None and labelled.sentence[index] in polyphonic
            },
            labelled.tuning,
        )
        for labelled in sentences
    ]


def cpp_items() -> list[Item]:
    """The CPP dev set: one labelled polyphone a sentence; even lines the tuning half."""
    return [
        Item(sentence, {index: label}, number % 2 == 0)
        for number, (sentence, index, label) in enumerate(read_cpp())
    ]


def in_dictionary_tones(items: Sequence[Item], tools: LanguageTools) -> list[Item]:
    """The CPP items with their labels in CC-CEDICT's neutral tones.

    CPP's labels give the syllable inside a word its full tone where CC-CEDICT writes it
    neutral (认识 shi2, 关系 xi4, 枇杷 pa2); Reader gives a dictionary word CC-CEDICT's
    reading (rènshi), as a learner's dictionary does. Here a label becomes the neutral
    syllable where the character's word, as Reader's segmenter cuts the sentence, is a
    CC-CEDICT word all of whose entries give it that syllable neutral. Every reader is scored
    against the same labels.
    """
    changed = []
    for item in items:
        labels = dict(item.labels)
        starts = tools.segmenter.word_starts(item.sentence, 0, len(item.sentence))
        ends = [*starts[1:], len(item.sentence)]
        for index, label in item.labels.items():
            start, end = next((a, b) for a, b in zip(starts, ends, strict=True) if a <= index < b)
            neutral = label[:-1] + "5"
            known = {
                syllables[index - start]
                for syllables in tools.dictionary.readings(item.sentence[start:end])
            }
            if end - start > 1 and label != neutral and known == {neutral}:
                labels[index] = neutral
        changed.append(Item(item.sentence, labels, item.tuning))
    return changed


def outcomes(items: Sequence[Item], readings: Sequence[Sequence[Readings]]) -> list[Outcome]:
    """Every scored polyphone of `items`, with what each reader (one list each) gave it."""
    found = []
    for number, item in enumerate(items):
        for index, label in sorted(item.labels.items()):
            read = tuple(reader[number][index] for reader in readings)
            place = f"{item.sentence[:index]}【{item.sentence[index]}】{item.sentence[index + 1 :]}"
            found.append(Outcome(item.sentence[index], label, item.tuning, read, place))
    return found


def percents(scored: Sequence[Outcome]) -> list[float]:
    """Each reader's share of `scored` read right, in per cent."""
    return [
        100 * sum(outcome.read[reader] == outcome.label for outcome in scored) / len(scored)
        for reader in range(len(READERS))
    ]


def beats_both(figures: Sequence[float]) -> bool:
    """True when Reader (the first figure) is right more often than every baseline."""
    return all(figures[0] > baseline for baseline in figures[1:])


def set_rows(name: str, scored: Sequence[Outcome]) -> list[list[str]]:
    """The set whole, its tuning half and its held-out half: a row each, where it has any."""
    halves = [
        (f"{name}, all", scored),
        (f"{name}, tuning half (even lines)", [o for o in scored if o.tuning]),
        (f"{name}, held-out half (odd lines)", [o for o in scored if not o.tuning]),
    ]
    rows = []
    for label, part in halves:
        if not part:
            continue
        figures = percents(part)
        rows.append(
            [
                label,
                f"{len(part):,}",
                *(f"{figure:.2f}" for figure in figures),
                "yes" if beats_both(figures) else "NO",
                TARGETS.get(label, ""),
            ]
        )
    return rows


def character_rows(scored: Sequence[Outcome], count: int = FREQUENT) -> list[list[str]]:
    """The `count` most frequent polyphones: how often, each reader's score, Reader's miss."""
    by_char: dict[str, list[Outcome]] = {}
    for outcome in scored:
        by_char.setdefault(outcome.char, []).append(outcome)
    frequent = sorted(by_char.items(), key=lambda pair: (-len(pair[1]), pair[0]))[:count]
    rows = []
    for char, part in frequent:
        misses = Counter(
            (outcome.read[0], outcome.label) for outcome in part if outcome.read[0] != outcome.label
        )
        miss = ""
        if misses:
            (read, label), times = misses.most_common(1)[0]
            miss = f"{read} → {label} ×{times}"
        rows.append([char, str(len(part)), *(f"{f:.1f}" for f in percents(part)), miss])
    return rows


def error_rows(scored: Sequence[Outcome], count: int = ERRORS) -> list[list[str]]:
    """Reader's `count` most frequent errors (a character read as what, not what), each with
    how often and its first example; ties in the order of the set."""
    errors: dict[tuple[str, str | None, str], list[Outcome]] = {}
    for outcome in scored:
        if outcome.read[0] != outcome.label:
            errors.setdefault((outcome.char, outcome.read[0], outcome.label), []).append(outcome)
    frequent = sorted(errors.items(), key=lambda pair: -len(pair[1]))[:count]
    return [
        [char, f"{read} → {label}", str(len(found)), found[0].place]
        for (char, read, label), found in frequent
    ]


def jieba_pypinyin(sentences: Sequence[str], cut: Callable[[str], list[str]]) -> list[Readings]:
    """Each sentence cut by jieba, each word read by pypinyin on its own."""
    result = []
    for sentence in sentences:
        readings = [s for word in cut(sentence) for s in pypinyin_readings(word)]
        if len(readings) != len(sentence):
            raise ValueError(f"jieba's words do not make up the sentence {sentence!r}")
        result.append(readings)
    return result


def g2pm_alone(sentences: Sequence[str], model: PolyphoneModel) -> list[Readings]:
    """g2pM's reading of each polyphone it knows; pypinyin's, of the whole sentence, elsewhere."""
    result = []
    for sentence, predicted in zip(sentences, model.readings(sentences), strict=True):
        readings = pypinyin_readings(sentence)
        for index, reading in predicted.items():
            readings[index] = reading
        result.append(readings)
    return result


def pypinyin_readings(text: str) -> Readings:
    """pypinyin's reading of `text` (its phrase table decides words), one item a character."""
    items = pinyin(
        text, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda c: [""] * len(c)
    )
    if len(items) != len(text):
        raise ValueError(f"pypinyin gave {len(items)} readings for {len(text)} characters")
    return [item[0] or None for item in items]


def read_all(
    items: Sequence[Item], tools: LanguageTools, cut: Callable[[str], list[str]]
) -> tuple[list[list[Readings]], float]:
    """Every reader's readings of `items`, in the order of READERS, and Reader's time."""
    sentences = [item.sentence for item in items]
    started = time.perf_counter()
    ours = reader_readings(tools, sentences)
    seconds = time.perf_counter() - started
    return [ours, jieba_pypinyin(sentences, cut), g2pm_alone(sentences, tools.model)], seconds


def measure(say: Callable[[str], None] = print) -> list[Table]:
    """The accuracy table, then the everyday set's frequent polyphones and Reader's frequent
    errors; what is skipped is said through `say`."""
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as cache:
        previous = os.environ.get("READER_CACHE_DIR")
        os.environ["READER_CACHE_DIR"] = cache
        try:
            return _measure(Path(cache), say)
        finally:
            if previous is None:
                os.environ.pop("READER_CACHE_DIR", None)
            else:
                os.environ["READER_CACHE_DIR"] = previous


def _measure(cache: Path, say: Callable[[str], None]) -> list[Table]:
    tools = LanguageTools(cache)
    tools.warm_up()
    tokenizer = jieba_module().Tokenizer()  # jieba's own dictionary, nothing of Reader's
    tokenizer.tmp_dir = str(cache)
    rows: list[list[str]] = []
    tables = []
    everyday = _everyday_sentences(say)
    if everyday:
        polyphonic = polyphones(
            (char for labelled in everyday for char in labelled.sentence),
            tools.model,
            tools.dictionary,
        )
        items = everyday_items(everyday, polyphonic)
        readings, seconds = read_all(items, tools, tokenizer.lcut)
        scored = outcomes(items, readings)
        say(f"everyday set: {len(items)} sentences read by Reader in {seconds:.2f} s (batched)")
        rows.extend(set_rows("everyday", scored))
        tables.append(Table(CHARACTER_TITLE, CHARACTER_HEADERS, character_rows(scored)))
        tuning = [outcome for outcome in scored if outcome.tuning]
        tables.append(Table(ERROR_TITLE, ERROR_HEADERS, error_rows(tuning)))
    if CPP_SENTENCES.is_file() and CPP_LABELS.is_file():
        items = cpp_items()
        readings, seconds = read_all(items, tools, tokenizer.lcut)
        say(f"CPP dev: {len(items)} sentences read by Reader in {seconds:.2f} s (batched)")
        rows.extend(set_rows("CPP dev", outcomes(items, readings)))
        relabelled = in_dictionary_tones(items, tools)
        rows.extend(set_rows(NEUTRAL_NAME, outcomes(relabelled, readings)))
        moved = sum(a.labels != b.labels for a, b in zip(items, relabelled, strict=True))
        say(f"CPP dev in CC-CEDICT's neutral tones: {moved} labels made neutral")
    else:
        say(f"CPP dev accuracy: skipped, {CPP_SENTENCES} is missing")
    tools.close()
    if not rows:
        return []
    return [Table(TITLE, HEADERS, rows), *tables]


def _everyday_sentences(say: Callable[[str], None]) -> list[EverydaySentence]:
    """The everyday set, or nothing (having said why)."""
    if not any(EVERYDAY_FOLDER.glob("*.tsv")):
        say(f"everyday accuracy: skipped, no *.tsv in {EVERYDAY_FOLDER}")
        return []
    try:
        return read_everyday()
    except ValueError as error:
        say(f"everyday accuracy: skipped, {error}")
        return []


def main() -> int:
    for table in measure():
        print()
        print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
