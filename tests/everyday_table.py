"""Issue 13's table: everyday sentences and the readings a learner must see in them.

Each row is a sentence and, by index in it, the readings of the characters the issue
names (tone marks; an unmarked syllable is neutral). 头发 is tóufa in both sentences it is
in. Used by the tests through `reader pinyin --json` (tests/cli) and through the pop-up in
the window (tests/ui/lookup).
"""

from __future__ import annotations

ROWS: list[tuple[str, dict[int, str]]] = [
    ("这种花很漂亮。", {0: "zhè", 1: "zhǒng"}),
    ("他跑得很快。", {2: "de"}),
    ("他慢慢地走了过去。", {3: "de"}),
    ("这条路很长。", {4: "cháng"}),
    ("他的头发长了很多。", {2: "tóu", 3: "fa", 4: "zhǎng"}),
    ("我还没还你的钱。", {1: "hái", 3: "huán"}),
    ("她背着书包。", {1: "bēi"}),
    ("太阳升起，朝霞满天。", {5: "zhāo"}),
    ("他答应了我的要求。", {1: "dā", 2: "ying"}),
    ("她把头发剪短了。", {2: "tóu", 3: "fa"}),
]

ROW_IDS = [f"row{number}" for number in range(1, len(ROWS) + 1)]
