"""The lexicon (qa/text/lexicon/*.toml): every entry of every word class and glossary, checked
through the code that reads it. Each table below names a class, a sentence or question made with
each of its words, and what the reading code must make of it; the last tests check that the data
holds nothing unused and that each pattern compiles."""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from qa.answer import latin_slots, slots
from qa.chat.rewrite import Exchange, _names, _subject, rewrite_by_rules
from qa.ingest.segment import classify, segment
from qa.text import lexicon
from qa.text.questions import (ASKING_WORDS, DEFINE, NUMBER_Q, QUESTION_WORDS, SIZE_Q, has_answer_type,
                               keyword_query, question_terms, question_type)

ROOT = Path(__file__).resolve().parents[1]
QA = ROOT / "qa"


def entries(*classes: str) -> list[str]:
    return [w for c in classes for w in lexicon.words(c)]


def alternatives(template: str) -> list[str]:
    """The top-level wordings of a glossary value as written in the file."""
    return template.split("|")


# -- question words -> the kind of answer wanted --------------------------------------------------
QUESTION_TYPES = [
    # (classes, question made with the word, wanted type)
    (("year_q", "year_q_literary"), "上海世博会在{}举办？", "year"),
    (("month_q",), "展会在{}开幕？", "month"),
    (("day_q",), "展会在{}开幕？", "day"),
    (("when_q", "what_time_q"), "展会{}开幕？", "time"),
    (("where_q", "where_q_literary"), "公司总部位于{}？", "place"),
    (("why_q",), "{}要建设新园区？", "reason"),
    (("role",), "该公司{}叫什么？", "person"),
]


@pytest.mark.parametrize("word, question, wants",
                         [(w, q.format(w), t) for classes, q, t in QUESTION_TYPES for w in entries(*classes)])
def test_question_word_gives_its_answer_type(word, question, wants):
    assert question_type(question)[0] == wants


@pytest.mark.parametrize("question, wants", [
    ("国欧物流建立的多式联运体系由哪几种运输方式组成？", ("", "")),  # which ones: a list, not a count of 种
    ("达曼的卫星城有哪几座？", ("", "")),
    ("哪几位专家参加了会议？", ("person", "")),
    ("有几种运输方式？", ("number", "种")),                         # 几 alone still counts
    ("公司有多少名员工？", ("number", "名")),
])
def test_na_ji_asks_which_not_how_many(question, wants):
    assert question_type(question) == wants


@pytest.mark.parametrize("question, wants", [
    # Taiwan-Wikipedia (DRCD) question forms, typed in Traditional characters
    ("大理國是何人建立的？", "person"),                 # 何人: the literary 谁
    ("石岐乳鴿是哪邊的特色菜？", "place"),              # 哪邊: the spoken 哪里
    ("喜馬拉雅山脈是在什麼時代形成的？", "time"),
    ("廣開土大王在什麼時後成為高句麗國王？", "time"),   # 時後, a common slip for 時候
    ("哪一邊的球員先發球？", ""),                       # 哪一邊 is a side, not a place
])
def test_traditional_question_forms_give_their_answer_type(question, wants):
    assert question_type(question)[0] == wants


@pytest.mark.parametrize("question, wants", [
    # The answerer's type check reads the same English wordings as the short answer: a dimension or
    # a measure noun asks for a figure, which the quote must hold
    ("How tall is the tower?", "number"),
    ("How deep is the lake at its deepest?", "number"),
    ("What is the height of the net?", "number"),
    ("What was the river's total length?", "number"),
    ("How many bridges cross it?", "number"),
    ("What did the new bridge cost in the end?", "number"),  # a price asked with its verb
    ("What does a ticket cost?", "number"),
    ("What did the bridge replace?", ""),              # no price: a thing
    ("What is the name of the bridge?", "name"),        # no measure noun: a name
    ("What is the tallest tower in the city?", ""),    # "tallest" asks which, not how tall
    ("How did the tower fall?", ""),
])
def test_english_dimension_questions_want_a_figure(question, wants):
    assert question_type(question)[0] == wants


@pytest.mark.parametrize("question, wants", [
    # a where-question by the kind of place it names (en.toml q_place, as the short answer reads it)
    ("In which town was Emmy Noether born?", "place"),
    ("Which village did Cartier reach?", "place"),
    ("From which island does the granite come?", "place"),
    ("Which county won the first championship?", "place"),
    ("What country is the river in?", "place"),
    ("Which townspeople rebelled?", ""),  # a word starting with a place noun is none
])
def test_english_which_place_noun_asks_a_place(question, wants):
    assert question_type(question)[0] == wants


@pytest.mark.parametrize("question, wants", [
    # "when" asks a time only as the question's own word; after another question word it opens a
    # clause, and that word says what is asked (en.toml `q_time`)
    ("When was construction of the castle begun?", "time"),
    ("Since when have people written down Etna's eruptions?", "time"),
    ("Until when were women kept off the summit?", "time"),
    ("Where were the invaders heading when they ran into the Franks?", "place"),
    ("Who was the captain of the Mary Rose when she sank?", "person"),
    ("How far had the Vasa gone when she sank?", "number"),
    ("What does a kakapo do when it senses danger?", ""),
])
def test_english_when_after_another_question_word_opens_a_clause(question, wants):
    assert question_type(question)[0] == wants


@pytest.mark.parametrize("word", entries("name_q"))
def test_name_question_word_asks_for_a_name(word):
    assert QUESTION_WORDS.fullmatch(word)
    assert slots.focus(f"这家公司的创始人{word}？") == ("创始人", "focus")


@pytest.mark.xfail(strict=True, reason="q_name has 名是什么 but not 名字是什么: a gap left as found "
                                       "(moving the lexicon was to change no answer)")
def test_name_question_type_of_mingzi_shi_shenme():
    assert question_type("这种植物名字是什么？")[0] == "name"


@pytest.mark.parametrize("word", entries("dimension"))
def test_size_adjective_asks_for_a_number(word):
    assert question_type(f"这座塔有多{word}？") == ("number", "")
    assert SIZE_Q.search(f"这座塔有多{word}？")


