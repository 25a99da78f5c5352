"""Dates a quote gives against the ones a question asks (qa.answer.event_dates): a month or a day
asked of an event whose own dates give none; a year an English or Spanish question names of which
the quote writes only others."""

from __future__ import annotations

import pytest

from qa.answer.event_dates import finer_unit, other_year
from qa.answer.slots import gaps

ZHIRAN = "今年10月,一家成立于2022年的年轻企业——北京智冉医疗科技有限公司联合知名三甲医院成功完成国内首例临床植人。"

# (question, quote, the detail of the gap; "" when the quote may answer)
UNITS = [
    ("北京智冉医疗科技有限公司成立于哪个月？", ZHIRAN, "month of 成立"),  # 今年10月 dates the implant
    ("北京智冉医疗科技有限公司在哪一天成立？", ZHIRAN, "day of 成立"),
    ("公司成立于哪个月？", "公司成立于2022年5月。", ""),  # its own date gives the month
    ("公司是在哪个月成立的？", "2022年5月，公司成立。", ""),  # the sentence's date: may be its own
    ("公司成立于哪个月？", "公司于2022年5月成立,次年上市。", ""),
    ("大桥在哪个月建成？", "大桥1998年建成,10月通车。", "month of 建成"),  # 1998年 dates 建成 in its clause
    ("北京智冉医疗科技有限公司成立于哪一年？", ZHIRAN, ""),  # a year asked: 2022年 gives it
    ("公司成立于哪个月？", "该公司专注于脑机接口研发。", ""),  # the event unsaid: another check's
    ("燕王府在哪一天遭到包围?", "张昺、谢贵得到朱允炆密诏后，七月初四带兵包围了燕王府。", ""),  # drcd_test 6095-3-3: the old calendar's day
    ("公司在哪个月成立？", "公司成立于2022年底。", ""),  # 年底 says when in the year
]


@pytest.mark.parametrize("question, quote, detail", UNITS)
def test_finer_unit(question, quote, detail):
    assert finer_unit(question, quote) == detail
    assert (("value", detail) in [(g.kind, g.detail) for g in gaps(question, quote, "")]) is bool(detail)


# (question, quote, context, the years said in place of the asked one; "" when it may answer)
YEARS = [
    ("How many people attended the 2012 festival?", "About 40,000 people attended the 2014 festival.", "", "2014"),
    ("How many invasive products were launched at the 2024 conference?",
     "近期,2025脑机接口大会“脑机接口产品发布会”在上海召开,发布5款侵入式新产品。", "", "2025"),  # over Chinese text
    ("¿Cuántas personas asistieron al festival de 2012?", "Unas 40.000 personas asistieron al festival de 2014.", "", "2014"),
    ("How many people attended the 2014 festival?", "About 40,000 people attended the 2014 festival.", "", ""),
    ("How many people attended the 2012 festival?", "About 40,000 people attended.", "In 2012 the festival moved.", ""),
    ("How many people attended the 2012 festival?", "About 40,000 people attended the festival.", "", ""),  # no year
    ("How many people attended the festival?", "About 40,000 people attended the 2014 festival.", "", ""),  # none named
]


@pytest.mark.parametrize("question, quote, context, years", YEARS)
def test_other_year(question, quote, context, years):
    assert other_year(question, quote, context) == years
    found = [(g.kind, g.detail) for g in gaps(question, quote, context, quote)]
    assert (("elsewhere", years) in found) is bool(years)
