"""Scoring one answer against its gold item, and summarising many. Pure functions on plain data.

Answer strings are compared the way the CMRC 2018 and SQuAD evaluation scripts do: Unicode NFKC
folds full-width forms into half-width ("２０３０" -> "2030", "，" -> ","), text is lower-cased,
punctuation and symbols (Unicode categories P* and S*) and spaces are removed, and English
articles (a/an/the) are dropped. Tokens are single Chinese characters and whole English words or
digit runs (CMRC's "mixed segmentation"), so F1 is character-level for Chinese and token-level
for English. F1 is the SQuAD bag-of-tokens overlap, not CMRC's longest-common-substring variant,
so a paraphrase in a different order still earns credit.

The short answer (`Answer.short_answer`, 2027年) is scored as the CMRC 2018 script scores a span:
exact match, and F1 over the longest common subsequence of tokens (`f1(..., contiguous=True)`:
order counts, as it does for a span), max over the gold answers. Its rates are over the answered
items that give one; `short_rate` says how many do.

Metric definitions (every rate is in 0..1; `None` when its denominator is empty):
    exact_match, contains, f1      over answerable items; a refusal scores 0
    hit@1, hit@k, mrr@k            over answerable items with evidence: rank of the first retrieved
                                   passage that matches the evidence (file stem, title or snippet),
                                   judged at the finest level the item gives (`finest_evidence`)
    answer_hit@k                   over answerable items: a retrieved passage contains a gold answer
    citation_precision             good citations / all citations of non-refused answers, where a
                                   good citation's passage contains a gold answer or matches evidence
    citation_recall                correct answers citing at least one good passage / correct answers
    uncited_rate                   non-refused answers without any citation / non-refused answers
    refusal_precision, _recall     refusals of unanswerable items / refusals, / unanswerable items
    false_refusal_rate             refusals of answerable items / answerable items
    accuracy                       items judged correct: an answerable item answered (not refused)
                                   with a gold answer contained; an unanswerable item refused
    short_exact_match, short_f1    over answered answerable items with a short answer
    short_rate                     answered items with a short answer / answered items
"""

from __future__ import annotations

import math
import re
from pathlib import PurePath
from typing import Any, Iterable, Mapping, Sequence

from qa.text.tokens import answer_tokens, normalize_answer

# Quality metrics in the order reports show them; all but these two are higher-is-better.
QUALITY_METRICS = ("accuracy", "exact_match", "contains", "f1", "short_exact_match", "short_f1", "short_rate", "hit@1", "hit@k", "mrr@k", "answer_hit@k",
                   "citation_precision", "citation_recall", "uncited_rate", "refusal_precision", "refusal_recall",
                   "false_refusal_rate", "judge_faithfulness", "judge_correctness")
LOWER_IS_BETTER = frozenset({"uncited_rate", "false_refusal_rate"})
# What `score_item` returns and `summarize` reads; a baseline's items must have all of it.
ITEM_METRICS = frozenset({"answerable", "refused", "has_evidence", "evidence_level", "evidence_rank", "answer_rank",
                          "exact_match", "contains", "f1", "citations", "good_citations", "uncited", "correct"})

_CITATION_MARK = re.compile(r"\[\d+(?:\s*[,，、]\s*\d+)*\]")


def strip_citations(text: str) -> str:
    """Remove `[1]`, `[1, 2]` markers so they are not scored as answer digits."""
    return _CITATION_MARK.sub("", text)


def exact_match(prediction: str, golds: Sequence[str]) -> float:
    pred = normalize_answer(strip_citations(prediction))
    return float(any(pred == normalize_answer(g) for g in golds))


def contains_any(prediction: str, golds: Sequence[str]) -> float:
    pred = normalize_answer(strip_citations(prediction))
    return float(any((g := normalize_answer(gold)) and g in pred for gold in golds))


def f1(prediction: str, golds: Sequence[str], contiguous: bool = False) -> float:
    """Best F1 against any gold answer, tokens as in `answer_tokens`: bag-of-tokens overlap
    (SQuAD), or with `contiguous` the longest common subsequence (CMRC 2018's span F1)."""
    pred = answer_tokens(strip_citations(prediction))
    best = 0.0
    for gold in golds:
        ref = answer_tokens(gold)
        common = _lcs(pred, ref) if contiguous else _overlap(pred, ref)
        if common:
            p, r = common / len(pred), common / len(ref)
            best = max(best, 2 * p * r / (p + r))
    return best


def _overlap(a: list[str], b: list[str]) -> int:
    from collections import Counter

    return sum((Counter(a) & Counter(b)).values())