@pytest.mark.parametrize("word", entries("slot_dimension"))
def test_slot_dimension_is_read_by_the_slot_reader_only(word):
    assert SIZE_Q.search(f"这条河有多{word}？").group(0) == f"有多{word}"


@pytest.mark.parametrize("word", entries("year_q", "where_q", "when_q", "where_q_literary", "why_q", "how_q",
                                         "end_particle"))
def test_asking_word_is_dropped_from_keyword_queries(word):
    assert ASKING_WORDS.fullmatch(word) and QUESTION_WORDS.fullmatch(word)
    assert keyword_query(f"黄独{word}").strip() == "黄独"


@pytest.mark.parametrize("word", entries("stop_word"))
def test_a_function_word_is_dropped_from_keyword_queries_as_a_whole_word(word):
    """In a Chinese collection "is", "where", "la" are rare, so a keyword search would weigh them
    high and find pages with Latin titles holding them (issue 27, English over Chinese)."""
    assert keyword_query(f"Furong {word.capitalize()} cave").split() == ["Furong", "cave"]
    assert keyword_query(f"Furong {word}x cave").split() == ["Furong", f"{word}x", "cave"]  # part of a word: kept


def test_literary_year_word_stays_in_keyword_queries():
    # year_q_literary is its own class because the keyword query never dropped it (tuned so)
    assert [keyword_query(w) for w in lexicon.words("year_q_literary")] == list(lexicon.words("year_q_literary"))


@pytest.mark.parametrize("word", entries("counted"))
def test_counted_word_after_ji_is_an_asking_word(word):
    assert ASKING_WORDS.fullmatch(f"几{word}") and QUESTION_WORDS.fullmatch(f"几{word}")


@pytest.mark.parametrize("word", entries("define_q"))
def test_definition_question_names_its_subject(word):
    assert DEFINE.match(f"{word}黄独？").group(1) == "黄独"
    assert _subject(f"{word}黄独？") == "黄独"


@pytest.mark.parametrize("word", entries("by_whom"))
def test_by_whom_makes_the_next_verb_the_event(word):
    assert slots.focus(f"相对论{word}提出？") == ("提出", "event")


@pytest.mark.parametrize("word", entries("by_whom_auxiliary"))
def test_auxiliary_after_by_whom_is_no_part_of_the_verb(word):
    assert slots.focus(f"比赛由谁{word}判罚犯规？") == ("判罚", "event")
    assert slots.focus(f"秒数由谁{word}数？") == ("", "event")  # one character: nothing to check


def test_auxiliary_making_a_word_with_the_next_character_stays():
    assert slots.focus("这座桥由谁来到此地建造？") == ("来到", "event")


@pytest.mark.parametrize("word", entries("when_copula"))
def test_verb_before_a_when_question_is_the_event(word):
    assert slots.focus(f"该公司成立{word}哪一年？") == ("成立", "event")


@pytest.mark.parametrize("word", entries("decade_q"))
def test_decade_question_is_read_whole(word):
    assert slots.focus(f"邓紫棋是在{word}移居香港的？") == ("移居", "event")


@pytest.mark.parametrize("word", entries("role"))
def test_role_before_who_is_the_focus(word):
    assert slots.focus(f"该公司的{word}是谁？") == (word, "focus")


@pytest.mark.parametrize("word", entries("stop_word"))
def test_english_stop_word_is_no_term(word):
    assert word not in question_terms(f"{word} Heihe")


# -- numbers and measure words ---------------------------------------------------------------------
@pytest.mark.parametrize("asked, written", [(a, w) for k in lexicon.glossary("same_measure") for a in k.split("|")
                                             for w in alternatives(lexicon.glossary("same_measure")[k])])
def test_same_measure_answers_in_any_of_its_words(asked, written):
    question = f"该项目有多少{asked}？"
    assert has_answer_type(f"共有12{written}。", "number", asked, question)
    assert not has_answer_type("共有12台。", "number", asked, question)


@pytest.mark.parametrize("text, held", [
    # English times beyond a four-digit year (en.toml time_mention): a year of an era, a century
    ("its eruptions have been recorded since at least 425 BC.", True),
    ("the city was destroyed in AD 79 by the eruption", True),
    ("a settlement founded in 753 BCE", True),
    ("the abbey was rebuilt in the 12th century", True),
    ("Neuschwanstein Castle is a nineteenth-century palace", False),  # says what it is, not when
    ("the ABC 12 group", False),
] + [(f"it was built in the {w} century", True) for w in entries("century_ordinal")])
def test_an_english_time_beyond_a_year(text, held):
    assert has_answer_type(text, "time", "", "When was it built?") == held


@pytest.mark.parametrize("question", [f"他{w}几次获奖是哪一年？" for w in lexicon.words("not_before_ji") if w != "哪"]
                         + [f"城里几{w}没有人是哪一年？" for w in entries("not_after_ji")])
def test_ji_that_is_not_the_question_word(question):
    assert not NUMBER_Q.search(question)
    assert question_type(question)[0] == "year"


@pytest.mark.parametrize("word", entries("unit", "measure"))
def test_measure_word_of_a_number_question(word):
    question = f"该项目有多少{word}？"
    expected = "" if word in lexicon.words("dropped_measure") else word
    assert question_type(question) == ("number", expected)
    assert NUMBER_Q.search(question).group(0) == f"多少{word}"
    assert has_answer_type(f"共有12{word}。", "number", word, question)
    assert not has_answer_type("共有十二。", "number", word, question) or not expected


@pytest.mark.parametrize("word", entries("slot_unit", "slot_measure"))
def test_slot_measure_is_read_by_the_slot_reader_only(word):
    question = f"该项目有多少{word}？"
    assert NUMBER_Q.search(question).group(0) == f"多少{word}"
    assert question_type(question) == ("number", "")


