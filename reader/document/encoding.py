"""Bytes to text: which encoding a Chinese text file is in, judged by the text it gives.

Every Big5 file also decodes without an error as GB18030, into nonsense, so an error-free
decode proves nothing. After the byte-order marks and strict UTF-8, each candidate decodes a
sample of the file and a small model of Chinese text scores what comes out: frequent
characters are likely, other common ones less so, rare ideographs, kana, symbols and box
drawing unlikely, and private-use, control and replacement characters almost never seen in
real text. The candidate whose text is the most likely wins.

charset-normalizer is not used. Asked to choose among these same candidates, it named the
wrong one for most GB18030 texts of two or three characters, a third of those of four, and
now and then for texts of ten to two hundred; left to all its code pages it named Japanese
ones (cp932) for short Chinese texts. This model erred on fewer than one in two hundred
texts of four to six characters and on none of ten or more (thousands of passages of the
seed and two novels, in GB18030 and in Big5).
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

ENCODINGS: dict[str, str] = {
    "UTF-8": "utf-8",
    "UTF-8 (BOM)": "utf-8-sig",
    "UTF-16 LE": "utf-16-le",
    "UTF-16 BE": "utf-16-be",
    "GB18030": "gb18030",
    "Big5": "cp950",
    "Big5-HKSCS": "big5hkscs",
}
"""The encodings Reader detects, by the name a reader sees, with the Python codec behind it.

