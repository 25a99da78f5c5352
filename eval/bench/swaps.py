"""Entity swaps (issue 23 point 1): does `qa` answer a question about one article's subject with
another article's facts?

Built from a benchmark folder (docs/<id>.txt: title on line 1; gold.jsonl): for a question that
names its article's title T, T is replaced by another article's title T2 of the same length and
script (character classes position by position), where T2 never occurs in the first article and T
never in the second. The pick among the candidates is by a hash of the question id, so the set is
the same on every run. The honest outcome is a refusal, or an answer cited only from articles
that name T2; anything else is an answer about the wrong entity.

    python -m eval.bench.swaps --bench ../shared/bench/cmrc_trial --bench ../shared/bench/cmrc_train30 \
        --write eval/bench/data/swaps.jsonl          # build (deterministic) and keep the set
    python -m eval.bench.swaps --bench ../shared/bench/cmrc_trial --bench ../shared/bench/cmrc_train30
                                                     # build, answer on a hash-embedder keyword store, score

`--embed local --retrieval hybrid` answers with the real embedder instead (slower: a store per
setting under --stores, built once).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

from qa.text.cjk import fold, is_cjk


def _shape(text: str) -> str:
    """The script of each character: Han, Latin, digit, other; titles swap only with the same shape."""
    return "".join("h" if is_cjk(c) else "l" if c.isascii() and c.isalpha() else "d" if c.isdigit() else "o"
                   for c in text)


def read_docs(bench: Path) -> dict[str, tuple[str, str]]:
    """doc id -> (title, whole text with the title), as written."""
    out = {}
    for path in sorted((bench / "docs").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.stem] = (text.split("\n", 1)[0].strip(), text)
    return out


def build(bench: Path) -> list[dict]:
    """The swapped questions of `bench`. "Occurs" is read on folded text (`qa.text.cjk.fold`): a
    Traditional article writing 西羅馬帝國 names the title 西罗马帝国 (DRCD's titles are often in
    the other script), and the paragraphs that share a title are one article (DRCD: a file a
    paragraph), so T2 is absent from all of T's and T from all of T2's."""
    docs = read_docs(bench)
    folded = {d: (fold(title), fold(text)) for d, (title, text) in docs.items()}
    article: dict[str, str] = {}  # folded title -> every paragraph of that article
    for title, text in folded.values():
        article[title] = article.get(title, "") + "\n" + text
    by_shape: dict[tuple[int, str], list[str]] = {}
    for doc_id, (title, _) in docs.items():
        by_shape.setdefault((len(title), _shape(title)), []).append(doc_id)
    out = []
    for line in (bench / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        question, doc_id = item["question"], item["evidence"][0]
        title, low = docs[doc_id][0], folded[doc_id][0]
        if len(title) < 2 or title not in question:
            continue
        others = sorted({docs[d][0]: d for d in by_shape[(len(title), _shape(title))]
                         if folded[d][0] != low and folded[d][0] not in article[low]
                         and low not in article[folded[d][0]] and folded[d][0] not in fold(question)}.values())
        if not others:
            continue
        pick = others[int(hashlib.sha256(item["id"].encode()).hexdigest(), 16) % len(others)]
        out.append({"id": item["id"], "bench": bench.name, "question": question.replace(title, docs[pick][0]),
                    "original": question, "title": title, "swap": docs[pick][0], "article": doc_id,
                    "swap_article": pick})
    return out


def judge(answer, swap: str, texts: dict[str, str]) -> str:
    """refused | honest (cited only from articles naming the swapped-in title) | wrong."""
    if answer.refused:
        return "refused"
    swap = fold(swap)
    named = all(swap in fold(texts.get(Path(c.source).stem, c.title + "\n" + c.text)) for c in answer.citations)
    return "honest" if answer.citations and named else "wrong"


def score(items: list[dict], benches: list[Path], stores: Path, embed: str, retrieval: str) -> dict:
    from qa.ask import ask, open_reader
    from qa.config import load_settings
    from qa.ingest.pipeline import ingest

    counts: dict[str, dict[str, int]] = {}
    wrong = []
    for bench in benches:
        digest = hashlib.sha256(f"{bench.resolve()}|{embed}".encode()).hexdigest()[:12]
        settings = load_settings({"store": str(stores / f"swaps-{digest}"), "embed": embed, "retrieval": retrieval},
                                 env={})
        ingest([bench / "docs"], settings)
        store, embedder = open_reader(settings)
        texts = {d: t for d, (_, t) in read_docs(bench).items()}
        tally = counts.setdefault(bench.name, {"questions": 0, "refused": 0, "honest": 0, "wrong": 0})
        for item in (i for i in items if i["bench"] == bench.name):
            a = ask(item["question"], settings, store=store, embedder=embedder, mode="extractive")
            verdict = judge(a, item["swap"], texts)
            tally["questions"] += 1
            tally[verdict] += 1
            if verdict == "wrong":
                wrong.append(f"{item['id']} {item['question']} -> {a.answer[:80]}")
    return {"counts": counts, "wrong": wrong}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, action="append", required=True, help="a benchmark folder (docs/, gold.jsonl)")
    parser.add_argument("--write", type=Path, help="write the set here as JSON lines and stop")
    parser.add_argument("--stores", type=Path, default=Path.home() / ".cache" / "qa-bench")
    parser.add_argument("--embed", default="hash", help="hash (default: seconds to build) or local")
    parser.add_argument("--retrieval", default="keyword", help="keyword (default) or hybrid")
    parser.add_argument("--show", action="store_true", help="list the wrong-entity answers")
    args = parser.parse_args(argv)
    items = [i for bench in args.bench for i in build(bench)]
    if args.write:
        args.write.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        print(f"{len(items)} swapped questions -> {args.write}")
        return 0
    result = score(items, args.bench, args.stores, args.embed, args.retrieval)
    if args.show:
        print("\n".join(result["wrong"]))
    total = {k: sum(c[k] for c in result["counts"].values()) for k in ("questions", "refused", "honest", "wrong")}
    print(f"{'set':<14} {'questions':>9} {'refused':>8} {'honest':>7} {'wrong':>7}")
    for name, c in [*result["counts"].items(), ("all", total)]:
        n = c["questions"] or 1
        print(f"{name:<14} {c['questions']:>9} {c['refused'] / n:>8.3f} {c['honest'] / n:>7.3f} {c['wrong'] / n:>7.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
