"""Find article files, decode them whatever their encoding, and turn each into raw documents."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from qa.errors import InputError
from qa.ingest.segment import derive_title

SUFFIXES = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"}
SYMLINK_LOOP = "symlink loop"
LINKED_FOLDER = "symlinked folder, not followed (pass it on its own to ingest it)"
# Reasons `check_file` gives for a link that holds no text to damage: the file is skipped, not failed.
SKIP_REASONS = (SYMLINK_LOOP, LINKED_FOLDER)


@dataclass
class RawDocument:
    """Text of one document before cleaning. A .jsonl file yields one per line."""

    text: str
    fmt: str  # text | markdown | html | record
    title: str = ""
    url: str = ""
    date: str = ""
    line: int = 0  # 1-based line in a .jsonl file


def escape_name(text: str) -> str:
    """A file name (or text holding one) with the bytes that are not UTF-8 shown as `\\xNN`.

    Python hands such bytes over as lone surrogates (`surrogateescape`), which no UTF-8 writer
    accepts (the manifest, Chroma's metadata, the terminal); the escaped form is stable, so the
    same file gets the same name on every run.
    """
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate no file name can hold (e.g. from a JSON "\\ud800")
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def find_files(paths: list[Path], on_error: Callable[[Path, str], None] | None = None) -> list[Path]:
    """Candidate files with a supported suffix under `paths` (recursive, sorted, no duplicates).

    Symlinked folders are not followed (no loops); symlinked files are listed even when broken,
    and inside a folder symlink loops (`ln -s loop loop`, `ln -s . self`, whatever their names)
    and symlinked folders are listed too, so that `check_file` reports each instead of its
    silently disappearing. A folder that cannot be listed goes to `on_error(folder, reason)` and
    the walk goes on; without `on_error` it is an `InputError`.
    """
    def unreadable(e: OSError) -> None:
        folder, reason = Path(e.filename or "?"), f"unreadable folder ({e.strerror})"
        if on_error is None:
            raise InputError(f"{folder}: {reason}")
        on_error(folder, reason)

    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            for root, dirs, names in os.walk(path, onerror=unreadable):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in dirs:  # os.walk does not descend into these; check_file says why
                    if os.path.islink(os.path.join(root, name)):
                        found[Path(root) / name] = None
                for name in sorted(names):
                    if name.startswith("."):
                        continue
                    # A link that loops has no type: os.walk lists it with the files, whatever its name.
                    if Path(name).suffix.lower() in SUFFIXES or _loops(os.path.join(root, name)):
                        found[Path(root) / name] = None
        elif path.exists() or path.is_symlink():
            found[path] = None
        else:
            raise InputError(f"{path}: no such file or directory")
    return sorted(found)


def _loops(path: str) -> bool:
    try:
        os.stat(path)
    except OSError as e:
        return e.errno == errno.ELOOP
    return False


_MAGIC = {b"\x89PNG": "a PNG image", b"PK\x03\x04": "a ZIP archive", b"%PDF": "a PDF (not supported yet)",
          b"GIF8": "a GIF image", b"\xff\xd8\xff": "a JPEG image", b"\x1f\x8b": "a gzip archive",
          b"\x7fELF": "an executable", b"SQLite format 3": "an SQLite database"}


def check_file(path: Path, max_bytes: int) -> str | None:
    """Why `path` cannot be ingested, in plain words, or None when it looks readable.
    Raises nothing: every problem becomes a reason."""
    try:
        st = path.stat()
    except OSError as e:
        if e.errno == errno.ELOOP:
            return SYMLINK_LOOP
        if path.is_symlink():
            return f"broken symlink (points to {os.readlink(path)})"
        return f"unreadable ({e.strerror})"
    if stat.S_ISDIR(st.st_mode) and path.is_symlink():
        # A link to its own folder or an ancestor (`ln -s . self`) would be walked forever.
        target, folder = path.resolve(), path.parent.resolve()
        return SYMLINK_LOOP if target == folder or target in folder.parents else LINKED_FOLDER
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if st.st_size > max_bytes:
        return f"too large ({st.st_size / 1e6:.1f} MB; the limit is QA_MAX_FILE_MB={max_bytes / 1e6:g})"
    try:
        with path.open("rb") as f:
            head = f.read(8192)
    except OSError as e:
        return f"unreadable ({e.strerror})"
    for magic, what in _MAGIC.items():
        if head.startswith(magic):
            return f"binary file ({what})"
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")) and not _looks_utf16(head):
        return "binary file"
    return None


def _looks_utf16(head: bytes) -> bool:
    for enc in ("utf-16-le", "utf-16-be"):
        text = head[: len(head) // 2 * 2].decode(enc, errors="replace")
        printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text)
        if text and printable / len(text) > 0.95:
            return True
    return False


def decode(data: bytes, where: str) -> str:
    """Bytes -> str. BOMs first (exact), then UTF-8 (tolerating a few broken bytes), then
    charset-normalizer's guess (GB18030/GBK, Big5, UTF-16 without BOM, ...)."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lossy = data.decode("utf-8", errors="replace")
    # A UTF-8 file with a few damaged bytes is still UTF-8; any other encoding would turn it all into mojibake.
    if lossy.count("\ufffd") <= max(8, len(lossy) // 100):
        return lossy
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{where}: undecodable (not text in any known encoding)")
    encoding = best.encoding
    # gb2312/gbk guesses: gb18030 is a superset that decodes every GBK page.
    if encoding.replace("_", "").lower() in {"gb2312", "gbk", "hz"}:
        encoding = "gb18030"
    return data.decode(encoding, errors="replace")


def read_documents(path: Path, data: bytes | None = None, bad_lines: list[tuple[int, str]] | None = None,
                   notes: list[tuple[int, str]] | None = None) -> list[RawDocument]:
    """The raw documents of one file. `bad_lines`, `notes`: see `jsonl_documents`."""
    data = path.read_bytes() if data is None else data
    text = decode(data, str(path))
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return [html_document(text)]
    if suffix == ".jsonl":
        return jsonl_documents(text, path, bad_lines, notes)
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


def jsonl_documents(text: str, path: Path, bad_lines: list[tuple[int, str]] | None = None,
                    notes: list[tuple[int, str]] | None = None) -> list[RawDocument]:
    """One article per line: {"title", "text", optional "url", "date"}.

    With `bad_lines`, each bad line is appended there as (line number, reason) and the good lines
    are returned, so one broken record does not cost the others; without it, or when no line is
    good, the file is an `InputError` naming the first bad line and how many more there are.
    A line without a title (missing, null or blank) is titled as an article without a headline
    is (`derive_title`), and `notes` receives (line number, what was done).
    """
    docs: list[RawDocument] = []
    problems: list[tuple[int, str]] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append((lineno, f"not valid JSON ({e.msg})"))
            continue
        if not isinstance(record, dict):
            problems.append((lineno, "expected an object with title and text"))
            continue
        body = record.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.append((lineno, "missing or empty \"text\""))
            continue
        title = record.get("title")
        if title is not None and not isinstance(title, str):
            problems.append((lineno, "\"title\" must be a string"))
            continue
        title = _storable((title or "").strip())
        if not title:
            # An empty title would be listed by `qa sources` and cited as nothing.
            title = derive_title(_storable(body))
            if notes is not None:
                notes.append((lineno, f"no \"title\"; titled by its first words: {title}"))
        docs.append(RawDocument(text=_storable(body), fmt="record", title=title,
                                url=_storable(str(record.get("url", ""))), date=_storable(str(record.get("date", ""))),
                                line=lineno))
    if problems and (bad_lines is None or not docs):
        lineno, reason = problems[0]
        more = f" (and {len(problems) - 1} more bad lines)" if len(problems) > 1 else ""
        if bad_lines is None:
            raise InputError(f"{path}:{lineno}: {reason}{more}")
        raise InputError(f"{path}: no good line; line {lineno}: {reason}{more}")
    if bad_lines is not None:
        bad_lines.extend(problems)
    return docs


def _storable(text: str) -> str:
    """JSON may spell a lone surrogate (`"\\ud800"`), which no UTF-8 file or database can store:
    it becomes U+FFFD, as a broken byte does in `decode`."""
    return re.sub("[\ud800-\udfff]", "\ufffd", text)
