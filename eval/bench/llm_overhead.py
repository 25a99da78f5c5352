"""How much time the LLM path spends in `qa` itself, outside the HTTP call to the endpoint.

    python -m eval.bench.llm_overhead [--n 200] [--delay 0.2]

Against the scripted OpenAI-compatible server (tests/openai_server.py) on 127.0.0.1, this times
`qa.answer.llm.answer_llm` (prompt building, the `openai` client call, citation verification)
over the seed page's top-5 passages, and subtracts `timings["http_ms"]` (the time inside the
client's call: network, the server, and the client's own request/response handling). It also
times a raw stdlib HTTP request for the same body, so the `openai` client's share is visible,
and the one-off cost of importing `openai` and building a client in a fresh process.
Retrieval is not part of the LLM path and is done once up front.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

QUESTION = "华强广场项目可以创造多少个就业岗位?"
REPLY = "华强广场项目计划明年1月开业，可创造1000个就业岗位。[1] 该项目曾因产权分散长期闲置。[1]"


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def summary(name: str, values: list[float]) -> dict:
    return {"what": name, "median_ms": round(statistics.median(values), 3), "p95_ms": round(pct(values, 0.95), 3),
            "mean_ms": round(statistics.mean(values), 3)}


def main() -> None:
    from openai_server import start_server, stop_server
    from qa.answer.llm import answer_llm, build_messages
    from qa.ask import find_passages
    from qa.config import load_settings
    from qa.ingest.pipeline import ingest
    from qa.llm import ChatLLM

    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.0, help="server-side delay per reply, seconds")
    args = parser.parse_args()

    store = Path(tempfile.mkdtemp()) / "store"
    settings = load_settings({"store": str(store), "embed": "hash"}, env={})
    ingest([ROOT / "seeds"], settings)
    hits = find_passages(QUESTION, settings)
    srv, httpd = start_server()
    results = []
    try:
        llm = ChatLLM(model="test-model", base_url=srv.url, retries=0)
        for stream in (False, True):
            overhead, http, total = [], [], []
            for i in range(args.n + 5):
                srv.reply(REPLY, delay=args.delay)
                t = time.perf_counter()
                answer = answer_llm(QUESTION, hits, llm, on_token=(lambda s: None) if stream else None)
                wall = (time.perf_counter() - t) * 1000
                if i >= 5:  # warm-up
                    total.append(wall)
                    http.append(answer.timings["http_ms"])
                    overhead.append(wall - answer.timings["http_ms"])
            label = "stream" if stream else "plain"
            results += [summary(f"{label}: answer_llm wall", total), summary(f"{label}: inside the HTTP call", http),
                        summary(f"{label}: qa overhead (wall - http)", overhead)]
        # The same request with the standard library, for the client library's own share.
        body = json.dumps({"model": "test-model", "messages": build_messages(QUESTION, hits), "stream": False,
                           "temperature": 0, "max_tokens": 800}).encode()
        raw = []
        for i in range(args.n + 5):
            srv.reply(REPLY, delay=args.delay)
            t = time.perf_counter()
            req = urllib.request.Request(f"{srv.url}/chat/completions", body, {"Content-Type": "application/json"})
            json.loads(urllib.request.urlopen(req).read())
            if i >= 5:
                raw.append((time.perf_counter() - t) * 1000)
        results.append(summary("plain: raw urllib request, same body", raw))
    finally:
        stop_server(srv, httpd)
    code = "import time; t=time.perf_counter(); from qa.llm import make_client; make_client('http://127.0.0.1:9/v1','',5); print((time.perf_counter()-t)*1000)"
    cold = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
            for _ in range(5)]
    results.append(summary("once per process: import openai + build client", cold))
    print(f"passages {len(hits)}, prompt {len(build_messages(QUESTION, hits)[1]['content'])} chars, "
          f"n={args.n}, server delay {args.delay}s")
    for r in results:
        print(f"{r['what']:<48} median {r['median_ms']:>9.3f} ms   p95 {r['p95_ms']:>9.3f} ms")


if __name__ == "__main__":
    main()
