"""Lists Reader's errors on the tuning half of the CPP dev set, by cause and by character.

Run from the project root with ../shared/data beside it:
    PYTHONPATH=$PWD .venv/bin/python tools/cpp_errors.py
Only the even lines (the tuning half) are read: the odd half is the held-out half that
nothing may be chosen by, and bench/pinyin_accuracy.py scores it as a whole. Each error is
put down to the path that decided the character in reader/language/pronunciation.py:
`everyday` (EVERYDAY_WORDS), `rule` (context_readings.py), `dict` (CC-CEDICT fixes it in its
word), `phrase` (a phrase both pypinyin and CC-CEDICT read), `short` (a phrase pypinyin reads,
in a sentence of a word or two) or `model` (g2pM); with g2pM's own reading beside it, and
`neutral` where the only difference from the label is CC-CEDICT's neutral tone (认识 rènshi,
CPP shi2), which Reader keeps by design.
"""

from __future__ import annotations

import itertools
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from language import read_cpp, reader_readings  # noqa: E402

from reader.language import pronunciation  # noqa: E402
from reader.language.context_readings import EVERYDAY_WORDS, RULED  # noqa: E402
from reader.language.segmentation import Token  # noqa: E402
from reader.language.tools import LanguageTools  # noqa: E402


def cause(tools: LanguageTools, sentence: str, index: int) -> tuple[str, str]:
    """The path that decided `sentence[index]`, and the word it stands in."""
    starts = tools.segmenter.word_starts(sentence, 0, len(sentence))
    tokens = [Token(a, b) for a, b in itertools.pairwise([*starts, len(sentence)])]
    number = next(n for n, token in enumerate(tokens) if token.start <= index < token.end)
    token = tokens[number]
    word, at = sentence[token.start : token.end], index - token.start
    pronouncer = tools.pronouncer
    if word in EVERYDAY_WORDS:
        return "everyday", word
    if sentence[index] in RULED and pronouncer._neighbours_reading(sentence, tokens, number, at):
        return "rule", word
    if at in pronouncer._read_word(word)[1]:
        return "dict", word
    if pronouncer._phrase_reading(sentence, token.start, word, at, confirmed=True):
        return "phrase", word
    if pronunciation._stands_alone(sentence, index) and pronouncer._phrase_reading(
        sentence, token.start, word, at, confirmed=False
    ):
        return "short", word
    return "model", word


def main() -> None:
    tools = LanguageTools(Path(tempfile.mkdtemp(prefix="reader-cpp-errors-")))
    tools.warm_up()
    tuning = [item for number, item in enumerate(read_cpp()) if number % 2 == 0]
    sentences = [sentence for sentence, _, _ in tuning]
    ours = reader_readings(tools, sentences)
    theirs = tools.model.readings(sentences)
    errors: dict[str, list[str]] = {}
    causes: Counter[str] = Counter()
    for (sentence, index, label), read, model in zip(tuning, ours, theirs, strict=True):
        got = read[index]
        if got == label:
            continue
        path, word = cause(tools, sentence, index)
        if got and got[:-1] == label[:-1] and got[-1] == "5":
            path += " neutral"
        causes[path] += 1
        place = f"{sentence[:index]}【{sentence[index]}】{sentence[index + 1 :]}"
        errors.setdefault(sentence[index], []).append(
            f"  {path:14} {got} → {label}  g2pM {model.get(index)}  {word} | {place}"
        )
    wrong = sum(causes.values())
    print(f"tuning half: {len(tuning) - wrong}/{len(tuning)} right; errors by cause: {causes}")
    for char, lines in sorted(errors.items(), key=lambda pair: -len(pair[1])):
        print(f"\n{char} ({len(lines)})", *lines, sep="\n")
    tools.close()


if __name__ == "__main__":
    main()
