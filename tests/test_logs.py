"""`qa logs` and the log behind it: `qa ask` and `qa chat` both keep their questions, answers and
citations in the store's chat.db (qa.chat.log), `qa logs` prints them (Markdown-like, or --json),
QA_LOG=0 keeps none, and a log that cannot be written never costs `qa ask` its answer."""

from __future__ import annotations

import json

import pytest
from support.chat import turns
from support.cli import invoke, run_qa

JOBS = "华强广场项目可以创造多少个就业岗位?"
BCI = "脑机接口产业到哪一年构建具有国际竞争力的产业生态?"
TITLE = "良好营商环境提升发展韧性"


def ask(store, question, **env):
    done = invoke("ask", "--store", store, question, env={"QA_EMBED": "hash", **env})
    assert done.exit_code == 0, done.output
    return done


def logs(store, *args, code=0):
    done = invoke("logs", "--store", store, *args)
    assert done.exit_code == code, done.output
    return done


def test_an_asked_question_is_shown_by_qa_logs_with_its_answer_and_cited_titles(hash_store):
    assert "no questions logged" in logs(hash_store).stdout
    answered = ask(hash_store, JOBS)
    shown = logs(hash_store).stdout
    assert shown.startswith("# ") and "conversation: " in shown.splitlines()[0]
    question, answer, cited = (shown.index(h) for h in ("## Question", "## Answer", "## Citations"))
    assert question < shown.index(JOBS) < answer < shown.index("1000") < cited
    assert f"[1] {TITLE} · " in shown[cited:] and "seeds/000_" in shown[cited:]
    assert "1000" in answered.stdout  # what was printed is what was kept
    [entry] = json.loads(logs(hash_store, "--json").stdout)
    assert entry["question"] == entry["standalone"] == JOBS and entry["mode"] == "extractive"
    assert entry["citations"][0]["title"] == TITLE and "1000" in entry["answer"]


def test_count_takes_the_last_n_oldest_first_and_zero_takes_all(hash_store):
    questions = [f"{JOBS} {n}" for n in range(4)]
    for q in questions:
        ask(hash_store, q)

    def listed(*args):
        return [e["question"] for e in json.loads(logs(hash_store, "--json", *args).stdout)]

    assert listed() == questions[1:]  # three by default, as llm logs
    assert listed("-n", "1") == questions[3:]
    assert listed("-n", "0") == listed("--count", "9") == questions
    text = logs(hash_store, "-n", "2").stdout
    assert text.index(questions[2]) < text.index(questions[3]) and questions[1] not in text


def test_cid_shows_one_chat_conversation_and_an_unknown_one_is_one_line(hash_store):
    ask(hash_store, BCI)
    chatted = invoke("chat", "--store", hash_store, input=f"{JOBS}\n它计划什么时候开业?\n", env={"QA_EMBED": "hash"})
    assert chatted.exit_code == 0, chatted.output
    chat = [t for t in turns(hash_store) if t["question"] != BCI]
    cid = chat[0]["cid"]
    assert len(chat) == 2 and chat[1]["cid"] == cid
    entries = json.loads(logs(hash_store, "--cid", cid, "--json").stdout)
    assert [e["question"] for e in entries] == [JOBS, "它计划什么时候开业?"] and {e["cid"] for e in entries} == {cid}
    assert [e["question"] for e in json.loads(logs(hash_store, "--json").stdout)] == [BCI, JOBS, "它计划什么时候开业?"]
    unknown = logs(hash_store, "--cid", "nosuch", code=2)
    assert unknown.stdout == "" and len(unknown.stderr.strip().splitlines()) == 1
    assert "no conversation nosuch" in unknown.stderr and "Traceback" not in unknown.output


@pytest.mark.parametrize("off", [{"QA_LOG": "0"}, {"QA_LOG": "false"}, "toml"])
def test_the_log_can_be_turned_off(hash_store, off):
    if off == "toml":
        (hash_store / "qa.toml").write_text("log = false\n", encoding="utf-8")
        off = {}
    ask(hash_store, JOBS, **off)
    chatted = invoke("chat", "--store", hash_store, input=f"{JOBS}\n", env={"QA_EMBED": "hash", **off})
    assert chatted.exit_code == 0 and "kept" not in chatted.stderr, chatted.output
    assert not (hash_store / "chat.db").exists()
    resumed = invoke("chat", "-c", "--store", hash_store, input="", env={"QA_EMBED": "hash", **off})
    assert resumed.exit_code != 0 and "the log is off" in resumed.stderr


def test_a_damaged_log_costs_qa_ask_one_notice_never_its_answer(hash_store):
    (hash_store / "chat.db").write_bytes(b"not a database, just bytes " * 100)
    done = run_qa("ask", "--store", hash_store, JOBS, env={"QA_EMBED": "hash"})
    assert done.returncode == 0 and "1000" in done.stdout, done.stderr
    [notice] = done.stderr.strip().splitlines()
    assert notice.startswith("this question was not logged: ") and "damaged" in notice and "QA_LOG=0" in notice
    shown = logs(hash_store, code=1)
    assert "damaged" in shown.stderr and "Traceback" not in shown.output


def test_a_log_on_a_read_only_device_costs_qa_ask_one_notice(hash_store, tmp_path):
    """A read-only store (the log cannot be created): the answer, then one line. Root ignores file
    modes, so the store is made unwritable by putting a directory where the log's file should be."""
    (hash_store / "chat.db").mkdir()
    done = run_qa("ask", "--store", hash_store, "--json", JOBS, env={"QA_EMBED": "hash"})
    assert done.returncode == 0 and "1000" in json.loads(done.stdout)["answer"], done.stderr
    assert len(done.stderr.strip().splitlines()) == 1 and "not logged" in done.stderr


def test_what_the_log_holds_reaches_the_terminal_without_its_controls(hash_store):
    ask(hash_store, f"{JOBS}\x1b]52;c;ZXZpbA==\x07\x1b[2J")
    shown = logs(hash_store).stdout + logs(hash_store, "--json").stdout
    assert "\x1b" not in shown and "\x07" not in shown and JOBS in shown
