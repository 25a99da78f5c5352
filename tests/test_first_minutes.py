"""The first five minutes of a new user (issue 14): help that shows every word, -h and --version,
the question from several words or from standard input, bad settings named as typed, and
symlink loops in a folder reported as skipped. Each test asserts the text a user sees."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib.metadata import version

import pytest
from typer.testing import CliRunner

from support import SEEDS, Q_JOBS as QUESTION
from support.chat import copy_store
from support.cli import invoke, run_qa, spawn_qa
from qa.cli import app

runner = CliRunner()
COMMANDS = ("ingest", "ask", "chat", "sources", "config", "doctor", "eval")


def _help(*args: str) -> str:
    result = invoke(*args, env={"COLUMNS": "80"}, prog_name="qa")
    assert result.exit_code == 0, result.output
    return result.stdout


# 1. help text
def test_help_shows_the_brackets_in_every_help_string():
    ask = _help("ask", "--help")
    # (the option column's width follows the longest option: any run of spaces)
    assert re.search(r"^  --store DIR +store directory \[env QA_STORE; default \./\.qa\]$", ask, re.M), ask
    assert re.search(r"^  -k, --k N +passages to retrieve \[env QA_TOP_K\]  \[x>=1\]$", ask, re.M)
    # a help string that wraps continues under its own first word
    m = re.search(r"^(  --source GLOB +)only documents whose path matches this glob, e\.g\. 'seeds/\*'( or)?\n"
                  r"( +)(or )?'\*\.md'$", ask, re.M)
    assert m and len(m.group(3)) == len(m.group(1)), ask
    evaluate = _help("eval", "--help")
    assert "--out FILE                 JSON report [default: <store>/eval/<gold>.json]\n" in evaluate
    for command in COMMANDS:  # every option that mentions QA_STORE shows it
        assert "[env QA_STORE; default ./.qa]" in _help(command, "--help")


def test_help_docstrings_are_paragraphs_and_examples_stay_whole():
    ingest = _help("ingest", "--help")
    assert ("  Exit 0 when every file was ingested, unchanged or skipped (empty, duplicate);\n"
            "  1 when some failed (each is listed with its reason); 2 for usage errors.\n") in ingest
    assert "  Example:\n    qa ingest seeds/\n" in ingest
    evaluate = _help("eval", "--help")
    assert "    qa eval eval/gold/seed.jsonl --baseline eval/baselines/seed-extractive.json\n" in evaluate
    ask = _help("ask", "--help")
    assert ("  Examples:\n"
            f"    qa ask \"{QUESTION}\"\n"
            "    qa ask --json How many jobs are created\n"
            f"    echo \"{QUESTION}\" | qa ask -\n") in ask


# 2. -h and --version
@pytest.mark.parametrize("command", ("", *COMMANDS))
def test_dash_h_is_help_everywhere(command):
    args = [command] if command else []
    short = _help(*args, "-h")
    assert short == _help(*args, "--help")
    assert "  -h, --help" in short


def test_version_prints_the_package_version_without_heavy_imports():
    code = ("import sys, qa.cli; sys.argv = ['qa', '--version']\n"
            "try:\n    qa.cli.main()\nexcept SystemExit as e:\n    code = e.code\n"
            "print(sorted(m for m in ('rich', 'chromadb', 'numpy', 'llama_index', 'openai') if m in sys.modules),"
            " code, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout == f"qa {version('qa-assistant')}\n"
    assert done.stderr == "[] 0\n"
    assert _help("--help").startswith("Usage: qa [OPTIONS] COMMAND [ARGS]...\n")
    assert re.search(r"^  --version +print the version and exit$", _help("--help"), re.M)


# 3. the question: several words, or standard input
def _qa(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess:
    return run_qa(*args, stdin=stdin, env={"QA_EMBED": "hash"})


def test_ask_dash_reads_the_whole_question_from_stdin(hash_store):
    done = _qa(["ask", "--json", "--store", str(hash_store), "-"], stdin=f"\n  {QUESTION}\n")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["question"] == QUESTION
    assert "1000" in answer["answer"]


def test_ask_dash_with_nothing_on_stdin_is_a_usage_error(hash_store):
    done = _qa(["ask", "--store", str(hash_store), "-"], stdin=" \n")
    assert done.returncode == 2
    assert done.stderr == 'Error: no question on standard input; pipe one in: echo "问题" | qa ask -\n'
    assert done.stdout == ""


def test_ask_joins_several_words_and_options_go_anywhere(hash_store):
    result = runner.invoke(app, ["ask", "--json", "How", "many", "--store", str(hash_store), "jobs", "-k", "3"],
                           env={"QA_EMBED": "hash"})
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["question"] == "How many jobs"
    missing = runner.invoke(app, ["ask"])
    assert missing.exit_code == 2 and "Error: Missing argument 'QUESTION'." in missing.stderr


# 8. bad settings name what the user typed
@pytest.mark.parametrize("env, message", [
    ({"QA_TOP_K": "abc"}, "QA_TOP_K=abc: must be a whole number"),
    ({"QA_LLM_TIMEOUT": "soon"}, "QA_LLM_TIMEOUT=soon: must be a number"),
    ({"QA_RETRIEVAL": "foo"}, "QA_RETRIEVAL=foo: must be one of hybrid, dense, keyword"),
    ({"QA_CHUNK_SIZE": "-5"}, "QA_CHUNK_SIZE=-5: must not be negative"),
])
def test_bad_env_values_are_named_as_typed(tmp_path, env, message):
    result = runner.invoke(app, ["ask", "--store", str(tmp_path), "a question"], env=env)
    assert result.exit_code == 2
    assert result.stderr == f"Error: {message}\n"


@pytest.mark.parametrize("line, message", [
    ('top_k = "abc"', 'top_k = "abc": must be a whole number'),
    ("top_k = 5.5", "top_k = 5.5: must be a whole number"),
    ('retrieval = "foo"', 'retrieval = "foo": must be one of hybrid, dense, keyword'),
    ("llm_timeout = true", "llm_timeout = true: must be a number"),
])
def test_bad_config_file_values_name_the_file_and_key(tmp_path, line, message):
    (tmp_path / "qa.toml").write_text(line + "\n", encoding="utf-8")
    result = runner.invoke(app, ["config", "--store", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'qa.toml'}: {message}\n"


# 9. symlink loops, inside a folder or passed directly, are skipped with the reason
@pytest.fixture
def looping_folder(tmp_path):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(SEEDS.joinpath(next(SEEDS.glob("*.txt")).name).read_text(encoding="utf-8"),
                                  encoding="utf-8")
    os.symlink("loop", folder / "loop")  # no suffix: os.walk lists it with the files
    os.symlink(".", folder / "self")  # os.walk lists it with the folders and does not follow it
    os.symlink("..", folder / "sub" / "up")
    (tmp_path / "other").mkdir()
    os.symlink("../other", folder / "elsewhere")
    return folder


def test_symlink_loops_in_a_folder_are_skipped_with_their_reason(tmp_path, looping_folder):
    store = str(tmp_path / "store")
    result = runner.invoke(app, ["ingest", "--json", "--store", store, str(looping_folder)], env={"QA_EMBED": "hash"})
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["failed"] == [] and report["ingested"] == 1 and report["files"] == 5
    skipped = {os.path.relpath(p, looping_folder): reason for p, reason in report["skipped"]}
    assert skipped == {"loop": "symlink loop", "self": "symlink loop", os.path.join("sub", "up"): "symlink loop",
                       "elsewhere": "symlinked folder, not followed (pass it on its own to ingest it)"}

    direct = runner.invoke(app, ["ingest", "--store", store, str(looping_folder / "loop")], env={"QA_EMBED": "hash"})
    assert direct.exit_code == 0, direct.output
    assert f"skipped {looping_folder / 'loop'}: symlink loop\n" in direct.stderr
    assert "files 1  ingested 0  unchanged 0  skipped 1  failed 0" in direct.stdout


# 10. a slow cold start says what it is doing, on a terminal only; the summary starts at once
def test_a_slow_start_shows_a_spinner_on_a_terminal_and_nothing_when_piped(seed_store_dir, tmp_path):
    import re

    import pexpect

    store = tmp_path / "store"
    copy_store(seed_store_dir, store)  # the real embedder: loading it is the slow step
    env = {"COLUMNS": "160", "TERM": "xterm-256color"}
    child = spawn_qa("ask", "--store", store, QUESTION, env=env, unset=["NO_COLOR"])
    child.expect(pexpect.EOF)
    child.close()
    screen = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", child.before)
    # The spinner appears 0.5 s in, under the label of the step then running: loading (Chroma's
    # import, the model: ~0.6 s) or, when the machine is quick and its caches warm, the search
    # after it (CI saw "searching…" once). Either is the spinner a slow start must show.
    assert child.exitstatus == 0, screen
    assert "loading the embedding model and the store…" in screen or "⠋ searching…" in screen, screen
    assert "1000" in screen

    piped = run_qa("ask", "--store", store, QUESTION, env=env, unset=["NO_COLOR"], timeout=60)
    assert piped.returncode == 0 and "1000" in piped.stdout
    assert piped.stderr == "" and "loading" not in piped.stdout

    plain = spawn_qa("ask", "--store", store, QUESTION, env={**env, "TERM": "dumb"}, unset=["NO_COLOR"])
    plain.expect(pexpect.EOF)
    plain.close()
    assert plain.exitstatus == 0 and "loading" not in plain.before and "1000" in plain.before


def test_the_ingest_summary_starts_on_the_first_line_when_piped(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text("The kiwi festival had nine floats.\n", encoding="utf-8")
    done = run_qa("ingest", "--store", tmp_path / "s", folder, env={"QA_EMBED": "hash"}, timeout=60)
    assert done.returncode == 0
    assert done.stdout.startswith("files 1  ingested 1"), repr(done.stdout)
    assert done.stderr == ""


def test_sources_counts_are_singular_for_one(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text("The kiwi festival had nine floats.\n", encoding="utf-8")
    env = {"QA_EMBED": "hash", "QA_STORE": str(tmp_path / "s")}
    assert runner.invoke(app, ["ingest", str(folder)], env=env).exit_code == 0
    out = runner.invoke(app, ["sources"], env=env).stdout
    assert "1 document " in out and "1 article " in out and "1 documents" not in out
