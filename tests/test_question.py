"""Question limits (qa.text.questions) and how `qa ask` applies them."""

import json

import pytest
from typer.testing import CliRunner

from qa.cli import app
from qa.errors import InputError
from qa.text.questions import clean_question

runner = CliRunner()


def test_control_characters_are_stripped_and_space_collapsed():
    text, notice = clean_question("华强广场\x00项目\x1b[31m 可以\u202e创造\t\n多少岗位?\x7f", 100)
    # Whole escape sequences go (not just the ESC byte), as at ingest: qa.text.controls.
    assert text == "华强广场项目 可以创造 多少岗位?"
    assert notice == ""


def test_long_question_is_truncated_with_a_notice():
    text, notice = clean_question("问" * 50, 20)
    assert text == "问" * 20
    assert "50 characters" in notice and "first 20" in notice


@pytest.mark.parametrize("blank", ["", "   ", "\x00\x01", "\u200b\u200e"])
def test_blank_questions_are_errors(blank):
    with pytest.raises(InputError, match="empty"):
        clean_question(blank, 100)


def test_cli_reports_truncation(seed_store_dir):
    question = "华强广场项目可以创造多少个就业岗位?" + "啊" * 100
    result = runner.invoke(app, ["ask", "--store", str(seed_store_dir), "--json", question],
                           env={"QA_MAX_QUESTION_CHARS": "30"})
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["question"]) == 30 and "first 30" in data["note"]


@pytest.mark.parametrize(("question", "expected"), [
    ("？？？", False), ("🙂🙂", False), ("...", False), (" — ！", False),
    ("什么?", True), ("x", True), ("2025", True), ("١٢", True), ("Ωμέγα", True), ("𠀀", True)])
def test_has_words(question, expected):
    from qa.text.questions import has_words

    assert has_words(question) is expected
