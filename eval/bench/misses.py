"""Where the misses of a `snapshot` run come from, in counts only, so that a check set (read only in
aggregate, never question by question) can still say which part of the answerer loses it:

    python -m eval.bench.misses --snapshot /tmp/r/fin/en_wiki6.json \
        --corpus eval/bench/data/en_wiki6/docs --gold eval/bench/data/en_wiki6/gold.jsonl

Each answerable question falls in one class: `right`; `refused:<gap kind>` (a gap was named) or
`refused:low` (no gap: the support fell under the threshold); `wrong:cut` (the gold answer is in the
sentence the quote was cut from: the cut lost it), `wrong:paragraph` (in the quote's paragraph, not
its sentence), `wrong:article` (elsewhere in the article the quote came from), `wrong:other` (the
quote came from another article, or the gold answer is in none of them). Unanswerable questions
count `answered:<kind of answer>` by the same test against nothing, i.e. just `answered`.
The paragraph is the source line holding the quote; the sentence is the one `qa.text.sentences`
cuts there. Nothing of a question, an answer or a quote is printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path


def _squash(text: str) -> str:
    return " ".join(text.split())


def _paragraphs(corpus: Path) -> list[tuple[str, str]]:
    """(article file name, squashed paragraph) for every non-empty line of every article."""
    out = []
    for path in sorted(p for p in corpus.rglob("*") if p.is_file()):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.strip():
                out.append((path.name, _squash(line)))
    return out


def _sentence_of(paragraph: str, at: int) -> str:
    from qa.text.sentences import split_sentences

    for span in split_sentences(paragraph):
        if span.start <= at < span.end:
            return paragraph[span.start:span.end]
    return paragraph


def classify(record: dict, item: dict, paragraphs: list[tuple[str, str]]) -> str:
    from qa.evaluate.metrics import contains_answer, strip_citations

    if item.get("unanswerable"):
        return "unanswerable:refused" if record["refused"] else "unanswerable:answered"
    if record["refused"]:
        return "refused:" + (record["gaps"][0] if record["gaps"] else "low")
    golds = item["answers"]
    if contains_answer(strip_citations(record["answer"]), golds):
        return "right"
    quote = _squash(record["citations"][0][1]) if record["citations"] else ""
    held = [(name, para) for name, para in paragraphs if quote and quote in para]
    if not held:
        return "wrong:other"
    name, para = held[0]
    if contains_answer(_sentence_of(para, para.index(quote)), golds):
        return "wrong:cut"
    if contains_answer(para, golds):
        return "wrong:paragraph"
    article = " ".join(p for n, p in paragraphs if n == name)
    return "wrong:article" if contains_answer(article, golds) else "wrong:other"


def tally(snapshot: dict, gold: Path, corpus: Path) -> Counter:
    items = {it["id"]: it for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
             for it in [json.loads(line)]}
    paragraphs = _paragraphs(corpus)
    return Counter(classify(rec, items[i], paragraphs) for i, rec in snapshot.items() if i in items)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snapshot", type=Path, required=True, help="a JSON written by eval.bench.snapshot")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True)
    args = parser.parse_args(argv)
    counts = tally(json.loads(args.snapshot.read_text(encoding="utf-8")), args.gold, args.corpus)
    print(json.dumps(dict(sorted(counts.items())), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
