"""The real CLI (typer's CliRunner) over the seed store built with the local e5 model."""

import json
import re
import shlex
import subprocess

import pytest
from typer.testing import CliRunner

from support.cli import invoke

from qa.cli import app

runner = CliRunner()


def _ask_json(store, question):
    result = invoke("ask", "--store", store, "--json", question)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _check_contract(data, question):
    assert data["question"] == question
    assert isinstance(data["answer"], str) and isinstance(data["refused"], bool)
    assert data["mode"] in ("extractive", "llm")
    assert set(data["timings"]) >= {"retrieve_ms", "answer_ms", "total_ms"}
    numbers = {c["n"] for c in data["citations"]}
    markers = {int(n) for n in re.findall(r"\[(\d+)\]", data["answer"])}
    assert markers == numbers
    for c in data["citations"]:
        assert set(c) >= {"n", "source", "title", "chunk_id", "text", "score"}


def test_bci_target_year(seed_store_dir):
    q = "《关于推动脑机接口产业创新发展的实施意见》明确到哪一年构建具有国际竞争力的产业生态?"
    data = _ask_json(seed_store_dir, q)
    _check_contract(data, q)
    assert not data["refused"] and "2030" in data["answer"]
    assert data["citations"][0]["title"] == "脑机接口发展进入快车道"
    assert "2030年" in data["citations"][0]["text"]


def test_huaqiang_jobs(seed_store_dir):
    q = "华强广场项目可以创造多少个就业岗位?"
    data = _ask_json(seed_store_dir, q)
    _check_contract(data, q)
    assert "1000" in data["answer"]
    assert data["citations"][0]["title"] == "良好营商环境提升发展韧性"


@pytest.mark.parametrize("q", [
    "火星上有多少人口?",
    "月球上有多少人口？",  # 月球 is a plain word no passage holds, but it is where the question asks about
    "地球上有多少人口？",  # (the page speaks of 广东's population)
    "月球的人口有多少？",  # ... nor whose population it is: the question opens with it, no passage holds it
    "东京的脑机接口产业规划到哪一年？",  # a place the page never names, owning what the page says of 海珠区
])
def test_question_the_page_never_answers_is_refused(seed_store_dir, q):
    data = _ask_json(seed_store_dir, q)
    _check_contract(data, q)
    assert data["refused"] and data["citations"] == []
    assert "没有" in data["answer"]


def test_english_question_about_an_event_the_page_never_tells_is_refused(seed_store_dir):
    # the page names the founder of 智冉医疗 but tells no death: "die" is looked up as 去世/逝世
    # (en.toml focus), where only "died" was, and the founder's sentence was quoted
    q = "When did the founder of the company die?"
    data = _ask_json(seed_store_dir, q)
    _check_contract(data, q)
    assert data["refused"] and data["citations"] == []


def test_cited_text_is_exactly_the_stored_slice_of_the_article(seed_store_dir, seed_settings):
    from qa.ingest.pipeline import prepare
    from qa.store import Store

    from support import SEED_FILE

    articles, _ = prepare(SEED_FILE, seed_settings)
    by_id = {a.id: a for a in articles}
    data = _ask_json(seed_store_dir, "黑河自贸片区引入了哪些俄罗斯电商平台?")
    [hit] = Store.open(seed_settings).fetch_hits([data["citations"][0]["chunk_id"]])
    article = by_id[hit.article_id]
    assert data["citations"][0]["text"] == article.text[hit.start:hit.end] == hit.text


def test_ask_prints_answer_and_sources(seed_store_dir):
    result = runner.invoke(app, ["ask", "--store", str(seed_store_dir), "新华区今年上半年生产总值是多少?"])
    assert result.exit_code == 0
    assert "340.4亿元" in result.stdout and "[1]" in result.stdout
    # one line per source: [n] title · file
    assert re.search(r"^\[1\] .+ · seeds/\S+\.txt$", result.stdout, re.M), result.stdout


