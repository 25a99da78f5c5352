"""The keyword index: BM25 over Chinese-aware tokens, kept in the store directory beside Chroma.

Terms come from `qa.text.tokens.tokenize` (character bigrams, English or Spanish stems without
accents, whole numbers, and pinyin syllable pairs in the default scheme).

Why not bm25s's own index: bm25s precomputes idf x tf-part for every (term, chunk) pair, so one
added document changes the stored score of every chunk that shares a term with it; keeping it
current means rebuilding it. Here, as in Lucene, the index is a list of immutable *segments*
holding raw term frequencies, and the corpus statistics (live chunks, document frequency,
average length) are applied at query time. Scores are exactly those of bm25s's default
(`method="lucene"`, k1=1.5, b=0.75; tests/test_keyword.py checks this against bm25s itself), so
bm25s remains the reference and serves the benchmark's plain-BM25 baseline.

Layout (`<store>/keyword/`, or `keyword-<generation>/` after a rebuild; segments are qa/store/segment.py):
    index.json      format, tokenizer, segment names (replaced atomically; the only entry point)
    seg-<n>/        one segment, never changed once written: records.json (per row: chunk id,
                    title, source, article id, section, start, end), text.bin + text_off.npy (the
                    chunk texts), lens.npy (tokens per row), terms.npy (sorted 64-bit term
                    hashes), indptr.npy, rows.npy, tfs.npy (postings in CSC order), text_sum.npy
                    (CRC-32 per row), sums.json (size and SHA-256 of each file). Arrays are
                    memory-mapped.

The segments also serve the passages themselves (`records`): reading them back from Chroma costs
more than a warm search (about 1 ms of the ~5 ms budget), and a segment has the text anyway.

Which rows are live is not stored: the store manifest is the source of truth. A row is live when
the manifest names its chunk id and no newer segment holds the same id. `Store.replace_documents`
adds a segment for the new chunks; replaced chunks simply stop being live. Segments merge by size
tier (`MERGE_FACTOR` of a similar size become one, dropping dead rows), so a re-ingest of one
file writes one small segment and merges only small ones, and a query touches O(log n) segments.
On open, the index compares the ids it holds with the manifest's and indexes any live chunk it
lacks (an interrupted ingest, a deleted keyword folder) from the texts Chroma holds; a writer
does the same for the chunks of a segment found damaged (qa/store/integrity.py), a reader refuses it.
"""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Callable

import numpy as np

from qa.files import write_atomic
from qa.store.integrity import DamagedError
from qa.store.segment import RECORD_FIELDS, Segment, hash_terms, merge_segments
from qa.text.tokens import DEFAULT_SCHEME, index_form, tokenize

# 2: pinyin tokens; 3: checksums; 4: Traditional folded to Simplified; 5: Taiwan word spellings
# (為甚麼) and name dots (•‧・) folded too; 6: Spanish text stemmed as Spanish, Latin stems without
# accents; 7: a Spanish word stemmed as a function word (París, para: "par") kept whole (and any
# index written by the unfinished 6 rebuilt). An index of an older format is rebuilt from Chroma on open.
FORMAT = 7
DIRNAME = "keyword"
K1, B = 1.5, 0.75  # bm25s defaults
MERGE_FACTOR = 4  # this many segments of one size tier merge into one
# A merge holds every posting of what it merges in memory at once (~40 bytes each, ~350 a chunk):
# unbounded, the last merges of a 100k-chunk build took 3 GB. A segment with more live rows than
# this / MERGE_FACTOR is merged no more (unless mostly dead, rewritten alone), so a merge writes
# at most ~this many rows, whatever the store's size; a query then reads a few more segments.
MAX_MERGE_ROWS = 1 << 14


def keyword_text(title: str, text: str) -> str:
    """What is indexed for a chunk: its article's title (as the embedder also sees it) and its text."""
    return f"{title}\n{text}" if title else text


# -- the index --------------------------------------------------------------------------------
Fetch = Callable[[list[str]], list[dict]]  # chunk ids -> their records (from Chroma), see `add`


