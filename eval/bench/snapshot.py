"""Every extractive answer on a gold set, written to JSON, so that a refactor that must not change
behaviour (the lexicon moving to data files, modules split by job) can be checked answer by answer:

    python -m eval.bench.snapshot --corpus ../shared/bench/cmrc_trial/docs \
        --gold ../shared/bench/cmrc_trial/gold.jsonl --out /tmp/before.json
    ... change the code ...
    python -m eval.bench.snapshot ... --out /tmp/after.json --compare /tmp/before.json

The store is built with the hash embedder (seconds) and searched by keyword alone: Chroma loads its
vector index by replaying writes on several threads, so on a store of a few hundred chunks the
dense half can return a different neighbour from one process to the next (1 answer in 1,000 moved
between two runs of the same tree), and the hash embedder's neighbours mean nothing anyway. A
difference is then the answerer's, the tokenizer's or the keyword index's, never noise. `--compare` prints each question whose
answer, refusal, support, gaps or citations moved, and exits 1 when any did.

`--real` answers as `qa ask` does by default instead: the configured embedder (vectors cached in
~/.cache/qa-bench, eval/bench/cache.py) and hybrid retrieval, on a store kept per corpus and chunker
(`store_digest`). That is the path users meet, and the one the issue-27 figures are reported on;
expect a rare answer to move between two runs of one tree (the dense neighbours above).
Every run prints the set's figures (`figures`): contains@1 (a gold answer inside the answer, a
refusal a miss), answerable questions refused, unanswerable ones refused, mean answer characters.
Sets by name, each into its own file, with a line of where the misses are (`eval.bench.misses`):

    python -m eval.bench.snapshot --real --set en_wiki7 --set zh_xwiki7 --out-dir /tmp/after

`--param NAME=VALUE` answers with another value of `ExtractiveParams`, `--threshold T` refuses under
another support (0: nothing refused, every answer's support recorded: a calibration table's input).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path


def store_digest(corpus: Path) -> str:
    """The name of a bench store of `corpus`: its path, the source of the code that cuts articles
    into chunks and the lexicon word lists that code reads (`qa.text.sentences.LEXICON_ENTRIES`).
    Ingest skips files it already holds, so a store built before the chunker changed would keep its
    old chunks and measure the new code on them."""
    import qa.ingest.chunk
    import qa.text.sentences
    from qa.text import lexicon

    key = hashlib.sha256(str(corpus.resolve()).encode())
    for module in (qa.ingest.chunk, qa.text.sentences):
        key.update(Path(module.__file__).read_bytes())
    for name in qa.text.sentences.LEXICON_ENTRIES:
        key.update("\0".join((name, *lexicon.words(name))).encode() + b"\1")
    return key.hexdigest()[:12]


def _store(corpus: Path, root: Path):
    from qa.config import load_settings
    from qa.ingest.pipeline import ingest

    digest = store_digest(corpus)
    settings = load_settings({"store": str(root / f"snapshot-{digest}"), "embed": "hash", "retrieval": "keyword"},
                             env={})
    ingest([corpus], settings)
    return settings


def params_from(pairs: list[str]):
    """`ExtractiveParams` with `NAME=VALUE` overrides: a field (`clause_chars=130`), a gap factor
    (`gap.event=1`) or a weight (`weight.first=0`), for measuring what one value does."""
    import dataclasses

    from qa.answer.params import DEFAULTS

    fields, gaps, weights = {}, dict(DEFAULTS.gap_factors), DEFAULTS.weights._asdict()
    for pair in pairs:
        name, _, value = pair.partition("=")
        if name.startswith("gap."):
            gaps[name[4:]] = float(value)
        elif name.startswith("weight."):
            weights[name[7:]] = float(value)
        else:
            kind = type(getattr(DEFAULTS, name))
            fields[name] = value.lower() in ("1", "true") if kind is bool else kind(value)
    return dataclasses.replace(DEFAULTS, gap_factors=gaps, weights=weights, **fields)


def snapshot(corpus: Path, gold: Path, root: Path, real: bool = False, params=None,
             threshold: float | None = None) -> dict[str, dict]:
    from qa.ask import ask, open_reader

    if real:
        from eval.bench.cache import DEFAULT_CACHE
        from eval.bench.general import open_set
        settings, store, embedder = open_set(corpus, root, True, DEFAULT_CACHE)
    else:
        settings = _store(corpus, root)
        store, embedder = open_reader(settings)
    if threshold is not None:
        import dataclasses
        settings = dataclasses.replace(settings, refusal_threshold=threshold)
    out: dict[str, dict] = {}
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if not item["question"].strip():  # a gold line without a question has no answer to keep
            continue
        a = ask(item["question"], settings, store=store, embedder=embedder, mode="extractive", params=params)
        out[item["id"]] = {"question": item["question"], "answer": a.answer, "refused": a.refused,
                           "support": round(a.support, 4), "gaps": [g.get("kind") for g in a.gaps],
                           "citations": [[c.chunk_id, c.quote] for c in a.citations]}
    return out


def figures(answers: dict[str, dict], gold: Path) -> dict:
    """contains@1 over the answerable questions (a refusal a miss), the share of them refused, the
    unanswerable questions refused (count and total), and the mean answer length in characters
    without the [n] markers (refusals left out)."""
    from qa.evaluate.metrics import contains_answer, strip_citations

    items = {it["id"]: it for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
             for it in [json.loads(line)] if it["id"] in answers}
    ans = [i for i, it in items.items() if not it.get("unanswerable")]
    una = [i for i in items if i not in ans]
    right = sum(not answers[i]["refused"] and contains_answer(strip_citations(answers[i]["answer"]), items[i]["answers"])
                for i in ans)
    lengths = [len(strip_citations(a["answer"]).strip()) for a in answers.values() if not a["refused"]]
    return {"answerable": len(ans), "contains@1": round(right / len(ans), 3) if ans else None,
            "refused": round(sum(answers[i]["refused"] for i in ans) / len(ans), 3) if ans else None,
            "unanswerable_refused": f"{sum(answers[i]['refused'] for i in una)}/{len(una)}",
            "mean_chars": round(sum(lengths) / len(lengths)) if lengths else None}


def named_sets(bench: Path) -> dict[str, tuple[Path, Path]]:
    """name -> (docs, gold) of every visible set: the protocol's (`eval.bench.general.default_sets`,
    near misses as `<set>_nearmiss`) and the English questions over Chinese pages (train30_en,
    trial_en), which the protocol's hash stores cannot answer."""
    from eval.bench.general import ROOT, default_sets

    data = ROOT / "eval" / "bench" / "data"
    out = {c.name: (c.docs, c.gold) for c in default_sets(bench, Path(), swaps=False)}
    out |= {f"{n}_en": (bench / f"cmrc_{n}" / "docs", data / f"{n}_en.jsonl") for n in ("train30", "trial")}
    return out