def _lcs(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two token lists (CMRC 2018's `find_lcs` counts
    the longest common substring; for the few tokens of a span the two rarely differ, and the
    subsequence gives the same credit to 2027年1月 against 2027年的1月)."""
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b, start=1):
            prev, row[j] = row[j], prev + 1 if x == y else max(row[j], row[j - 1])
    return row[-1]


def matches_evidence(evidence: Sequence[str], source: str, title: str, text: str) -> bool:
    """Whether a passage is where the gold says the answer is: an evidence string equal to the
    passage's source file stem (or name or path), equal to its article title, or quoted in its text."""
    names = {source, PurePath(source).name, PurePath(source).stem} if source else set()
    norm_title, norm_text = normalize_answer(title), normalize_answer(text)
    for ev in evidence:
        if ev in names:
            return True
        norm = normalize_answer(ev)
        if norm and (norm == norm_title or norm in norm_text):
            return True
    return False


def finest_evidence(evidence: Sequence[str], sources: Iterable[str] | None = None,
                    titles: Iterable[str] | None = None) -> tuple[str, list[str]]:
    """The most specific evidence an item gives, as (level, strings): quoted snippets if any,
    else article titles, else source files. Gold items often list all three ("match any"), and
    in a one-file collection the file stem matches every passage, which would make hit@1 always
    1; judging by the finest level keeps retrieval and citation scores passage-level.
    Without the collection's `sources` and `titles` every string counts ("any")."""
    if sources is None or titles is None:
        return "any", list(evidence)
    names = {n for s in sources for n in (s, PurePath(s).name, PurePath(s).stem)}
    norm_titles = {normalize_answer(t) for t in titles}
    groups: dict[str, list[str]] = {"snippet": [], "title": [], "source": []}
    for ev in evidence:
        level = "source" if ev in names else "title" if normalize_answer(ev) in norm_titles else "snippet"
        groups[level].append(ev)
    for level in ("snippet", "title", "source"):
        if groups[level]:
            return level, groups[level]
    return "none", []


def contains_answer(text: str, golds: Sequence[str]) -> bool:
    norm = normalize_answer(text)
    return any((g := normalize_answer(gold)) and g in norm for gold in golds)


def first_rank(flags: Sequence[bool]) -> int | None:
    """1-based rank of the first true flag, or None."""
    return next((i + 1 for i, flag in enumerate(flags) if flag), None)


def score_item(gold: Mapping[str, Any], answer: str, refused: bool, citations: Sequence[Mapping[str, Any]],
               passages: Sequence[Mapping[str, Any]], k: int, sources: Iterable[str] | None = None,
               titles: Iterable[str] | None = None, short: str | None = None) -> dict[str, Any]:
    """Per-item metrics. `gold` has answers/unanswerable/evidence; citations and passages are
    dicts with source, title and text (passages in rank order); `sources` and `titles` name the
    collection's files and articles so evidence is judged at its finest level (`finest_evidence`)."""
    golds = list(gold.get("answers") or [])
    level, evidence = finest_evidence(list(gold.get("evidence") or []), sources, titles)
    answerable = not gold.get("unanswerable", False)

    def good(p: Mapping[str, Any]) -> bool:
        return bool((golds and contains_answer(p.get("text", ""), golds))
                    or (evidence and matches_evidence(evidence, p.get("source", ""), p.get("title", ""),
                                                      p.get("text", ""))))

    top = list(passages)[:k]
    evidence_rank = first_rank([matches_evidence(evidence, p.get("source", ""), p.get("title", ""), p.get("text", ""))
                                for p in top]) if evidence else None
    answer_rank = first_rank([contains_answer(p.get("text", ""), golds) for p in top]) if golds else None
    scored = not refused and answerable
    contains = contains_any(answer, golds) if scored and golds else 0.0
    cited_good = sum(good(c) for c in citations) if not refused else 0
    out: dict[str, Any] = {
        "answerable": answerable,
        "refused": refused,
        "has_evidence": bool(evidence),
        "evidence_level": level,
        "evidence_rank": evidence_rank,
        "answer_rank": answer_rank,
        "exact_match": exact_match(answer, golds) if scored and golds else 0.0,
        "contains": contains,
        "f1": round(f1(answer, golds), 4) if scored and golds else 0.0,
        "citations": 0 if refused else len(citations),
        "good_citations": cited_good,
        "uncited": not refused and not citations,
        "correct": (not refused and contains == 1.0) if answerable else refused,
        "short": bool(short) and not refused,
        # None when there is no short answer to score (`summarize` leaves the item out)
        "short_exact_match": exact_match(short, golds) if short and scored and golds else None,
        "short_f1": round(f1(short, golds, contiguous=True), 4) if short and scored and golds else None,
    }
    return out


def _rate(num: float, den: float) -> float | None:
    return round(num / den, 4) if den else None


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default), q in 0..100."""
    if not values:
        return None
    data = sorted(values)
    pos = (len(data) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return round(data[lo] + (data[hi] - data[lo]) * (pos - lo), 2)


def summarize(items: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """Aggregate metrics over scored items. Each item: {"metrics": score_item(...), "timings": {...},
    optional "usage": {...}, "judge": {...}}."""
    ms = [it["metrics"] for it in items]
    answerable = [m for m in ms if m["answerable"]]
    unanswerable = [m for m in ms if not m["answerable"]]
    ranks = [m["evidence_rank"] for m in answerable if m["has_evidence"]]
    answered = [m for m in ms if not m["refused"]]
    correct_answers = [m for m in answerable if m["correct"]]
    refusals = [m for m in ms if m["refused"]]
    n_citations = sum(m["citations"] for m in answered)
    summary: dict[str, Any] = {
        "items": len(ms),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "accuracy": _rate(sum(m["correct"] for m in ms), len(ms)),
        "exact_match": _mean([m["exact_match"] for m in answerable]),
        "contains": _mean([m["contains"] for m in answerable]),
        "f1": _mean([m["f1"] for m in answerable]),
        "hit@1": _rate(sum(r == 1 for r in ranks), len(ranks)),
        "hit@k": _rate(sum(r is not None for r in ranks), len(ranks)),
        "mrr@k": _mean([1 / r if r else 0.0 for r in ranks]),
        "answer_hit@k": _rate(sum(m["answer_rank"] is not None for m in answerable), len(answerable)),
        "citation_precision": _rate(sum(m["good_citations"] for m in answered), n_citations),
        "citation_recall": _rate(sum(m["good_citations"] > 0 for m in correct_answers), len(correct_answers)),
        "uncited": sum(m["uncited"] for m in ms),
        "uncited_rate": _rate(sum(m["uncited"] for m in answered), len(answered)),
        "refusal_precision": _rate(sum(not m["answerable"] for m in refusals), len(refusals)),
        "refusal_recall": _rate(sum(m["refused"] for m in unanswerable), len(unanswerable)),
        "false_refusal_rate": _rate(sum(m["refused"] for m in answerable), len(answerable)),
        # .get: reports written before short answers were scored have none of these
        "short_exact_match": _mean([m["short_exact_match"] for m in ms if m.get("short_exact_match") is not None]),
        "short_f1": _mean([m["short_f1"] for m in ms if m.get("short_f1") is not None]),
        "short_rate": _rate(sum(bool(m.get("short")) for m in answered), len(answered)) if any("short" in m for m in ms) else None,
    }
    judged = [it["judge"] for it in items if it.get("judge")]
    for name in ("faithfulness", "correctness"):
        scores = [j[name] for j in judged if isinstance(j.get(name), (int, float))]
        if scores:
            summary[f"judge_{name}"] = _mean(scores)
    summary["latency_ms"] = latency([it.get("timings") or {} for it in items])
    usage = total_usage([it.get("usage") for it in items], [bool(it.get("cached")) for it in items])
    if usage:
        summary["usage"] = usage
    return summary


def latency(timings: Sequence[Mapping[str, float]]) -> dict[str, dict[str, float | None]]:
    """p50/p95 per stage over the items' timings ({"retrieve_ms": 12.0, ...})."""
    seen = dict.fromkeys(s for t in timings for s in t if s.endswith("_ms"))  # pipeline order, total last
    stages = sorted(seen, key=lambda s: s == "total_ms")
    out = {}
    for stage in stages:
        values = [float(t[stage]) for t in timings if isinstance(t.get(stage), (int, float))]
        if values:
            out[stage] = {"p50": percentile(values, 50), "p95": percentile(values, 95)}
    return out