class KeywordIndex:
    """BM25 over the store's live chunks. `live` is the manifest's set of live chunk ids."""

    def __init__(self, directory: Path, scheme: str = DEFAULT_SCHEME):
        self.dir = Path(directory)
        self.scheme = scheme
        self.segments: list[Segment] = []
        self.next_seq = 0
        self._live_ids: set[str] = set()
        self._where: dict[str, tuple[int, int]] = {}  # live chunk id -> (segment, row)
        self._masks: list[np.ndarray] = []
        self._stats: tuple[int, float] = (0, 0.0)  # live rows, their total length in tokens
        self.repaired: list[str] = []  # what `open` found damaged and fixed (a writer only)

    # opening and repair
    @classmethod
    def open(cls, directory: Path, live: set[str], fetch: Fetch, scheme: str = DEFAULT_SCHEME,
             persist: bool = True) -> "KeywordIndex":
        """Load the index and make it cover exactly `live`, indexing missing chunks via `fetch`.

        `persist=False` is a reader: it repairs gaps in memory only (it must not write while an
        ingest runs) and raises DamagedError for a damaged segment rather than read from it. A
        writer (`persist=True`) drops a damaged segment and re-indexes its chunks via `fetch`;
        `repaired` says what it did. A lost or empty index.json is recovered from the segments."""
        index = cls(directory, scheme)
        meta = index._read_meta()
        names: list[str] = []
        if meta is not None and meta.get("format") == FORMAT and meta.get("scheme") == scheme:
            names = [str(n) for n in meta.get("segments", [])]
            index.next_seq = int(meta.get("next", len(names)))
        elif meta is not None and persist:
            # Another format or scheme (an upgrade): its segments are useless and their names
            # would clash with the ones about to be written.
            shutil.rmtree(index.dir, ignore_errors=True)
        elif meta is None:
            names = index._segment_dirs()
            if names:
                index.repaired.append(f"{directory.name}/index.json was missing; recovered it from "
                                      f"{len(names)} segments")
        # A name never clashes with a folder already on disk, whatever index.json says.
        index.next_seq = max([index.next_seq] + [_seq(n) + 1 for n in index._segment_dirs()])
        for name in names:
            try:
                index.segments.append(Segment.read(index.dir, name))
            except DamagedError as e:
                if not persist:
                    raise
                index.repaired.append(f"{e.part}: {e.problem}; re-indexed its chunks")
        index.set_live(live)
        missing = sorted(live - index.covered())
        if missing and meta is None and not names:
            index.repaired.append(f"{directory.name}/ was missing or empty; re-indexed its {len(missing)} chunks")
        if missing:
            index.add(fetch(missing), live=live, persist=persist)
        elif persist and (meta is None or index.repaired):
            index._write_meta()
        return index

    @classmethod
    def check(cls, directory: Path, full: bool = True) -> list[DamagedError]:
        """Every damaged segment named by the index (checksums too when `full`); reads, never writes."""
        index = cls(directory)
        meta = index._read_meta()
        names = index._segment_dirs() if meta is None else [str(n) for n in meta.get("segments", [])]
        found = []
        for name in names:
            try:
                Segment.read(index.dir, name, full=full)
            except DamagedError as e:
                found.append(e)
        return found

    @classmethod
    def salvage(cls, directory: Path, ids: set[str]) -> dict[str, dict]:
        """The records (RECORD_FIELDS + text) of `ids` that intact segments still hold with a
        matching checksum: what a repair re-embeds a chunk from when Chroma lost it."""
        index = cls(directory)
        found: dict[str, dict] = {}
        for name in reversed(index._segment_dirs()):  # newest first: a newer row shadows an older one
            try:
                seg = Segment.read(index.dir, name)
            except DamagedError:
                continue
            for row, cid in enumerate(seg.ids):
                if cid in ids and cid not in found:
                    try:
                        found[cid] = dict(zip(RECORD_FIELDS, seg.records[row]), text=seg.text_of(row))
                    except DamagedError:
                        continue
        return found

    def _segment_dirs(self) -> list[str]:
        """Published segment folders on disk, oldest first (in-progress ones start with a dot)."""
        try:
            return sorted((p.name for p in self.dir.iterdir() if p.is_dir() and p.name.startswith("seg-")), key=_seq)
        except OSError:
            return []

    @classmethod
    def outdated(cls, directory: Path, scheme: str = DEFAULT_SCHEME) -> bool:
        """Was the index at `directory` written in another format or scheme (an upgrade)? Then
        opening it re-tokenises every chunk, which is worth persisting once."""
        meta = cls(directory, scheme)._read_meta()
        return meta is not None and (meta.get("format") != FORMAT or meta.get("scheme") != scheme)

    def _read_meta(self) -> dict | None:
        try:
            return json.loads((self.dir / "index.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return None

    def _write_meta(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT, "scheme": self.scheme, "next": self.next_seq,
                "segments": [s.name for s in self.segments]}
        write_atomic(self.dir / "index.json", json.dumps(meta))
        # Segments no longer named (merged away, or left by a crash) are garbage.
        named = set(meta["segments"])
        for p in self.dir.iterdir():
            if p.is_dir() and p.name not in named:
                shutil.rmtree(p, ignore_errors=True)

    def covered(self) -> set[str]:
        return set(self._where)

    def set_live(self, live: set[str]) -> None:
        """Recompute which rows count: live in the manifest and not shadowed by a newer segment.
        What a publish does (ids only leave, or only arrive in the newest segment) is applied to
        the rows it touches: a full pass costs ~70 ms at 100k chunks, and a publish needs two."""
        live = set(live)
        if self._masks and len(self._masks) == len(self.segments) and self._update_live(live):
            return
        where: dict[str, tuple[int, int]] = {}
        masks = []
        for k in range(len(self.segments) - 1, -1, -1):
            seg = self.segments[k]
            mask = np.zeros(seg.size, dtype=bool)
            for row, cid in enumerate(seg.ids):
                if cid in live and cid not in where:
                    where[cid] = (k, row)
                    mask[row] = True
            masks.append(mask)
        self._live_ids = live
        self._where = where
        self._masks = masks[::-1]
        self._stats = (sum(int(m.sum()) for m in self._masks),
                       sum(float(np.asarray(s.lens)[m].sum()) for s, m in zip(self.segments, self._masks)))

    def _update_live(self, live: set[str]) -> bool:
        """`set_live` for ids that only left, or only arrived and are all in the newest segment,
        which `self._masks` does not cover yet (just added). False when neither: a full pass."""
        if not live <= self._live_ids:
            return False
        for cid in self._live_ids - live:
            if cid in self._where:
                self._count(*self._where.pop(cid), live=False)
        self._live_ids = live
        return True

    def _add_newest(self, live: set[str]) -> bool:
        """`set_live` right after appending a segment, when the ids that arrive are all in it."""
        seg, k = self.segments[-1], len(self.segments) - 1
        come = live - self._live_ids
        if not self._live_ids <= live or not come <= set(seg.ids):
            return False
        self._masks.append(np.zeros(seg.size, dtype=bool))
        for row, cid in enumerate(seg.ids):
            if cid not in live:
                continue
            if cid in self._where:  # the newest row of an id shadows the older one
                self._count(*self._where[cid], live=False)
            self._where[cid] = (k, row)
            self._count(k, row, live=True)
        self._live_ids = live
        return True

    def _count(self, k: int, row: int, live: bool) -> None:
        """Mark row `row` of segment `k` live or not, keeping the statistics in step."""
        if bool(self._masks[k][row]) == live:
            return
        self._masks[k][row] = live
        n, total = self._stats
        sign = 1 if live else -1
        self._stats = (n + sign, total + sign * float(self.segments[k].lens[row]))

    # writing
    def add(self, chunks: list[dict], live: set[str] | None = None, persist: bool = True) -> None:
        """Index chunks as a new segment, then merge by size tier. A chunk is a dict with `id` and
        `text` and optionally the other RECORD_FIELDS (title, source, article_id, section, start, end)."""
        if chunks:
            name = f"seg-{self.next_seq:06d}"
            self.next_seq += 1
            records = [[c["id"], c.get("title", ""), c.get("source", ""), c.get("article_id", ""),
                        c.get("section", ""), int(c.get("start", 0)), int(c.get("end", 0))] for c in chunks]
            texts = [c["text"] for c in chunks]
            tokens = [tokenize(keyword_text(c.get("title", ""), c["text"]), self.scheme) for c in chunks]
            seg = Segment.build(name, records, texts, tokens)
            if persist:
                self.dir.mkdir(parents=True, exist_ok=True)
                seg.write(self.dir)
            self.segments.append(seg)
        live = set(self._live_ids | {c["id"] for c in chunks} if live is None else live)
        if not (chunks and len(self._masks) == len(self.segments) - 1 and self._add_newest(live)):
            self.set_live(live)
        if persist:
            self._merge_tiers()
            self._write_meta()

    def _merge_tiers(self) -> None:
        while True:
            tiers: dict[int, list[int]] = {}
            for k, (seg, mask) in enumerate(zip(self.segments, self._masks)):
                live = int(mask.sum())
                # A segment mostly dead is rewritten as if it were small.
                big = live > MAX_MERGE_ROWS // MERGE_FACTOR
                if live * 2 < seg.size:
                    tier = -2 - k if big else -1  # a big one is rewritten alone
                elif big:
                    continue
                else:
                    tier = int(math.log(max(live, 1), MERGE_FACTOR))
                tiers.setdefault(tier, []).append(k)
            group = next((g for t, g in sorted(tiers.items()) if len(g) >= MERGE_FACTOR or (t < 0 and g)), None)
            if group is None:
                return
            picked = [self.segments[k] for k in group]
            name = f"seg-{self.next_seq:06d}"
            self.next_seq += 1
            merged = merge_segments(name, picked, [self._masks[k] for k in group])
            merged.write(self.dir)
            # The merged segment takes the place of the newest one it replaces, keeping id shadowing right.
            rest = [s for k, s in enumerate(self.segments) if k not in group[:-1]]
            self.segments = [merged if s is picked[-1] else s for s in rest]
            if not merged.size:
                self.segments.remove(merged)
            self._masks = []  # rows moved: a full pass
            self.set_live(self._live_ids)

    # reading
    @property
    def size(self) -> int:
        return self._stats[0]

    def search(self, query: str, k: int, allowed: set[str] | None = None,
               language: str | None = None) -> list[tuple[str, float]]:
        """Best `k` live chunks for `query` as (chunk id, BM25 score), best first; ties by id.
        `language`: the language of the question `query` was made from (`qa.text.tokens.latin_language`),
        when the query has lost the words that tell it (`keyword_query` drops "qué", "los", "the")."""
        n, total_len = self._stats
        avg_len = total_len / n if n else 0.0
        toks = tokenize(query, self.scheme, query=True, language=language)
        if not n or not toks or k <= 0:
            return []
        uniq = list(dict.fromkeys(toks))
        qcount = np.array([toks.count(t) for t in uniq], dtype=np.float32)
        qhashes = hash_terms(uniq)
        gathered = []
        df = np.zeros(len(uniq), dtype=np.float64)
        for seg, mask in zip(self.segments, self._masks):
            term, row, tf = seg.postings(qhashes)
            alive = mask[row]
            term, row, tf = term[alive], row[alive], tf[alive]
            df += np.bincount(term, minlength=len(uniq))
            gathered.append((seg, mask, term, row, tf))
        idf = np.log(1.0 + (n - df + 0.5) / (df + 0.5))  # bm25s "lucene" idf
        results: list[tuple[float, str]] = []
        for seg, mask, term, row, tf in gathered:
            if not len(row):
                continue
            lens = np.asarray(seg.lens)[row]
            tf = tf.astype(np.float32)
            part = idf[term] * qcount[term] * tf / (tf + K1 * (1 - B + B * lens / avg_len))
            scores = np.bincount(row, weights=part, minlength=seg.size)
            cand = np.nonzero(scores > 0)[0]
            if allowed is not None:
                cand = np.array([r for r in cand if seg.ids[r] in allowed], dtype=np.int64)
            if len(cand) > k:
                cand = cand[np.argpartition(-scores[cand], k - 1)[:k]]
            results.extend((float(scores[r]), seg.ids[r]) for r in cand)
        results.sort(key=lambda x: (-x[0], x[1]))
        return [(cid, score) for score, cid in results[:k]]

    def records(self, ids: list[str]) -> dict[str, dict]:
        """Stored passages by chunk id (live rows only): RECORD_FIELDS plus `text`."""
        found: dict[str, dict] = {}
        for cid in ids:
            if cid in self._where:
                k, row = self._where[cid]
                seg = self.segments[k]
                found[cid] = dict(zip(RECORD_FIELDS, seg.records[row]), text=seg.text_of(row))
        return found

    def idf(self, terms: list[str]) -> list[float]:
        """BM25 IDF of each term over the live chunks (the answerer weighs question words by it)."""
        n, df = self.document_frequency(terms)
        return [math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for d in df]

    def document_frequency(self, terms: list[str]) -> tuple[int, np.ndarray]:
        """(live chunk count, live chunks holding each term): corpus IDF for the answerer, whose
        terms keep their accents (`index_form`)."""
        qhashes = hash_terms([index_form(t) for t in terms])
        df = np.zeros(len(terms), dtype=np.float64)
        for seg, mask in zip(self.segments, self._masks):
            term, row, _ = seg.postings(qhashes)
            df += np.bincount(term[mask[row]], minlength=len(terms))
        return self.size, df


def _seq(name: str) -> int:
    try:
        return int(name.rsplit("-", 1)[1])
    except (IndexError, ValueError):
        return -1


__all__ = ["KeywordIndex", "keyword_text"]
