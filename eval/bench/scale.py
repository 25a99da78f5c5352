"""How `qa` behaves as the store grows: build, disk, load, warm retrieval, cold `qa ask`, recall.

python -m eval.bench.scale [--sizes 1000,10000,100000] [--questions 100] [--runs 3] [--out FILE.json]
                           [--keep DIR [--reuse]] [--profile] [--corpus DOCS --gold GOLD.jsonl]
                           [--distractors others|all] [--seed 0]

For each size N (chunks) a synthetic corpus is written to a temporary folder: sentences of the
source corpus (default /work/shared/bench/cmrc_trial/docs) recombined into .txt documents (a title
line, a blank line, 2-3 paragraphs of ~300 characters; each yields a few chunks, counted with the
ingest pipeline's own `prepare` until they add up to N). `--questions` gold questions (one per
source document) have their evidence (the sentence holding the answer and its neighbours) planted
as a paragraph of exactly one synthetic document, spread evenly through the corpus. Distractor
sentences come from the source documents no question comes from (`--distractors all`: from every
document, the planted sentences excepted); a sentence holding an answer is never one, so each
answer lives in one place. The same questions are asked at every size, so hit@5 (a passage of the
planted document among the top 5) is comparable across sizes. Everything follows from `--seed`.

At each size:
- build: `qa ingest DIR --store S --json` in a subprocess with QA_EMBED=hash (instant, meaningless
  vectors: the real embedder would take hours at 100k; embedding cost is benchmarked elsewhere), wall
  seconds and chunks/s; the store's size on disk (allocated blocks, as du counts them);
- load: in fresh processes, `Store.open(settings)` + `store.load()` (median of `--runs`); Chroma
  reads its vector index only at the first query, so that query is timed too (1st query);
- warm: in one process, after loading, `qa.ask.find_passages` (hybrid and re-ranked, what `qa ask`
  and the chat run) per question: p50/p95 ms
  and hit@1/hit@5 from the same results; also hit@5 of keyword search alone (untimed), since the
  hash embedder's dense ranking is noise that the fusion lets in, and of bm25s (the reference BM25
  the index's scores equal) over every live chunk: where hit@5 moves with the size, equal figures
  say the corpus moved it, not a broken index;
- cold: fresh `python -m qa.cli ask --json Q --store S` processes (one untimed first, then
  `--runs`): median wall ms and the peak RSS of each ask process alone (os.wait4's rusage).

`python -c "import chromadb"` is timed next to every cold ask (the machine is shared and noisy, so
ratios to it and to the smallest size are the figures to compare), and the issue's targets are
checked: warm p95 <= 50 ms at 10k and <= 150 ms at 100k chunks, cold ask <= 3 s and peak RSS <=
800 MB at 100k, hit@5 within 0.02 at every size. A target whose size was not run is "not measured".

`--keep DIR` keeps each store (DIR/N, with DIR/N.json describing it); with `--reuse` a kept store
built by the same recipe (seed, questions, distractors, source corpus, size) is measured again without being
rebuilt, its build figures read from DIR/N.json. `--profile` re-runs each size's build (into
a scratch store) and one cold ask under pyinstrument (`pip install -e '.[bench]'`) and writes their
text profiles next to the JSON, printing where the time goes by qa function.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCE = ROOT.parent / "shared/bench/cmrc_trial/docs"
RECIPE = 2  # bump when the corpus recipe changes, so --reuse does not measure a store made the old way
WARMUP = "城市更新项目的进展如何?"  # not a benchmark question: the first search pays one-off costs


# -- corpus -------------------------------------------------------------------------------------

def load_source(docs: Path, gold: Path, count: int, distractors: str = "others") -> tuple[list[str], list[dict]]:
    """(distractor sentences, questions to plant): `count` answerable gold questions, the first of
    each source document whose answer is found in its passage, each with its evidence passage.
    Distractors come from the other source documents (`others`), or from all of them but the
    planted sentences (`all`)."""
    from qa.text.sentences import split_sentences

    bodies = {p.stem: p.read_text(encoding="utf-8").split("\n", 1)[-1].strip() for p in sorted(docs.glob("*.txt"))}
    plants, planted, used = [], set(), set()
    for line in gold.read_text(encoding="utf-8").splitlines():
        item = json.loads(line) if line.strip() else {}
        if len(plants) == count:
            break
        doc = (item.get("evidence") or [None])[0]
        answer = (item.get("answers") or [""])[0]
        if item.get("unanswerable") or not item.get("question") or not answer or doc not in bodies or doc in used:
            continue
        body = bodies[doc]
        at = body.find(answer)
        spans = split_sentences(body)
        covering = [i for i, s in enumerate(spans) if s.start < at + len(answer) and s.end > at]
        if at < 0 or not covering:
            continue
        chosen = spans[max(0, covering[0] - 1):covering[-1] + 2]
        planted |= {body[s.start:s.end] for s in chosen}
        used.add(doc)
        plants.append({"id": item.get("id", str(len(plants))), "question": item["question"], "answer": answer,
                       "passage": body[chosen[0].start:chosen[-1].end].replace("\n", "")})
    if len(plants) < count:
        raise SystemExit(f"only {len(plants)} usable questions in {gold} (asked for {count})")
    # Answers shorter than 4 characters ("1963年") are too common to keep out of every sentence.
    answers = [p["answer"] for p in plants if len(p["answer"]) >= 4]
    # With `all`, the rest of a question's article is a distractor and, recombined, has N/1000
    # copies: a crowd of same-topic passages that grows with N and lowers hit@5 with it (0.915 at
    # 1k, 0.805 at 10k chunks), which a real collection does not do. `others` keeps sizes comparable.
    sources = bodies if distractors == "all" else {k: v for k, v in bodies.items() if k not in used}
    pool = [s for body in sources.values() for s in (body[sp.start:sp.end] for sp in split_sentences(body))
            if s not in planted and not any(a in s for a in answers)]
    return pool, plants


def write_corpus(folder: Path, size: int, pool: list[str], plants: list[dict], seed: int) -> dict:
    """Write documents into `folder` until their chunks add up to `size` (and every question is
    planted); returns {"files", "chunks", "planted": {question id: file name}}. Files are written
    as they are made: at 100k chunks there are ~30k of them."""
    from qa.config import load_settings
    from qa.ingest.pipeline import prepare

    settings = load_settings({"store": str(folder / ".unused")}, env={}, cwd=folder)
    rng = random.Random(f"scale-{seed}-{size}")
    folder.mkdir(parents=True, exist_ok=True)

    def paragraph() -> str:
        parts, length = [], 0
        while length < 300:
            parts.append(rng.choice(pool))
            length += len(parts[-1])
        return "".join(parts)

    chunks, files, planted = 0, 0, {}
    while chunks < size or len(planted) < len(plants):
        title = rng.choice(pool)[:rng.randint(8, 16)].rstrip("，,、：: ")
        # 2-3 paragraphs: from 4 on, ingest may split a document by topic, and these have none.
        paragraphs = [paragraph() for _ in range(rng.randint(2, 3))]
        name = f"{files:06d}.txt"
        # Plant the next question once the chunks so far reach its share of N: spread evenly.
        if len(planted) < len(plants) and chunks >= len(planted) * size / len(plants):
            plant = plants[len(planted)]
            paragraphs[rng.randrange(len(paragraphs))] = plant["passage"]
            planted[plant["id"]] = name
        data = f"{title}\n\n" + "\n".join(paragraphs) + "\n"
        path = folder / name
        path.write_text(data, encoding="utf-8")
        chunks += len(prepare(path, settings, data=data.encode("utf-8"))[1])
        files += 1
    return {"files": files, "chunks": chunks, "planted": planted}


# -- processes ----------------------------------------------------------------------------------

def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QA_", "OPENAI_"))}
    env.update(QA_EMBED="hash", PYTHONPATH=str(ROOT), NO_COLOR="1")
    return env


def run(argv: list[str], stdin: str = "") -> dict:
    """Run one process to its end: {"ms", "code", "rss_mb" (its own peak, from os.wait4), "out", "err"}."""
    with tempfile.TemporaryFile() as fin, tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr:
        fin.write(stdin.encode("utf-8"))
        fin.seek(0)
        t = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=ROOT, env=child_env(), stdin=fin, stdout=fout, stderr=ferr)
        # Reaped here rather than by Popen.wait: wait4 gives this process's rusage, where
        # getrusage(RUSAGE_CHILDREN) would give the largest of every child so far (ingest included).
        _, status, usage = os.wait4(proc.pid, 0)
        ms = (time.perf_counter() - t) * 1000
        proc.returncode = os.waitstatus_to_exitcode(status)
        fout.seek(0)
        ferr.seek(0)
        return {"ms": ms, "code": proc.returncode, "rss_mb": usage.ru_maxrss / 1024,
                "out": fout.read().decode("utf-8", "replace"), "err": ferr.read().decode("utf-8", "replace")}


def checked(done: dict, what: str) -> dict:
    if done["code"] != 0:
        raise SystemExit(f"{what} exited {done['code']}:\n{done['err'][-3000:]}")
    return done


def bench_child(argv: list[str]) -> list[str]:
    return [sys.executable, "-m", "eval.bench.scale", "--child", *argv]


def child_main(what: str, store: str) -> None:
    """The measurements that need a fresh process of their own; JSON on stdout."""
    from qa.config import load_settings
    from qa.store import Store

    settings = load_settings({"store": store, "embed": "hash"}, env={})
    t = time.perf_counter()
    opened = Store.open(settings)
    opened.load()
    load_ms = (time.perf_counter() - t) * 1000
    if what == "load":
        print(json.dumps({"load_ms": load_ms}))
        return
    from qa.ask import find_passages
    from qa.embed import make_embedder

    embedder = make_embedder(settings)
    t = time.perf_counter()
    find_passages(WARMUP, settings, opened, embedder)
    first_ms = (time.perf_counter() - t) * 1000
    times, top, keyword = [], [], []
    questions = sys.stdin.read()
    for question in json.loads(questions):
        t = time.perf_counter()
        hits = find_passages(question, settings, opened, embedder)
        times.append((time.perf_counter() - t) * 1000)
        top.append([Path(h.source).name for h in hits])
        # Keyword search alone, untimed: the hash embedder's dense ranking is noise, and this
        # tells how much of a change in hit@5 is the fusion letting that noise in.
        keyword.append([Path(h.source).name for h in find_passages(question, settings, opened, embedder,
                                                                   method="keyword")])
    print(json.dumps({"load_ms": load_ms, "first_ms": first_ms, "times_ms": times, "top": top, "keyword": keyword,
                      "reference": reference_keyword(opened, json.loads(questions))}))


def reference_keyword(store, questions: list[str], k: int = 5) -> list[list[str]]:
    """The top `k` documents of each question by bm25s (the reference BM25 our index's scores equal,
    tests/test_keyword.py) over every live chunk, tokenised as the index tokenises: when keyword
    hit@5 moves with the size, this says whether the index or the corpus moved it."""
    import bm25s
    import numpy as np

    from qa.store.keyword import keyword_text
    from qa.text.questions import keyword_query
    from qa.text.tokens import tokenize

    records = list(store.keyword.records(sorted(store.live_chunk_ids())).values())
    reference = bm25s.BM25()
    reference.index([tokenize(keyword_text(r["title"], r["text"])) for r in records], show_progress=False)
    out = []
    for question in questions:
        scores = reference.get_scores(tokenize(keyword_query(question), query=True))
        best = np.argsort(-scores, kind="stable")[:k]
        out.append([Path(records[i]["source"]).name for i in best if scores[i] > 0])
    return out


def disk_mb(path: Path) -> float:
    return sum(p.lstat().st_blocks * 512 for p in path.rglob("*")) / 2**20


def stored_chunks(store: Path) -> int | None:
    try:
        manifest = json.loads((store / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return sum(len(doc["chunk_ids"]) for doc in manifest.get("documents", {}).values())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


# -- one size -----------------------------------------------------------------------------------

def build(size: int, store: Path, meta_path: Path | None, recipe: dict, pool, plants, seed: int,
          scratch: Path, reuse: bool) -> dict:
    """Build (or, with --reuse, find) the store of one size; its description, build figures included."""
    if reuse and meta_path and meta_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        if meta.get("recipe") == recipe and stored_chunks(store) == meta["stored_chunks"]:
            print(f"  {size}: reusing {store}", file=sys.stderr)
            return {**meta, "reused": True}
    shutil.rmtree(store, ignore_errors=True)
    corpus = scratch / f"corpus-{size}"
    t = time.perf_counter()
    made = write_corpus(corpus, size, pool, plants, seed)
    write_s = time.perf_counter() - t
    print(f"  {size}: wrote {made['files']} files ({made['chunks']} chunks) in {write_s:.1f}s; ingesting",
          file=sys.stderr)
    done = checked(run([sys.executable, "-m", "qa.cli", "ingest", str(corpus), "--store", str(store), "--json"]),
                   "qa ingest")
    shutil.rmtree(corpus, ignore_errors=True)
    report = json.loads(done["out"])
    if report["failed"]:
        raise SystemExit(f"qa ingest failed on {len(report['failed'])} files: {report['failed'][:3]}")
    if stored_chunks(store) != made["chunks"]:
        print(f"  {size}: note: qa ingest stored {stored_chunks(store)} chunks, prepare counted {made['chunks']}",
              file=sys.stderr)
    meta = {"recipe": recipe, "files": made["files"], "chunks": made["chunks"], "stored_chunks": stored_chunks(store),
            "planted": made["planted"], "build_s": round(done["ms"] / 1000, 2),
            "ingest_s": round(report["seconds"], 2), "build_rss_mb": round(done["rss_mb"], 1)}
    if meta_path:
        meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {**meta, "reused": False}


def measure(size: int, store: Path, meta: dict, plants: list[dict], runs: int, reference: list[float]) -> dict:
    loads = [json.loads(checked(run(bench_child(["load", str(store)])), "load")["out"])["load_ms"]
             for _ in range(runs)]
    warm = json.loads(checked(run(bench_child(["warm", str(store)]), json.dumps([p["question"] for p in plants])),
                              "warm retrieval")["out"])
    where = [meta["planted"][p["id"]] for p in plants]
    hit1 = sum(top[:1] == [w] for top, w in zip(warm["top"], where)) / len(plants)
    hit5 = sum(w in top[:5] for top, w in zip(warm["top"], where)) / len(plants)
    hit5_keyword = sum(w in top[:5] for top, w in zip(warm["keyword"], where)) / len(plants)
    hit5_bm25s = sum(w in top[:5] for top, w in zip(warm["reference"], where)) / len(plants)
    asks, rss, inner = [], [], []
    for i in range(runs + 1):
        question = plants[i % len(plants)]["question"]
        reference.append(checked(run([sys.executable, "-c", "import chromadb"]), "import chromadb")["ms"])
        done = checked(run([sys.executable, "-m", "qa.cli", "ask", "--json", question, "--store", str(store)]),
                       "qa ask")
        if i:  # the first one compiles .pyc files and fills the page cache
            asks.append(done["ms"])
            rss.append(done["rss_mb"])
            inner.append(json.loads(done["out"])["timings"]["total_ms"])
    stored = meta["stored_chunks"]
    return {"size": size, "chunks": stored, "files": meta["files"], "reused": meta["reused"],
            "build_s": meta["build_s"], "chunks_per_s": round(stored / meta["build_s"], 1),
            "disk_mb": round(disk_mb(store), 1), "load_ms": round(statistics.median(loads), 1),
            "first_query_ms": round(warm["first_ms"], 1),
            "warm_p50_ms": round(percentile(warm["times_ms"], 0.5), 2),
            "warm_p95_ms": round(percentile(warm["times_ms"], 0.95), 2),
            "hit1": round(hit1, 3), "hit5": round(hit5, 3), "hit5_keyword": round(hit5_keyword, 3),
            "hit5_bm25s": round(hit5_bm25s, 3),
            "cold_ask_ms": round(statistics.median(asks), 1), "cold_ask_total_ms": round(statistics.median(inner), 1),
            "ask_rss_mb": round(max(rss), 1), "build_rss_mb": meta["build_rss_mb"],
            "runs": {"load_ms": [round(v, 1) for v in loads], "cold_ask_ms": [round(v, 1) for v in asks],
                     "ask_rss_mb": [round(v, 1) for v in rss]}}


# -- report -------------------------------------------------------------------------------------

RATIOS = ["build_s", "disk_mb", "load_ms", "first_query_ms", "warm_p50_ms", "warm_p95_ms", "cold_ask_ms", "ask_rss_mb"]


def targets(rows: list[dict]) -> list[dict]:
    by = {r["size"]: r for r in rows}

    def at(size: int, key: str, limit: float, unit: str, label: str) -> dict:
        if size not in by:
            return {"target": f"{label} at {size} <= {limit:g} {unit}", "met": None}
        value = by[size][key]
        return {"target": f"{label} at {size}: {value:g} {unit} <= {limit:g} {unit}", "met": value <= limit}

    goals = [at(10_000, "warm_p95_ms", 50, "ms", "warm hybrid p95"),
             at(100_000, "warm_p95_ms", 150, "ms", "warm hybrid p95"),
             at(100_000, "cold_ask_ms", 3000, "ms", "cold qa ask"),
             at(100_000, "ask_rss_mb", 800, "MB", "qa ask peak RSS")]
    hits = [r["hit5"] for r in rows]
    spread = max(hits) - min(hits)
    goals.append({"target": f"hit@5 the same at every size: {min(hits):.3f}..{max(hits):.3f} "
                            f"(spread {spread:.3f} <= 0.02)", "met": spread <= 0.02 if len(rows) > 1 else None})
    # An index that lost chunks or scored them wrong would part from the reference; a corpus whose
    # distractors crowd out an answer moves both alike.
    same = [r for r in rows if r.get("hit5_bm25s") is not None]
    goals.append({"target": "keyword hit@5 equals bm25s's over the same chunks at every size: "
                            + ", ".join(f"{r['hit5_keyword']:.3f}/{r['hit5_bm25s']:.3f}" for r in same),
                  "met": all(abs(r["hit5_keyword"] - r["hit5_bm25s"]) < 1e-9 for r in same) if same else None})
    return goals
    return goals


def print_table(rows: list[dict], chromadb_ms: float, questions: int) -> None:
    print("| chunks | files | build s | chunks/s | disk MB | load ms | 1st query ms | warm p50 ms | warm p95 ms "
          "| hit@1 | hit@5 | hit@5 kw | hit@5 bm25s | cold ask ms | x import chromadb | ask RSS MB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['chunks']} | {r['files']} | {r['build_s']:.1f}{' (kept)' if r['reused'] else ''} "
              f"| {r['chunks_per_s']:.0f} | {r['disk_mb']:.1f} | {r['load_ms']:.0f} | {r['first_query_ms']:.0f} "
              f"| {r['warm_p50_ms']:.1f} "
              f"| {r['warm_p95_ms']:.1f} | {r['hit1']:.3f} | {r['hit5']:.3f} | {r['hit5_keyword']:.3f} "
              f"| {r.get('hit5_bm25s', float('nan')):.3f} | {r['cold_ask_ms']:.0f} | {r['cold_ask_ms'] / chromadb_ms:.2f} | {r['ask_rss_mb']:.0f} |")
    base = rows[0]
    print(f"\nratio to {base['chunks']} chunks (hit@k over {questions} questions; "
          f"import chromadb {chromadb_ms:.0f} ms):")
    print("| chunks | x chunks | " + " | ".join(RATIOS) + " |")
    print("|---:|---:|" + "---:|" * len(RATIOS))
    for r in rows:
        print(f"| {r['chunks']} | {r['chunks'] / base['chunks']:.1f} | "
              + " | ".join(f"{r['ratio'][k]:.2f}" for k in RATIOS) + " |")


# -- profile ------------------------------------------------------------------------------------

def stages(session_file: Path, top: int = 8) -> list[tuple[str, float]]:
    """Seconds by qa function, each sample counted for the innermost qa frame on its stack (library
    code and imports included), so a name is a stage: `Store.add_chunks` = its Chroma writes."""
    from pyinstrument.session import Session

    qa_dir = str(ROOT / "qa") + os.sep
    totals: dict[str, float] = {}

    def walk(frame, owner: str) -> None:
        if (frame.file_path or "").startswith(qa_dir):
            name = f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function
            if name.startswith("<") and name != "<module>":  # <lambda>, <listcomp>: the line tells them apart
                name = f"{name}@{frame.line_no}"
            owner = f"{Path(frame.file_path).relative_to(ROOT)}:{name}"
        totals[owner] = totals.get(owner, 0.0) + frame.time - sum(c.time for c in frame.children)
        for child in frame.children:
            walk(child, owner)

    root = Session.load(str(session_file)).root_frame()
    if root is not None:
        walk(root, "(outside qa: start-up, imports)")
    return sorted(totals.items(), key=lambda kv: -kv[1])[:top]


def profile(size: int, store: Path, pool, plants, seed: int, scratch: Path, out_dir: Path) -> dict:
    try:
        import pyinstrument  # noqa: F401
    except ImportError:
        raise SystemExit("--profile needs pyinstrument: pip install -e '.[bench]'") from None
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    corpus = scratch / "profile-corpus"
    write_corpus(corpus, size, pool, plants, seed)
    cases = {"build": ["qa.cli", "ingest", str(corpus), "--store", str(scratch / "profile-store"), "--json"],
             "ask": ["qa.cli", "ask", "--json", plants[0]["question"], "--store", str(store)]}
    found = {}
    for name, argv in cases.items():
        session = scratch / f"{name}.pyisession"
        checked(run([sys.executable, "-m", "pyinstrument", "-r", "pyisession", "-o", str(session), "-m", *argv]),
                f"profiled {name}")
        text = out_dir / f"scale-profile-{name}-{size}.txt"
        text.write_text(ConsoleRenderer(unicode=True, color=False).render(Session.load(str(session))),
                        encoding="utf-8")
        found[name] = {"profile": str(text), "stages": [[k, round(v, 2)] for k, v in stages(session)]}
        print(f"\n{name} at {size} chunks under pyinstrument ({text}), seconds by stage:")
        for k, v in found[name]["stages"]:
            print(f"  {v:8.2f}  {k}")
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(scratch / "profile-store", ignore_errors=True)
    return found


# -- main ---------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bench.scale", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,100000", help="chunk counts, comma-separated")
    ap.add_argument("--questions", type=int, default=100, help="gold questions planted (the same at every size)")
    ap.add_argument("--distractors", choices=["others", "all"], default="others",
                    help="distractor sentences from the documents no question comes from (default), or from all")
    ap.add_argument("--runs", type=int, default=3, help="fresh processes per load and cold-ask median")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpus", type=Path, default=SOURCE, help="source .txt docs (line 1 title, blank, passage)")
    ap.add_argument("--gold", type=Path, default=None, help="gold JSONL (default: CORPUS/../gold.jsonl)")
    ap.add_argument("--out", type=Path, default=ROOT / "eval/bench/results/scale.json")
    ap.add_argument("--keep", type=Path, default=None, metavar="DIR", help="keep the stores in DIR (DIR/N)")
    ap.add_argument("--reuse", action="store_true", help="measure kept stores of the same recipe without rebuilding")
    ap.add_argument("--profile", action="store_true", help="profile each size's build and one cold ask")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child_main(*args.child)
        return 0
    if args.reuse and not args.keep:
        ap.error("--reuse needs --keep DIR")
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()})
    gold = args.gold or args.corpus.parent / "gold.jsonl"
    from eval.bench.__main__ import machine

    pool, plants = load_source(args.corpus, gold, args.questions, args.distractors)
    print(f"{len(plants)} questions planted; {len(pool)} distractor sentences from {args.corpus}", file=sys.stderr)
    scratch = Path(tempfile.mkdtemp(prefix="qa-scale-"))
    keep = args.keep.resolve() if args.keep else None
    if keep:
        keep.mkdir(parents=True, exist_ok=True)
    rows, reference, profiles = [], [], None
    try:
        for size in sizes:
            recipe = {"recipe": RECIPE, "seed": args.seed, "questions": args.questions, "size": size,
                      "distractors": args.distractors,
                      "corpus": str(args.corpus.resolve()), "gold": str(gold.resolve())}
            store = (keep or scratch) / str(size)
            meta = build(size, store, keep / f"{size}.json" if keep else None, recipe, pool, plants, args.seed,
                         scratch, args.reuse)
            print(f"  {size}: measuring", file=sys.stderr)
            rows.append(measure(size, store, meta, plants, args.runs, reference))
        for r in rows:
            r["ratio"] = {k: round(r[k] / rows[0][k], 2) if rows[0][k] else None for k in RATIOS}
        chromadb_ms = statistics.median(reference)
        print(f"scale, hybrid retrieval, QA_EMBED=hash, {len(plants)} questions, distractors from "
              f"{'other' if args.distractors == 'others' else 'all'} documents, seed {args.seed}; {machine()}")
        print_table(rows, chromadb_ms, len(plants))
        goals = targets(rows)
        print("\ntargets:")
        for g in goals:
            print(f"  {'not measured' if g['met'] is None else 'met ' if g['met'] else 'MISSED'} {g['target']}")
        if len(rows) > 1:
            a, b = rows[0], rows[-1]
            print(f"\nbuild: {a['build_s']:.1f}s for {a['chunks']} chunks, {b['build_s']:.1f}s for {b['chunks']} "
                  f"({b['build_s'] / a['build_s']:.1f}x time for {b['chunks'] / a['chunks']:.1f}x chunks)")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        if args.profile:  # after the timed runs, so no figure above is profiled
            profiles = {str(size): profile(size, (keep or scratch) / str(size), pool, plants, args.seed, scratch,
                                           args.out.parent) for size in sizes}
        args.out.write_text(json.dumps({
            "machine": machine(), "date": time.strftime("%Y-%m-%d"), "embed": "hash", "retrieval": "hybrid",
            "seed": args.seed, "questions": len(plants), "distractors": args.distractors, "runs": args.runs,
            "source": str(args.corpus),
            "reference": {"import_chromadb_ms": round(chromadb_ms, 1), "runs": [round(v, 1) for v in reference]},
            "rows": rows, "targets": goals, "profiles": profiles}, ensure_ascii=False, indent=1) + "\n",
            encoding="utf-8")
        print(f"wrote {args.out}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