def test_sources_lists_articles(seed_store_dir):
    result = runner.invoke(app, ["sources", "--store", str(seed_store_dir), "--json"])
    assert result.exit_code == 0
    [doc] = json.loads(result.stdout)
    assert doc["source"].endswith("000_59cfcece24790523.txt")
    kinds = {a["title"]: a["kind"] for a in doc["articles"]}
    assert kinds["构建高效跨境物流网络"] == "article"
    assert kinds["12月20日拍摄的四川省达州市宣汉县巴山大峡谷景区的十八道弯盘山公路"] == "caption"
    assert sum(a["chunks"] for a in doc["articles"]) == doc["chunks"]
    table = runner.invoke(app, ["sources", "--store", str(seed_store_dir)])
    assert "商业银行托管业务迎来监管新规" in table.stdout and "6 articles" in table.stdout


def test_missing_store_is_one_line_without_traceback(tmp_path):
    result = runner.invoke(app, ["ask", "--store", str(tmp_path / "none"), "问题"])
    assert result.exit_code != 0
    assert result.stderr.strip().count("\n") == 0
    assert "No store at" in result.stderr and "qa ingest" in result.stderr
    assert "Traceback" not in result.output


def test_empty_question_is_a_usage_error(seed_store_dir):
    result = runner.invoke(app, ["ask", "--store", str(seed_store_dir), "   "])
    assert result.exit_code == 2 and "empty" in result.stderr


def test_ingest_summary_and_idempotence(tmp_path, seed_copy):
    store = str(tmp_path / "s")
    env = {"QA_EMBED": "hash"}
    first = runner.invoke(app, ["ingest", "--store", store, str(seed_copy)], env=env)
    assert first.exit_code == 0, first.output
    assert re.search(r"files 1\s+ingested 1\s+unchanged 0\s+skipped 0\s+failed 0\s+articles 6\s+chunks \d+", first.stdout)
    again = runner.invoke(app, ["ingest", "--store", store, "--json", str(seed_copy)], env=env)
    report = json.loads(again.stdout)
    assert (report["ingested"], report["unchanged"], report["chunks"]) == (0, 1, 0)


def test_config_shows_origins_and_masks_secrets(tmp_path):
    (tmp_path / "qa.toml").write_text('top_k = 7\nchunk_size = 250\n', encoding="utf-8")
    key = "sk-test-0123456789abcdefSECRET"
    result = runner.invoke(app, ["config", "--store", str(tmp_path), "--json"],
                           env={"OPENAI_API_KEY": key, "QA_CHUNK_SIZE": "280"})
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["top_k"] == {"value": "7", "from": str(tmp_path / "qa.toml")}
    assert data["chunk_size"] == {"value": "280", "from": "env QA_CHUNK_SIZE"}
    assert data["store"]["from"] == "flag"
    assert key not in result.output and data["openai_api_key"]["from"] == "env OPENAI_API_KEY"
    table = runner.invoke(app, ["config", "--store", str(tmp_path)], env={"OPENAI_API_KEY": key})
    assert key not in table.output and "top_k" in table.output


def test_jsonl_line_without_a_title_is_titled_by_its_first_clause_and_warned(tmp_path):
    docs, store = tmp_path / "docs", str(tmp_path / "store")
    docs.mkdir()
    (docs / "records.jsonl").write_text("\n".join([
        json.dumps({"title": "港口", "text": "渡轮每天七点开往岛上。"}, ensure_ascii=False),
        json.dumps({"text": "猕猴桃节今年有九辆彩车参加游行，观众很多。"}, ensure_ascii=False),
        json.dumps({"title": "  ", "text": "石家庄新建了一个很大的广场。广场在市中心。"}, ensure_ascii=False),
    ]) + "\n", encoding="utf-8")
    env = {"QA_EMBED": "hash"}
    result = runner.invoke(app, ["ingest", "--store", store, str(docs)], env=env)
    assert result.exit_code == 0, result.output
    warnings = sorted(line for line in result.stderr.splitlines() if line.startswith("warning"))
    assert len(warnings) == 2, result.stderr
    assert "records.jsonl:2: " in warnings[0] and "猕猴桃节今年有九辆彩车参加游行" in warnings[0]
    assert "records.jsonl:3: " in warnings[1] and "石家庄新建了一个很大的广场" in warnings[1]
    listed = runner.invoke(app, ["sources", "--store", store, "--json"], env=env)
    [doc] = json.loads(listed.stdout)
    assert [a["title"] for a in doc["articles"]] == ["港口", "猕猴桃节今年有九辆彩车参加游行", "石家庄新建了一个很大的广场"]


