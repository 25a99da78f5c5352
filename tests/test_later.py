"""An event a when-question asks, said only as coming later than the quote's dates (qa.answer.later):
the near misses over zh_xwiki19 / en_wiki19 (Joel Silver) and answerable siblings; every word of
the lexicon's `later_mark`."""

import pytest

from qa.answer.later import later_only
from qa.answer.latin_slots import worded_gaps
from qa.answer.slots import gaps
from qa.text import lexicon
from qa.text.cjk import CJK

_ULTIMATE_ZH = ("这项运动于1968年由哥伦比亚高中的学生发明，其中包括后来成为好莱坞制片人的乔尔·西尔弗（Joel Silver），"
                "第一场校际比赛于1972年在罗格斯大学和普林斯顿大学之间进行。")
_ULTIMATE_EN = ("New Jersey, among them Joel Silver, who later became a Hollywood producer, and its first intercollegiate "
                "match was played in 1972 between Rutgers")

# (question, quote, the event whose time is missing; "" when the quote may answer)
CASES = [
    ("乔尔·西尔弗是哪一年成为好莱坞制片人的？", _ULTIMATE_ZH, "成为"),
    ("When did Joel Silver become a Hollywood producer?", _ULTIMATE_EN, "become"),
    ("¿Cuándo se convirtió Joel Silver en productor?",
     "entre ellos Joel Silver, que más tarde se convirtió en productor de Hollywood, y el primer partido se jugó en 1972",
     "convirtió"),
    # the later event dated in its own clause, or said without a later word
    ("他是哪一年成为制片人的？", "他后来于1985年成为制片人。", ""),
    ("他是哪一年成为制片人的？", "1985年，他成为制片人。", ""),
    ("When did Joel Silver become a Hollywood producer?", "Joel Silver later became a Hollywood producer in 1985.", ""),
    ("When did Joel Silver become a Hollywood producer?", "In 1985, Joel Silver became a Hollywood producer.", ""),
    ("In what year did Joel Silver become a producer?", "Joel Silver, who later became a producer, played in 1968.", "become"),
    # not a when-question, or the event not said (the event check's)
    ("乔尔·西尔弗成为了什么？", _ULTIMATE_ZH, ""),
    ("When did Joel Silver direct a film?", _ULTIMATE_EN, ""),
]


@pytest.mark.parametrize("question, quote, expected", CASES)
def test_later_only(question, quote, expected):
    assert later_only(question, quote) == expected


def test_the_slot_checks_read_it():
    assert ("value", "time of 成为") in [(g.kind, g.detail) for g in gaps(CASES[0][0], _ULTIMATE_ZH, "")]
    found = worded_gaps(CASES[1][0], _ULTIMATE_EN, "", "Ultimate (sport)", f"Ultimate (sport)\n{_ULTIMATE_EN}")
    assert ("value", "time of become") in [(g.kind, g.detail) for g in found]


@pytest.mark.parametrize("mark", lexicon.words("later_mark"))
def test_each_later_mark_puts_the_event_later(mark):
    if CJK.search(mark):
        question, quote = "他是哪一年成为制片人的？", f"他于1968年入学，{mark}成为制片人。"
    elif mark.isascii():
        question, quote = "When did he become a producer?", f"He entered school in 1968, and {mark} became a producer."
    else:
        question, quote = "¿Cuándo se convirtió en productor?", f"Entró en la escuela en 1968, y {mark} se convirtió en productor."
    assert later_only(question, quote)
    assert not later_only(question, quote.replace(mark, "在1985年" if CJK.search(mark) else "in 1985"))