@pytest.mark.parametrize("word", entries("figure_measure", "figure_unit"))
def test_number_with_its_measure_is_a_figure(word):
    assert has_answer_type(f"共十二{word}。", "number", "", "共有多少？")
    assert not has_answer_type("共十二。", "number", "", "共有多少？")


@pytest.mark.parametrize("char", entries("numeral"))
def test_chinese_numeral_makes_a_figure(char):
    wants, measure = question_type("有几家？")  # 家 is asked, so 一家 is a count too
    assert has_answer_type(f"共{char}家。", wants, measure, "有几家？")


@pytest.mark.parametrize("char", entries("magnitude"))
def test_magnitude_between_number_and_measure(char):
    assert has_answer_type(f"共3{char}人。", "number", "人", "有多少人？")


# numbers written in words (en.toml, es.toml): a figure to an English or Spanish count question's type check
WORDED = "How many towers does the wall have?"


@pytest.mark.parametrize("word", entries("number_word", "tens_word", "hundred_word", "thousand_word"))
def test_a_number_word_is_a_figure_to_the_type_check(word):
    assert has_answer_type(f"The wall has {word} towers.", "number", "", WORDED)
    assert has_answer_type(f"{word.capitalize()} towers stand on it.", "number", "", WORDED)
    assert not has_answer_type(f"The wall has {word}th towers.", "number", "", WORDED)  # no word run on


@pytest.mark.parametrize("word", entries("magnitude_word", "dozen_word"))
def test_a_multiplier_is_a_figure_after_one_or_a(word):
    for lead in entries("one_word", "one_article"):
        assert has_answer_type(f"The wall has {lead} {word} towers.", "number", "", WORDED)
    assert not has_answer_type(f"The wall has {word} of towers.", "number", "", WORDED)


@pytest.mark.parametrize("text", ["It was built in the sixteenth century.", "It was rebuilt in the twenty-first century.",
                                  "It is one of the towers.", "Once the capital, the town kept its wall.",
                                  "It followed a five-year plan.", "Se construyó una torre."])
def test_an_ordinal_a_pronoun_or_a_compound_is_no_figure(text):
    assert not has_answer_type(text, "number", "", WORDED)


# -- people in answer sentences ------------------------------------------------------------------
@pytest.mark.parametrize("char", entries("surname"))
def test_surname_before_a_speech_verb_is_a_person(char):
    assert has_answer_type(f"{char}明表示，项目已完工。", "person", "", "谁说的？")


@pytest.mark.parametrize("word", entries("speech_verb"))
def test_speech_verb_after_a_name_marks_a_person(word):
    assert has_answer_type(f"据王明{word}，项目已完工。", "person", "", "谁说的？")


@pytest.mark.parametrize("word", entries("honorific"))
def test_honorific_after_a_name_is_a_person(word):
    assert has_answer_type(f"这是甲乙{word}。", "person", "", "是谁？")
    assert not has_answer_type("这是甲乙。", "person", "", "是谁？")


# -- the word a question hangs on (qa.answer.slots) ------------------------------------------------
@pytest.mark.parametrize("word", entries("approximate", "filler"))
def test_filler_is_cut_from_the_focus_word(word):
    assert slots._clip(f"人口{word}") == "人口"


@pytest.mark.parametrize("word", entries("approximate"))
def test_approximate_word_between_attribute_and_copula(word):
    assert slots._attribute(f"该市的人口{word}是") == "人口"


@pytest.mark.parametrize("word", entries("copula"))
def test_copula_ends_an_attribute(word):
    assert slots._attribute(f"城市的密度{word}") == "密度"


@pytest.mark.parametrize("char", entries("attribute_stop"))
def test_attribute_does_not_end_in_a_clause_verb(char):
    assert slots._attribute(f"的人口{char}是") == ""


@pytest.mark.parametrize("word", entries("lead"))
def test_lead_word_is_skipped_before_the_event(word):
    assert slots._LEAD.sub("", f"{word}提出了") == "提出了"
    assert slots.focus(f"该理论于哪一年{word}提出？") == ("提出", "event") or word == "的"


@pytest.mark.parametrize("word", entries("category", "category_end"))
def test_category_is_no_focus_word(word):
    assert slots.focus(f"该项目的{word}是多少？") == ("", "focus")


def test_attribute_is_a_focus_word():
    assert slots.focus("该项目的预算是多少？") == ("预算", "focus")


@pytest.mark.parametrize("word", entries("count_suffix"))
def test_count_suffix_leaves_its_stem(word):
    assert slots.mentions("人口为3万", f"人口{word}")


@pytest.mark.parametrize("char", entries("agent_suffix"))
def test_agent_noun_is_mentioned_by_its_verb(char):
    assert slots.mentions("他建立了公司", f"建立{char}")
    assert not slots.mentions("他建立了公司", "建立家")


# -- instances of a category -------------------------------------------------------------------------
Q_HOSPITAL = "哪家医院收治了病人？"


@pytest.mark.parametrize("word", entries("generic"))
def test_generic_word_names_no_instance(word):
    assert slots.instance_gap(Q_HOSPITAL, f"病人在{word}医院治疗。") == "医院"
    assert slots.instance_gap(Q_HOSPITAL, "病人在瑞金医院治疗。") == ""


@pytest.mark.parametrize("word", entries("introducer"))
def test_introducer_is_cut_before_the_name(word):
    assert slots.instance_gap(Q_HOSPITAL, f"病人{word}知名医院治疗。") == "医院"


@pytest.mark.parametrize("word", entries("hospital_grade"))
def test_hospital_grade_is_no_name(word):
    assert slots.instance_gap(Q_HOSPITAL, f"病人在知名{word}医院治疗。") == "医院"


@pytest.mark.parametrize("word", entries("titled_work"))
def test_titled_work_is_named_by_a_title(word):
    assert slots.instance_gap(f"他主演了哪部{word}？", "他主演了一部新片。") == word
    assert slots.instance_gap(f"他主演了哪部{word}？", "他主演了《英雄》。") == ""


