"""A Chinese quote naming the quantity asked by its attribute noun but giving no figure beside it
(qa.answer.unfigured): the probe's near misses over zh_xwiki11 and their answerable siblings."""

import pytest

from qa.answer.unfigured import unfigured_attribute

CASES = [
    # the noun said, no value of it (Mendeleev foretold the density; a rate compared, not given)
    ("镓的密度是多少？", "它的存在于 1871 年由德米特里·门捷列夫预言，并预先描述了它的密度和其他性质。", "密度"),
    ("第二诊所的产妇死亡率是多少？", "1846年成为第一产科诊所的助理，那里产妇的死亡率比由助产士负责的第二诊所高出好几倍。", "亡率"),
    # a change of state's point (zh.toml `quantity_attribute`: 熔点, zh_xwiki19's near miss): the flux lowers it
    ("氟的熔点是多少？", "矿工们把它作为助熔剂加入金属矿石中，以在冶炼时降低矿石的熔点。", "熔点"),
    ("镓的熔点是多少？", "镓的熔点约为29.8 °C，握在手中即可熔化。", ""),
    ("水的沸点是多少？", "在海平面上，水的沸点为100摄氏度。", ""),
    ("盐水的冰点是多少？", "盐水的冰点比淡水低。", "冰点"),
    ("木材的燃点是多少？", "木材的燃点约为250至300摄氏度。", ""),
    # a figure in the noun's sentence
    ("锂的密度大约是多少？", "它的密度约为每立方厘米 0.53 克，是所有金属中最轻的。", ""),
    ("第一诊所的死亡率降到了多少？", "几个月之内，第一诊所的死亡率从约18%降到了2%以下。", ""),
    ("三角洲的面积约为多少？", "面积约 35,000 平方公里的三角洲是亚洲主要的稻米产区之一。", ""),
    # a figure in its sentence by another word (zh_translated en11-q4: 气温 for 温度)
    ("出发时的温度是多少？", "起跑时的气温为11.5摄氏度，跑者们称之为理想温度。", ""),
    # a date beside it is no value of it; the noun unsaid is the focus check's
    ("这座城市的人口是多少？", "这座城市的人口在1990年开始增长。", "人口"),
    ("镓的沸点是多少？", "熔点约为 29.8 °C。", ""),
    # not an attribute, or not a how-much question
    ("熨斗大厦有多高？", "大楼的宽度只有约2米。", ""),
    ("镓的密度为什么与预言不符？", "他第一次测得的密度与门捷列夫的预言不符。", ""),
]


@pytest.mark.parametrize("question, quote, expected", CASES)
def test_an_attribute_is_given_by_a_figure_in_its_sentence(question, quote, expected):
    assert unfigured_attribute(question, quote) == expected
