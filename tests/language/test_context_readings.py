"""The particles and everyday polyphones, read through the real segmenter, dictionary and model."""

from __future__ import annotations

import itertools

import pytest

from reader.language.context_readings import context_reading
from reader.language.segmentation import Token


def read(tools, text: str) -> list[str | None]:
    starts = tools.segmenter.word_starts(text, 0, len(text))
    tokens = [Token(a, b) for a, b in itertools.pairwise([*starts, len(text)])]
    return tools.pronouncer.syllables(text, tokens)


def reading_at(tools, text: str, marked: str) -> str | None:
    """The reading of the character after `marked`'s `[` in `text` (written `a[b]c`)."""
    index = marked.index("[")
    assert marked.replace("[", "").replace("]", "") == text
    return read(tools, text)[index]


@pytest.mark.parametrize(
    ("marked", "expected"),
    [
        ("他跑[得]很快。", "de5"),
        ("比赛那天，她紧张[得]直发抖。", "de5"),
        ("我[得]走了，明天见。", "dei3"),
        ("如果还不好，就[得]再去医院。", "dei3"),
        ("最后，她[得]了第二名。", "de2"),
        ("他慢慢[地]走了过去。", "de5"),
        ("孩子们高兴[地]在院子里玩。", "de5"),
        ("书掉在[地]上了。", "di4"),
        ("他预见性[地]警告了大家。", "de5"),
        ("这一地块成为了新[地]王。", "di4"),
        ("她背[着]书包。", "zhe5"),
        ("钥匙找[着]了。", "zhao2"),
        ("我昨天晚上睡不[着]。", "zhao2"),
        ("我去[过]北京。", "guo5"),
        ("他走[过]来了。", "guo4"),
        ("这条路很[长]。", "chang2"),
        ("她的头发又黑又[长]。", "chang2"),
        ("他的头发[长]了很多。", "zhang3"),
        ("她[长]得很高。", "zhang3"),
        ("我还没[还]你的钱。", "huan2"),
        ("我[还]没吃饭。", "hai2"),
        ("我有三[种]颜色。", "zhong3"),
        ("爷爷在院子里[种]了很多花。", "zhong4"),
        ("我家有一[只]猫。", "zhi1"),
        ("昨天下了一[场]大雪。", "chang2"),
        ("他[为]自己的球队加油。", "wei4"),
        ("只要是优秀人才,都可以[为]我所用。", "wei2"),
        ("我昨天睡了一[觉]。", "jiao4"),
        ("我[数]了两遍。", "shu3"),
        ("这里的空气很[干]。", "gan1"),
        ("我今天没[空]。", "kong4"),
        ("太阳升起，[朝]霞满天。", "zhao1"),
        ("他[朝]前走。", "chao2"),
        ("老师[教]我们唱歌。", "jiao1"),
        ("这件衣服多[少]钱？", "shao5"),
        ("他总是穿[着]一件白衬衫。", "zhe5"),
        ("你先[量]一下体温。", "liang2"),
        ("他买彩票[中]了大奖。", "zhong4"),
        ("他的汉语还[差]得远。", "cha4"),
        ("中国队以两分之[差]输了。", "cha1"),
        ("最后[撒]上一点盐。", "sa3"),
        ("把扣子[钉]在衣服上。", "ding4"),
        ("妈妈给我[盛]饭。", "cheng2"),
        ("我们去公园[划]船。", "hua2"),
        ("这座博物馆所[藏]的文物很多。", "cang2"),
        ("他大[喝]一声，冲了上去。", "he4"),
        ("地上[铺]满了落叶。", "pu1"),
        ("把鱼再[炸]3分钟。", "zha2"),
        ("请把声音[调]小一点。", "tiao2"),
        ("周末我要在家[看]孩子。", "kan1"),
        ("我在家[看]书。", "kan4"),
        # The older usage of novels such as 红楼梦 and 西游记:
        ("且[教]回营，明日再战。", "jiao4"),
        ("老者[教]：“你们且去。”", "jiao4"),
        ("我[教]你一个法子。", "jiao1"),
        ("因闻[得]哨山的妖兵报道。", "de2"),
        ("宝玉如[得]了珍宝一般。", "de2"),
        ("他看[得]见，我听得见。", "de5"),
        ("问题总会[得]到解决。", "de2"),
        ("这个箱子我搬[得]动。", "de5"),
        ("他转[过]插屏，进了屋。", "guo4"),
        ("他穿[着]银红袄儿出来。", "zhe5"),
        ("你怎么[着]？", "zhe5"),
        ("他找[着]了，又没找着。", "zhao2"),
        ("他进京[都]来。", "du1"),
        ("虾蟆满[地]乱跳。", "di4"),
        ("夜[长]了，睡不着。", "chang2"),
        ("好[干]这个勾当。", "gan4"),
        ("人生[少]时，几多年少。", "shao4"),
    ],
)
def test_neighbours_decide_the_reading(tools, marked, expected):
    text = marked.replace("[", "").replace("]", "")
    assert reading_at(tools, text, marked) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("这种花很漂亮。", ["zhe4", "zhong3"]),
        ("他答应了我的要求。", ["da1", "ying5"]),
        ("这里的东西很便宜。", ["pian2", "yi5"]),
    ],
)
def test_dictionary_and_everyday_words_keep_their_reading(tools, text, expected):
    word = {"这种花很漂亮。": "这种", "他答应了我的要求。": "答应"}.get(text, "便宜")
    start = text.index(word)
    assert read(tools, text)[start : start + len(word)] == expected


def test_a_rule_says_nothing_where_its_neighbours_do_not_decide(tools):
    classes = tools.word_classes
    assert context_reading("长", "", "", classes) is None
    assert context_reading("地", "在", "上", classes) is None
    assert context_reading("的", "", "", classes) == "de5"
    assert context_reading("桌子", "", "", classes) is None


def test_the_rules_read_traditional_text_as_simplified(tools):
    assert reading_at(tools, "這條路很長。", "這條路很[長]。") == "chang2"
    assert reading_at(tools, "他跑得很快。", "他跑[得]很快。") == "de5"