@pytest.mark.parametrize("category, suffix",
                         [(c, s) for c, v in lexicon.glossary("instance").items() for s in alternatives(v)])
def test_instance_glossary(category, suffix):
    assert slots.instance_gap(f"哪个{category}最好？", f"病人在瑞金{suffix}。") == ""
    assert slots.instance_gap(f"哪个{category}最好？", f"病人在知名{suffix}。") == category


# -- glossaries of qa.answer.slots --------------------------------------------------------------------
@pytest.mark.parametrize("names, unit",
                         [(k, u) for k, v in lexicon.glossary("dimension").items() for u in alternatives(v)])
def test_dimension_is_mentioned_by_a_number_with_its_unit(names, unit):
    for name in names.split("|"):
        assert slots.mentions(f"约8{unit}", name)
        assert not slots.mentions("约8个", name)


@pytest.mark.parametrize("word, short", [(k, s) for k, v in lexicon.glossary("kin").items() for s in alternatives(v)])
def test_kinship_word_is_mentioned_by_its_one_character_form(word, short):
    assert slots.mentions(f"其{short}为文人", word)
    assert not slots.mentions("其为文人", word)
    # ... but not inside another word (神父 is no father, 王子 no son)
    assert not slots.mentions(f"被一位神{short}带走", word)


@pytest.mark.parametrize("text, word, said", [
    ("育有3名子女", "孩子", True), ("育有一子", "儿子", True), ("与妻同住", "妻子", True), ("弟为北宋文人魏泰", "弟弟", True),
    ("被一位越南神父带到河内", "父亲", False), ("师父传授技艺", "父亲", False), ("王子登基", "儿子", False)])
def test_a_one_character_kinship_form_stands_alone_or_after_a_possessive_or_a_count(text, word, said):
    assert slots.mentions(text, word) is said


@pytest.mark.parametrize("verb, other", [(v, o) for group in lexicon.glossary("event").values()
                                         for v in alternatives(group) for o in alternatives(group) if o != v])
def test_event_verb_is_mentioned_by_another_wording(verb, other):
    assert slots.mentions(f"他于1990年{other}。", verb)


@pytest.mark.parametrize("verb", [v for group in lexicon.glossary("event").values() for v in alternatives(group)])
def test_event_verb_is_absent_from_other_text(verb):
    assert not slots.mentions("他于1990年来到北京。", verb)


# A sample wording for each regular expression among the period wordings.
PERIOD_SAMPLES = {"[一二三四1-4]季度": "三季度", "去年(?!以来)(?!至今)": "去年"}


@pytest.mark.parametrize("period, wording",
                         [(k, w) for k, v in lexicon.glossary("period").items() for w in alternatives(v)])
def test_period_wording_names_its_period(period, wording):
    assert period in slots.periods(f"公司{PERIOD_SAMPLES.get(wording, wording)}营收增长")


def test_calendar_year_is_a_period():
    assert slots.periods("2024年营收增长") == {"2024"}


# -- English questions over Chinese passages (en.toml) -------------------------------------------
def sample(wording: str) -> str:
    return "3亿元" if wording == "{money}" else wording


@pytest.mark.parametrize("word, template", list(lexicon.load("en")["glossaries"]["focus"].items()))
def test_english_focus_word_maps_to_its_chinese_wordings(word, template):
    found, wordings = latin_slots.english_focus(f"What is the {word} of Heihe?")
    assert (found, wordings) == (word, lexicon.glossary("focus")[word])
    for wording in alternatives(template):
        assert re.search(wordings, f"文中写道：{sample(wording)}。", re.I), wording


@pytest.mark.parametrize("question, word", [
    ("How tall is the tower?", "tall"), ("How long is the river?", "long"), ("How old is he?", "old"),
    ("How much money did it raise?", "money"), ("When was Zhiran founded?", "founded"),
    ("Did the firm raise funds?", "raise"), ("Who is the CEO of Beijing Zhiran?", "ceo"),
    ("What is Fan Tingsong's wife?", "wife"),
])
def test_english_question_shapes(question, word):
    assert latin_slots.english_focus(question)[0] == word


@pytest.mark.parametrize("word, template", list(lexicon.load("en")["glossaries"]["count"].items()))
def test_english_count_word_wants_a_count(word, template):
    found, wordings = latin_slots.english_focus(f"How many {word} are there?")
    assert found == word
    for wording in alternatives(template):
        assert re.search(wordings, f"共有12{wording}。"), wording
    assert not re.search(wordings, "共有很多。")


# Where an English question says its attribute word: each wording of `focus_wording`, a question
# it reads (the word in group 1) and one it must not.
FOCUS_WORDINGS = {
    "how adjective": ("How TALL is the tower?", "TALL", "How is the tower?"),
    "how much": ("how much money did it raise?", "money", "How much did it raise?"),
    "how many": ("How many beds does it have?", "beds", "How  many beds does it have?"),
    "what of": ("What was the population of Heihe?", "population", "What was the population?"),
    "who of": ("Who is the CEO of Zhiran?", "CEO", "Who are the founders of Zhiran?"),
    "possessive": ("Who was Fan Tingsong's wife?", "wife", "Who was Fan Tingsong?"),
    "when event": ("When were the Heihe bridges opened?", "opened", "When was Zhiran renamed?"),
    "did money": ("How much did the new Zhiran hospital cost?", "cost", "What was the cost?"),
}


def test_every_focus_wording_is_in_the_table():
    assert set(lexicon.glossary("focus_wording")) == set(FOCUS_WORDINGS)


@pytest.mark.parametrize("name, question, word, other", [(k, *v) for k, v in FOCUS_WORDINGS.items()])
def test_focus_wording_gives_its_attribute_word(name, question, word, other):
    pattern = re.compile(lexicon.glossary("focus_wording")[name], re.I)
    assert pattern.search(question).group(1) == word
    assert not pattern.search(other)


