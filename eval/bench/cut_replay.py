"""The English/Spanish cut replayed on each question's gold sentence, in seconds and with no store:
the first sentence of the question's evidence article that holds a gold answer is cut as the
extractive answerer cuts a long sentence (`qa.answer.clauses.phrases`), and the cut either keeps a
gold answer or loses it (the snapshot's `wrong:cut`, without retrieval's choice of sentence):

    python -m eval.bench.cut_replay --out /tmp/cuts.json        # every en/es development set
    python -m eval.bench.cut_replay en_wiki19 es_wiki19 --show   # ...or some, with the cuts lost

Per set: answerable questions with a gold sentence, how many of those sentences are longer than
the budget (`clause_chars`: only those are cut), how many cuts keep the answer, and the mean cut
length. `--out` writes {id: [kept, length, cut]} for comparing two trees (put the other tree first
on the path: `PYTHONPATH=/tmp/other-tree python eval/bench/cut_replay.py …`). Only development sets
are replayed (`DEV`): calibration and check sets are read in aggregate through the snapshot alone.
Session 17 (encut): 30 cuts of 788 long gold sentences lost the answer at the start, 24 after.
Session 18 (cut; en_wiki21 and es_wiki21 development sets now): 32 of 857 lost at the start, 29 after
(`phrase_cues.kind_cued`: a name of the kind a which-question names).
Session 19 (cut; en_wiki23 and es_wiki23 development sets now): 36 of 926 lost at the start, 30 after
(Spanish kind nouns by LibreOffice's thesaurus, `phrase_cues.kind_names`; a relative clause after a
preposition speaking of the noun a which-question asks, `phrase_kinds.linked`); mean cut 127.5 -> 128.1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
DEV = ("en_news es_news en_wiki en_wiki2 en_wiki3 en_wiki4 en_wiki7 en_wiki9 en_wiki11 en_wiki13 en_wiki15 "
       "en_wiki17 en_wiki19 en_wiki21 en_wiki23 es_wiki es_wiki2 es_wiki3 es_wiki4 es_wiki7 es_wiki9 es_wiki11 es_wiki13 es_wiki15 "
       "es_wiki17 es_wiki19 es_wiki21 es_wiki23").split()


def gold_sentences(folder: Path) -> Iterator[tuple[dict, str, str, object]]:
    """(gold item, article title, paragraph, sentence span) for each answerable question of the set in
    `folder` (docs/ and gold.jsonl) whose evidence article has a sentence holding a gold answer."""
    from qa.evaluate.metrics import contains_answer
    from qa.text.sentences import split_sentences

    docs = {}
    for path in sorted((folder / "docs").iterdir()):
        lines = path.read_text(encoding="utf-8").splitlines()
        docs[path.stem] = (lines[0].strip(), [" ".join(line.split()) for line in lines[1:] if line.strip()])
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line) if line.strip() else {}
        if not item.get("question") or item.get("unanswerable"):
            continue
        found = next(((title, para, span) for e in item.get("evidence") or list(docs) if e in docs
                      for title, paras in [docs[e]] for para in paras for span in split_sentences(para)
                      if contains_answer(para[span.start:span.end], item["answers"])), None)
        if found is not None:
            yield item, *found


def replay(folder: Path, budget: int | None = None) -> dict[str, tuple[bool, int, str, int]]:
    """{question id: (the cut keeps a gold answer, its length, the cut, the sentence's length)}."""
    from qa.answer.clauses import phrases
    from qa.answer.params import DEFAULTS
    from qa.answer.windows import analyse
    from qa.evaluate.metrics import contains_answer

    p = DEFAULTS
    out = {}
    for item, title, para, span in gold_sentences(folder):
        start, end = phrases(para, title, span, analyse(item["question"], None), budget or p.clause_chars, True,
                             p.clause_reach, p.tail_chars)
        cut = para[start:end]
        out[item["id"]] = (contains_answer(cut, item["answers"]), len(cut), cut, span.end - span.start)
    return out


def main(argv: list[str] | None = None) -> int:
    from qa.answer.params import DEFAULTS

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="development sets (default: every English and Spanish one)")
    parser.add_argument("--budget", type=int, help="clause_chars to replay with")
    parser.add_argument("--show", action="store_true", help="print each cut that lost the answer")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    unknown = [s for s in args.sets if s not in DEV]
    if unknown:
        parser.error(f"not a development set: {', '.join(unknown)}")
    budget = args.budget or DEFAULTS.clause_chars
    rows: dict = {}
    total = [0, 0, 0, 0]
    for name in args.sets or DEV:
        cuts = replay(DATA / name, budget)
        rows |= cuts
        long = [c for c in cuts.values() if c[3] > budget]
        kept = sum(c[0] for c in long)
        chars = sum(c[1] for c in cuts.values())
        print(f"{name}: n={len(cuts)} long={len(long)} kept={kept} lost={len(long) - kept} "
              f"mean={chars / max(len(cuts), 1):.0f}")
        if args.show:
            for qid, (ok, _, cut, _) in cuts.items():
                if not ok:
                    print(f"  lost {qid}: {cut}")
        for k, v in enumerate((len(cuts), len(long), kept, chars)):
            total[k] += v
    print(f"total: n={total[0]} long={total[1]} kept={total[2]} lost={total[1] - total[2]} "
          f"mean={total[3] / max(total[0], 1):.1f}")
    if args.out:
        args.out.write_text(json.dumps({k: list(v[:3]) for k, v in rows.items()}, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
