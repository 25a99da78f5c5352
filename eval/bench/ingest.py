"""Ingest throughput: `qa ingest` next to the raw embedder embedding the same chunk texts, and the
time to add one short file to an existing store next to `import chromadb`, all in one run (the
machine is shared and noisy, so the ratios are the figures to compare).

python -m eval.bench.ingest [--corpus DIR] [--docs N] [--embed local|hash] [--runs 1] [--adds 3] [--out FILE.json]

1. `qa ingest FILES --store NEW --json` in a fresh process on a fresh store; its wall time, so
   start-up, model load and Chroma count. chunks/s = chunks it reports / wall time.
2. The raw embedder alone in a fresh process (`qa.embed.<Embedder>(QA_EMBED_BATCH default)
   .get_text_embedding_batch(texts)`, timed from process start, model load included) on exactly
   the texts ingest embeds: every file through `qa.ingest.pipeline.prepare`, each chunk's
   `embed_text`, files with the same bytes counted once as ingest does.
   With `--runs R`, 1 and 2 are repeated R times in alternating order (ingest first, then raw
   first, ...) and the medians compared: whichever runs second meets a machine whose other users
   have moved on. The CPU seconds of each process are shown too: they hardly change with the
   machine's load, so a wall-time gap with equal CPU per chunk is the machine, not ingest.
3. `--adds` short new files, each added to the store of the first ingest by its own `qa ingest`
   (a re-run of the same file would be skipped as unchanged), interleaved with
   `python -c "import chromadb"`.

Targets: ingest >= 0.8 x raw chunks/s; adding one short file <= 2.5 s (median) with the local
embedder. The corpus is read where it lies (default ../shared/bench/cmrc_trial/docs, 256 docs,
590 chunks; one run takes about 2 x 90 s on a quiet 2-core machine); `--docs N` takes the first N
files by name. Every subprocess runs without the caller's QA_* / OPENAI_* variables, so settings
are the defaults. Writes eval/bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from eval.bench.__main__ import machine

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT.parent / "shared/bench/cmrc_trial/docs"
EMBEDDERS = {"local": "LocalE5Embedding", "hash": "HashEmbedding"}
# The raw embedder's whole process; it reads the texts from a file so that only the embedder runs.
RAW = """import json, sys
from qa.embed import {cls}
texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
vectors = {cls}(embed_batch_size=int(sys.argv[2])).get_text_embedding_batch(texts)
assert len(vectors) == len(texts)
"""


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QA_", "OPENAI_"))}
    return {**env, "PYTHONPATH": str(ROOT), **extra}


def corpus_files(corpus: Path, docs: int | None) -> list[Path]:
    files = sorted(p for p in corpus.resolve().iterdir() if p.suffix in (".txt", ".md", ".html", ".htm", ".jsonl"))
    return files[:docs] if docs else files


def chunk_texts(files: list[Path]) -> list[str]:
    """The texts `qa ingest` hands the embedder for these files, in its order."""
    from qa.config import load_settings
    from qa.ingest.pipeline import prepare

    settings = load_settings({}, env={})
    seen: set[str] = set()
    texts: list[str] = []
    for path in files:
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:  # ingest stores a file with the same bytes as another once
            continue
        seen.add(digest)
        texts.extend(embed_text(c) for c in prepare(path, settings, data)[1])
    return texts


def embed_text(chunk) -> str:
    if hasattr(chunk, "embed_text"):
        return chunk.embed_text
    from llama_index.core.schema import MetadataMode  # a qa whose chunks are still TextNodes

    return chunk.get_content(metadata_mode=MetadataMode.EMBED)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float, subprocess.CompletedProcess]:
    """(wall seconds, CPU seconds, finished process) of one fresh process; fails loudly if it
    failed. The CPU time barely moves when others load the machine, so it tells a slower run
    from a busier machine."""
    t, cpu = time.perf_counter(), children_cpu()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv[:4])} ... exited {done.returncode}:\n{done.stderr[-2000:]}")
    return seconds, children_cpu() - cpu, done


def qa_ingest(paths: list[Path], store: Path, env: dict[str, str]) -> tuple[float, float, dict]:
    """(wall seconds, CPU seconds, the --json report) of one `qa ingest` process."""
    seconds, cpu, done = timed([sys.executable, "-m", "qa.cli", "ingest", *map(str, paths), "--store", str(store),
                           "--json"], env)
    return seconds, cpu, json.loads(done.stdout)


def raw_embed(texts: list[str], embed: str, tmp: Path) -> tuple[float, float]:
    from qa.config import load_settings

    batch = load_settings({}, env={}).embed_batch  # what ingest's embedder uses by default
    path = tmp / "texts.json"
    path.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    return timed([sys.executable, "-c", RAW.format(cls=EMBEDDERS[embed]), str(path), str(batch)], clean_env())[:2]


def short_file(folder: Path, n: int) -> Path:
    """A short new article (two chunks' worth), different each time so ingest cannot skip it."""
    path = folder / f"added_{n}.txt"
    path.write_text(
        f"新增报道第{n}号\n\n"
        f"第{n}号物流园区于今年{n + 1}月正式投入使用，园区总投资约{12 + n}亿元，占地面积{300 + n}亩。"
        "园区设有冷链仓库、跨境电商分拣中心和多式联运站场，预计每年可处理货物约200万吨。"
        "项目负责人介绍，园区建成后将带动周边就业岗位超过1500个，并吸引上下游企业入驻。"
        "当地政府表示，将继续优化营商环境，为入驻企业提供审批、用地和融资方面的支持。"
        f"按照规划，二期工程将于{2026 + n}年启动建设，重点发展智能仓储和绿色物流。\n",
        encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bench.ingest", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=f"folder of documents (default {CORPUS})")
    ap.add_argument("--docs", type=int, default=None, metavar="N", help="only the first N files (by name)")
    ap.add_argument("--embed", choices=sorted(EMBEDDERS), default="local",
                    help="the embedder of both ingest and the raw run (hash: for testing the benchmark)")
    ap.add_argument("--runs", type=int, default=1,
                    help="ingest and raw runs, in alternating order (the later one meets a different machine)")
    ap.add_argument("--adds", type=int, default=3, help="short files added one by one to the built store")
    ap.add_argument("--out", type=Path, default=ROOT / "eval/bench/results/ingest.json")
    args = ap.parse_args(argv)

    files = corpus_files(args.corpus, args.docs)
    if not files:
        raise SystemExit(f"no documents in {args.corpus}")
    texts = chunk_texts(files)
    env = clean_env(QA_EMBED=args.embed)
    tmp = Path(tempfile.mkdtemp(prefix="qa-bench-ingest-"))
    try:
        ingests, raws = [], []
        for r in range(args.runs):
            for step in ("ingest", "raw") if r % 2 == 0 else ("raw", "ingest"):
                if step == "ingest":
                    ingests.append(qa_ingest(files, tmp / f"store-{r}", env))
                else:
                    raws.append(raw_embed(texts, args.embed, tmp))
        store, report = tmp / "store-0", ingests[0][2]
        adds, chromadb = [], []
        for n in range(args.adds):
            chromadb.append(timed([sys.executable, "-c", "import chromadb"], clean_env())[0])
            seconds, _, added = qa_ingest([short_file(tmp, n)], store, env)
            if added["ingested"] != 1:
                raise SystemExit(f"the short file {n} was not ingested: {added}")
            adds.append(seconds)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    ingest_s, ingest_cpu = (statistics.median(run[i] for run in ingests) for i in (0, 1))
    raw_s, raw_cpu = (statistics.median(run[i] for run in raws) for i in (0, 1))
    chunks = report["chunks"]
    if chunks != len(texts) or report["embedded"] != len(texts):
        print(f"note: ingest reported {chunks} chunks ({report['embedded']} embedded), the raw run embedded "
              f"{len(texts)} texts", file=sys.stderr)
    ingest_rate, raw_rate = chunks / ingest_s, len(texts) / raw_s
    add_med, chromadb_med = statistics.median(adds), statistics.median(chromadb)
    rows = [
        ("qa ingest (fresh store, whole process)", chunks, ingest_s, ingest_rate, ingest_rate / raw_rate, ingest_cpu),
        (f"raw {EMBEDDERS[args.embed]} (fresh process)", len(texts), raw_s, raw_rate, 1.0, raw_cpu),
    ]
    goals = [(f"ingest {ingest_rate:.2f} chunks/s >= 0.8 x raw {raw_rate:.2f} chunks/s", ingest_rate >= 0.8 * raw_rate)]
    if args.embed == "local":
        goals.append((f"one short file added in {add_med:.2f} s <= 2.5 s (median of {len(adds)})", add_med <= 2.5))

    print(f"ingest throughput: {len(files)} files of {args.corpus}, embedder {args.embed}, "
          f"median of {args.runs} run{'s' * (args.runs > 1)}; {machine()}")
    print("| run | chunks | seconds | chunks/s | x raw | CPU s | CPU ms/chunk |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, n, s, rate, ratio, cpu in rows:
        print(f"| {name} | {n} | {s:.1f} | {rate:.2f} | {ratio:.2f} | {cpu:.1f} | {1000 * cpu / max(1, n):.0f} |")
    print(f"\nadding one short file to that store, median of {len(adds)}:")
    print("| case | median s | runs | x import chromadb |")
    print("|---|---:|---|---:|")
    print(f"| qa ingest (one new file) | {add_med:.2f} | {', '.join(f'{s:.2f}' for s in adds)} | "
          f"{add_med / chromadb_med:.2f} |")
    print(f"| import chromadb | {chromadb_med:.2f} | {', '.join(f'{s:.2f}' for s in chromadb)} | 1.00 |")
    print("\ntargets:")
    for line, met in goals:
        print(f"  {'met ' if met else 'MISSED'} {line}")

    result = {
        "machine": machine(), "corpus": str(args.corpus), "files": len(files), "embed": args.embed,
        "runs": args.runs,
        "ingest": {"chunks": chunks, "embedded": report["embedded"], "seconds": round(ingest_s, 3),
                   "inner_seconds": round(report["seconds"], 2), "cpu_seconds": round(ingest_cpu, 2),
                   "runs_s": [round(run[0], 3) for run in ingests],
                   "chunks_per_s": round(ingest_rate, 3)},
        "raw": {"embedder": EMBEDDERS[args.embed], "chunks": len(texts), "seconds": round(raw_s, 3),
                "cpu_seconds": round(raw_cpu, 2), "runs_s": [round(run[0], 3) for run in raws],
                "chunks_per_s": round(raw_rate, 3)},
        "ingest_to_raw": round(ingest_rate / raw_rate, 3),
        "add_one_file": {"median_s": round(add_med, 3), "runs_s": [round(s, 3) for s in adds],
                         "import_chromadb_median_s": round(chromadb_med, 3),
                         "import_chromadb_runs_s": [round(s, 3) for s in chromadb],
                         "ratio_to_chromadb": round(add_med / chromadb_med, 2)},
        "targets": [{"target": line, "met": met} for line, met in goals],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
