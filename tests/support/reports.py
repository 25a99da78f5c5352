"""The news-report corpus of test_streamed_ingest.py (also ingested through a proxied Chroma server
by test_server_scale.py): FILES short files of three paragraphs and one long file of 100, so an
ingest spans many QA_INGEST_BATCH batches and one document is bigger than several of them."""

from __future__ import annotations

from pathlib import Path

FILES = 60
LARGE = "doc030-large.txt"  # sorted among the others, so a run publishes small files after it too
CITIES = ["北京", "上海", "广州", "深圳", "杭州", "南京", "成都", "武汉", "西安", "重庆"]


def paragraph(i: int, j: int) -> str:
    city = CITIES[(i + j) % len(CITIES)]
    return (f"{city}第{i}号报道第{j}段:当地第{i * 10 + j}号工程今年完成投资{1000 + 7 * i + j}万元,"
            f"带动就业{200 + i + 3 * j}人。") * 5


def write_corpus(folder: Path) -> None:
    """60 files of three paragraphs (three or four chunks each) and one of 100 paragraphs."""
    folder.mkdir(parents=True)
    for i in range(FILES):
        body = "\n\n".join(paragraph(i, j) for j in range(3))
        (folder / f"doc{i:03d}.txt").write_text(f"第{i}号报道\n\n{body}", encoding="utf-8")
    body = "\n\n".join(paragraph(999, j) for j in range(100))
    (folder / LARGE).write_text(f"长篇报道\n\n{body}", encoding="utf-8")
