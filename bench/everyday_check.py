"""Checks the everyday set's labels against other sources and prints every disagreement.

Run: `.venv/bin/python bench/everyday_check.py [folder]`. Each sentence is cut by Reader's
segmenter (jieba with numbers joined), then

- CC-CEDICT: every dictionary word inside a jieba word (the jieba word itself and each
  shorter word of two or more characters within it; a one-character jieba word stands for
  itself) whose entries, names left out, all agree on a character's reading: a label that
  differs is listed. Where the jieba word itself is an entry that settles the character,
  the shorter words inside it are not asked (下个月 xia4 ge4 yue4 stands, not 下个 xia4 ge5);
- pypinyin's phrase table (pypinyin.constants.PHRASES_DICT) for the jieba words it knows,
  and the HSK lists' pinyin (../shared/data/hsk/new/*.json, MIT) for HSK words: a label
  that is none of the source's readings of that character is listed.

A disagreement where only the neutral tone differs (xi1 against xi5) is listed apart, as
such differences are settled by one rule (the set follows CC-CEDICT's neutral tones). The
listed ones are resolved by hand in tests/language/everyday/README.md; the script decides
nothing.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from bench.everyday import EVERYDAY_FOLDER, EverydaySentence, read_everyday  # noqa: E402
from reader.language.dictionary import Dictionary  # noqa: E402
from reader.language.pinyin import numbered  # noqa: E402
from reader.language.tools import LanguageTools  # noqa: E402

HSK_FOLDER = PROJECT_ROOT.parent / "shared" / "data" / "hsk" / "new"
_DICTIONARY_TONES = {"一": "yi1", "不": "bu4"}
"""pypinyin's phrase table writes some 一 and 不 with their spoken tones; the set does not."""


@dataclass(frozen=True)
class Disagreement:
    sentence_id: str
    index: int
    char: str
    word: str
    label: str
    other: str
    source: str

    @property
    def neutral_only(self) -> bool:
        others = self.other.split("/")
        return all(o[:-1] == self.label[:-1] for o in others) and (
            self.label.endswith("5") or all(o.endswith("5") for o in others)
        )

    def line(self) -> str:
        return (
            f"{self.sentence_id}\t{self.char}@{self.index}\t{self.word}\t"
            f"label {self.label}\t{self.source} {self.other}"
        )


def cedict_disagreements(
    sentence: EverydaySentence, words: list[tuple[int, int]], dictionary: Dictionary
) -> Iterator[Disagreement]:
    text = sentence.sentence
    seen: set[tuple[int, str]] = set()
    for start, end in words:
        spans = [(a, b) for a in range(start, end) for b in range(a + 2, end + 1)]
        if end - start == 1:
            spans = [(start, end)]
        settled = _settled(text[start:end], dictionary)
        for a, b in spans:
            word = text[a:b]
            readings = {
                entry.syllables
                for entry in dictionary.lookup(word)
                if not entry.is_name and len(entry.syllables) == len(word)
            }
            if not readings:
                continue
            for offset in range(len(word)):
                chars = {reading[offset] for reading in readings}
                label = sentence.syllables[a + offset]
                if len(chars) != 1 or label is None or None in chars:
                    continue
                (reading,) = chars
                whole = (a, b) == (start, end)
                if not whole and settled[a + offset - start]:
                    continue
                if reading != label and (a + offset, word) not in seen:
                    seen.add((a + offset, word))
                    yield Disagreement(
                        sentence.id, a + offset, word[offset], word, label, reading, "cedict"
                    )


def _settled(word: str, dictionary: Dictionary) -> list[bool]:
    """For each character of `word`: whether all of the word's own entries agree on it."""
    readings = {
        entry.syllables
        for entry in dictionary.lookup(word)
        if not entry.is_name and len(entry.syllables) == len(word)
    }
    return [bool(readings) and len({r[i] for r in readings}) == 1 for i in range(len(word))]


