"""(question, sentence, label) pairs: what a cross-encoder reader is trained on and measured by.

    python -m eval.reader.pairs --out ~/.cache/qa-bench/reader/pairs.jsonl [--families English ...]

Every question of a development set (`eval.bench.general.FAMILIES`, their near misses, train30_en
and trial_en; never a check set) is paired with each sentence of the article it was written against,
one JSON line per pair: {"qid", "q", "s", "label", "set", "family"}.

- Articles are read as `qa ingest` reads a file (`read_documents`, `build_articles`: the title line
  apart, the seed's newspaper page cut into its six articles) and split into sentences by
  `qa.text.sentences.split_sentences`, the splitter the answerer's windows are made of.
- An answerable question's article is its evidence file (of several articles in one file, the ones
  whose title or quoted snippet the evidence names, `qa.evaluate.metrics.matches_evidence`). A
  sentence is 1 when it holds a gold answer as the eval's contains@1 finds one
  (`qa.evaluate.metrics.contains_answer`: NFKC width, case, spaces and punctuation folded), 0
  otherwise: the article's other sentences are the hard negatives, on the question's topic.
  An answer no sentence holds but two adjacent ones do ("…担任主教。1994年…") labels both 1:
  the answerer quotes windows of one or two sentences, so either starts the right quote. A question
  whose answer is in no window of its article (a long answer across three sentences or more; a
  Hebrew name the eval's folding drops, TRIAL_161_QUERY_2) gets no pair at all: with only 0s it
  would read as unanswerable. `count` says how many and why. A short answer (a year, a name) that
  the article says twice labels both sentences 1, right or not: CMRC and DRCD as stored here keep
  no answer offset (983 of DRCD's 3,492 questions have several positives, 120 of CMRC trial's).
- An unanswerable question (gold `unanswerable`, every near miss) pairs every sentence of its
  article(s) with 0. A near miss names its article (`evidence`, or `topic` in train30_nearmiss);
  a gold set's unanswerable questions name none, so they get the article the question shares most
  rare terms with (`qa.text.tokens.terms`, IDF over the set's articles) and any article the
  answerer quoted for it in the start-of-session records (`--records`, <set>.json: the hard case,
  a near miss the answerer did not refuse).

A qid is unique within its set only (en_wiki7 and zh_xwiki7 share them): key by (set, qid).
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from qa.evaluate.metrics import contains_answer, matches_evidence
from qa.text.cjk import HAN
from qa.text.sentences import split_sentences
from qa.text.tokens import normalize_answer, terms
from qa.types import Article

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "eval" / "bench" / "data"
BENCH = Path("/work/shared/bench")  # CMRC and DRCD, read in place (never copied into the repo)
RECORDS = Path("/tmp/r/s20-start")
CJK_CHAR = re.compile(f"[{HAN}]")
FIELDS = ("qid", "q", "s", "label", "set", "family")


@dataclass(frozen=True)
class Source:
    """One set: its name, articles folder, questions file and corpus family."""

    name: str
    docs: Path
    gold: Path
    family: str


def sources(bench: Path = BENCH) -> list[Source]:
    """The development sets only, by name (`FAMILIES`, `_NEARMISS`, train30_en, trial_en): never a
    glob of eval/bench/data, which holds the check sets too. English questions over CMRC pages
    (train30_en, trial_en) and the near misses over cmrc_train30 belong to the family of their
    pages, so that a fold leaving a corpus out leaves out its articles whatever the question's language."""
    from eval.bench.general import _NEARMISS, FAMILIES

    def where(name: str) -> tuple[Path, Path]:
        if name == "seed":
            return ROOT / "seeds", ROOT / "eval" / "gold" / "seed.jsonl"
        folder = bench / name if name.startswith(("cmrc_", "drcd_")) else DATA / name
        return folder / "docs", folder / "gold.jsonl"

    family_of = {n: f for f, names in FAMILIES.items() for n in names}
    out = [Source(n, *where(n), family_of[n]) for n in family_of]
    out += [Source(f"{n}_nearmiss", DATA / n / "docs", DATA / n / "nearmiss.jsonl", family_of[n]) for n in _NEARMISS]
    out.append(Source("train30_nearmiss", bench / "cmrc_train30" / "docs", DATA / "train30_nearmiss.jsonl", "cmrc_train30"))
    out += [Source(f"{n}_en", bench / f"cmrc_{n}" / "docs", DATA / f"{n}_en.jsonl", f"cmrc_{n}") for n in ("train30", "trial")]
    return out


