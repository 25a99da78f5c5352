"""English words that CC-CEDICT gives as glosses of the same Chinese words (firm and company: 公司,
商行; cease and stop: 停止, 停息), for an English question worded apart from its passage (issue 27:
"In what year did Edison's firm cease producing cylinders?" over "Edison's own company stopped
making cylinders in 1929").

Why a dictionary and not en.toml's `word_class`: that table holds the few verbs crowd workers are
seen to swap, and a question written elsewhere swaps others. A bilingual dictionary read through
its other language is a thesaurus (paraphrasing with bilingual corpora, Bannard and Callison-Burch
2005), and `qa.text.cedict` already ships and reads one: two English words stand for each other
when both are one-word glosses of at least `MIN_SHARED` of the same headwords. One shared headword
is too little (打 glosses "hit" and "make"; at 1 the English sets lost three right answers and
answered an unanswerable), and a headword with more than `MAX_GLOSSES` one-word glosses vouches for
none of them. Only a headword's first two senses count, names (capitalised pinyin) never. Measured
on the real path, answers re-run on cached retrieval: en_wiki3 +1 (firm/company, cease/stop), no
other answer of any English or Spanish set moved; `MAX_GLOSSES` 4, 6 and 10 gave the same.

Only an English question's words are looked up (`qa.text.paraphrase`): the glosses are English.
The index (each word with synonyms, its synonyms joined by "|") is built from the dictionary file
in a few seconds and kept as a pickle in the user cache folder beside cedict's (`qa.text.index_cache`),
rebuilt when the dictionary or what reads it changes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

from qa.text import lexicon

__all__ = ["MIN_SHARED", "base_forms", "forms", "synonyms"]

MIN_SHARED = 2  # headwords two English words must both gloss to stand for each other
MAX_GLOSSES = 6  # a headword with more one-word glosses than this vouches for none of them
_SENSES = 2
_READING = 1  # how `build` reads the dictionary: a new number rebuilds the cached index
_PARENS = re.compile(r"\([^)]*\)")
_LEAD = re.compile(r"^(?:to|a|an|the) ")
_WORD = re.compile(r"[a-z]+")


def synonyms(word: str) -> tuple[str, ...]:
    """The English words that stand for `word` (lower case, as written), () for none or when the
    dictionary is not installed."""
    found = _index().get(word)
    return tuple(found.split("|")) if found else ()


def base_forms(word: str) -> tuple[str, ...]:
    """`word` (lower case, as written) and the bases it is a form of that the synonym index holds:
    the index lists bases ("carry", "send"), a question writes "carried", "sent" (en.toml's
    `verb_forms` for irregular verbs, `base_ending` for the regular endings), and in American
    spelling ("colour": color, `qa.text.spelling`)."""
    from qa.text.spelling import american

    index = _index()
    found = [word]
    # the dictionary glosses in American spelling: "organised" is looked up as "organized", "organize"
    for written in dict.fromkeys((word, american(word))):
        found += [written, *_irregular().get(written, ())]
        for ending, bases in lexicon.glossary("base_ending").items():
            if written.endswith(ending) and len(written) > len(ending) + 2:
                stem = written[:-len(ending)]
                for base in bases.split("|"):
                    found.append(stem[:-1] if base == "=" and stem[-1:] == stem[-2:-1] else stem + base if base != "=" else "")
    return tuple(w for w in dict.fromkeys(found) if w == word or w and w in index)


def forms(word: str) -> tuple[str, ...]:
    """`word` and its irregular forms (en.toml's `verb_forms`: "send", "sent")."""
    listed = lexicon.glossary("verb_forms").get(word)
    return (word, *listed.split("|")) if listed else (word,)


@cache
def _irregular() -> dict[str, tuple[str, ...]]:
    """Each irregular form with its bases ("sent": ("send",))."""
    out: dict[str, tuple[str, ...]] = {}
    for base, listed in lexicon.glossary("verb_forms").items():
        for form in listed.split("|"):
            out[form] = (*out.get(form, ()), base)
    return out


@cache
def _index() -> dict[str, str]:
    from qa.text.cedict import dictionary_file
    from qa.text.index_cache import cached, index_path

    source = dictionary_file()
    if source is None:
        return {}
    reading = repr((sorted(_stop_words()), MIN_SHARED, MAX_GLOSSES, _SENSES, _READING))
    return cached(index_path("pivot", reading, source, "pickle"), lambda: build(source))


@cache
def _stop_words() -> frozenset[str]:
    return frozenset(lexicon.words("stop_word"))


def build(source: Path) -> dict[str, str]:
    """Each English word with synonyms (see the module doc) and its synonyms joined by "|", from the
    dictionary file `source` (CC-CEDICT's format, gzip)."""
    from qa.text.cedict import WORD_HEADWORD, entries, is_name, senses

    glosses: dict[str, set[str]] = defaultdict(set)  # headword -> its one-word glosses
    for head, rest in entries(source, WORD_HEADWORD):
        if is_name(rest):  # 北京
            continue
        for sense in senses(rest)[:_SENSES]:
            for part in sense.split(";"):
                key = _LEAD.sub("", _PARENS.sub("", part.lower()).strip()).strip()
                if _WORD.fullmatch(key):
                    glosses[head].add(key)
    stop = _stop_words()
    shared: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for words in glosses.values():
        if len(words) > MAX_GLOSSES:
            continue
        for w in words:
            for o in words:
                if o != w and w not in stop and o not in stop:
                    shared[w][o] += 1
    out = {}
    for w, counts in shared.items():
        found = sorted(o for o, n in counts.items() if n >= MIN_SHARED)
        if found:
            out[w] = "|".join(found)
    return out