def _hash_store(tmp_path) -> str:
    doc = tmp_path / "a.txt"
    doc.write_text("港口\n\n渡轮每天七点开往岛上。", encoding="utf-8")
    store = str(tmp_path / "store")
    result = runner.invoke(app, ["ingest", "--store", store, str(doc)], env={"QA_EMBED": "hash"})
    assert result.exit_code == 0, result.output
    return store


def test_a_store_of_a_newer_format_says_upgrade_qa_and_an_older_one_rebuild(tmp_path):
    from qa.store.manifest import FORMAT

    store = _hash_store(tmp_path)
    manifest_path = tmp_path / "store" / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    newer = f"written by a newer qa (store format {FORMAT + 1}, this qa knows {FORMAT}); upgrade qa"
    for found, advice, not_advice in ((FORMAT + 1, newer, "--rebuild"),  # a rebuild would destroy it
                                      (FORMAT - 1, "Rebuild with: qa ingest --rebuild PATH", "newer qa")):
        manifest_path.write_text(json.dumps({**manifest, "format": found}), encoding="utf-8")
        result = runner.invoke(app, ["ask", "--store", store, "渡轮几点开?"], env={"QA_EMBED": "hash"})
        assert result.exit_code != 0 and advice in result.stderr and not_advice not in result.stderr, result.stderr


def _help_lines(*args: str) -> tuple[str, list[str]]:
    """The help text and its usage line and Arguments/Options lines (not the docstring's)."""
    result = runner.invoke(app, [*args, "--help"], env={"COLUMNS": "100"}, prog_name="qa")
    assert result.exit_code == 0, result.output
    text = result.stdout
    usage = [line for line in text.splitlines() if line.startswith("Usage:")]
    listed = text.split("\nArguments:\n", 1)[-1] if "\nArguments:\n" in text else text.split("\nOptions:\n", 1)[-1]
    return text, usage + listed.splitlines()


def _examples(doc: str) -> list[str]:
    """The lines under a docstring's "Example:" or "Examples:"."""
    found, inside = [], False
    for line in doc.splitlines():
        if line.strip() in ("Example:", "Examples:"):
            inside = True
        elif inside and line.strip():
            found.append(line.strip())
        else:
            inside = False
    return found


def test_every_help_shows_plain_metavars_and_keeps_its_examples():
    import typer.main

    group = typer.main.get_command(app)
    assert len(group.commands) >= 7
    examples = 0
    _, lines = _help_lines()
    assert not [line for line in lines if any(bad in line for bad in ("{", "<list", "<int", "range>"))]
    for name, command in group.commands.items():
        text, lines = _help_lines(name)
        for bad in ("{", "<list", "<int", "<float", "<str>", "<path>", "range>"):
            assert not [line for line in lines if bad in line], (name, bad, text)
        for example in _examples(command.help or ""):
            assert f"    {example}\n" in text, (name, example)
            examples += 1
    assert examples >= 7  # ingest, ask (3), chat, doctor, eval
    _, ask = _help_lines("ask")
    assert ask[0] == "Usage: qa ask [OPTIONS] QUESTION..."
    _, ingest = _help_lines("ingest")
    assert ingest[0] == "Usage: qa ingest [OPTIONS] PATH..."


# -- the switches people bring from llm, aichat and ollama: -m, --system, completion -----------------
JOBS = "华强广场项目可以创造多少个就业岗位?"


def _llm_env(openai_server, store, **extra):
    from support.scripted import cli_env

    return cli_env(openai_server.url, QA_EMBED="hash", QA_STORE=str(store), **extra)


