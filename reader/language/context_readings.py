"""Readings the neighbouring words decide: the particles and the everyday polyphones.

g2pM's model was trained on encyclopaedia sentences; in everyday text it reads 跑得 dé,
慢慢地 dì, 很长 zhǎng, 教你 jiào. What decides them is grammar a textbook states in a line,
on the word before and the word after and their parts of speech (word_classes.py):

- A character standing as a word of its own takes its free reading where its others occur
  only inside words (`FREE`): 的 de (的确, 目的), 没 méi (淹没), 乐 lè (音乐), 难 nán (灾难),
  尽 jìn (尽管). 都 is dōu but dū after 京, 国 or before a title (都总管); 少 shǎo but shào
  before 爷, 君, 时 or after 年.
- 教 before what or whom is taught is jiāo (教你一个法子, 教数学); before a verb, an adjective
  or a quotation jiào, the older sense of 叫 (且教回营, 老者教：). 弄 is nòng, "to do", but
  lòng, "lane", after a house number (新华路593弄). 累 is lèi, "tired", after a word of degree,
  before 了, 死, 得 or at the end of a clause (累年, "for years", is lěi).
- 地 after an adverbial (an adverb, an adjective, a vivid or doubled form, a four-character
  phrase, a word in 性 or 然: 创造性地, 突然地) and before a verb (or the adverb or preposition
  its phrase starts with) is the particle de: 慢慢地走, 高兴地在院子里玩; 在地上, 一块地,
  新地王, 满地乱跳 stay dì.
- 得 after 闻, 方, 若, 能, 可, 如, or before 了 and an object, is dé, "get" (闻得, 得了珍宝);
  after a pronoun or an adverb such as 就, 还, 也 and before a verb děi, "must" (我得走, 就得再
  去; not after 怎生, 如何, nor before 有, 了); after a verb or an adjective the particle de
  (跑得快, 高兴得跳起来); else, before 了 or 到, dé (她得了第二名). In a verb, 得 and a result
  (看得见, 找得到, 听得见) 得 is de, whatever CC-CEDICT writes in three such words.
- 着 before 了, or after 不 or 得, is zháo, "reaching its aim" (找着了, 找不着), and after 找,
  猜, 碰 … at the end of a clause; after a verb or an adjective it is the particle zhe (看着,
  急着走, 穿着一件衬衫, 怎么着).
- 过 after a verb is the experiential particle guo (去过, 吃过), except before 来/去 and after
  a verb of moving or handing (转过插屏, 换过左手: guò, "across, over").
- 长 after a word of degree (很, 太, 这么) or 变 is the adjective cháng; before 了, 得, 着,
  大, 高 the verb zhǎng (头发长了, 长得高, 长着大眼睛); after 又 or 也, or a word of time
  (夜长了), cháng again (又黑又长).
- 还 before a person or at the end of a clause is huán, "give back" (还你, 就还。).
- 种 after a numeral or a demonstrative is the measure word zhǒng (三种, 各种); before 了,
  着, 的 or what is planted it is the verb zhòng (种了花, 种的菜).
- 只 after a numeral is the measure word zhī (一只猫); 场 after a numeral, before weather or an
  illness, chǎng's older reading cháng (一场大雪).
- 为 before a person is wèi, "for" (为自己的球队); before a number wéi, "is" (为500米), and
  in 为…所, "by" (为我所用).
- 觉 after 睡 or 一 is jiào, "sleep" (睡不着觉, 睡了一觉).
- 数 before 了, 一 or 清, or doubled, is the verb shǔ, "to count" (数了两遍, 数一数); before
  点, 个, 年 it is shù, "several" (数点归鸦).
- 干 before 这, 什么, 活 is gàn, "do"; after a word of degree gān, "dry" (很干). 空 after 没,
  有 is kòng, "free time", but kōng before 去, 手 (空去, 空手).
- 朝 before 霞, 晖, 露 or after 今, 一 is zhāo, "morning"; before a direction or 着, 向
  it is cháo, "facing", as before 陛下, 廷 or after 来, 本 ("court", 来朝). 背 (背着, 背起,
  背上) before what one carries (书包, 孩子) is bēi.
- 多少 asking for a number (before a noun, a measure word or 钱, or ending a question) is
  duōshao; 不着 is bùzháo (睡不着, 用不着).
- 撒, 钉, 盛, 划, 藏, 喝, 铺, 炸, 调, 看 as verbs of handling (`VERB_READINGS`): 撒上 sǎ, 钉在
  dìng, 盛饭 chéng, 划船 huá, 所藏 cáng, 大喝一声 hè, 铺上 pū, 油炸 zhá, 调大 tiáo, 看孩子 kān.
- 量 before 一下 is liáng, "to measure"; 中 before 了 or 奖 zhòng, "to hit"; 差 before 得,
  一点, 不多 chà, "short of", after 之 chā, "difference".

Everything else is left to the dictionary and the model. Each rule is stated for the word
it is keyed by standing as a word of its own; inside a longer dictionary word the
dictionary decides.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.language.word_classes import WordClass, WordClasses


def _words(listed: str) -> frozenset[str]:
    return frozenset(listed.split())


FREE = {
    "的": "de5",
    "没": "mei2",
    "乐": "le4",
    "难": "nan2",
    "尽": "jin4",
    "不着": "zhao2",
}
EVERYDAY_WORDS = {
    "便宜": ("pian2", "yi5"),
    "大夫": ("dai4", "fu5"),
    "怎么着": ("zen3", "me5", "zhe5"),
    "这么着": ("zhe4", "me5", "zhe5"),
    "那么着": ("na4", "me5", "zhe5"),
}
"""Words CC-CEDICT reads two ways, one of them rare outside old texts (便宜 biànyí
"expedient", 大夫 dàfū "senior official"): in everyday text they are read the other way."""
DEGREE = _words(
    "很 太 真 挺 最 更 较 极 蛮 超 好 多 够 这么 那么 多么 非常 特别 比较 十分 相当 有点 "
    "有点儿 越来越 不太 这样 那样 一样 不够 那么样 如此"
)
MUST_AFTER = _words("就 还 也 都 总 真 必须 一定 非 总是 还是 也许 就是 可能 恐怕")
NOT_MUST_AFTER = _words("怎 怎么 怎生 那里 哪里 何 如何 方可 岂 焉 安")
GETTING_AFTER = _words("闻 方 若 能 可 如 须 是 难 获 取 所 不能 须是 才 只 又")
"""Words after which 得 is dé, "get, be able to" (闻得, 方得, 若得, 能得)."""
RESULTS = frozenset("见到去来起出着了住过完动上下开清懂")
"""What follows the particle 得 in a dictionary word that starts with it (得见, 得到, 得去)."""
MODALS = _words("会 要 想 应 该 应该 可以 能够 必须 一定 愿意 肯 敢")
"""Verbs that are not the verb of a verb-得-result: 总会得到 is dé."""
NOT_MODIFIED = _words("有 无 了 着 过 到")
CROSSING_BEFORE = _words(
    "得 不 转 回 行 走 跳 越 渡 躲 闪 拿 捧 取 接 递 送 伸 要 换 赛 翻 爬 跨 飞 游 经 通 超 胜 "
    "扭 熬 挨 度 混 错 放 穿 瞒 绕 传"
)
"""Words after which 过 is guò, "across, past, over", not the experiential particle."""
FOUND_BEFORE = _words("找 猜 寻 见 碰 遇 睡 打 点 够 摸 逮 抓 买 借")
"""Verbs after which 着 before the end of the clause, 的, 了 or a person is zháo (找着了)."""
CAPITAL_BEFORE = _words("京 国 帝 首 建 定 迁 故 旧 陪")
CAPITAL_AFTER = _words("城 总管 太监 督 尉 城隍 统 护 指挥 司")
GROUND_BEFORE = _words("满 贵 凡 彻 遍 各 此 本 外 内 当 宝 福 天 没 不 也 都 就 又")
LONG_AFTER_TIME = _words("夜 日 天 住 时 时间 日子 白天 夜里 年 岁月")
YOUNG = _words("君 爷 时 主 奶奶 东家 年")
SEVERAL_AFTER = _words("点 个 年 次 日 月 人 十 百 千 万 天 只 条 声")
COURT_AFTER = _words("陛下 廷 见 拜 贺 贡 代 野 中 服 臣 政 觐")
DOING_AFTER = _words("这 那 这个 那个 什么 啥 活 嘛 事 吗 么")
EMPTY_AFTER = _words("去 来 手 空 跑 着 落 位 房 屋")
ASPECT = _words("了 到 过 着")
GROWING_AFTER = _words("了 得 着 大 高 出 成 满 胖 个子")
PEOPLE = _words("我 你 他 她 它 您 我们 你们 他们 她们 它们 咱们 人家 别人 大家 自己")
NUMBERS = _words("一 两 二 三 四 五 六 七 八 九 十 几 多 各 每 某 这 那 哪 此 本 同 另 百 千 万")
COUNTED = _words("一 两 二 三 四 五 六 七 八 九 十 几 半 百 千 万")
PLANTED_AFTER = _words("了 着 过 的 满 上 下 出 在 好 花 树 菜 草 地 田 粮食 水稻 庄稼 麦子 玉米")
WEATHER = frozenset("雨雪风病梦暴大")
COUNTING_AFTER = _words("了 一 一下 清 着 过 钱 到 完 不")
MORNING_AFTER = _words("霞 晖 露 夕")
MORNING_BEFORE = _words("今 一 终")
FACING_AFTER = _words("着 向 南 北 东 西 前 后 外 里 上 下 左 右")
CARRIED = _words(
    "包 书包 背包 孩子 行李 箱子 篓 筐 柴 水 米 枪 东西 弟弟 妹妹 小孩 宝宝 娃娃 袋子 口袋"
)
PLACES = _words("上 下 里 中 外 面 方 区 带 点 图 球")
ENDS = frozenset("，。！？；：、,.!?;:…")
_VERBAL = frozenset({WordClass.VERB, WordClass.ADJECTIVE})
_ADVERBIAL = frozenset({WordClass.ADVERB, WordClass.ADJECTIVE, WordClass.DESCRIPTIVE})
_MODIFIED = frozenset({WordClass.VERB, WordClass.PREPOSITION, WordClass.ADVERB})
"""What an adverbial stands before: a verb, or the adverb or preposition that starts its phrase."""
Rule = Callable[[str, str, WordClasses, str], str | None]


def context_reading(
    word: str, before: str, after: str, classes: WordClasses, rest: str = ""
) -> str | None:
    """The reading of the polyphone that starts `word` (or is its key character) between the
    words `before` and `after` ("" at the edge of its sentence); None where they leave it
    open."""
    rule = _RULES.get(word)
    if rule is None and len(word) == 2 and word[0] == "得" and word[1] in RESULTS:
        rule = _de_compound
    if rule is not None:
        return rule(before, after, classes, rest)
    return FREE.get(word)


def _di(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if not before or not classes.of(after) & _MODIFIED or after in PLACES:
        return None
    if WordClass.PREPOSITION in classes.of(before) or before in GROUND_BEFORE:
        return None
    adverbial = before[-1:] in ("性", "然")
    if adverbial or classes.of(before) & _ADVERBIAL or _doubled(before) or len(before) == 4:
        return "de5"
    return None


def _de(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if not before:
        return None
    if before in GETTING_AFTER or before[-1:] in ("闻", "获"):
        return "de2"
    if after == "了" and rest[1:2] and rest[1] not in ENDS:
        return "de2"
    subject = WordClass.PRONOUN in classes.of(before) or before in MUST_AFTER
    if (
        subject
        and before not in NOT_MUST_AFTER
        and after not in NOT_MODIFIED
        and classes.of(after) & _MODIFIED
        and not classes.of(after) & {WordClass.NUMERAL, WordClass.MEASURE}
    ):
        return "dei3"
    if classes.of(before) & _VERBAL or _doubled(before):
        return "de5"
    if after in ASPECT:
        return "de2"
    return None


def _de_compound(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    """A dictionary word of 得 and a result (得见, 得到, 得去) after a verb: the particle de
    (听得见, 找得到), not dé (得到 "obtain")."""
    if before in GETTING_AFTER or before in MODALS or not classes.of(before) & _VERBAL:
        return None
    return "de5"


def _zhe(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if not before:
        return None
    if after == "了" or before in ("不", "得"):
        return "zhao2"
    found_end = not after or after[0] in ENDS or after in ("的", "了") or after in PEOPLE
    if before in FOUND_BEFORE and found_end:
        return "zhao2"
    if classes.of(before) & _VERBAL:
        return "zhe5"
    return None


def _nong(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    return "long4" if before[-1:].isdigit() else "nong4"


def _lei(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if before in DEGREE or after in ("了", "死", "坏", "得", "的") or not after or after[0] in ENDS:
        return "lei4"
    return None


def _wearing(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    """穿着 before what is worn is the verb and the particle (chuān zhe), not "attire"."""
    if not after or after[0] in ENDS or before == "的" or after in ("打扮", "讲究", "朴素"):
        return None
    return "zhe5"


def _guo(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if not before or after[:1] in ("来", "去") or "来" in rest[:4] or "去" in rest[:4]:
        return None
    if before in CROSSING_BEFORE or before[-1:] in CROSSING_BEFORE:
        return None
    return "guo5" if WordClass.VERB in classes.of(before) else None


def _chang(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if before in DEGREE or before in ("变", "拉", "延") or before in LONG_AFTER_TIME:
        return "chang2"
    if after in GROWING_AFTER:
        return "zhang3"
    if before in ("又", "也") or after in ("时间", "期", "久", "远", "途"):
        return "chang2"
    return None


def _huan(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if after in PEOPLE or (before and (not after or after[0] in ENDS)):
        return "huan2"
    return None


def _zhong(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if before in NUMBERS or before[-1:] in NUMBERS:
        return "zhong3"
    if after in PLANTED_AFTER:
        return "zhong4"
    return None


def _zhi(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    counted = before in COUNTED or before[-1:] in COUNTED
    return "zhi1" if counted and after not in ("是", "有", "要", "能", "会", "好") else None


def _chang_event(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    counted = before[-1:] in NUMBERS
    return "chang2" if counted and after[:1] in WEATHER else None


def _wei(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if "所" in rest[:6] or before in ("自", "以") or rest == "之":
        return "wei2"
    if after in PEOPLE or WordClass.PRONOUN in classes.of(after) or after == "了":
        return "wei4"
    if after[:1].isdigit() or after[:1] in COUNTED:
        return "wei2"
    return None


def _teach(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    """教 alone: jiāo, "teach", before what or whom is taught; jiào, "let, tell", the older
    sense of 叫, before a verb, an adjective or a quotation (且教回营, 老者教：)."""
    if after in ("了", "过", "书", "学", "课", "会", "给") or after in PEOPLE:
        return "jiao1"
    kinds = classes.of(after)
    if kinds & {WordClass.NOUN, WordClass.PRONOUN}:
        return "jiao1"
    if not after or after[0] in ENDS or after[0] in '“‘「"' or kinds & _VERBAL:
        return "jiao4"
    return None


def _shao(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    return "shao4" if before in YOUNG or before == "年" or after in YOUNG else "shao3"


def _jiao(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    slept = "睡" in before or before.endswith("着") or before in ("一", "个", "午")
    return "jiao4" if slept else None


def _liang(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    return "liang2" if after in ("一下", "一", "了", "一量", "体温", "血压", "身高") else None


def _zhong_hit(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    return "zhong4" if after in ("了", "奖", "大奖", "标", "弹") else None


def _cha(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if before == "之":
        return "cha1"
    return "cha4" if after in ("得", "一点", "一点儿", "点", "不多", "远") else None


def _shu(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if after in COUNTING_AFTER or before == "一":
        return "shu3"
    return "shu4" if after in SEVERAL_AFTER else None


def _gan(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if after in DOING_AFTER:
        return "gan4"
    return "gan1" if before in DEGREE else None


def _kong(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if after in EMPTY_AFTER or before == "空":
        return "kong1"
    return "kong4" if before in ("没", "有", "抽", "没有") else None


def _zhao(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    if after in COURT_AFTER or before in ("来", "本", "上", "入", "还"):
        return "chao2"
    if after in MORNING_AFTER or before in MORNING_BEFORE:
        return "zhao1"
    if after in FACING_AFTER:
        return "chao2"
    return None


def _bei(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    return "bei1" if after in CARRIED else None


def _how_many(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    kinds = {WordClass.NOUN, WordClass.MEASURE}
    if after in ("钱", "？", "?") or classes.of(after) & kinds:
        return "shao5"
    return None


def _dou(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
    """都 alone is dōu, "all", except as "capital" or in a title (京都, 都中, 都总管)."""
    if before[-1:] in CAPITAL_BEFORE or after in CAPITAL_AFTER:
        return "du1"
    return "dou1"


def potential_complement(word: str, classes: WordClasses) -> bool:
    """A verb, 得 and a result (看得见, 吃得消): its 得 is the particle de, as CC-CEDICT writes
    it in 43 such words, not dé as it writes it in three (看得见, 差得多, 想得美)."""
    return (
        len(word) == 3
        and word[1] == "得"
        and word[2] in RESULTS
        and bool(classes.of(word[0]) & _VERBAL)
    )


def _verb_reading(reading: str, before_words: frozenset[str], after_words: frozenset[str]) -> Rule:
    """A rule for a character whose reading as a verb shows in the words around it: after
    one of `before_words` or before one of `after_words` (or a number, for 炸) it is
    `reading`; anywhere else it is left open."""

    def rule(before: str, after: str, classes: WordClasses, rest: str) -> str | None:
        if before in before_words or after in after_words or after[:1].isdigit():
            return reading
        return None

    return rule


VERB_READINGS = {
    "撒": _verb_reading("sa3", _words("再 又 先"), _words("上 在 下 满 了 些 点 入 到 进")),
    "钉": _verb_reading("ding4", _words("再 又 先"), _words("在 上 住 进 入 着 了 牢")),
    "盛": _verb_reading(
        "cheng2", _words("再 又 先 去 来"), _words("饭 米饭 汤 水 菜 满 着 在 了 一碗 到 上")
    ),
    "划": _verb_reading("hua2", _words("桨 再 又 先"), _words("船 桨 行 水 过 着 动 到")),
    "藏": _verb_reading(
        "cang2", _words("所 收 珍 躲 隐 私 暗 偷偷"), _words("在 着 了 起 于 到 好 起来")
    ),
    "喝": _verb_reading("he4", _words("大 怒 断 吆 一"), _words("一声 道 令 彩 止 斥")),
    "铺": _verb_reading("pu1", _words("再 又 先"), _words("上 在 满 开 设 散 成 好 着 了")),
    "炸": _verb_reading("zha2", _words("油 煎 续 再 先 又"), _words("熟 好 酥 黄 至 成 一下")),
    "调": _verb_reading("tiao2", _words("再 又 先"), _words("大 小 高 低 成 好 整 匀 馅 味 一下")),
    "看": _verb_reading("kan1", frozenset(), _words("孩子 小孩 家 门 大门 店 摊子 守")),
}
"""Characters read one way as a verb of handling (撒上 sǎ, 钉在 dìng, 盛饭 chéng, 划船 huá,
所藏 cáng, 大喝一声 hè, 铺上 pū, 油炸 zhá, 调大 tiáo, 看孩子 kān) and another in the words they
are mostly found in or, for 调 and 看, as verbs of another sense (调到, 看书)."""


def _doubled(word: str) -> bool:
    """A doubled form (慢慢, 高高兴兴, 一步一步), which modifies as an adverb does."""
    if len(word) == 2:
        return word[0] == word[1]
    return len(word) == 4 and (word[:2] == word[2:] or (word[0] == word[1] and word[2] == word[3]))


_RULES: dict[str, Rule] = {
    **VERB_READINGS,
    "教": _teach,
    "都": _dou,
    "少": _shao,
    "地": _di,
    "得": _de,
    "着": _zhe,
    "过": _guo,
    "长": _chang,
    "还": _huan,
    "种": _zhong,
    "只": _zhi,
    "场": _chang_event,
    "为": _wei,
    "觉": _jiao,
    "数": _shu,
    "干": _gan,
    "空": _kong,
    "朝": _zhao,
    "背": _bei,
    "背着": _bei,
    "背起": _bei,
    "背上": _bei,
    "背在": _bei,
    "累": _lei,
    "弄": _nong,
    "穿着": _wearing,
    "多少": _how_many,
    "量": _liang,
    "中": _zhong_hit,
    "差": _cha,
}
KEYED_AT = {"穿着": 1, "多少": 1, "不着": 1}
"""Where a word's ruled polyphone is, when it is not the word's first character."""
RULED = frozenset(word[KEYED_AT.get(word, 0)] for word in [*_RULES, *FREE, *EVERYDAY_WORDS])
"""The characters these rules read."""
