"""The LLM reply cache: keys, storage in the store directory, counters, and the CachedChat wrapper
over the real client talking to the scripted server."""

from qa.cache import CachedChat, ReplyCache, reply_key
from qa.llm import ChatLLM

MESSAGES = [{"role": "user", "content": "华强广场项目可以创造多少个就业岗位?"}]


def test_key_depends_on_model_prompt_and_parameters_not_their_order():
    key = reply_key("m", MESSAGES, {"temperature": 0, "max_tokens": 10})
    assert key == reply_key("m", MESSAGES, {"max_tokens": 10, "temperature": 0})
    assert len({key, reply_key("m2", MESSAGES, {"temperature": 0, "max_tokens": 10}),
                reply_key("m", MESSAGES + [{"role": "user", "content": "?"}], {"temperature": 0, "max_tokens": 10}),
                reply_key("m", MESSAGES, {"temperature": 0.7, "max_tokens": 10})}) == 4


def test_replies_are_stored_in_the_store_directory_and_counted(hash_settings):
    cache = ReplyCache.for_settings(hash_settings)
    key = reply_key("m", MESSAGES)
    assert cache.get(key) is None
    cache.put(key, {"text": "1000个[1]", "usage": {"total_tokens": 5}})
    stored = list((hash_settings.store / "cache" / "llm").rglob("*.json"))
    assert [p.stem for p in stored] == [key]
    view = cache.scoped()
    assert view.get(key) == {"text": "1000个[1]", "usage": {"total_tokens": 5}}
    assert (view.hits, view.misses) == (1, 0) and (cache.hits, cache.misses) == (0, 1)

    stored[0].write_text("{half a rep", encoding="utf-8")  # a crash mid-write by some other tool
    assert cache.get(key) is None

    off = ReplyCache.for_settings(hash_settings, enabled=False)
    off.put("k" * 64, {"text": "x"})
    assert off.get(key) is None and not (hash_settings.store / "cache" / "llm" / "kk").exists()


def test_cached_chat_asks_the_endpoint_once(hash_settings, openai_server):
    openai_server.reply("可创造1000个就业岗位。[1]")
    llm = ChatLLM(model="test-model", base_url=openai_server.url, timeout=2, retries=0)
    cache = ReplyCache.for_settings(hash_settings)
    first = CachedChat(llm, cache).complete(MESSAGES)
    again = CachedChat(llm, cache).complete(MESSAGES)
    assert len(openai_server.chat_requests()) == 1
    assert again.text == first.text == "可创造1000个就业岗位。[1]" and again.usage == first.usage
    assert again.attempts == 0 and cache.hits == 1
    CachedChat(llm, cache).complete(MESSAGES, max_tokens=50)  # another parameter: asked again
    assert len(openai_server.chat_requests()) == 2
