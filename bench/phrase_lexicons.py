"""Would a bigger phrase lexicon help? pypinyin-dict's phrase data sets, measured one by one.

pypinyin-dict (MIT) packages phrase-pinyin-data's files (cc_cedict, large_pinyin, zdic_cibs,
zdic_cybs, di, pinyin); `load_phrases_dict` puts one into pypinyin's global phrase table,
which Reader's readings use (reader/language/pronunciation.py, reader/language/pinyin.py).
For each data set, alone and in the combinations given, this prints:

- Reader's polyphone accuracy on the tuning half (even lines) of the CPP dev set (its own
  labels, and in CC-CEDICT's neutral tones) and of the everyday set (tests/language/everyday),
  scored as bench/pinyin_accuracy.py scores them, with jieba + pypinyin on the same table;
- the time loading the data set takes at first use, and the memory it adds (resident set).

Two ways of adding are measured: `override`, as pypinyin-dict's `load()` does (its readings
replace pypinyin's for the phrases both have), and `add` (only phrases pypinyin lacks). The
held-out halves are never read here: this script is for choosing.

Each configuration runs in a process of its own, as the table is global and its users
cache. Run: `.venv/bin/python bench/phrase_lexicons.py [CONFIG:MODE ...]`, e.g. `di:add
cc_cedict+di:override`; without arguments every data set alone in both ways. Needs
pypinyin-dict installed (it is not a dependency of Reader); without it the script says so.

Measured with pypinyin-dict 0.9.0, none was adopted: no data set raised Reader's accuracy
on both tuning halves, before or after the reading rules of issue 13 (dictionary words keep
CC-CEDICT's reading). With those rules, zdic_cibs read one more everyday polyphone right (村子)
for 1-2.5 s and 180 MB more; cc_cedict and large_pinyin lost 15 CPP sentences (names such as
勃艮第 and 帖木儿 given their CC-CEDICT tones, 美的 read as the brand); zdic_cybs, di and
pinyin changed nothing. Before those rules, cc_cedict had raised the everyday half by 3
points (by making every CC-CEDICT word keep its reading) and lowered CPP's by 0.8.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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
    ("cpp_neutral", "CPP even, CC-CEDICT neutral"),
    ("cpp_neutral_plain", "jieba+pypinyin"),
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
    """Polyphone accuracy in per cent on the tuning halves present, Reader's and jieba +
    pypinyin's, scored as bench/pinyin_accuracy.py scores them."""
    from bench.everyday import read_everyday
    from bench.language import CPP_LABELS, CPP_SENTENCES, reader_readings
    from bench.pinyin_accuracy import (
        cpp_items,
        everyday_items,
        in_dictionary_tones,
        jieba_pypinyin,
        polyphones,
    )
    from reader.language.segmentation import jieba_module
    from reader.language.tools import LanguageTools

    tools = LanguageTools(cache)
    tokenizer = jieba_module().Tokenizer()
    tokenizer.tmp_dir = str(cache)
    sets = {}
    everyday = [sentence for sentence in read_everyday() if sentence.tuning]
    if everyday:
        chars = (char for labelled in everyday for char in labelled.sentence)
        sets["everyday"] = everyday_items(
            everyday, polyphones(chars, tools.model, tools.dictionary)
        )
    if CPP_SENTENCES.is_file() and CPP_LABELS.is_file():
        sets["cpp"] = [item for item in cpp_items() if item.tuning]
        sets["cpp_neutral"] = in_dictionary_tones(sets["cpp"], tools)
    result: dict[str, float] = {}
    for name, items in sets.items():
        sentences = [item.sentence for item in items]
        readers = {
            name: reader_readings(tools, sentences),
            f"{name}_plain": jieba_pypinyin(sentences, tokenizer.lcut),
        }
        for column, readings in readers.items():
            scored = [
                read[index] == label
                for item, read in zip(items, readings, strict=True)
                for index, label in item.labels.items()
            ]
            result[column] = round(100 * sum(scored) / len(scored), 2)
    return result


def _resident_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