def test_focus_wordings_are_tried_in_order():
    """The first wording whose word `focus` lists wins: "how long" (an hour's 小时) before "the
    height of"; a wording whose word is not listed ("the name of") gives way to a later one."""
    assert latin_slots.english_focus("How long is the height of Heihe tower?")[0] == "long"
    assert latin_slots.english_focus("What is the name of Zhiran's founder?")[0] == "founder"


@pytest.mark.parametrize("question, word", [("How many beds are there?", "beds"), ("HOW MANY Jobs?", "Jobs"),
                                            ("how many  beds", None), ("Howmany beds", None), ("How much beds", None)])
def test_how_many_gives_the_counted_word(question, word):
    m = lexicon.regex("how_many_focus", re.I).search(question)
    assert (m.group(1) if m else None) == word


# -- follow-ups (qa.chat.rewrite) --------------------------------------------------------------------
PREVIOUS = [Exchange("北京的人口是多少？", "北京的人口是多少？", "")]


@pytest.mark.parametrize("word", entries("then_opener"))
def test_then_opener_before_an_ellipsis_or_a_pronoun(word):
    assert rewrite_by_rules(f"{word}上海呢？", PREVIOUS) == "上海的人口是多少？"
    assert rewrite_by_rules(f"{word}它的面积呢？", PREVIOUS) == "北京的面积是多少？"


@pytest.mark.parametrize("kind, attribute", [("quantity", "签约率"), ("time", "开业时间"), ("role", "院长"),
                                             ("other", "名称")])
def test_attribute_is_asked_with_its_question_word(kind, attribute):
    asking = lexicon.glossary("asking_for")[kind]
    assert rewrite_by_rules(f"{attribute}呢？", PREVIOUS) == f"北京的{attribute}是{asking}？"


@pytest.mark.parametrize("word", entries("label_word"))
def test_condense_label_is_cut_from_a_reply(word):
    from qa.chat.rewrite import _LABEL

    assert _LABEL.sub("", f"{word}: 北京的面积是多少？") == "北京的面积是多少？"


# The English rules (en.toml's worded_*): (pattern, flags, text, its groups or None when it must
# not match), read as the rules read them (`match` for the anchored ones, `search` otherwise).
WORDED = [
    ("worded_ellipsis", re.I, "what about Shanghai?", {"x": "Shanghai", "y": None}),
    ("worded_ellipsis", re.I, "And how about its budget!", {"x": "its budget", "y": None}),
    ("worded_ellipsis", re.I, "but What About the CEO .", {"x": "the CEO", "y": None}),
    ("worded_ellipsis", re.I, "and its area?", {"x": None, "y": "its area"}),
    ("worded_ellipsis", re.I, "and whoever else?", {"x": None, "y": "whoever else"}),
    ("worded_ellipsis", re.I, "and when did it open?", None),  # a question of its own
    ("worded_ellipsis", re.I, "And is it big?", None),
    ("worded_ellipsis", re.I, "What is Shanghai?", None),
    ("worded_ellipsis", re.I, "about Shanghai?", None),
    ("worded_pronoun", re.I, "When does it open?", {"own": None, "her": None}),
    ("worded_pronoun", re.I, "What is ITS budget?", {"own": "ITS", "her": None}),
    ("worded_pronoun", re.I, "Who is her husband?", {"own": None, "her": "her"}),
    ("worded_pronoun", re.I, "Who met her?", {"own": None, "her": None}),  # "her" before no word stands for her
    ("worded_pronoun", re.I, "Where is Italy?", None),
    ("worded_pronoun", re.I, "Who went hither?", None),
    ("worded_attribute_of", re.I, "What is the population of Hangzhou?",
     {"head": "What is the ", "a": "population", "tail": " of Hangzhou?"}),
    ("worded_attribute_of", re.I, "how TALL was the tower of Pisa",
     {"head": "how TALL was the ", "a": "tower", "tail": " of Pisa"}),
    ("worded_attribute_of", re.I, "Which port is the home of the fleet?",
     {"head": "Which port is the ", "a": "home", "tail": " of the fleet?"}),
    ("worded_attribute_of", re.I, "Where is the tower of Pisa?", None),
    ("worded_attribute_of", re.I, "What is Hangzhou's population?", None),
    ("worded_attribute_possessive", 0, "What was Hangzhou's population?",
     {"head": "'s ", "a": "population", "tail": "?"}),
    ("worded_attribute_possessive", 0, "What is Zhiran's opening date ?!",
     {"head": "'s ", "a": "opening date", "tail": " ?!"}),
    ("worded_attribute_possessive", 0, "What is Hangzhou's Population?", None),  # case-sensitive: a name follows
    ("worded_attribute_possessive", 0, "What is the population of Hangzhou?", None),
]


@pytest.mark.parametrize("name, flags, text, groups", WORDED)
def test_worded_follow_up_pattern(name, flags, text, groups):
    pattern = lexicon.regex(name, flags)
    m = pattern.match(text) if name in ("worded_ellipsis", "worded_attribute_of") else pattern.search(text)
    assert (m.groupdict() if m else None) == groups


@pytest.mark.parametrize("text, pronoun", [
    ("She was the only legitimate child of the poet Lord Byron", True),
    ("It is one of the most active volcanoes", True),
    ("He had no university education", True),
    ("They fought mainly on foot", True),
    ("Shenzhen is a city", False),  # a word it opens is no pronoun
    ("In 1843 she translated an article", False),  # the sentence's subject is not its opening word
])
def test_a_sentence_opening_with_a_pronoun(text, pronoun):
    # (qa.answer.clauses.subject_run: such a sentence names the article's subject in its first phrase)
    assert bool(lexicon.regex("subject_pronoun").match(text)) == pronoun


@pytest.mark.parametrize("text, bare", [("the budget", "budget"), ("Its area", "area"), ("an  opening date", "opening date"),
                                        ("HER husband", "husband"), ("theory", "theory"), ("their", "their"),
                                        ("budget of the city", "budget of the city")])
def test_worded_determiner_is_cut_from_an_ellipsis(text, bare):
    assert lexicon.regex("worded_determiner", re.I).sub("", text) == bare