def test_model_flag_overrides_the_setting_for_ask_chat_and_eval(openai_server, hash_store, tmp_path):
    from support.cli import run_qa

    (hash_store / "qa.toml").write_text('llm_model = "file-model"\n', encoding="utf-8")
    env = _llm_env(openai_server, hash_store)  # QA_LLM_MODEL=test-model
    assert invoke("ask", "--json", JOBS, env=env).exit_code == 0
    assert invoke("ask", "-m", "other-model", "--json", JOBS, env=env).exit_code == 0
    assert invoke("chat", "--model", "other-model", "--no-stream", input=f"{JOBS}\n", env=env).exit_code == 0
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "q1", "question": JOBS, "answers": ["1000"]}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    evaluated = run_qa("eval", gold, "-m", "other-model", "--out", tmp_path / "r.json", "--no-cache", env=env)
    assert evaluated.returncode == 0, evaluated.stderr
    assert [r.body["model"] for r in openai_server.chat_requests()] == ["test-model"] + ["other-model"] * 3
    shown = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert "other-model" in json.dumps(shown["fingerprint"])
    # An unknown model is the endpoint's one-line answer, not a traceback.
    missing = invoke("ask", "-m", "no-such-model", "--mode", "llm", JOBS, env=env)
    assert missing.exit_code != 0 and "no-such-model" in missing.stderr and "Traceback" not in missing.output


def test_system_flag_and_setting_replace_the_answer_prompt_for_one_run(openai_server, hash_store, tmp_path):
    from qa.prompts import load_prompt

    mine = tmp_path / "terse.txt"
    mine.write_text("Answer in one short sentence, citing [n].\n", encoding="utf-8")
    env = _llm_env(openai_server, hash_store)
    assert invoke("ask", "--system", mine, "--json", JOBS, env=env).exit_code == 0
    assert invoke("ask", "--json", JOBS, env=env).exit_code == 0
    assert invoke("ask", "--json", JOBS, env={**env, "QA_SYSTEM_PROMPT": str(mine)}).exit_code == 0
    assert invoke("chat", "--system", mine, "--no-stream", input=f"{JOBS}\n", env=env).exit_code == 0
    systems = [r.messages[0]["content"] for r in openai_server.chat_requests()]
    assert systems == [mine.read_text(encoding="utf-8"), load_prompt("answer")] + [mine.read_text(encoding="utf-8")] * 2


def test_a_missing_or_empty_system_prompt_file_is_one_line(hash_store, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    cases = [("ask", JOBS), ("chat",), ("eval", tmp_path / "gold.jsonl")]
    for path, says in ((tmp_path / "nosuch.txt", "not found"), (empty, "is empty")):
        for command in cases:
            done = invoke(*command, "--store", hash_store, "--system", path, env={"QA_EMBED": "hash"}, input="")
            assert done.exit_code != 0 and done.stdout == "", (command, done.output)
            [line] = done.stderr.strip().splitlines()
            assert f"system prompt file {path} {says}" in line, line


def test_shell_completion_is_shown_installed_and_completes_commands_and_options(tmp_path):
    from support.cli import QA, qa_env, run_qa

    def in_bash(*args: str, **env: str) -> subprocess.CompletedProcess:
        # typer finds "the current shell" among qa's parent processes (shellingham): run from
        # bash, as a user would, and not from whatever runs the tests (make's sh, CI's runner).
        line = " ".join(shlex.quote(a) for a in [*QA, *args]) + "; exit $?"  # not exec'd: bash stays
        return subprocess.run(["bash", "-c", line], capture_output=True, text=True, env=qa_env(env), timeout=120)

    shown = in_bash("--show-completion")
    assert shown.returncode == 0 and "_QA_COMPLETE" in shown.stdout and "complete " in shown.stdout, shown.stderr
    installed = in_bash("--install-completion", HOME=str(tmp_path))
    assert installed.returncode == 0, installed.stderr
    assert "_QA_COMPLETE" in (tmp_path / ".bash_completions" / "qa.sh").read_text()
    assert "qa.sh" in (tmp_path / ".bashrc").read_text()
    words = run_qa(env={"_QA_COMPLETE": "complete_bash", "COMP_WORDS": "qa lo", "COMP_CWORD": "1"})
    assert words.stdout.split() == ["logs"]
    options = run_qa(env={"_QA_COMPLETE": "complete_bash", "COMP_WORDS": "qa ask --sy", "COMP_CWORD": "2"})
    assert options.stdout.split() == ["--system"]
