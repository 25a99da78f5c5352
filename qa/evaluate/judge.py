"""LLM-as-judge for `qa eval --judge`: scores an answer's faithfulness to its cited passages and
its correctness against the gold answers, with the prompt in `prompts/judge.txt`.

The scores are reported beside the string metrics, never instead of them: a judge is a model
with its own errors, and its verdicts are only comparable between runs with the same judge model
and prompt (both are in the report's fingerprint). The evaluator passes the model wrapped in the
reply cache, so re-judging an unchanged answer costs nothing.
"""

from __future__ import annotations

import json
import re
from typing import Any

from qa.errors import ProviderError

JUDGE_MAX_TOKENS = 200
_OBJECT = re.compile(r"\{.*\}", re.S)


def judge_prompt(question: str, golds: list[str], unanswerable: bool, answer: str,
                 passages: list[tuple[int, str, str]]) -> str:
    """The filled judge template; `passages` are (n, title, text) of the cited passages."""
    from qa.prompts import fill, load_prompt

    values = {
        "question": question,
        "gold": "(the articles do not answer this question)" if unanswerable else " | ".join(golds),
        "answer": answer,
        "passages": "\n\n".join(f"[{n}] {title}\n{text}" for n, title, text in passages) or "(none)",
    }
    return fill(load_prompt("judge"), **values)


def parse_scores(text: str) -> dict[str, Any]:
    """{"faithfulness": f, "correctness": c, "reason": r} from the judge's reply, scores clamped to
    0..1; {"error": ...} when the reply holds no such JSON object."""
    match = _OBJECT.search(text or "")
    try:
        data = json.loads(match.group(0)) if match else None
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict):
        return {"error": f"the judge's reply is not a JSON object: {(text or '')[:80]!r}"}
    out: dict[str, Any] = {}
    for name in ("faithfulness", "correctness"):
        value = data.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out[name] = min(1.0, max(0.0, float(value)))
    if not out:
        return {"error": f"the judge's reply has no faithfulness/correctness scores: {(text or '')[:80]!r}"}
    out["reason"] = str(data.get("reason", ""))[:300]
    return out


def judge_answer(item, answer, llm) -> dict[str, Any]:
    """Judge one answer with `llm` (a `qa.llm.ChatLLM`, or one wrapped in `qa.cache.CachedChat`)."""
    prompt = judge_prompt(item.question, item.answers, item.unanswerable, answer.answer,
                          [(c.n, c.title, c.text) for c in answer.citations])
    try:
        completion = llm.complete([{"role": "user", "content": prompt}], max_tokens=JUDGE_MAX_TOKENS)
    except ProviderError as e:  # a judge failure leaves the string metrics standing
        return {"error": str(e)}
    return {**parse_scores(completion.text), "usage": completion.usage}