@pytest.mark.parametrize("text, runs", [
    ("Is the Bank of China open?", ["Is", "Bank of China"]), ("Universidad de Chile", ["Universidad de Chile"]),
    ("CEO of Beijing Zhiran", ["CEO of Beijing Zhiran"]), ("Bank of china", ["Bank"]),
    ("New  York-City and Rome", ["New  York-City", "Rome"]), ("Bank of  of China", ["Bank", "China"]),
])
def test_worded_name_run(text, runs):
    assert [m.group(0) for m in lexicon.regex("worded_name_run").finditer(text)] == runs


@pytest.mark.parametrize("word", entries("name_joiner"))
def test_name_joiner_joins_a_name_unless_an_acronym_precedes_it(word):
    assert _names(f"Where is the Bank {word} China?") == [f"Bank {word} China"]
    assert _names(f"Who is the CEO {word} Beijing Zhiran?") == ["CEO", "Beijing Zhiran"]
    assert _names(f"Where is the Bank {word} china?") == ["Bank"]


@pytest.mark.parametrize("word", entries("name_opener"))
def test_name_opener_is_no_part_of_a_name(word):
    assert _names(f"{word.capitalize()} Beijing Zhiran?") == ["Beijing Zhiran"]


def test_a_capitalised_word_that_opens_no_question_is_a_name():
    assert _names("Hangzhou Beijing Zhiran?") == ["Hangzhou Beijing Zhiran"]


ENGLISH_FOLLOW_UPS = [
    # (last searched question, follow-up, rewritten)
    ("What is the population of Hangzhou?", "what about its area?", "What is the area of Hangzhou?"),
    ("What is the population of Hangzhou?", "And Shanghai?", "What is the population of Shanghai?"),
    ("What was Hangzhou's population?", "and the area?", "What was Hangzhou's area?"),
    ("Where is the Bank of China?", "when does it open?", "when does Bank of China open?"),
    ("Who founded Beijing Zhiran?", "What is its budget?", "What is Beijing Zhiran's budget?"),
    ("Who founded Beijing Zhiran?", "Where is the budget?", "Where is the budget?"),  # no follow-up's shape
    ("Who founded Beijing Zhiran?", "what about it?", "what about it?"),  # names nothing new
]


@pytest.mark.parametrize("previous, question, rewritten", ENGLISH_FOLLOW_UPS)
def test_english_follow_up_is_rewritten(previous, question, rewritten):
    assert rewrite_by_rules(question, [Exchange(previous, previous, "")]) == rewritten


# -- the short answer from a Chinese quote (qa.answer.across) ---------------------------------------
@pytest.mark.parametrize("text, found", [("2003", True), ("3月", True), ("15日", True), ("1990年", True),
                                         ("3-5年", False), ("203年", False), ("十年", False)])
def test_quote_calendar_is_a_date(text, found):
    assert bool(lexicon.regex("quote_calendar").search(text)) is found


@pytest.mark.parametrize("text, run", [("宋麒告诉记者", "宋麒告诉记者"), ("范·廷颂说", "范·廷颂说"),
                                       ("一二三四五六七八九十", "一二三四五六七八"), ("宋", None), ("CEO宋麒", None),
                                       ("宋麒,", "宋麒")])
def test_post_name_run_is_the_name_after_a_post(text, run):
    m = lexicon.regex("post_name_run").match(text)
    assert (m.group(0) if m else None) == run


# -- page layout (qa.ingest.segment) ---------------------------------------------------------------
@pytest.mark.parametrize("word", entries("byline"))
def test_byline_word_opens_a_byline(word):
    assert classify(f"{word} 王宝会", False).kind == "byline"


@pytest.mark.parametrize("char", entries("dangling_word"))
def test_short_line_ending_in_a_function_word_is_unfinished(char):
    assert classify(f"主要内容{char}", False).kind == "body"
    assert classify("主要内容", False).kind == "short"


PAGE = "北京市今年推出了一批新的政策措施，涵盖交通、教育、医疗与养老服务。\n\n{}多个领域的改革也在稳步推进之中，预计明年全面完成。"


@pytest.mark.parametrize("word", entries("continuation_word"))
def test_block_opening_with_a_continuation_word_is_a_fragment(word):
    assert [p.kind for p in segment(PAGE.format(word))] == ["article", "fragment"]
    assert [p.kind for p in segment(PAGE.format("但"))] == ["article"]


# -- the data itself -------------------------------------------------------------------------------
def test_every_pattern_and_glossary_compiles():
    for language in lexicon.LANGUAGES:
        data = lexicon.load(language)
        for name in data.get("patterns", {}):
            re.compile(lexicon.pattern(name))
        for name in data.get("glossaries", {}):
            for value in lexicon.glossary(name).values():
                re.compile(value)


def test_no_word_is_written_twice_in_a_class():
    for language in lexicon.LANGUAGES:
        for name in lexicon.load(language).get("words", {}):
            found = lexicon.words(name)
            assert len(found) == len(set(found)), name


def test_nothing_in_the_lexicon_is_unused():
    """Every class, pattern and glossary is named by another pattern or by the code."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in QA.rglob("*.py"))
    called = set(re.findall(r"lexicon\.\w+\(\"(\w+)\"", code))
    templates = []
    for language in lexicon.LANGUAGES:
        data = lexicon.load(language)
        for value in [*data.get("patterns", {}).values(),
                      *(v for g in data.get("glossaries", {}).values() for v in g.values())]:
            templates.append("".join(value) if isinstance(value, list) else value)
    placed = {m.group(1) for t in templates for m in re.finditer(r"\{([a-z][a-z0-9_]*)(?::chars)?\}", t)}
    for language in lexicon.LANGUAGES:
        data = lexicon.load(language)
        for section in ("words", "patterns", "glossaries"):
            unused = set(data.get(section, {})) - called - placed
            assert not unused, f"{language}.toml [{section}]: {sorted(unused)} used nowhere"


def test_a_glossary_of_one_language():
    """`glossary(name, language)` holds that file's keys only: English events are no Spanish ones."""
    assert "death" in lexicon.glossary("life_event", "en") and "death" not in lexicon.glossary("life_event", "es")
    assert "muerte" in lexicon.glossary("life_event", "es")
    assert lexicon.glossary("life_event", "zh") == {}


