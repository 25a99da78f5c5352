"""The one template filler: article text and model text are data, never template.

A passage may contain `{question}`, `{refusal}` or `{passages}` (a page about templating, a
scraped code sample); filling the prompt must not expand them, or an article could change the
prompt the model reads."""

from __future__ import annotations

import re

from qa.answer.llm import answer_llm
from qa.evaluate.judge import judge_prompt
from qa.llm import ChatLLM
from qa.prompts import fill, load_prompt, refusal_phrase
from qa.types import Hit

TRAP = "模板里写着 {question} 和 {refusal} 以及 {passages}，原样保留。华强广场项目可创造就业岗位3000个。"


def test_fill_replaces_each_slot_once_and_never_rescans_values():
    out = fill("Q: {question} | P: {passages} | {unknown} | {\"json\": 1}", question="{passages}", passages="{question}")
    assert out == 'Q: {passages} | P: {question} | {unknown} | {"json": 1}'


def test_a_passage_holding_slot_names_reaches_the_model_unchanged(openai_server):
    hits = [Hit("c1", TRAP, 0.5, "doc.txt", "标题 {question}", "a1", rank=1)]
    openai_server.reply("华强广场项目可创造就业岗位3000个。[1]")
    question = "华强广场项目可以创造多少个就业岗位?"
    llm = ChatLLM(model="test-model", base_url=openai_server.url, api_key="k", timeout=2, retries=0, max_wait=10)
    answer_llm(question, hits, llm)
    [request] = openai_server.chat_requests()
    user = request.messages[1]["content"]
    assert TRAP in user  # the passage, byte for byte
    assert 'title="标题 {question}"' in user
    # The template's own slots were filled exactly once each.
    assert user.count(question) == 1
    assert user.count(refusal_phrase("zh")) == 1
    assert request.messages[0]["content"] == load_prompt("answer")


def test_the_judge_prompt_keeps_braces_in_answers_and_passages():
    prompt = judge_prompt("问题?", ["3000个"], False, "答案 {gold} [1]", [(1, "标题", TRAP)])
    assert "答案 {gold} [1]" in prompt and TRAP in prompt
    assert re.search(r"3000个", prompt)
