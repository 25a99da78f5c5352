"""The LLM answerer: numbered passages in delimited data blocks -> chat model -> verified citations.

The system message is `prompts/answer.txt` verbatim, so nothing an article says can reach it.
Passages travel in the user message as quoted data inside `<passage>` tags; any text in a
passage, title or source that could close or open such a tag is neutralised first, so an article
cannot end its own block and pose as instructions. Passage n is `hits[n-1]`, and
`qa.answer.citations.verify` maps the model's `[n]` back to exactly that hit.
"""

from __future__ import annotations

import re
from typing import Callable

from qa.answer.citations import MARKER, is_refusal, verify
from qa.errors import ProviderError
from qa.prompts import fill, load_prompt, refusal_phrase
from qa.text.cjk import reply_language
from qa.types import Answer, Hit

# Anything that looks like one of our delimiters: <passage, </passages, < /passage ...
_DELIMITER = re.compile(r"<(\s*/?\s*(?:passages?|conversation)\b)", re.I)
# Reasoning models served through compatible APIs (Qwen3, DeepSeek-R1 on Ollama) may put their
# thinking inline; it is not part of the answer. A block the reply ends inside (cut off at
# QA_LLM_MAX_TOKENS) is thinking too.
THINK = re.compile(r"<think>.*?(?:</think>\s*|\Z)", re.S)
_OPEN_THINK = "<think>"
_IN_THINK = re.compile(r"<think>(?:(?!</think>).)*\Z", re.S)


def shown_so_far(text: str) -> tuple[str, bool]:
    """What a reader is shown of a reply still streaming, and whether the model is thinking:
    reasoning blocks are left out, and so is a `<think>` tag still arriving (`<th`). Each result
    extends the one before it, so a stream can be written piece by piece."""
    thinking = bool(_IN_THINK.search(text))
    text = THINK.sub("", text)
    for k in range(min(len(_OPEN_THINK) - 1, len(text)), 0, -1):
        if _OPEN_THINK.startswith(text[-k:]):
            return text[:-k], thinking
    return text, thinking


SHORT_MAX = 60  # characters: a longer first line is a sentence, not the short answer prompts/answer.txt asks for
_EMPHASIS = "*_#>` \t"  # Markdown a model may wrap its first line in (**1000个**)


def split_short(text: str) -> tuple[str | None, str]:
    """The reply's short answer (its first line, prompts/answer.txt rule 6) and the rest. None and
    the whole reply when the model did not follow the format: one line only, a first line that
    cites a passage or is a sentence too long to be a short answer, or a refusal."""
    first, _, rest = text.strip().partition("\n")
    short = first.strip().strip(_EMPHASIS).strip()
    if not rest.strip() or not short or MARKER.search(first) or len(short) > SHORT_MAX or is_refusal(short):
        return None, text
    return short, rest.strip()


def neutralise(text: str) -> str:
    """Make delimiter look-alikes inert: `<passage` becomes `‹passage` (a different character)."""
    return _DELIMITER.sub(r"‹\1", text)


def _attr(value: str) -> str:
    return neutralise(" ".join(value.split())).replace('"', "'").replace("<", "‹").replace(">", "›")


def format_passages(hits: list[Hit]) -> str:
    blocks = []
    for n, hit in enumerate(hits, 1):
        blocks.append(f'<passage n="{n}" title="{_attr(hit.title)}" source="{_attr(hit.source)}">\n'
                      f"{neutralise(hit.text)}\n</passage>")
    return "\n".join(blocks)


def build_messages(question: str, hits: list[Hit], system: str | None = None) -> list[dict[str, str]]:
    """The system message (`system`, or prompts/answer.txt) and the user message holding the passages."""
    user = fill(load_prompt("answer_user"), passages=format_passages(hits), question=neutralise(question),
                 refusal=refusal_phrase(reply_language(question)))
    return [{"role": "system", "content": system or load_prompt("answer")}, {"role": "user", "content": user}]


def condense_messages(history: list[tuple[str, str]], question: str) -> list[dict[str, str]]:
    """Messages asking the model to rewrite a follow-up as a standalone question (for the chat)."""
    lines = [f"{'User' if role == 'user' else 'Assistant'}: {neutralise(text)}" for role, text in history]
    return [{"role": "user", "content": fill(load_prompt("condense"), history="\n".join(lines),
                                              question=neutralise(question))}]


def answer_llm(question: str, hits: list[Hit], llm, on_token: Callable[[str], None] | None = None,
               system: str | None = None) -> Answer:
    """Ask `llm` (a `qa.llm.ChatLLM`) to answer from `hits`, with `system` as the system message
    (None: prompts/answer.txt); check its citations."""
    if not hits:
        # Nothing to cite: the model would only be able to invent, so it is not asked.
        return Answer(question=question, answer=refusal_phrase(reply_language(question)), refused=True, mode="llm",
                      citations=[], note="no passages were retrieved; the model was not asked")
    completion = llm.complete(build_messages(question, hits, system), on_token=on_token)
    text = THINK.sub("", completion.text).strip()
    if not text:
        # Typically a reasoning model that spent QA_LLM_MAX_TOKENS thinking; not a refusal.
        raise ProviderError(f"{getattr(llm, 'where', 'the endpoint')} returned an empty answer "
                            f"(finish_reason {completion.finish_reason}); raise QA_LLM_MAX_TOKENS or try another model")
    # The citation checks read the whole reply; the short line cites nothing, so it is judged by no passage.
    checked = verify(text, hits)
    short, body = split_short(checked.answer) if not checked.refused else (None, checked.answer)
    notes = []
    if checked.dropped:
        marks = ", ".join(f"[{n}]" for n in checked.dropped)
        notes.append(f"removed citation {marks}: no passage with that number was sent")
    if checked.instructed:
        marks = ", ".join(f"[{n}]" for n in checked.instructed)
        notes.append(f"the cited passage {marks} contains instructions to the assistant; the answer may follow "
                     "them rather than report the articles")
    weak = [f"[{c.n}]" for c in checked.citations if c.supported is False and c.n not in checked.instructed]
    if weak:
        notes.append(f"weakly supported by its passage: {', '.join(weak)}")
    if checked.uncited:
        notes.append("the model's answer cites no passage; check it against the sources")
    if completion.finish_reason == "length":
        notes.append("the answer was cut off at QA_LLM_MAX_TOKENS")
    answer = Answer(question=question, answer=body, short_answer=short, refused=checked.refused, mode="llm",
                    citations=checked.citations, support=checked.support, hits=hits, note="; ".join(notes),
                    model=completion.model, usage=completion.usage)
    answer.timings = {"first_token_ms": completion.first_token_ms, "http_ms": round(completion.http_ms, 2),
                      "llm_attempts": completion.attempts}
    return answer