def total_usage(usages: Sequence[Mapping[str, Any] | None], cached: Sequence[bool]) -> dict[str, Any]:
    """Token counts summed over items that report usage; `spent_tokens` leaves out items answered
    from the reply cache; `cost` only when the endpoint reports one."""
    reported = [(u, c) for u, c in zip(usages, cached) if u]
    if not reported:
        return {}
    out: dict[str, Any] = {"items_with_usage": len(reported)}
    for key in ("prompt_tokens", "completion_tokens", "total_tokens"):
        out[key] = sum(int(u.get(key) or 0) for u, _ in reported)
    out["spent_tokens"] = sum(int(u.get("total_tokens") or 0) for u, c in reported if not c)
    costs = [float(u["cost"]) for u, _ in reported if isinstance(u.get("cost"), (int, float))]
    if costs:
        out["cost"] = round(sum(costs), 6)
    return out


def summarize_by_tag(items: Sequence[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """`summarize` over the items of each tag (an item's tags are in `item["gold"]["tags"]`)."""
    def tags_of(it: Mapping[str, Any]) -> list[str]:
        return list((it.get("gold") or {}).get("tags") or [])

    tags = sorted({t for it in items for t in tags_of(it)})
    return {tag: summarize([it for it in items if tag in tags_of(it)]) for tag in tags}