def test_unknown_names_are_refused():
    with pytest.raises(KeyError):
        lexicon.words("no_such_class")
    with pytest.raises(KeyError):
        lexicon.fill("{no_such_class}")


def test_wheel_ships_the_lexicon(tmp_path):
    """An install outside the repository reads the data files from inside the package."""
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    [wheel] = tmp_path.glob("qa_assistant-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    files = sorted(p.name for p in (QA / "text" / "lexicon").glob("*.toml"))
    assert files == sorted(f"{language}.toml" for language in lexicon.LANGUAGES)
    assert {f"qa/text/lexicon/{f}" for f in files} <= names

    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    code = ("import qa.text.lexicon as x, qa.text.questions as q; print(x.__file__); "
            "print(q.question_type('上海世博会在哪一年举办？')[0])")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                         env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"}, check=True).stdout.splitlines()
    assert Path(out[0]).parent == site / "qa" / "text" / "lexicon"
    assert out[1] == "year"


def test_a_pattern_is_compiled_on_first_use_and_then_behaves_as_compiled():
    """lexicon.regex defers compiling (a Han character set costs ~1 ms each time it is compiled).
    A fresh stand-in: the cached one may already have been used by another test in this worker."""
    pattern = type(lexicon.regex("year_mention"))(lexicon.pattern("year_mention"), 0)
    assert pattern._compiled is None
    assert pattern.search("在2027年建成").group(0) == "2027年"
    assert pattern.pattern == lexicon.pattern("year_mention")
    assert [m.group(0) for m in pattern.finditer("今年和明年")] == ["今年", "明年"]


def test_no_lexicon_pattern_is_handed_to_a_re_function():
    """`re.split(P, s)` refuses the deferred pattern (TypeError at answer time, on one question
    kind only): every module calls its methods instead. Found by reading the code, so a new call
    fails here rather than on a user's question."""
    import ast

    found = []
    for path in QA.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = {t.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
                 and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute)
                 and node.value.func.attr == "regex" and getattr(node.value.func.value, "id", "") == "lexicon"
                 for t in node.targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and getattr(node.func.value, "id", "") == "re"):
                found += [f"{path.relative_to(ROOT)}:{node.lineno} re.{node.func.attr}({a.id}, …)"
                          for a in node.args if isinstance(a, ast.Name) and a.id in names]
    assert not found, found


@pytest.mark.parametrize("question, wants", [
    # where a name comes from or what it means: the sentence saying so answers it (en.toml q_origin)
    ("Where does the name titanium come from?", "origin"),
    ("After which place is the sport named?", "origin"),
    ("What does the element's Swedish name mean?", "origin"),
    ("Who was the river named for?", "origin"),
    ("Where does the QWERTY layout get its name from?", "origin"),
    ("What is the origin of the name Alhambra?", "origin"),
    # a name asked, not where it comes from
    ("What is the name of the stick used in lacrosse?", "name"),
    ("Which astronomer named the element after the Greek Sun god?", "name"),
    ("Where does the river come from?", "place"),
])
def test_a_name_s_origin_is_its_own_answer_type(question, wants):
    assert question_type(question)[0] == wants


@pytest.mark.parametrize("text, says", [
    ("It was named a few years later by Klaproth after the Titans of Greek mythology.", True),
    ("The game takes its name from Badminton House.", True),
    ('Its name comes from the Swedish words for "heavy stone".', True),
    ("Its name comes from a Gwich'in word meaning \"great river\".", True),
    ("The river was named for Sir George Murray.", True),
    ("Titanium is a chemical element with the symbol Ti.", False),
    ("The element was discovered in Cornwall in 1791.", False),
])
def test_an_origin_is_said_by_the_sentence_naming_where_a_name_comes_from(text, says):
    assert has_answer_type(text, "origin", "", "Where does the name come from?") is says


@pytest.mark.parametrize("text", ["该河因流经黑河而得名。", "其名称源于蒙古语。", "“乌兰”意为红色。"])
def test_an_origin_is_said_in_chinese_text_too(text):
    # an English question on a name's origin over Chinese passages
    assert has_answer_type(text, "origin", "", "Where does the name come from?")


# -- Spanish question types: es.toml q_* (joined to en.toml's and zh.toml's) ------------------------
@pytest.mark.parametrize("question, wants", [
    # a year, a date, a time or a figure: told by digits, typed for the answerer's check
    ("¿En qué año se inauguró el puente?", "year"),
    ("¿Qué año marcó el fin de la obra?", "year"),
    ("¿En qué mes florece el cerezo?", "month"),
    ("¿Qué día se celebra la fiesta?", "day"),
    ("¿En qué fecha se firmó el tratado?", "day"),
    ("¿Cuándo se fundó la ciudad?", "time"),
    ("¿Desde cuándo se cultiva el maíz?", "time"),
    ("¿A qué hora se celebra la mascletà?", "time"),
    ("¿Cuántos habitantes tiene la villa?", "number"),
    ("¿Cuánto mide la torre?", "number"),
    ("¿Qué altura tiene el volcán?", "number"),
    ("¿A qué altitud está Potosí?", "number"),
    ("¿Cuál es la longitud del río?", "number"),
    ("¿Qué población tiene la isla?", "number"),
    # where a name or a word comes from, or what it means (q_origin)
    ("¿De dónde le viene el nombre a la sierra?", "origin"),
    ("¿Qué significa el nombre de la Alhambra?", "origin"),
    ("¿De qué lengua viene la palabra locro?", "origin"),
    ("¿En honor de qué santo se celebran las Fallas?", "origin"),
    ("¿Qué quiere decir Popocatépetl?", "origin"),
    # a person, a place, a name, a reason: read by the short answer only (es.toml short_q_*)
    ("¿Quién fundó la ciudad?", ""),
    ("¿Dónde nace el río?", ""),
    ("¿En qué población se fabrica el turrón?", ""),  # a town, not a count
    ("¿Cómo se llama el puente?", ""),
    ("¿Por qué se trasladó el comercio?", ""),
    ("¿De qué plato medieval deriva el cocido?", ""),  # a dish's origin, no name's
])
def test_spanish_question_types(question, wants):
    assert question_type(question)[0] == wants


