"""Settings precedence and validation (qa.config)."""

from pathlib import Path

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


def test_user_settings_file_is_below_the_folder_and_store_files(tmp_path):
    home, cwd = tmp_path / "conf", tmp_path / "work"
    home.mkdir()
    (cwd / ".qa").mkdir(parents=True)
    (home / "config.toml").write_text('top_k = 7\nchunk_size = 111\nllm_model = "m1"\nlog = false\n', encoding="utf-8")
    (cwd / "qa.toml").write_text("chunk_size = 222\n", encoding="utf-8")
    (cwd / ".qa" / "qa.toml").write_text('llm_model = "m2"\n', encoding="utf-8")
    s = load_settings({}, env={"QA_CONFIG_DIR": str(home)}, cwd=cwd)
    assert (s.top_k, s.chunk_size, s.llm_model, s.log) == (7, 222, "m2", False)
    assert s.origins["top_k"] == s.origins["log"] == str(home / "config.toml")
    assert s.origins["chunk_size"] == str(cwd / "qa.toml") and s.origins["llm_model"] == str(cwd / ".qa" / "qa.toml")
    flagged = load_settings({"top_k": 2}, env={"QA_CONFIG_DIR": str(home), "QA_LLM_MODEL": "m3"}, cwd=cwd)
    assert (flagged.top_k, flagged.llm_model) == (2, "m3")
    (home / "config.toml").write_text("top_kk = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"config.toml: unknown setting 'top_kk'"):
        load_settings({}, env={"QA_CONFIG_DIR": str(home)}, cwd=cwd)


def test_user_settings_file_is_in_the_platform_config_folder(tmp_path, monkeypatch):
    from qa.config import user_config_file

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # platformdirs' Linux folder
    assert user_config_file({}) == tmp_path / "qa" / "config.toml"
    (tmp_path / "qa").mkdir()
    (tmp_path / "qa" / "config.toml").write_text("top_k = 6\n", encoding="utf-8")
    assert load_settings({}, env={}, cwd=tmp_path).top_k == 6
    assert user_config_file({"QA_CONFIG_DIR": "~/x"}).parts[-2:] == ("x", "config.toml")


def test_the_cache_folder_is_the_platforms_unless_qa_cache_dir_names_one(tmp_path, monkeypatch):
    from qa.config import user_cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # platformdirs' Linux folder
    assert user_cache_dir({}) == tmp_path / "qa"
    assert user_cache_dir({"QA_CACHE_DIR": "~/x"}) == Path("~/x").expanduser()


@pytest.mark.parametrize("raw, value", [
    ("1", True), ("true", True), ("Yes", True), ("on", True), (True, True),
    ("0", False), ("false", False), ("no", False), ("OFF", False), (False, False),
])
def test_yes_or_no_settings(tmp_path, raw, value):
    where = {"env": {"QA_LOG": raw}} if isinstance(raw, str) else {}
    if not where:
        (tmp_path / "qa.toml").write_text(f"log = {str(raw).lower()}\n", encoding="utf-8")
    assert load_settings({}, env=where.get("env", {}), cwd=tmp_path).log is value


@pytest.mark.parametrize("env, toml, message", [
    ({"QA_LOG": "maybe"}, None, "QA_LOG=maybe: must be true or false"),
    ({}, 'log = "sometimes"', 'log = "sometimes": must be true or false'),
    ({}, "log = 2", "log = 2: must be true or false"),
])
def test_a_bad_yes_or_no_names_what_was_typed(tmp_path, env, toml, message):
    if toml:
        (tmp_path / "qa.toml").write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_settings({}, env=env, cwd=tmp_path)


def test_qa_config_names_each_origin_and_the_user_file(tmp_path):
    from support.cli import run_qa

    home = tmp_path / "conf"
    home.mkdir()
    (home / "config.toml").write_text("top_k = 7\nrerank = 3\n", encoding="utf-8")
    env = {"QA_CONFIG_DIR": str(home), "QA_TOP_K": "8", "QA_LOG": "0"}
    done = run_qa("config", "--json", "--store", tmp_path / "s", env=env)
    data = __import__("json").loads(done.stdout)
    assert data["rerank"] == {"value": "3", "from": str(home / "config.toml")}
    assert data["top_k"] == {"value": "8", "from": "env QA_TOP_K"} and data["log"]["value"] == "false"
    assert data["store"]["from"] == "flag" and data["candidates"]["from"] == "default"
    table = run_qa("config", env=env).stdout
    assert table.rstrip().endswith(f"user settings file: {home / 'config.toml'}")
    assert run_qa("config", env={}).stdout.rstrip().endswith("config.toml (none yet)")
