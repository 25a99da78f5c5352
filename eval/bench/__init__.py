"""`make bench-retrieval`: retrieval and offline-answer benchmark.

Reads a folder of .txt docs and a gold JSONL (`{"id","question","answers","unanswerable","evidence"}`),
ingests the docs into a temporary store with the product's own pipeline, and compares in one run:

    (a) bm25-bigram  BM25 (bm25s) over plain character bigrams of the same chunks; answer = the top
                     chunk's sentence sharing the most bigrams with the question
    (b) dense        Chroma nearest neighbours only; same best-overlap answer
    (c) hybrid       qa.retrieve (dense + keyword, fused); same best-overlap answer
    (d) llama-index  a plain llama-index pipeline: SimpleDirectoryReader, VectorStoreIndex with its
                     default splitter and the same embedder, top-k 2; answer = best-overlap sentence
    (e) ours         qa.retrieve + qa.answer.extractive (what `qa ask` does)

Embeddings are cached outside the repo (~/.cache/qa-bench) so reruns take seconds. See
eval/bench/run.py for the metrics and `python -m eval.bench --help` for the options.
"""
