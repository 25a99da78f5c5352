"""Settings precedence and validation (qa.config)."""

import pytest

from qa.config import load_settings
from qa.errors import ConfigError


def test_precedence_flag_env_store_file_cwd_file_default(tmp_path):
    cwd = tmp_path / "work"
    store = cwd / "st"
    store.mkdir(parents=True)
    (cwd / "qa.toml").write_text('store = "st"\ntop_k = 3\nchunk_size = 111\nchunk_min = 50\n', encoding="utf-8")
    (store / "qa.toml").write_text("top_k = 4\nchunk_size = 222\n", encoding="utf-8")
    s = load_settings({"top_k": 9}, env={"QA_CHUNK_SIZE": "333"}, cwd=cwd)
    assert s.store == store
    assert (s.top_k, s.chunk_size, s.chunk_min, s.embed) == (9, 333, 50, "local")
    assert s.origins["top_k"] == "flag" and s.origins["chunk_size"] == "env"
    assert s.origins["chunk_min"] == str(cwd / "qa.toml") and "embed" not in s.origins
    s2 = load_settings({}, env={}, cwd=cwd)
    assert (s2.top_k, s2.chunk_size) == (4, 222) and s2.origins["top_k"] == str(store / "qa.toml")


def test_env_store_and_default_store(tmp_path):
    assert load_settings({}, env={}, cwd=tmp_path).store == tmp_path / ".qa"
    s = load_settings({}, env={"QA_STORE": "elsewhere"}, cwd=tmp_path)
    assert s.store == tmp_path / "elsewhere" and s.origins["store"] == "env"


@pytest.mark.parametrize("env, message", [
    ({"QA_TOP_K": "many"}, "QA_TOP_K=many: must be a whole number"),
    ({"QA_EMBED": "magic"}, "QA_EMBED=magic: must be one of local, openai, hash"),
    ({"QA_CHUNK_SIZE": "-5"}, "QA_CHUNK_SIZE=-5: must not be negative"),
])
def test_bad_values_name_the_setting(tmp_path, env, message):
    with pytest.raises(ConfigError, match=message):
        load_settings({}, env=env, cwd=tmp_path)


def test_bad_config_file_names_the_file(tmp_path):
    (tmp_path / "qa.toml").write_text("top_kk = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"qa.toml: unknown setting 'top_kk'"):
        load_settings({}, env={}, cwd=tmp_path)
    (tmp_path / "qa.toml").write_text("top_k = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_settings({}, env={}, cwd=tmp_path)


def test_secrets_are_masked_in_display(tmp_path):
    s = load_settings({}, env={"OPENAI_API_KEY": "sk-abcdefghijklmnopqrstuvwxyz"}, cwd=tmp_path)
    shown = dict((name, value) for name, value, _ in s.display())
    assert "abcdefghijklmnop" not in shown["openai_api_key"] and shown["openai_api_key"].startswith("****")
    assert s.secrets() == ["sk-abcdefghijklmnopqrstuvwxyz"]
