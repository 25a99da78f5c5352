"""The tokenizer family: every way `qa` turns text into terms, side by side so that they differ
only on purpose.

Every one folds Traditional characters to Simplified first (`qa.text.cjk.fold`), so that terms
match across scripts.

- `terms`: character bigrams of Chinese runs (a one-character run gives the character), lower-cased
  English words, whole numbers ("340.4", "2030"). Light and dependency-free: page segmentation
  and citation checks compare texts with it.
- `tokenize`: the keyword index's terms (`scheme`): the same bigrams after NFKC folding, English
  words stemmed (Snowball), optionally jieba words and pinyin syllable pairs. Which scheme is the
  default was measured on CMRC 2018 (docs/benchmarks.md, "Retrieval").
- `answer_tokens`: how answers are compared, as the CMRC 2018 and SQuAD scripts do: single Chinese
  characters, whole English words and digit runs, punctuation and articles dropped.
- `hash_features`: the features of the deterministic hash embedder (characters, words, numbers).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from qa.text.cjk import CJK, HAN, fold

SCHEMES = ("bigram", "jieba", "bigram+jieba", "bigram+pinyin")
DEFAULT_SCHEME = "bigram+pinyin"
_JIEBA_SCHEMES = ("jieba", "bigram+jieba")

# Latin letters, accented ones too (cómo, recibió, Zürich: a word, not "c" + "mo"); × and ÷ are not letters.
_LATIN = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
_TERM = re.compile(f"[{HAN}]+|[{_LATIN}][{_LATIN}'-]*|\\d+(?:\\.\\d+)?")
_INDEX_TERM = re.compile(f"[{HAN}]+|[{_LATIN}]+(?:'[{_LATIN}]+)?|\\d+(?:\\.\\d+)?")
_ANSWER_TOKEN = re.compile(f"[{HAN}]|[{_LATIN}]+|\\d+")
_HASH_FEATURE = re.compile(f"[{HAN}]|[A-Za-z]+|\\d+")
_ARTICLES = frozenset({"a", "an", "the"})


def _bigrams(run: str) -> list[str]:
    return [run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)]


def terms(text: str) -> Counter:
    from qa.text.script import to_simplified

    out: Counter = Counter()
    for tok in _TERM.findall(to_simplified(text)):
        if CJK.match(tok):
            out.update(_bigrams(tok))
        else:
            out[tok.lower()] += 1
    return out


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: Snowball stemmers in C

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=1)
def _jieba():
    from qa.errors import ConfigError

    try:
        import jieba
    except ImportError:
        raise ConfigError("the jieba keyword scheme needs jieba: pip install 'qa-assistant[jieba]'") from None
    jieba.setLogLevel(60)  # it logs its dictionary loading to stderr otherwise
    jieba.initialize()
    return jieba


def tokenize(text: str, scheme: str = DEFAULT_SCHEME, query: bool = False) -> list[str]:
    """Index terms of `text`. Chinese: character bigrams (and jieba words); English: stems; numbers whole.

    With the `pinyin` scheme, a passage's Chinese runs also give pinyin syllable pairs ("p:hei he"
    for 黑河), and a `query`'s pinyin names (Heihe) give the same pairs: an English question finds
    the passages that write its Chinese names in characters. A Chinese query gives none (homophones
    would only add noise to its character bigrams). jieba is loaded only by the schemes that use it."""
    raw = text
    text = fold(text)
    out: list[str] = []
    words: list[str] = []
    for tok in _INDEX_TERM.findall(text):
        if CJK.match(tok):
            out.extend(_bigrams(tok))
        elif tok[0].isdigit():
            out.append(tok)
        else:
            words.append(tok)
    if words:
        out.extend(_stemmer().stemWords(words))
    if scheme in _JIEBA_SCHEMES:
        # Words of two or more characters only: single characters are already bigram material,
        # and jieba's search mode repeats the sub-words of long words, which is what we want.
        jieba_words = (w for w in _jieba().cut_for_search(text) if len(w) > 1 and CJK.match(w))
        if scheme == "jieba":
            out = [t for t in out if not CJK.match(t)]
            out.extend(jieba_words)
        else:
            out.extend("w:" + w for w in jieba_words)  # kept apart from bigrams of the same two characters
    if scheme.endswith("pinyin"):
        from qa.text.pinyin import passage_terms, query_terms

        out.extend(query_terms(raw) if query else passage_terms(text))
    return out


def _fold_punctuation(text: str) -> str:
    """NFKC (full-width -> half-width), lower case, punctuation and symbols -> spaces."""
    text = fold(text)
    return "".join(" " if unicodedata.category(ch)[0] in "PS" else ch for ch in text)


def answer_tokens(text: str) -> list[str]:
    """Chinese characters one by one, English words and digit runs whole, articles dropped."""
    return [t for t in _ANSWER_TOKEN.findall(_fold_punctuation(text)) if t not in _ARTICLES]


def normalize_answer(text: str) -> str:
    """The comparison form of an answer: folded, no punctuation, no spaces, no articles."""
    return "".join(answer_tokens(text))


def hash_features(text: str) -> list[str]:
    """Characters, words and numbers, lower-cased, and each adjacent pair of them."""
    toks = [t.lower() for t in _HASH_FEATURE.findall(text)]
    return toks + [a + b for a, b in zip(toks, toks[1:])]
