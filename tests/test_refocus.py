"""qa.answer.refocus.pointed_back: a far sentence that says the thing asked names the question's
owner by an anaphor and the end of its name (该院 for 广东省第二人民医院)."""

from __future__ import annotations

import pytest

from qa.answer.refocus import pointed_back
from qa.text import lexicon


@pytest.mark.parametrize("anaphor", [w for w in lexicon.words("anaphor") if len(w) == 1])
@pytest.mark.parametrize("question, text, found", [
    ("广东省第二人民医院的院长是谁？", "{a}院院长瞿红鹰介绍", True),      # 院: the end of the hospital's name
    ("格林维尔学区的督学是谁？", "学监凯伦·刘表示，{a}学区预计每年可节省", True),
    ("格林维尔学区的督学是谁？", "学监凯伦·刘表示，{a}市预计每年可节省", False),  # another thing: no 市 in the name
    ("匈牙利军队的首领是谁？", "{a}是一支由首领康拉德率领的大军", False),  # 是 ends no owner
    ("范廷颂是何时去世的？", "{a}院院长于2009年去世", False),             # no owner before 的
])
def test_an_anaphor_names_the_owner_by_the_end_of_its_name(anaphor, question, text, found):
    assert pointed_back(question, text.format(a=anaphor)) is found
