"""Segments of the keyword index (qa/store/keyword.py): immutable, memory-mapped blocks of postings.

A segment holds, for its rows (chunks), the raw term frequencies in CSC order keyed by a 64-bit
hash of each term (sorted, so a query term is found by binary search without loading a
vocabulary), each row's token count, and the chunk's text and metadata. Once written it never
changes; `merge_segments` writes a new one from several, dropping dead rows.

Damage is caught at three depths (qa/store/integrity.py): reading a segment checks that its files
are present at their recorded sizes; `qa doctor` checks their checksums; and every text read back
(a passage shown to the user, a row copied by a merge) is checked against its row's CRC-32, so a
text edited in place is refused rather than quoted, and never laundered into a new segment.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import numpy as np

from qa.files import publish_dir
from qa.store.integrity import DamagedError, check_files, write_sums


def term_hash(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")


def hash_terms(terms: Iterable[str]) -> np.ndarray:
    return np.fromiter((term_hash(t) for t in terms), dtype=np.uint64)


RECORD_FIELDS = ("id", "title", "source", "article_id", "section", "start", "end")


@dataclass
class Segment:
    name: str
    records: list[list]  # RECORD_FIELDS per row
    text: bytes | np.ndarray  # utf-8 texts, concatenated
    text_off: np.ndarray  # int64, len(rows) + 1
    lens: np.ndarray  # int32 per row
    terms: np.ndarray  # uint64, sorted, unique
    indptr: np.ndarray  # int64, len(terms) + 1
    rows: np.ndarray  # int32
    tfs: np.ndarray  # uint16
    text_sum: np.ndarray  # uint32 CRC-32 of each row's text
    where: Path | None = None  # the keyword folder it was read from (None: built, not read)

    def __post_init__(self):
        self.ids = [r[0] for r in self.records]

    @property
    def size(self) -> int:
        return len(self.records)

    def text_of(self, row: int) -> str:
        return self.text_bytes(row).decode("utf-8")

    def text_bytes(self, row: int) -> bytes:
        data = bytes(self.text[self.text_off[row]:self.text_off[row + 1]])
        if zlib.crc32(data) != int(self.text_sum[row]):
            raise self.damaged(f"the text of chunk {self.ids[row]} does not match its checksum")
        return data

    def damaged(self, problem: str) -> DamagedError:
        where = self.where or Path(".")
        return DamagedError(where.parent, f"{where.name}/{self.name}", problem)

    @classmethod
    def build(cls, name: str, records: list[list], texts: list[str], token_lists: list[list[str]]) -> "Segment":
        hashes, rows, tfs = [], [], []
        lens = np.zeros(len(records), dtype=np.int32)
        for row, toks in enumerate(token_lists):
            lens[row] = len(toks)
            counts: dict[str, int] = {}
            for t in toks:
                counts[t] = counts.get(t, 0) + 1
            hashes.append(hash_terms(counts))
            rows.append(np.full(len(counts), row, dtype=np.int32))
            tfs.append(np.fromiter(counts.values(), dtype=np.uint16, count=len(counts)))
        encoded = [t.encode("utf-8") for t in texts]
        text_off = np.zeros(len(encoded) + 1, dtype=np.int64)
        np.cumsum([len(e) for e in encoded], out=text_off[1:])
        return cls._from_coo(name, records, b"".join(encoded), text_off, lens, _cat(hashes, np.uint64),
                             _cat(rows, np.int32), _cat(tfs, np.uint16))

    @classmethod
    def _from_coo(cls, name, records, text, text_off, lens, hashes, rows, tfs) -> "Segment":
        order = np.lexsort((rows, hashes))
        hashes, rows, tfs = hashes[order], rows[order], tfs[order]
        terms, starts = np.unique(hashes, return_index=True)
        indptr = np.append(starts, len(hashes)).astype(np.int64)
        text_sum = np.fromiter((zlib.crc32(text[a:b]) for a, b in zip(text_off[:-1], text_off[1:])),
                               dtype=np.uint32, count=len(records))
        return cls(name, list(records), text, text_off, lens, terms, indptr, rows, tfs, text_sum)

    def coo(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return np.repeat(self.terms, np.diff(self.indptr)), np.asarray(self.rows), np.asarray(self.tfs)

    def postings(self, qhashes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(query term index, row, tf) for every posting of the query terms in this segment."""
        pos = np.searchsorted(self.terms, qhashes)
        pos_ok = np.minimum(pos, len(self.terms) - 1)
        found = (pos < len(self.terms)) & (self.terms[pos_ok] == qhashes) if len(self.terms) else \
            np.zeros(len(qhashes), dtype=bool)
        which = np.nonzero(found)[0]
        starts, ends = self.indptr[pos[which]], self.indptr[pos[which] + 1]
        lengths = ends - starts
        total = int(lengths.sum())
        if total == 0:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        # All posting ranges gathered at once: index = range start + offset inside the range.
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(total)
        return np.repeat(which, lengths), np.asarray(self.rows[offsets]), np.asarray(self.tfs[offsets])

    def write(self, directory: Path) -> None:
        tmp = Path(tempfile.mkdtemp(prefix=f".{self.name}-", dir=directory))
        try:
            for field in _ARRAYS:
                np.save(tmp / f"{field}.npy", np.asarray(getattr(self, field)))
            (tmp / "text.bin").write_bytes(bytes(self.text))
            (tmp / "records.json").write_text(json.dumps(self.records, ensure_ascii=False), encoding="utf-8")
            write_sums(tmp)
            publish_dir(tmp, directory / self.name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise

    @classmethod
    def read(cls, directory: Path, name: str, full: bool = False) -> "Segment":
        """Open a written segment; DamagedError when a file is missing, truncated or (with `full`,
        which reads every byte) changed since it was written."""
        d = directory / name
        problem = check_files(d, full)
        try:
            if problem is None:
                arrays = {f: np.load(d / f"{f}.npy", mmap_mode="r") for f in _ARRAYS}
                records = json.loads((d / "records.json").read_text(encoding="utf-8"))
                size = (d / "text.bin").stat().st_size
                text = np.memmap(d / "text.bin", dtype=np.uint8, mode="r") if size else b""
                seg = cls(name, records, text, **arrays, where=directory)
                if not (len(seg.text_off) == seg.size + 1 == len(seg.text_sum) + 1 and seg.text_off[-1] == size):
                    problem = "its arrays do not agree with each other"
        except (OSError, ValueError, TypeError) as e:
            problem = f"unreadable ({type(e).__name__}: {e})"
        if problem:
            raise DamagedError(directory.parent, f"{directory.name}/{name}", problem)
        return seg


_ARRAYS = ("text_off", "lens", "terms", "indptr", "rows", "tfs", "text_sum")


def _cat(parts: list[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.zeros(0, dtype=dtype)


def merge_segments(name: str, segments: list["Segment"], keep: list[np.ndarray]) -> Segment:
    """One segment holding the rows of `segments` where `keep` is true (dead rows are dropped)."""
    records, texts, lens, hashes, rows, tfs = [], [], [], [], [], []
    base = 0
    for seg, mask in zip(segments, keep):
        new_row = np.cumsum(mask) - 1 + base
        h, r, t = seg.coo()
        alive = mask[r]
        hashes.append(h[alive])
        rows.append(new_row[r[alive]].astype(np.int32))
        tfs.append(t[alive])
        kept = np.nonzero(mask)[0]
        records.extend(seg.records[r] for r in kept)
        texts.extend(seg.text_bytes(r) for r in kept)
        lens.append(np.asarray(seg.lens)[mask])
        base += len(kept)
    text_off = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(t) for t in texts], out=text_off[1:])
    return Segment._from_coo(name, records, b"".join(texts), text_off, _cat(lens, np.int32), _cat(hashes, np.uint64),
                             _cat(rows, np.int32), _cat(tfs, np.uint16))
