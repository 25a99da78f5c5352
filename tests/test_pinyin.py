"""Pinyin names in English questions, found in Chinese text (qa.text.pinyin), and the
refusal they give an English question whose passages never name who or what it asks about."""

import pytest

from qa.answer.extractive import answer_extractive
from qa.text import lexicon
from qa.text.pinyin import mentioned, names, split_syllables
from qa.types import Hit

HEIHE = "走进黑龙江省黑河市的国欧物流仓储中心,一派繁忙有序的景象扑面而来。中心每天处理跨境包裹3万件。"


def test_names_are_runs_of_capitalised_pinyin_words():
    assert [n for n, _ in names("How many parcels does the Guoou warehouse in Heihe handle per day?")] == ["Guoou", "Heihe"]
    assert [n for n, _ in names("When was Fan Tingsong appointed bishop?")] == ["Fan Tingsong"]
    # English kinds of place end a name; acronyms and exonyms are not pinyin names
    assert [n for n, _ in names("What is the population of Xuanhan County?")] == ["Xuanhan"]
    assert [n for n, _ in names("Who is the CEO of Beijing Zhiran Medical Technology?")] == ["Beijing Zhiran"]
    assert names("What does China export to Hong Kong?") == []
    # a run with a word that is not pinyin is a foreign name, not a Chinese one
    assert names("Which country is the singer Sami Kishimoto from?") == []
    assert names("Which country does the footballer Ljajić play for?") == []


@pytest.mark.parametrize("kind", lexicon.words("pinyin_name_kind"))
def test_each_english_kind_ends_the_pinyin_name_before_it(kind):
    # Furong Cave, Nanning No. 2 Middle School: the kind is no part of the name, nor a foreign word
    # that would make the run a foreign name
    assert [n for n, _ in names(f"Where is the Furong {kind.capitalize()} Trail?")] == ["Furong"]


@pytest.mark.parametrize("exonym", lexicon.words("pinyin_exonym"))
def test_an_english_exonym_spells_pinyin_but_is_no_pinyin_name(exonym):
    assert split_syllables(exonym)  # else no run holding it would read as pinyin anyway
    assert names(f"What does {exonym.capitalize()} export?") == []
    assert names(f"What does {exonym.capitalize()} Heihe export?") == []


def test_a_word_may_read_several_ways():
    assert ["xi", "an"] in split_syllables("Xian") and ["xian"] in split_syllables("Xian")
    assert split_syllables("Kishimoto") == []


def test_mentioned_reads_every_pronunciation():
    (_, guoou), (_, heihe) = names("Does the Guoou warehouse in Heihe ship parcels?")
    assert mentioned(guoou, HEIHE) and mentioned(heihe, HEIHE)
    assert not mentioned(heihe, "湾里庙商圈日均客流量稳定在30万人次左右。")
    (_, changsha), = names("Where is Changsha?")
    assert mentioned(changsha, "长沙市")  # 长 is chang here, zhang elsewhere
    (_, zhangda), = names("Who is Zhangda?")
    assert mentioned(zhangda, "长大")


def _hit(text: str, title: str) -> Hit:
    return Hit(chunk_id="c0", text=text, score=1.0, source="seeds/page.txt", title=title, article_id="a",
               start=0, end=len(text), rank=1, dense=0.83)


def test_english_question_about_a_name_the_passage_lacks_is_refused():
    other = _hit("湾里庙商圈日均客流量稳定在30万人次左右,其中省外游客超2万人次。", "良好营商环境提升发展韧性")
    away = answer_extractive("How many visitors does the Heihe free trade zone receive per day?", [other],
                             threshold=0.25, similarity=lambda texts: [0.83] * len(texts))
    assert away.refused and [g["kind"] for g in away.gaps] == ["name"] and away.gaps[0]["detail"] == "Heihe"
    here = answer_extractive("How many parcels does the Guoou warehouse in Heihe handle per day?",
                             [_hit(HEIHE, "构建高效跨境物流网络")], threshold=0.25,
                             similarity=lambda texts: [0.83] * len(texts))
    assert not here.refused and "3万件" in here.answer and here.gaps == []


def test_the_syllable_constant_is_what_pypinyin_reads():
    """SYLLABLES is written out (building it costs ~0.75 s per process); it must stay what the
    installed pypinyin's dictionary gives, or names would split differently from passages."""
    import unicodedata

    from pypinyin.pinyin_dict import pinyin_dict

    from qa.text.pinyin import SYLLABLES

    found = set()
    for readings in pinyin_dict.values():
        for r in readings.split(","):
            plain = "".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c))
            found.add(plain.replace("ü", "u").lower())
    assert SYLLABLES == {s for s in found if s.isalpha()}


def test_char_sounds_are_pypinyins_toneless_heteronyms_for_every_character():
    """`mentioned` reads pypinyin's character table without importing pypinyin (0.25 s); every
    character must read as pypinyin itself reads it."""
    from pypinyin import Style, pinyin

    from qa.text.pinyin import _char_table, char_sounds

    chars = [chr(int(k)) for k in _char_table()]
    assert len(chars) > 20000
    for c in chars:
        [ref] = pinyin([c], style=Style.NORMAL, heteronym=True, errors="ignore")
        assert char_sounds(c) == {s.replace("ü", "u").replace("v", "u") for s in ref}, c
    assert char_sounds("a") is None


def test_passage_terms_are_the_pairs_of_pypinyins_lazy_pinyin():
    """Remembering each word's reading changes nothing: the terms are the syllable pairs of
    `lazy_pinyin(run)` for every Chinese run, phrase readings (重庆 chong qing, 银行 yin hang) included."""
    from pypinyin import lazy_pinyin

    from support import SEEDS
    from qa.text.cjk import CJK_RUN
    from qa.text.pinyin import passage_terms

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.rglob("*.txt"))]
    texts += ["重庆银行行长说，长大后要去重庆。", "他重新调整了银行的行业标准，重量不变。"] * 2  # the second time from memory
    for text in texts:
        expected = []
        for run in CJK_RUN.findall(text):
            sounds = lazy_pinyin(run)
            expected += [f"p:{a} {b}" for a, b in zip(sounds, sounds[1:])]
        assert passage_terms(text) == expected
    assert "p:chong qing" in passage_terms("重庆") and "p:yin hang" in passage_terms("银行")