def table_disagreements(
    sentence: EverydaySentence,
    words: list[tuple[int, int]],
    table: dict[str, list[tuple[str, ...]]],
    source: str,
) -> Iterator[Disagreement]:
    text = sentence.sentence
    for start, end in words:
        word = text[start:end]
        readings = [r for r in table.get(word, []) if len(r) == len(word)]
        if not readings:
            continue
        for offset in range(len(word)):
            label = sentence.syllables[start + offset]
            options = sorted({reading[offset] for reading in readings})
            if label is not None and label not in options:
                other = "/".join(options)
                yield Disagreement(
                    sentence.id, start + offset, word[offset], word, label, other, source
                )


def phrase_table(words: set[str]) -> dict[str, list[tuple[str, ...]]]:
    """pypinyin's phrase readings of `words`, numbered, with 一 and 不 in dictionary tones."""
    from pypinyin.constants import PHRASES_DICT
    from pypinyin.contrib.tone_convert import to_tone3

    table: dict[str, list[tuple[str, ...]]] = {}
    for word in words:
        if len(word) < 2 or word not in PHRASES_DICT:
            continue
        items = PHRASES_DICT[word]
        syllables = []
        for char, options in zip(word, items, strict=False):
            syllable = to_tone3(options[0], neutral_tone_with_five=True, v_to_u=False)
            syllables.append(_DICTIONARY_TONES.get(char, syllable.replace("ü", "v")))
        table[word] = [tuple(syllables)]
    return table


def hsk_table(folder: Path = HSK_FOLDER) -> dict[str, list[tuple[str, ...]]]:
    """Every HSK word's readings (its forms), numbered, lowercased."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for path in sorted(folder.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            word = item.get("simplified") or item.get("s")
            for form in item.get("forms") or item.get("f") or []:
                raw = (form.get("transcriptions") or form.get("i") or {}).get("numeric") or (
                    form.get("i") or {}
                ).get("n")
                if not raw:
                    continue
                syllables = tuple(_hsk_syllable(part) for part in raw.split())
                table.setdefault(word, []).append(syllables)
    return table


def _hsk_syllable(part: str) -> str:
    """An HSK list syllable numbered: ü as v, and a neutral tone written without a digit
    (真的 "zhen1 de") given its 5."""
    part = part.replace("ü", "v")
    if part.isalpha():
        part += "5"
    return numbered(part) or ""


def word_spans(tools: LanguageTools, text: str) -> list[tuple[int, int]]:
    starts = tools.segmenter.word_starts(text, 0, len(text))
    return list(zip(starts, [*starts[1:], len(text)], strict=True))


def disagreements(
    sentences: list[EverydaySentence], tools: LanguageTools, hsk_folder: Path = HSK_FOLDER
) -> list[Disagreement]:
    """Every label that CC-CEDICT, pypinyin's phrase table or the HSK lists read otherwise."""
    cut = {sentence.id: word_spans(tools, sentence.sentence) for sentence in sentences}
    all_words = {s.sentence[a:b] for s in sentences for a, b in cut[s.id]}
    pypinyin_words = phrase_table(all_words)
    hsk_words = hsk_table(hsk_folder) if hsk_folder.is_dir() else {}
    if not hsk_words:
        print(f"HSK lists not found at {hsk_folder}: skipped", file=sys.stderr)
    found: list[Disagreement] = []
    for sentence in sentences:
        words = cut[sentence.id]
        found += cedict_disagreements(sentence, words, tools.dictionary)
        found += table_disagreements(sentence, words, pypinyin_words, "pypinyin")
        found += table_disagreements(sentence, words, hsk_words, "hsk")
    return found


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else EVERYDAY_FOLDER
    sentences = read_everyday(folder)
    tools = LanguageTools()
    tools.segmenter.ensure_ready()
    found = disagreements(sentences, tools)
    labelled = sum(s is not None for sentence in sentences for s in sentence.syllables)
    print(f"{len(sentences)} sentences, {labelled} labelled syllables")
    for title, group in (
        ("disagreements", [d for d in found if not d.neutral_only]),
        ("neutral-tone-only differences", [d for d in found if d.neutral_only]),
    ):
        print(f"\n{len(group)} {title}:")
        for disagreement in group:
            print(disagreement.line())
    tools.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