Big5 decodes with Microsoft's CP950, which is what Big5 files from Windows are written in;
GB2312 and GBK files decode as GB18030, which contains both.
"""

NOT_TEXT_CODECS = frozenset(
    {"idna", "punycode", "raw_unicode_escape", "unicode_escape", "undefined"}
)
"""Python codecs that decode bytes to str but are no encodings of text files: domain names
(IDNA, Punycode), Python literals, and one that always fails. None of them can decode with
errors="replace", so a file declaring one could not be shown."""

SAMPLE_BYTES = 16 * 1024
"""How much of a file the candidates are scored on: enough for any real text, cheap to score."""

NOT_TEXT_SHARE = 0.05
"""Above this share of control or undecodable characters a file is not text ..."""
FEW_REPLACEMENTS = 4
"""... but this many undecodable places never make it so: a short file may have one."""
NUL_SHARE = 0.3
"""Above this share of NUL characters a file is binary; a few stray NULs are dropped."""

_SURELY_UTF8_EXTRA_BYTES = 32
"""Valid UTF-8 with this many bytes beyond one per character is UTF-8 without a doubt."""
_CANDIDATES = ("UTF-8", "GB18030", "Big5", "Big5-HKSCS")
"""In order of preference when two candidates score the same."""
_BOMS = (
    (codecs.BOM_UTF8, "UTF-8 (BOM)"),
    (codecs.BOM_UTF16_LE, "UTF-16 LE"),
    (codecs.BOM_UTF16_BE, "UTF-16 BE"),
)
_CONTROLS = re.compile("[\x01-\x08\x0e-\x1f\x7f]")
_FIRST_NON_ASCII = re.compile(rb"[\x80-\xff]")

# The 500 most frequent characters of jieba's dictionary (word frequencies summed per
# character), each followed by its traditional forms from the HSK word lists that are in
# Big5's level 1 (its frequently used characters).
_FREQUENT = (
    "一是人了瞭不在有大中国國和为為这這上他个個箇地年来來我会會以到时時要出齣的生学學"
    "说說道民家傢子也成行下们們于於后後就发發髮自之对對得主长長可过過天作分方用多你妳"
    "着著部能市等业業全里裡工公经經本都而高政法面麵门門动動日进進区區事代那去心小同北"
    "定开開产產前其军軍还還然起种種所如现現理机機体體表錶力好外与與文当當噹两兩实實重"
    "新三么麼只隻祇衹山水关關明从從化平建又制製南内內西没沒此将將员員名手最东東头頭者"
    "月间間无無安看见見各城十相但已些正口通想度加第她合閤院物性战戰由位常点點海意场場"
    "武使次二向嚮治因立数數样樣身情入原问問把路被并並併利石老教万萬知级級量任江及应應"
    "省资資委务務元美特期世湖回迴系係繫比气氣汉漢总總展电電科金先声聲提品设設或义義王"
    "社很统統处處四首共马馬形己儿兒司太目基领領队隊直计計别別彆女权權话話少流命至报報"
    "米给給打变變果书書清活几幾州华華解议議更称稱程今决決张張导導术術府才纔保交放管结"
    "結师師便走达達族反再题題色五京河接条條规規式县縣白它改风風光运運信受什组組听聽布"
    "佈百济濟党黨指论論强強彊做取技黄黃神选選记記斯真却卻职職号號界件花类類何眼兵传傳"
    "带帶空干乾幹农農边邊据據集联聯古广廣完质質阳陽难難增历歷曆史专專官每住商即步认認"
    "车車台臺檯颱林必死游遊举舉线線言皇土团團糰收考求德叫近备備研争爭非具李众眾连連调"
    "調感转轉笑革该該持始英克剋士尔爾让讓拉思根格造较較际際亲親单單朝红紅型价價校约約"
    "器字段周週亚亞深候则則功属屬积積快图圖火千韆准準究往极極育装裝许許参參半令吃喫观"
    "觀鱼魚精办辦像帝八复復複覆影告远遠群包整构構料随隨划劃算象容示投势勢热熱值夫网網"
    "望源息语語股铁鐵断斷派速怎需片爱愛律纪紀支早况況病境证證証编編"
)
_PUNCTUATION = frozenset(
    "、。〃々〈〉《》「」『』【】〔〕〖〗〜・·‧•“”‘’—–…‥﹐﹑﹒﹔﹕﹖﹗﹙﹚﹝﹞"
)

# Roughly log2 of how often a character of each kind turns up in Chinese text.
_FREQUENT_WEIGHT = -9
_COMMON_WEIGHT = -14
_RARE_HAN_WEIGHT = -20
_PUNCTUATION_WEIGHT = -7
_ASCII_WEIGHT = -6
_SPACE_WEIGHT = -4
_LATIN_WEIGHT = -12
_OTHER_WEIGHT = -18
_NEVER_WEIGHT = -26
_VALID_UTF8_WEIGHT = 2
"""For each byte of a UTF-8 sequence beyond its first, when the sample is valid UTF-8."""
_RANDOM_BYTE_WEIGHT = -8
"""log2(1/256): each byte of random data."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    """The name a reader sees, a key of ENCODINGS for a detected encoding."""
    replacements: int
    """Undecodable bytes shown as U+FFFD (one for each run the codec could not read)."""


class EncodingError(ValueError):
    """Bytes that are not text, or an encoding name Python does not know; str() is the reason."""


def decode_text(data: bytes, encoding: str | None = None) -> DecodedText:
    """Decode `data` with the encoding named, or the one detected; a leading BOM is dropped.

    A named encoding is trusted: whatever it cannot decode is replaced and counted. A
    detected one must give text, or EncodingError says why the bytes are not text.
    """
    if encoding is not None:
        return _decode(data, codec_for(encoding), display_name(encoding))
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _checked(_decode(data[len(bom) :], ENCODINGS[name], name))
    sample, complete = _sample(data)
    if b"\x00" not in sample:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if len(data) == len(text) and _CONTROLS.search(text, 0, SAMPLE_BYTES):
                # ASCII with control characters: perhaps Chinese in UTF-16 without a BOM
                # and without NULs (你好世界 in UTF-16 LE is `O}Y\x16NLu).
                return _checked(_chinese_utf16(data) or DecodedText(text, "UTF-8", 0))
            # A few GB18030 or Big5 characters can make valid UTF-8 by chance; dozens cannot.
            if len(data) == len(text) or len(data) - len(text) >= _SURELY_UTF8_EXTRA_BYTES:
                return _checked(DecodedText(text, "UTF-8", 0))
    name = _most_likely(sample, complete)
    decoded = _decode(data, ENCODINGS[name], name)
    if not _too_broken(decoded) and _unlike_chinese(decoded.text):
        decoded = _decode_other(data) or decoded
    return _checked(decoded)


def codec_for(name: str) -> str:
    """The Python codec for a name from ENCODINGS or any other character encoding of text
    that Python knows; EncodingError for any other name.

    Python's codec registry also holds codecs that are no character sets: bytes-to-bytes
    ones (base64, zlib, uu, rot13 ...), which bytes.decode refuses, and NOT_TEXT_CODECS,
    which it accepts. A page's `<meta charset>` or the user may name any of them.
    """
    known = {_squeeze(key): codec for key, codec in ENCODINGS.items()}
    codec = known.get(_squeeze(name))
    if codec is not None:
        return codec
    try:
        codec = codecs.lookup(name).name
        if codec.replace("-", "_") in NOT_TEXT_CODECS:
            codec = None
        else:
            b"\x00".decode(name, errors="replace")  # LookupError for bytes-to-bytes codecs
    except LookupError:
        codec = None
    if codec is None:
        raise EncodingError(
            f"unknown encoding {name!r} (known: {', '.join(ENCODINGS)}, or another "
            "character encoding of text that Python knows)"
        )
    return codec


def display_name(name: str) -> str:
    """The name a reader sees for an encoding they named: ours if it is one of ours."""
    if name in ENCODINGS:  # as detection names it, before every first paint
        return name
    codec = codec_for(name)
    for key, python in ENCODINGS.items():
        if python == codec:  # most names: no CJK codec module is loaded to say so
            return key
    ours = {codecs.lookup(python).name: key for key, python in ENCODINGS.items()}
    return ours.get(codecs.lookup(codec).name, codec.upper().replace("_", "-"))


def replacements_message(replacements: int, encoding: str) -> str:
    """What the status bar and the CLI say when bytes could not be decoded."""
    if replacements == 1:
        return f"1 character could not be decoded as {encoding} and shows as �"
    return f"{replacements} characters could not be decoded as {encoding} and show as �"


def _squeeze(name: str) -> str:
    return re.sub(r"[\s_()-]", "", name).lower()


def _decode(data: bytes, codec: str, name: str) -> DecodedText:
    text = data.decode(codec, errors="replace")
    replacements = 0
    if "\ufffd" in text:
        # Text may hold U+FFFD of its own; only those the codec put in are counted.
        replacements = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    return DecodedText(text.removeprefix("\ufeff"), name, replacements)


def _chinese_utf16(data: bytes) -> DecodedText | None:
    """`data` as UTF-16 without a BOM, if its first SAMPLE_BYTES read as Chinese text only
    (Han characters, Chinese punctuation, spaces); else None."""
    if len(data) % 2:
        return None
    for name in ("UTF-16 LE", "UTF-16 BE"):
        sample = data[:SAMPLE_BYTES].decode(ENCODINGS[name], errors="replace")
        if all(_is_han(ord(char)) or _is_chinese_mark(char) for char in sample):
            return _decode(data, ENCODINGS[name], name)
    return None


def _is_chinese_mark(char: str) -> bool:
    return char in _PUNCTUATION or char in "\n\r\t \u3000" or 0xFF01 <= ord(char) <= 0xFF5E


def _too_broken(decoded: DecodedText) -> bool:
    return decoded.replacements > max(NOT_TEXT_SHARE * len(decoded.text), FEW_REPLACEMENTS)


_CHINESE_HAN_WEIGHT = -12.5
"""Chinese text averages about -10 a Han character (the seed, 红楼梦, traditional text);
Japanese or Korean bytes read as GB18030 give rare characters, -13.5 to -20."""
_JUDGED_HAN = 16
"""Fewer Han characters than this say too little to doubt the best Chinese reading."""


def _unlike_chinese(text: str) -> bool:
    weight = _weights()
    han = [weight(char) for char in text[:SAMPLE_BYTES] if _is_han(ord(char))]
    return len(han) >= _JUDGED_HAN and sum(han) / len(han) < _CHINESE_HAN_WEIGHT


def _decode_other(data: bytes) -> DecodedText | None:
    """Japanese or Korean text, which GB18030 reads without an error into rare characters.

    charset-normalizer guesses from all of Python's code pages; it is not asked first
    because on short Chinese texts it often names a Japanese or Korean one, and not for
    Western text, where its guess among the Latin code pages is often wrong: a wrong page
    would show garbled text, while refusing tells the reader to choose the encoding.
    """
    import charset_normalizer  # only here: its import costs every start-up 0.04 s

    best = charset_normalizer.from_bytes(data[: SAMPLE_BYTES * 4]).best()
    if best is None:
        return None
    try:
        return DecodedText(data.decode(best.encoding), display_name(best.encoding), 0)
    except (UnicodeDecodeError, LookupError):
        return None


def _checked(decoded: DecodedText) -> DecodedText:
    """`decoded`, unless its text is too broken or too full of control bytes to be text."""
    text = decoded.text
    if not text:
        return decoded
    head = text[:SAMPLE_BYTES]
    controls = len(_CONTROLS.findall(head))
    if controls > NOT_TEXT_SHARE * len(head) or head.count("\x00") > NUL_SHARE * len(head):
        raise EncodingError("is a binary file, not text")
    if _too_broken(decoded):
        raise EncodingError(
            "is not text in UTF-8, UTF-16, GB18030 or Big5 (choose its encoding to open it)"
        )
    return decoded


def _sample(data: bytes) -> tuple[bytes, bool]:
    """A bounded piece to judge by, from the line holding the first non-ASCII byte, and
    whether it runs to the end of the file.

    A line starts after a newline byte, which is never part of a GB18030 or Big5 character,
    so the sample starts on a character boundary; an even start keeps UTF-16 aligned.
    """
    found = _FIRST_NON_ASCII.search(data)
    start = data.rfind(b"\n", 0, found.start()) + 1 if found else 0
    start -= start % 2
    return data[start : start + SAMPLE_BYTES], start + SAMPLE_BYTES >= len(data)


def _most_likely(sample: bytes, complete: bool) -> str:
    """The candidate whose text is the most likely; `complete`: the sample is the whole rest."""

    def score(name: str) -> int:
        decoder = codecs.getincrementaldecoder(ENCODINGS[name])(errors="replace")
        return _score(decoder.decode(sample, final=complete))

    scores = {name: score(name) for name in _CANDIDATES}
    try:
        utf8 = codecs.getincrementaldecoder("utf-8")().decode(sample, final=complete)
    except UnicodeDecodeError:
        pass
    else:
        # Other encodings rarely make valid UTF-8, less so with each non-ASCII character.
        scores["UTF-8"] += _VALID_UTF8_WEIGHT * (len(sample) - len(utf8))
    # UTF-16 without a byte-order mark. Any bytes read as UTF-16 give characters rather than
    # controls, rare ones for bytes that are not UTF-16, so this guess must also beat reading
    # the sample as random bytes.
    for name in ("UTF-16 LE", "UTF-16 BE"):
        utf16 = score(name)
        if utf16 > _RANDOM_BYTE_WEIGHT * len(sample):
            scores[name] = utf16
    return max(scores, key=lambda name: scores[name])


def _score(text: str) -> int:
    """The log-likelihood, roughly, of `text` being Chinese text."""
    weight = _weights()
    return sum(count * weight(char) for char, count in Counter(text).items())


@cache
def _weights() -> Callable[[str], int]:
    """How likely each character is, built on first use (the level-1 sets take a moment)."""
    frequent = frozenset(_FREQUENT)
    common = _gb2312_level1() | _big5_level1()

    @cache
    def weight(char: str) -> int:
        code = ord(char)
        if char in frequent:
            return _FREQUENT_WEIGHT
        if char in common:
            return _COMMON_WEIGHT
        if char in _PUNCTUATION or 0xFF01 <= code <= 0xFF5E:
            return _PUNCTUATION_WEIGHT
        if char in " \t\n\v\f\r\u3000":
            return _SPACE_WEIGHT
        if 0x20 <= code < 0x7F:
            return _ASCII_WEIGHT
        if (
            code < 0x20
            or 0x7F <= code <= 0x9F
            or char == "\ufffd"
            or 0xD800 <= code <= 0xF8FF
            or code >= 0xF0000
        ):
            return _NEVER_WEIGHT
        if _is_han(code):
            return _RARE_HAN_WEIGHT
        if 0xC0 <= code <= 0x24F:
            # Accented letters: pinyin with tone marks, Western names.
            return _LATIN_WEIGHT
        return _OTHER_WEIGHT

    return weight


def _is_han(code: int) -> bool:
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0xF900 <= code <= 0xFAFF
        or 0x20000 <= code <= 0x3FFFF
    )


def _gb2312_level1() -> frozenset[str]:
    """GB2312's 3,755 level-1 characters: those in common use in simplified text."""
    pairs = bytes(
        b for lead in range(0xB0, 0xD8) for trail in range(0xA1, 0xFF) for b in (lead, trail)
    )
    return frozenset(pairs.decode("gb2312", errors="ignore"))


def _big5_level1() -> frozenset[str]:
    """Big5's 5,401 level-1 characters: those in frequent use in traditional text."""
    trails = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
    pairs = bytes(b for lead in range(0xA4, 0xC7) for trail in trails for b in (lead, trail))
    return frozenset(c for c in pairs.decode("cp950", errors="ignore") if _is_han(ord(c)))
