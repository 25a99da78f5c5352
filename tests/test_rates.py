"""A figure asked per period (qa.answer.rates): a count asked "each year" or «al año» is answered
only by a quote that says a rate; a one-off figure of the same noun is another period's. Real
sentences of the dev articles (en_news, es_wiki3, es_wiki, en_wiki4)."""

import pytest

from qa.answer.rates import cjk_rate_gap, rate_gap
from qa.answer.slots import gaps

# (question, quote, the gap: "" when a rate is said or none is asked)
CASES = [
    # a one-off figure for a rate asked: refused
    ("How many books does the Ashford library lend each year?",
     "The money will pay for longer opening hours, a mobile library van and 15,000 new books.", "each year"),
    ("¿Cuántos visitantes recibe cada año la Sagrada Familia?",
     "El papa Benedicto XVI consagró la basílica en 2010, y las obras, que se financian con donativos y con las "
     "entradas de los visitantes, se han retrasado varias veces.", "cada año"),
    ("How many tourists visit the castle annually?", "Seven weeks after his death the castle was opened to 1,000 paying visitors.",
     "annually"),
    # a rate said, in the question's words or others: kept
    ("¿Cuántas personas visitan la Alhambra al año?",
     "Declarada Patrimonio de la Humanidad por la Unesco en 1983, recibe hoy más de un millón de visitantes al año.", ""),
    ("¿Cuántas personas visitan Machu Picchu cada año?",
     "Hoy la visitan más de 2,5 millones de personas al año, por lo que las entradas se agotan con semanas de antelación.", ""),
    ("How many climbers does Kilimanjaro draw each year?",
     "Kilimanjaro National Park, which protects the upper slopes, was established in 1973 and draws about 50,000 climbers a year.", ""),
    ("How much does the district expect to save every year?",
     "Superintendent Karen Liu said the district expects to save $150,000 a year on fuel and repairs.", ""),
    ("How many tourists visit Neuschwanstein annually?", "About 1.4 million people visit the castle every summer season.", ""),
    ("How many eggs can a queen lay in a day?", "A queen can lay up to 2,000 eggs per day.", ""),
    ("¿Cuántos huevos puede poner la reina al día?", "La reina puede poner hasta 2.000 huevos diarios.", ""),
    ("How many visitors does the museum receive a year?", "The museum receives some 2 million visitors annually.", ""),
    # no rate asked, or no figure asked: nothing checked
    ("How many books did the library buy?", "The money will pay for 15,000 new books.", ""),
    ("Which festival is held each year in Ashford?", "The Ashford council voted 7 to 2 on Tuesday.", ""),
]


@pytest.mark.parametrize("question, quote, gap", CASES)
def test_rate_gap(question, quote, gap):
    assert rate_gap(question, quote) == gap


def test_a_neighbour_makes_no_rate():
    """Only the quote is read: a neighbour's "a year" is not the rate of the quote's figure."""
    question = "How many books does the Ashford library lend each year?"
    quote = "The money will pay for longer opening hours, a mobile library van and 15,000 new books."
    found = gaps(question, quote, "The library is open six days a week.")
    assert ("period", "each year") in [(g.kind, g.detail) for g in found]


def test_gap_reaches_the_slot_checks():
    """`qa.answer.slots.gaps` reports it as a period gap (refused: factor 0)."""
    found = gaps("¿Cuántos visitantes recibe cada año la Sagrada Familia?",
                 "Las obras se financian con donativos y con las entradas de los visitantes.", "")
    # the quote holds no figure at all either: a "value" gap too (qa.answer.values)
    assert [(g.kind, g.detail) for g in found] == [("period", "cada año"), ("value", "figure")]


# Chinese: (question, quote, the gap). Real sentences of zh_translated / zh_xwiki4, drcd_test's
# density question (a rate over an area, not a period).
CJK_CASES = [
    ("阿什福德图书馆每年借出多少本书？", "这笔资金将用于延长开放时间、购置一辆流动图书馆车以及 15,000 本新书。", "每年"),
    ("这座城堡每年接待多少游客？", "在他去世仅七周后，城堡就向付费游客开放。", "每年"),
    ("这座城堡每年接待多少游客？", "如今每年接待约140万人。", ""),
    ("这座机场日均客流量是多少？", "机场年客运量达到 1,200 万人次。", ""),
    ("蜂后一天能产多少卵？", "蜂后一天最多可产 2,000 枚卵。", ""),  # 一天 asks no rate word of the list
    ("中山市平均每10平方公里有几十人？", "全市人口约 300 万。", ""),
    ("图书馆买了多少本书？", "15,000 本新书。", ""),
]


@pytest.mark.parametrize("question, quote, gap", CJK_CASES)
def test_cjk_rate_gap(question, quote, gap):
    assert cjk_rate_gap(question, quote) == gap


def test_a_cjk_rate_reaches_the_slot_checks():
    found = gaps("阿什福德图书馆每年借出多少本书？", "这笔资金将用于购置 15,000 本新书。", "图书馆每周开放六天。")
    assert ("period", "每年") in [(g.kind, g.detail) for g in found]