@pytest.mark.parametrize("question, wants", [
    # the short answer reads the same wordings (en.toml's short_q_year / short_q_date / short_q_number
    # name the q_* that es.toml joins), and its own for a person, a place and a name
    ("¿En qué año se inauguró el puente?", "year"),
    ("¿Cuándo se fundó la ciudad?", "date"),
    ("¿Qué día se celebra la fiesta?", "date"),
    ("¿En qué mes florece el cerezo?", "date"),
    ("¿A qué hora se celebra la mascletà?", "date"),
    ("¿Cuántos habitantes tiene la villa?", "number"),
    ("¿Quién fundó la ciudad?", "person"),
    ("¿Dónde nace el río?", "place"),
    ("¿En qué población se fabrica el turrón?", "place"),
    ("¿Cómo se llama el puente?", "name"),
])
def test_spanish_short_answer_kinds(question, wants):
    from qa.answer.latin_question import wanted

    assert wanted(question) == wants


@pytest.mark.parametrize("text, held", [
    ("La catedral fue consagrada en el siglo XII.", True),
    ("Fue fundada hacia el 25 a. C. por orden de Augusto.", True),
    ("La batalla se libró el 9 de diciembre, al amanecer.", True),
    ("Se construyó en la década de 1920.", True),
    ("La mascletà se dispara a las 14:00 en la plaza.", True),
    ("A las dos de la tarde la plaza acoge la mascletà.", True),
    ("Llega a la una y media.", True),
    ("El río llega a las dos ciudades.", False),  # a count of cities, no hour
    ("La obra fue consagrada en 1211.", True),  # a year (zh.toml's year_mention reads digits in any text)
    ("Es una de las ciudades más antiguas de España.", False),
    ("El siglo de oro de la pintura española.", False),  # «siglo» without its number
])
def test_a_spanish_time(text, held):
    assert has_answer_type(text, "time", "", "¿Cuándo se construyó?") is held


@pytest.mark.parametrize("text, says", [
    ("Su nombre alude a la nieve que cubre sus cumbres.", True),
    ("Su nombre procede del árabe al-wadi al-kabir.", True),
    ("Se celebran en honor de san José, patrón de los carpinteros.", True),
    ("Del náhuatl axolotl, que suele traducirse como «monstruo de agua».", True),
    ("Popocatépetl quiere decir «montaña que humea».", True),
    ("La sierra se extiende unos 90 kilómetros por Granada y Almería.", False),
    ("El río nace en la sierra de Cazorla.", False),
])
def test_a_spanish_origin(text, says):
    assert has_answer_type(text, "origin", "", "¿De dónde le viene el nombre?") is says


@pytest.mark.parametrize("text, says", [
    # the name a what-is-it-called question wants (en.toml naming_mention, joined to zh.toml's)
    ("The aye-aye has a way of feeding known as percussive foraging.", True),
    ("The key part was what he called an economiser.", True),
    ("A carrack named the Mary Rose sank in 1545.", True),
    ("She was nicknamed the Iron Lady.", True),
    ("The process is termed annealing.", True),
    ("The aye-aye taps on trees with its long middle finger.", False),
    ("The lemur lives in the rainforests of Madagascar.", False),
])
def test_an_english_name_given(text, says):
    assert has_answer_type(text, "name", "", "What is the name of its method of getting food?") is says


# -- where a where-question's answer is: en.toml place_mention and site_noun ------------------------
@pytest.mark.parametrize("noun", entries("site_noun"))
def test_a_site_no_capital_names_is_a_place(noun):
    question = "Where did she work?"
    assert has_answer_type(f"She worked in a small {noun} for years.", "place", "", question)
    assert has_answer_type(f"She worked at the {noun}s.", "place", "", question)


@pytest.mark.parametrize("sentence, place", [
    ("She moved to Berlin and worked in Berlin.", True),
    ("Xerxes watched from the slopes of Mount Aigaleo.", True),
    ("The battle was fought in September 480 BC.", False),  # a month is no place
    ("It was signed in March.", False),
    ("In the following year she left.", False),
    ("She was at first obliged to work.", False),
])
def test_place_mention(sentence, place):
    assert has_answer_type(sentence, "place", "", "Where did it happen?") is place


@pytest.mark.parametrize("word", entries("compass_word"))
def test_a_place_a_compass_word_qualifies_is_a_place(word):
    question = "Where does the bird live?"
    assert has_answer_type(f"a songbird of the moist forests of {word} Australia", "place", "", question)
    assert has_answer_type(f"It was rebuilt in {word} London.", "place", "", question)
    assert not has_answer_type(f"It faces {word} and is rebuilt in stone.", "place", "", question)


@pytest.mark.parametrize("word", entries("site_name"))
def test_a_site_named_with_its_capitalised_kind_is_a_place(word):
    question = "Where was the palace put up again?"
    assert has_answer_type(f"It was rebuilt on Sydenham {word} after the exhibition.", "place", "", question)
    assert not has_answer_type(f"The {word} was rebuilt after the exhibition.", "place", "", question)


@pytest.mark.parametrize("sentence, place", [
    ("The army was marching north towards the rich abbey of Saint Martin.", True),  # a site moved towards
    ("The river flows into the sea near the old harbour.", True),
    ("It was moved across the square.", True),
    ("Its profits went towards the new building fund.", False),  # no site noun, no capitalised name
    ("He turned towards the end of his life to painting.", False),
])
def test_a_site_moved_towards_is_a_place(sentence, place):
    assert has_answer_type(sentence, "place", "", "Where were the invaders heading?") is place