@lru_cache(maxsize=8)
def articles(docs: Path) -> dict[str, tuple[Article, ...]]:
    """File stem -> its articles, as `qa ingest` reads them (the title apart from the text)."""
    from qa.ingest.prepare import build_articles
    from qa.ingest.read import read_documents
    from qa.text.controls import strip_controls

    out = {}
    for path in sorted(docs.iterdir()):
        if not path.is_file():
            continue
        raw = read_documents(path, path.read_bytes())
        for doc in raw:
            doc.text, doc.title = strip_controls(doc.text)[0], strip_controls(doc.title)[0]
        out[path.stem] = tuple(build_articles(raw, path.name, path.stem))
    return out


def sentences(text: str) -> list[str]:
    """The answerer's sentences of `text`, stripped; pieces with no letter or digit left out."""
    return [s for span in split_sentences(text) if normalize_answer(s := text[span.start:span.end].strip())]


def labels(sents: list[str], answers: list[str]) -> tuple[list[int], str]:
    """1 for each sentence holding a gold answer, else 0; with no such sentence, both sentences of
    the first adjacent pair that together hold one. The reason is "" when some sentence is 1,
    otherwise why none is: "across sentences" (in the text, in no window of one or two),
    "not in the article"."""
    out = [int(contains_answer(s, answers)) for s in sents]
    if any(out):
        return out, ""
    for i in range(len(sents) - 1):
        if contains_answer(sents[i] + sents[i + 1], answers):
            out[i] = out[i + 1] = 1
            return out, ""
    return out, "across sentences" if contains_answer("".join(sents), answers) else "not in the article"


def content_terms(text: str) -> frozenset[str]:
    """Chinese character bigrams, Latin words and numbers (`qa.text.tokens.terms`) less English and
    Spanish function words: with eight articles a set, "how" and "much" weighed as much as "Klondike"
    and sent "How much gold was taken out of the Klondike?" to the Davy lamp."""
    from qa.text.paraphrase import function_words

    return frozenset(terms(text)) - function_words()


def _topic_terms(text: str) -> frozenset[str]:
    """`content_terms` and each Chinese character: a one-character name (钛, 钴, 氟) is no bigram of
    its own ("钛的熔点是多少？": 钛的, 的熔), and "钛的熔点" went to the Danube without it."""
    return content_terms(text) | frozenset(CJK_CHAR.findall(text))


class Topics:
    """A set's articles with the terms of each (title and text) and their IDF, for `nearest`."""

    def __init__(self, arts: list[Article]):
        self.arts = arts
        self.terms = [_topic_terms(a.title + "\n" + a.text) for a in arts]
        df = Counter(t for held in self.terms for t in held)
        self.idf = {t: math.log(1 + len(arts) / n) for t, n in df.items()}

    def nearest(self, question: str) -> Article:
        """The article sharing the most rare terms with the question (the sum of the shared terms'
        IDF): the topic a gold set's unanswerable question was written about, as a keyword
        retriever finds it."""
        q = _topic_terms(question)
        best = max(range(len(self.arts)), key=lambda i: sum(self.idf[t] for t in q & self.terms[i]))
        return self.arts[best]


def quoted(record: dict | None, arts: list[Article]) -> list[Article]:
    """The articles holding a quote the answerer cited for the question (its start-of-session record)."""
    quotes = [normalize_answer(q) for _, q in (record or {}).get("citations", [])]
    return [a for a in arts if any(q and q in normalize_answer(a.text) for q in quotes)]


