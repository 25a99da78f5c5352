"""In LLM mode an English question over Chinese articles is also searched as the model renders it
in Chinese (issue 23 point 4d): one short call, cached like the other LLM calls, made only when
the question's language is not the passages'. The real openai client against the scripted server."""

from __future__ import annotations

from qa.cache import CachedChat, ReplyCache
from qa.llm import ChatLLM
from support.scripted import KEY, shown_passages

RENDERED = "华强广场项目的签约率是多少?"  # the fixed rendering the scripted model gives
QUESTION = "What is the signing rate?"  # no glossary word, no pinyin name: alone it misses the page


def model(server) -> ChatLLM:
    return ChatLLM(model="test-model", base_url=server.url, api_key=KEY, timeout=2, retries=1, max_wait=5)


def cite_first(body: dict) -> str:
    return "The signing rate is given in passage 1.[1]"


def test_an_english_question_is_also_searched_in_the_articles_language(seed_settings, openai_server, tmp_path):
    from qa.ask import ask

    openai_server.reply(RENDERED).reply(cite_first)
    llm = CachedChat(model(openai_server), ReplyCache(tmp_path / "cache"))
    answer = ask(QUESTION, seed_settings, mode="llm", llm=llm)
    first, second = openai_server.chat_requests()
    prompt = first.body["messages"][0]["content"]
    assert "Translate the question into Simplified Chinese" in prompt and QUESTION in prompt
    # The passage that answers the rendering, 签约率达98%, is among those the model was shown.
    assert any("签约率达98%" in text for text in shown_passages(second).values())
    assert QUESTION in second.body["messages"][1]["content"]  # the model answers the question asked
    assert not answer.refused

    # Asked again: both calls come from the cache, nothing is sent.
    again = ask(QUESTION, seed_settings, mode="llm", llm=llm)
    assert len(openai_server.chat_requests()) == 2
    assert [c.chunk_id for c in again.citations] == [c.chunk_id for c in answer.citations]


def test_without_the_rendering_the_passage_is_not_found(seed_settings):
    # What the rendering adds: the English question alone does not reach 签约率达98%.
    from qa.ask import find_passages

    assert not any("签约率达98%" in h.text for h in find_passages(QUESTION, seed_settings))
    assert any("签约率达98%" in h.text for h in find_passages(RENDERED, seed_settings))


def test_a_question_in_the_articles_language_makes_no_extra_call(seed_settings, openai_server):
    from qa.ask import ask

    openai_server.reply(lambda body: "签约率达98%。[1]")
    ask("华强广场项目的签约率是多少?", seed_settings, mode="llm", llm=model(openai_server))
    assert len(openai_server.chat_requests()) == 1


def test_an_unusable_rendering_leaves_the_search_as_it_was(seed_settings, openai_server):
    from qa.ask import ask, find_passages

    long_answer = "The project is in Shijiazhuang. " * 20  # an answer, not a question
    openai_server.reply(long_answer).reply(cite_first)
    ask(QUESTION, seed_settings, mode="llm", llm=model(openai_server))
    shown = shown_passages(openai_server.chat_requests()[1])
    alone = find_passages(QUESTION, seed_settings)
    assert list(shown.values()) == [h.text for h in alone]