def _by_name(args, parser) -> int:
    """`--set NAME...`: each set answered into `--out-dir`/NAME.json, a line of its figures and one of
    where its misses are (`eval.bench.misses`: counts only, so a check set may be run this way)."""
    from eval.bench.misses import tally

    sets = named_sets(args.bench)
    unknown = [n for n in args.set if n not in sets]
    if unknown:
        parser.error(f"no set {', '.join(unknown)}; the sets: {', '.join(sorted(sets))}")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    params = params_from(args.param) if args.param else None
    for name in args.set:
        docs, gold = sets[name]
        now = snapshot(docs, gold, args.stores, real=args.real, params=params, threshold=args.threshold)
        (args.out_dir / f"{name}.json").write_text(json.dumps(now, ensure_ascii=False, indent=1), encoding="utf-8")
        misses = dict(sorted(tally(now, gold, docs).items()))
        print(f"{name} {json.dumps(figures(now, gold))} {json.dumps(misses)}", flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--gold", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--set", action="append", default=[], metavar="NAME",
                        help="instead of --corpus/--gold/--out: a visible set by name (cmrc_trial, seed, en_wiki7, "
                             "en_wiki_nearmiss, train30_en, ...), answered into --out-dir/NAME.json")
    parser.add_argument("--out-dir", type=Path, default=Path("snapshots"))
    parser.add_argument("--bench", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "bench",
                        help="the folder of cmrc_trial, cmrc_train30 and drcd_test")
    parser.add_argument("--compare", type=Path, help="an earlier snapshot: list what moved, exit 1 if anything did")
    parser.add_argument("--stores", type=Path, default=Path.home() / ".cache" / "qa-bench")
    parser.add_argument("--real", action="store_true", help="the configured embedder and hybrid retrieval, as `qa ask`")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="answer with another value: a field of ExtractiveParams, gap.KIND or weight.FEATURE")
    parser.add_argument("--threshold", type=float, help="refuse under this support instead of the configured one "
                        "(0: answer all, the support of each answer recorded, to read a calibration off)")
    args = parser.parse_args(argv)
    if args.set:
        return _by_name(args, parser)
    if not (args.corpus and args.gold and args.out):
        parser.error("give --corpus, --gold and --out, or --set NAME")
    now = snapshot(args.corpus, args.gold, args.stores, real=args.real,
                   params=params_from(args.param) if args.param else None, threshold=args.threshold)
    args.out.write_text(json.dumps(now, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(now)} answers -> {args.out}")
    print(json.dumps(figures(now, args.gold)))
    if args.compare is None:
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    moved = [i for i in now if before.get(i) != now[i]]
    for i in moved:
        print(f"moved {i} {now[i]['question']}\n  before {json.dumps(before.get(i), ensure_ascii=False)}\n"
              f"  after  {json.dumps(now[i], ensure_ascii=False)}")
    print(f"{len(moved)} of {len(now)} answers moved")
    return 1 if moved else 0


if __name__ == "__main__":
    sys.exit(main())
