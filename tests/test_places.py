"""Chinese place names as data (qa.text.places): the shipped list is what jieba's dictionary
gives, and names are read from text by it, longest first."""

import pytest

from qa.text import places


def test_the_shipped_list_is_what_jiebas_dictionary_gives():
    """qa/text/lexicon/places_zh.txt is generated (`python -m qa.text.places`); regenerate it after
    a jieba upgrade changes this."""
    shipped = [line for line in places._FILE.read_text(encoding="utf-8").splitlines()
               if line and not line.startswith("#")]
    assert shipped == places.jieba_places()


def test_the_shipped_provinces_are_what_the_division_codes_give():
    """qa/text/lexicon/places_zh_province.txt is generated (`python -m qa.text.places --provinces`)."""
    shipped = {}
    for line in places._PROVINCE_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, held = line.split("\t")
            shipped[name] = set(held.split(","))
    assert shipped == places.province_table(places.read_codes(places.cpca_table()))


@pytest.mark.parametrize("name, held", [
    ("海珠区", {"广东"}), ("海珠", {"广东"}), ("闵行区", {"上海"}), ("上海", {"上海"}), ("北京市", {"北京"}),
    ("广东省", {"广东"}), ("广西", {"广西"}), ("广西壮族自治区", {"广西"}),  # provinces by full and short name
    ("朝阳区", {"北京", "吉林"}),  # a name two provinces hold
    ("市辖区", set()), ("城区", set()), ("县", set()), ("无名之地", set()),  # placeholders, bare kinds, unknown
])
def test_the_provinces_a_division_may_lie_in(name, held):
    assert places.provinces(name) == held


@pytest.mark.parametrize("one, other, expected", [
    ("海珠区", "北京", True), ("广州", "北京", True), ("深圳", "广东", False), ("闵行区", "上海", False),
    ("朝阳区", "吉林", False), ("朝阳区", "广东", True),  # possibly 吉林's, never 广东's
    ("无名之地", "北京", False),  # unknown: not apart
    ("新北", "台湾", False),  # 常州's 新北区 in the codes, but 台湾's divisions are not listed: may be its
])
def test_which_places_cannot_be_one_or_inside_the_other(one, other, expected):
    assert places.apart(one, other) is expected


@pytest.mark.parametrize("name, known", [
    ("深圳", True), ("深圳市", True), ("海淀区", True), ("闵行", True), ("石家庄", True),  # divisions, bare or not
    ("上海", True), ("广东", True),  # the lexicon's provinces
    ("全州", False), ("天台", False),  # jieba's plain words (the whole prefecture, a rooftop)
    ("华北地", False), ("城市", False), ("关联", False),  # an area's stem; words jieba tags ns
])
def test_which_names_are_places(name, known):
    assert (name in places.places()) is known


@pytest.mark.parametrize("text, found", [
    ("深圳的补贴金额是多少", ["深圳"]),
    ("北京市海淀区已聚集企业200家", ["北京市", "海淀区"]),
    ("全州总面积1.91万平方公里", []),
    ("广州、深圳等地纷纷强化政策引导", ["广州", "深圳"]),
])
def test_the_places_a_text_names(text, found):
    assert places.named_places(text) == found


@pytest.mark.parametrize("text, found", [
    ("巴山大峡谷位于云南省哪个县", ["云南省"]), ("北京市海淀区已聚集企业200家", ["北京市", "海淀区"]),
    ("云南的县", ["云南"]),                       # a province of the lexicon, without its ending
    ("广州、深圳等地纷纷强化政策引导", []),        # a city without its ending may be a word of another kind
])
def test_the_divisions_a_text_names_in_full(text, found):
    assert places.divisions_in(text) == found
    assert all(places.without_ending(f) in text for f in found)


@pytest.mark.parametrize("text, opening", [
    ("广东省“十五五”规划建议明确提出", "广东省"), ("闵行区对企业给予补贴", "闵行区"), ("该市的规划提出", ""),
])
def test_the_place_a_text_opens_with(text, opening):
    assert places.opening_place(text) == opening


@pytest.mark.parametrize("text, pairs, before", [
    ("以战略产品为导向,上海发布《行动方案》", {"发布", "方案"}, "上海"),
    ("以战略产品为导向,上海发布《行动方案》", {"补贴"}, ""),  # the question's words follow no place
    ("广州、深圳出台补贴,上海发布方案", {"发布"}, "上海"),  # a clause's opening place right before them
    ("撤销温江地区，划归成都市管辖", {"管辖", "划归"}, ""),  # inside a clause: the object (or the answer)
    ("上海发布方案", {"发布"}, ""),  # the sentence's opening is opening_place's
])
def test_the_place_written_right_before_the_question_words(text, pairs, before):
    assert places.place_before(text, pairs) == before


@pytest.mark.parametrize("text, pairs, located", [
    ("产业集聚区“脑智天地”在上海闵行区启动建设", {"集聚", "聚区"}, "上海"),
    ("产业集聚区“脑智天地”在上海闵行区启动建设", {"补贴"}, ""),  # no word of the question before it
    ("在上海,产业集聚区初具规模", {"集聚"}, ""),  # the place opens the clause: opening_place's
])
def test_the_place_the_question_words_are_located_in(text, pairs, located):
    assert places.located_place(text, pairs) == located


@pytest.mark.parametrize("name, expected", [
    ("上海", 1), ("北京市", 1), ("广东省", 1), ("深圳", 2), ("广州市", 2), ("闵行区", 3), ("海淀", 3), ("无名之地", 3),
])
def test_how_high_a_division_is(name, expected):
    assert places.level(name) == expected
