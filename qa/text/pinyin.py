"""Chinese names in English questions. An English question over Chinese passages shares no words
with them, except that it writes Chinese people and places in pinyin (Heihe, Fan Tingsong,
Duyou) where the passages write characters (黑河, 范廷颂, 督邮). `names` finds such names in a
question; `mentioned` tells whether a Chinese text holds one, reading every character with each
of its pronunciations (pypinyin's dictionary, so 长 is both chang and zhang).

A question about an article the store does not have names someone the passages never mention;
that is the strongest sign an English question gets that it cannot be answered.
"""

from __future__ import annotations

import importlib.util
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from qa.errors import ConfigError
from qa.text.cjk import CJK, CJK_RUN

_WORD = re.compile(r"[A-Za-z]+")

# Every toneless pinyin syllable that pypinyin's character dictionary gives (tests/test_pinyin.py
# checks this against the installed pypinyin): a constant, because building it from the
# dictionary costs about 0.75 s, too much for one English question.
SYLLABLES = frozenset("""
a ai an ang ao ba bai ban bang bao bei ben beng bi bian biang biao bie bin bing bo bong bu ca cai
can cang cao ce cei cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai
chuan chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de dei den deng di
dia dian diao die din ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng
fiao fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha
hai han hang hao he hei hen heng hm hng hong hou hu hua huai huan huang hui hun huo ji jia jian
jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku
kua kuai kuan kuang kui kun kuo la lai lan lang lao le lei len leng li lia lian liang liao lie lin
ling liu lo long lou lu luan lue lun luo m ma mai man mang mao me mei men meng mi mian miao mie min
ming miu mo mou mu n na nai nan nang nao ne nei nen neng ng ni nia nian niang niao nie nin ning niu
nong nou nu nuan nue nun nuo o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou
pu qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong
rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shei shen
sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan
tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng
wo wong wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin
ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe
zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui
zun zuo
""".split())


def split_syllables(word: str) -> list[list[str]]:
    """Every way to read `word` as pinyin syllables (Xian: xian, xi-an); [] when there is none."""
    word = word.lower()
    syllables = SYLLABLES
    ways: list[list[list[str]]] = [[] for _ in range(len(word) + 1)]
    ways[0] = [[]]
    for end in range(1, len(word) + 1):
        for start in range(max(0, end - 6), end):
            if ways[start] and word[start:end] in syllables:
                ways[end].extend(w + [word[start:end]] for w in ways[start][:8])
    return ways[len(word)]


def names(question: str) -> list[tuple[str, list[list[str]]]]:
    """The pinyin names of an English question, each as its possible syllable readings: runs of
    capitalised words (not the first word) that all read as pinyin and are not English exonyms,
    two syllables at least. A run with any other word (Sami Kishimoto) is a foreign name: skipped.
    Returns (the name as written, its readings)."""
    from qa.text import lexicon

    # en.toml: words that spell pinyin but are English, and the kinds that end a name (County)
    exonyms, kinds = set(lexicon.words("pinyin_exonym")), set(lexicon.words("pinyin_name_kind"))
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(question)]
    runs, run = [], []
    for i, (_, w) in enumerate(words):
        if i > 0 and w[0].isupper() and not w.isupper() and w.lower() not in kinds:  # CEO, GDP: acronyms
            run.append(w)
            continue
        if run:
            runs.append(run)
        run = []
    if run:
        runs.append(run)
    out = []
    for run in runs:
        if any(w.lower() in exonyms for w in run):
            continue
        readings = [split_syllables(w) for w in run]
        if not all(readings):
            continue
        combined = [[]]
        for r in readings:
            combined = [a + b for a in combined for b in r][:16]
        if min(len(c) for c in combined) >= 2:
            out.append((" ".join(run), combined))
    return out


_TONE_MARKS = frozenset("\u0300\u0301\u0304\u030c")  # grave, acute, macron, caron; ü and ê keep their marks


@lru_cache(maxsize=1)
def _char_table() -> dict[str, str]:
    """pypinyin's per-character readings ({"40657": "hēi,hè", ...}), read from its JSON file.

    `import pypinyin` also loads its 2.5 MB phrase dictionary and converters (about 0.25 s); an
    English question needs only the single characters' readings (0.015 s). The file is found
    without running the package's __init__."""
    spec = importlib.util.find_spec("pypinyin")
    where = Path(spec.submodule_search_locations[0]) if spec and spec.submodule_search_locations else None
    if where is None:
        raise ConfigError("pypinyin is not installed; reinstall qa-assistant")
    return json.loads((where / "pinyin_dict.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=8192)
def char_sounds(char: str) -> frozenset[str] | None:
    """Every toneless reading of one character (长 -> chang, zhang), as pypinyin's
    `pinyin([char], style=Style.NORMAL, heteronym=True)` gives it (tests/test_pinyin.py checks every
    character), with ü and v read as u; None for a character pypinyin does not know."""
    raw = _char_table().get(str(ord(char)))
    if raw is None:
        return None
    out = set()
    for reading in raw.split(","):
        plain = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", reading)
                                                      if c not in _TONE_MARKS))
        out.add(plain.replace("ü", "u").replace("v", "u"))
    return frozenset(out)


def mentioned(readings: list[list[str]], text: str) -> bool:
    """Does Chinese `text` hold a name (one of its syllable `readings`) in consecutive characters?"""
    found = (char_sounds(c) for c in text if CJK.match(c))
    sounds = [s for s in found if s is not None]  # unknown characters are skipped, as pypinyin does
    if not sounds:
        return False
    for reading in readings:
        n = len(reading)
        for i in range(len(sounds) - n + 1):
            if all(reading[j] in sounds[i + j] for j in range(n)):
                return True
    return False


def passage_terms(text: str) -> list[str]:
    """Keyword terms of a passage's Chinese runs: adjacent pinyin syllable pairs ("p:hei he").

    The syllables are pypinyin's `lazy_pinyin(run)`, computed as it does (its own segmentation, then
    each word on its own, phrase readings first), but each word's reading is remembered: pypinyin
    converts tone marks afresh for every word of every call, which made pinyin 60% of building the
    keyword index; words repeat, and this is 3.4 times faster on the CMRC articles, term for term
    the same (tests/test_pinyin.py)."""
    from pypinyin.seg.simpleseg import seg

    out = []
    for run in CJK_RUN.findall(text):
        sounds = [sound for word in seg(run) for sound in _word_sounds(word)]
        out.extend(f"p:{a} {b}" for a, b in zip(sounds, sounds[1:]))
    return out


@lru_cache(maxsize=1 << 16)
def _word_sounds(word: str) -> tuple[str, ...]:
    from pypinyin import Style

    return tuple(sound[0] for sound in _converter().convert(word, Style.NORMAL, False, "default", strict=True))


@lru_cache(maxsize=1)
def _converter():
    from pypinyin.converter import DefaultConverter

    return DefaultConverter()


def query_terms(text: str) -> list[str]:
    """Keyword terms of an English question's pinyin names (none for a Chinese question)."""
    if CJK.search(text):
        return []
    out = []
    for _, readings in names(text):
        for reading in readings:
            out.extend(f"p:{a} {b}" for a, b in zip(reading, reading[1:]))
    return list(dict.fromkeys(out))
