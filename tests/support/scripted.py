"""For the scripted OpenAI-compatible server (tests/openai_server.py): the environment that points
`qa` at it, and model behaviours to script its replies with."""

from __future__ import annotations

import re

KEY = "sk-test-SECRETKEY-a1b2c3d4e5f6g7h8"  # must never show on a screen, in a file or a log
# A passage as qa.prompts lays it out in the user message.
PASSAGE = re.compile(r'<passage n="(\d+)" title="([^"]*)" source="([^"]*)">\n(.*?)\n</passage>', re.S)


def cli_env(url: str, **extra: str) -> dict[str, str]:
    """The settings that point `qa` at the scripted server at `url` (short timeouts, one retry)."""
    return {"OPENAI_BASE_URL": url, "OPENAI_API_KEY": KEY, "QA_LLM_MODEL": "test-model", "QA_LLM_TIMEOUT": "1",
            "QA_LLM_MAX_WAIT": "3", "QA_LLM_RETRIES": "1", **extra}


def shown_passages(request) -> dict[int, str]:
    """Passage number -> text, as the model saw them in the user message."""
    return {int(n): text for n, _, _, text in PASSAGE.findall(request.messages[1]["content"])}


def quote_first_sentences(body: dict) -> str:
    """A faithful model: the first sentence of passages 1 and 2, each cited."""
    user = body["messages"][1]["content"]
    passages = {int(n): text for n, _, _, text in PASSAGE.findall(user)}
    out = []
    for n in (1, 2):
        first = re.split(r"(?<=[。！？])", passages[n])[0]
        out.append(f"{first}[{n}]")
    return "".join(out)