def _evidence_articles(item: dict, stems: dict[str, tuple[Article, ...]]) -> list[Article]:
    """The articles of the files an item names (`evidence`, or a near miss's `topic`); of a file of
    several articles, those whose title or snippet the evidence names, else all of them."""
    named = [*item.get("evidence", []), *([item["topic"]] if item.get("topic") else [])]
    out = []
    for stem in dict.fromkeys(e for e in named if e in stems):
        arts = list(stems[stem])
        narrowed = [a for a in arts if matches_evidence([e for e in named if e not in stems], "", a.title, a.text)]
        out += narrowed if len(arts) > 1 and narrowed else arts
    return out


def set_pairs(source: Source, records: Path | None = RECORDS) -> tuple[list[dict], Counter]:
    """Every pair of one set, and its counts (questions, answerable, unanswerable, positives,
    negatives, and each reason a question was left out)."""
    stems = articles(source.docs)
    every = [a for arts in stems.values() for a in arts]
    topics = Topics(every)
    rec_path = records / f"{source.name}.json" if records else None
    recs = json.loads(rec_path.read_text(encoding="utf-8")) if rec_path and rec_path.is_file() else {}
    out: list[dict] = []
    count: Counter = Counter()
    for line in source.gold.read_text(encoding="utf-8").splitlines():
        if not line.strip() or not (item := json.loads(line))["question"].strip():
            continue
        count["questions"] += 1
        q = item["question"]
        unanswerable = bool(item.get("unanswerable")) or source.name.endswith("_nearmiss")
        arts = _evidence_articles(item, stems)
        if unanswerable and not arts:
            arts = list({a.id: a for a in [topics.nearest(q), *quoted(recs.get(item["id"]), every)]}.values())
        if not arts:
            count["left out: no evidence article"] += 1
            continue
        sents = [s for a in arts for s in sentences(a.text)]
        if unanswerable:
            marks, why = [0] * len(sents), ""
        else:
            answers = [a for a in item.get("answers", []) if a.strip()]
            marks, why = labels(sents, answers)
            if why:
                count[f"left out: {why}"] += 1
                continue
            count["several positives"] += sum(marks) > 1  # a short answer (a year, a name) said twice
            count["two-sentence positives"] += sum(marks) == 2 and not any(contains_answer(s, answers) for s in sents)
        count["unanswerable" if unanswerable else "answerable"] += 1
        count["positives"] += sum(marks)
        count["negatives"] += len(marks) - sum(marks)
        out += [dict(zip(FIELDS, (item["id"], q, s, m, source.name, source.family))) for s, m in zip(sents, marks)]
    return out, count


def build(out: Path, families: list[str] | None = None, bench: Path = BENCH,
          records: Path | None = RECORDS) -> dict[str, Counter]:
    """Write every pair of the chosen families' sets to `out` (JSON lines); counts per family."""
    per: dict[str, Counter] = defaultdict(Counter)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for source in sources(bench):
            if families and source.family not in families:
                continue
            pairs, count = set_pairs(source, records)
            per[source.family].update(count)
            f.writelines(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs)
    return dict(per)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path.home() / ".cache" / "qa-bench" / "reader" / "pairs.jsonl")
    parser.add_argument("--families", nargs="*", help="only these families (`FAMILIES` of eval.bench.general)")
    parser.add_argument("--bench", type=Path, default=BENCH, help="the folder of cmrc_trial, cmrc_train30, drcd_test")
    parser.add_argument("--records", type=Path, default=RECORDS,
                        help="the answerer's records (<set>.json) for the articles of unanswerable questions")
    args = parser.parse_args(argv)
    per = build(args.out, args.families, args.bench, args.records if args.records.is_dir() else None)
    keys = ["questions", "answerable", "unanswerable", "positives", "negatives", "several positives",
            "two-sentence positives"]
    keys += sorted({k for c in per.values() for k in c if k.startswith("left out")})
    print("\t".join(["family", *keys]))
    for family, c in per.items():
        print("\t".join([family, *(str(c[k]) for k in keys)]))
    print(f"-> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
