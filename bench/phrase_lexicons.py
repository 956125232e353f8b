"""Would a bigger phrase lexicon help? pypinyin-dict's phrase data sets, measured one by one.

pypinyin-dict (MIT) packages phrase-pinyin-data's files (cc_cedict, large_pinyin, zdic_cibs,
zdic_cybs, di, pinyin); `load_phrases_dict` puts one into pypinyin's global phrase table,
which Reader's readings use (reader/language/pronunciation.py, reader/language/pinyin.py).
For each data set, alone and in the combinations given, this prints:

- Reader's polyphone accuracy on the tuning half (even lines) of the CPP dev set and of the
  everyday set (tests/language/everyday, polyphones as the reading model counts them), with
  jieba + pypinyin on the same table beside it;
- the time loading the data set takes at first use, and the memory it adds (resident set).

Two ways of adding are measured: `override`, as pypinyin-dict's `load()` does (its readings
replace pypinyin's for the phrases both have), and `add` (only phrases pypinyin lacks). The
held-out halves are never read here: this script is for choosing.

Each configuration runs in a process of its own, as the table is global and its users
cache. Run: `.venv/bin/python bench/phrase_lexicons.py [CONFIG:MODE ...]`, e.g. `di:add
cc_cedict+di:override`; without arguments every data set alone in both ways. Needs
pypinyin-dict installed (it is not a dependency of Reader); without it the script says so.

Measured with pypinyin-dict 0.9.0 on the rule of December 2026, none was adopted: no data
set raised Reader's accuracy on both tuning halves. cc_cedict raised the everyday half by
about 3 points and lowered CPP's by 0.8 (it makes every CC-CEDICT word keep its reading,
which Reader can ask CC-CEDICT for directly); large_pinyin and zdic_cibs cost 2-4 s and
about 200 MB for at most a point on one half and a loss or nothing on the other; zdic_cybs
and di changed nothing; pinyin (over pypinyin's own) lowered the everyday half by 0.3
and moved CPP's by one sentence.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import itertools
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.language.tools import LanguageTools

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

DATA_SETS = ("cc_cedict", "large_pinyin", "zdic_cibs", "zdic_cybs", "di", "pinyin")
MODES = ("override", "add")
COLUMNS = (
    ("config", "data sets"),
    ("mode", "mode"),
    ("phrases", "table"),
    ("load_s", "load s"),
    ("memory_mb", "memory MB"),
    ("cpp", "CPP even"),
    ("cpp_plain", "jieba+pypinyin"),
    ("everyday", "everyday even"),
    ("everyday_plain", "jieba+pypinyin"),
)


def main(arguments: list[str]) -> int:
    if importlib.util.find_spec("pypinyin_dict") is None:
        print("phrase lexicons: skipped, pypinyin-dict is not installed")
        return 0
    if arguments[:1] == ["--child"]:
        print(json.dumps(_measure(arguments[1], arguments[2], Path(arguments[3]))))
        return 0
    configs = arguments or ["none:add", *(f"{name}:{mode}" for name in DATA_SETS for mode in MODES)]
    print(" | ".join(title for _, title in COLUMNS))
    with tempfile.TemporaryDirectory(prefix="reader-bench-") as cache:
        for config in configs:
            names, _, mode = config.partition(":")
            child = [sys.executable, __file__, "--child", names, mode or "override", cache]
            done = subprocess.run(child, capture_output=True, text=True, check=True)
            row = json.loads(done.stdout.splitlines()[-1])
            print(" | ".join(str(row.get(key, "-")) for key, _ in COLUMNS), flush=True)
    return 0


def _measure(names: str, mode: str, cache: Path) -> dict[str, object]:
    """One configuration's figures, in this process (see the module's docstring)."""
    from pypinyin import load_phrases_dict
    from pypinyin.constants import PHRASES_DICT

    from reader.language.pinyin import word_syllables

    word_syllables("中国")  # pypinyin and its phrase table loaded, as Reader uses them first
    gc.collect()
    memory_before = _resident_kb()
    started = time.perf_counter()
    for name in filter(None, names.split("+")):
        if name == "none":
            continue
        data = importlib.import_module(f"pypinyin_dict.phrase_pinyin_data.{name}").phrases_dict
        if mode == "add":
            data = {phrase: value for phrase, value in data.items() if phrase not in PHRASES_DICT}
        load_phrases_dict(data)
    seconds = time.perf_counter() - started
    gc.collect()
    row: dict[str, object] = {
        "config": names,
        "mode": mode,
        "phrases": len(PHRASES_DICT),
        "load_s": round(seconds, 2),
        "memory_mb": round((_resident_kb() - memory_before) / 1024),
    }
    row.update(_accuracy(cache))
    return row


def _accuracy(cache: Path) -> dict[str, float]:
    """Polyphone accuracy in percent on the tuning halves present, Reader's and the plain one's."""
    from bench.language import CPP_LABELS, CPP_SENTENCES, read_cpp, reader_readings
    from reader.language.tools import LanguageTools

    tools = LanguageTools(cache)
    items: dict[str, list[tuple[str, list[int], list[str]]]] = {}
    if CPP_SENTENCES.is_file() and CPP_LABELS.is_file():
        items["cpp"] = [(sentence, [i], [label]) for sentence, i, label in read_cpp()[0::2]]
    everyday = _everyday_tuning(tools)
    if everyday:
        items["everyday"] = everyday
    result: dict[str, float] = {}
    for name, labelled in items.items():
        ours = reader_readings(tools, [sentence for sentence, _, _ in labelled])
        right = plain_right = total = 0
        for (sentence, indexes, labels), readings in zip(labelled, ours, strict=True):
            plain = _jieba_pypinyin(sentence)
            for index, label in zip(indexes, labels, strict=True):
                total += 1
                right += readings[index] == label
                plain_right += plain[index] == label
        result[name] = round(100 * right / total, 2)
        result[f"{name}_plain"] = round(100 * plain_right / total, 2)
    return result


def _everyday_tuning(tools: LanguageTools) -> list[tuple[str, list[int], list[str]]]:
    """The everyday set's tuning half: each sentence with its polyphones' places and labels."""
    try:
        from bench.everyday import read_everyday
    except ImportError:
        return []
    items = []
    for sentence in read_everyday():
        if not sentence.tuning:
            continue
        indexes = [
            index
            for index, (char, label) in enumerate(
                zip(sentence.sentence, sentence.syllables, strict=True)
            )
            if label is not None and tools.model.is_polyphone(char)
        ]
        labels = [sentence.syllables[index] for index in indexes]
        items.append((sentence.sentence, indexes, labels))
    return items


def _jieba_pypinyin(sentence: str) -> list[str | None]:
    """Each character's reading as jieba's words read by pypinyin alone would give it."""
    import jieba

    from reader.language.pinyin import word_syllables

    return list(itertools.chain.from_iterable(word_syllables(w) for w in jieba.cut(sentence)))


def _resident_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
