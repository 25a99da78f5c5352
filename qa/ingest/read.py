"""Find article files, decode them whatever their encoding, and turn each into raw documents."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from qa.errors import InputError

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}


@dataclass
class RawDocument:
    """Text of one document before cleaning. A .jsonl file yields one per line."""

    text: str
    fmt: str  # text | markdown | html | record
    title: str = ""
    url: str = ""
    date: str = ""
    line: int = 0  # 1-based line in a .jsonl file


def find_files(paths: list[Path]) -> list[Path]:
    """Files with a supported suffix under `paths` (recursive, sorted, no duplicates)."""
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.suffix.lower() in SUFFIXES and p.is_file() and not _hidden(p, path):
                    found[p] = None
        elif path.is_file():
            found[path] = None
        elif not path.exists():
            raise InputError(f"{path}: no such file or directory")
    return list(found)


def _hidden(p: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in p.relative_to(root).parts)


def decode(data: bytes, where: str) -> str:
    """Bytes -> str. BOMs first (exact), then strict UTF-8, then charset-normalizer's guess."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{where}: cannot detect the text encoding (binary file?)")
    encoding = best.encoding
    # GBK pages are usually declared or detected as gb2312/gbk; gb18030 is a superset that decodes them all.
    if encoding.replace("_", "").lower() in {"gb2312", "gbk", "hz", "big5"} and encoding.lower() != "big5":
        encoding = "gb18030"
    return data.decode(encoding, errors="replace")


def read_documents(path: Path) -> list[RawDocument]:
    data = path.read_bytes()
    text = decode(data, str(path))
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return [html_document(text)]
    if suffix == ".jsonl":
        return jsonl_documents(text, path)
    fmt = "markdown" if suffix in (".md", ".markdown") else "text"
    return [RawDocument(text=text, fmt=fmt)]


def html_document(markup: str) -> RawDocument:
    """Visible text only: scripts, styles and other invisible elements are dropped."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head", "svg", "iframe"]):
        tag.decompose()
    title = ""
    heading = soup.find(["h1", "h2"])
    if heading:
        title = heading.get_text(" ", strip=True)
    blocks = []
    for el in soup.find_all(["h1", "h2", "h3", "h4", "p", "li", "pre", "blockquote", "td", "figcaption"]):
        if el.find(["p", "li", "h1", "h2", "h3", "h4", "pre", "blockquote"]):
            continue  # its children are visited on their own
        text = el.get_text(" ", strip=True)
        if text:
            prefix = "#" * int(el.name[1]) + " " if el.name in ("h1", "h2", "h3", "h4") else ""
            blocks.append(prefix + text)
    if not blocks:
        blocks = [line.strip() for line in soup.get_text("\n").splitlines() if line.strip()]
    return RawDocument(text="\n\n".join(blocks), fmt="markdown", title=title)


def jsonl_documents(text: str, path: Path) -> list[RawDocument]:
    """One article per line: {"title", "text", optional "url", "date"}. Every bad line is reported."""
    docs, problems = [], []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{path}:{lineno}: not valid JSON ({e.msg})")
            continue
        if not isinstance(record, dict):
            problems.append(f"{path}:{lineno}: expected an object with title and text")
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.append(f"{path}:{lineno}: missing or empty \"text\"")
            continue
        title = record.get("title", "")
        if not isinstance(title, str):
            problems.append(f"{path}:{lineno}: \"title\" must be a string")
            continue
        docs.append(RawDocument(text=body, fmt="record", title=title.strip(), url=str(record.get("url", "")),
                                date=str(record.get("date", "")), line=lineno))
    if problems:
        more = f" (and {len(problems) - 1} more bad lines)" if len(problems) > 1 else ""
        raise InputError(problems[0] + more)
    return docs
