"""Writes resources/hsk/classes.tsv: the parts of speech the HSK lists give their words.

Run from the project root with ../shared/data beside it:
    .venv/bin/python tools/hsk_word_classes.py
The lists (drkameleon/complete-hsk-vocabulary, MIT; resources/hsk/LICENSE) tag each word with
every part of speech it has (ICTCLAS tags: 长 a, ad, v), where jieba's dictionary gives one,
often another (高兴 b, 穿 zg); reader/language/word_classes.py reads this file first.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LISTS = ROOT.parent / "shared" / "data" / "hsk"
TARGET = ROOT / "resources" / "hsk" / "classes.tsv"


def main() -> None:
    tags: dict[str, set[str]] = {}
    for path in sorted(LISTS.glob("*/*.json")):
        for entry in json.loads(path.read_text(encoding="utf-8")):
            word = entry.get("simplified") or entry.get("s")
            found = entry.get("pos") or entry.get("p") or []
            if word:
                tags.setdefault(word, set()).update(found)
    lines = ["# HSK words and their parts of speech (ICTCLAS tags); see README.md"]
    lines += [f"{word}\t{','.join(sorted(found))}" for word, found in sorted(tags.items()) if found]
    TARGET.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{TARGET}: {len(lines) - 1} words")


if __name__ == "__main__":
    main()
