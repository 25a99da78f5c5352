"""The tokenizer family: every way `qa` turns text into terms, side by side so that they differ
only on purpose.

Every one folds Traditional characters to Simplified first (`qa.text.cjk.fold`), so that terms
match across scripts.

- `terms`: character bigrams of Chinese runs (a one-character run gives the character), lower-cased
  English words, whole numbers ("340.4", "2030"). Light and dependency-free: page segmentation
  and citation checks compare texts with it.
- `tokenize`: the keyword index's terms (`scheme`): the same bigrams after NFKC folding, Latin
  words stemmed (Snowball) in their text's language (`latin_language`: English or Spanish) and
  without accents (según = segun), optionally jieba words and pinyin syllable pairs. Which scheme
  is the default was measured on CMRC 2018 (docs/benchmarks.md, "Retrieval").
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
_LATIN_RUN = re.compile(f"[{_LATIN}]+(?:'[{_LATIN}]+)?")
_INDEX_TERM = re.compile(f"[{HAN}]+|[{_LATIN}]+(?:'[{_LATIN}]+)?|\\d+(?:\\.\\d+)?")
_ANSWER_TOKEN = re.compile(f"[{HAN}]|[{_LATIN}]+|\\d+")
_HASH_FEATURE = re.compile(f"[{HAN}]|[A-Za-z]+|\\d+")
# a word of letters in any script, with inner apostrophes and hyphens ("O'Brien", "well-known"): the
# unit the English and Spanish checks (doers, firsts, dated, namings) read a question and a quote in
WORD = re.compile(r"[^\W\d_][\w'’-]*")
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


@lru_cache(maxsize=2)
def _stemmer(language: str = "english"):
    import Stemmer  # PyStemmer: Snowball stemmers in C

    return Stemmer.Stemmer(language)


# The Snowball stemmer of each language `latin_language` tells apart.
_SNOWBALL = {"en": "english", "es": "spanish"}


@lru_cache(maxsize=1)
def _marker_words() -> tuple[frozenset[str], frozenset[str]]:
    """(Spanish, English) function words, without accents (es.toml `spanish_word`, en.toml `english_word`)."""
    from qa.text import lexicon
    from qa.text.paraphrase import plain

    return (frozenset(map(plain, lexicon.words("spanish_word"))),
            frozenset(map(plain, lexicon.words("english_word"))))


def latin_language(text: str) -> str | None:
    """'es' or 'en': the language of `text`'s Latin words, by which language's function words it
    writes more of ("los", "que", "del" against "the", "of", "was"; an opening ¿ or ¡ counts as
    Spanish). None when it writes none of either (a few names, "Cotopaxi altura"), or as many of
    each. Decided per text, not per word: a Spanish passage's English name ("Manchester United")
    is stemmed as the Spanish question that names it is. In Chinese text (more Chinese characters
    than Latin words) Latin words are names and terms, stemmed as English, as they always were
    ("拉斯维加斯（Las Vegas）"): Chinese text and questions keep their terms. The one home of
    "is this Spanish": `qa.text.cjk.reply_language` answers a Spanish question in Spanish by it."""
    from qa.text.paraphrase import plain

    words = _LATIN_RUN.findall(plain(text))
    if len(CJK.findall(text)) > len(words):
        return "en"
    spanish, english = _marker_words()
    es = text.count("¿") + text.count("¡")
    en = 0
    for word in words:
        es += word in spanish
        en += word in english
    return "es" if es > en else "en" if en > es else None


def _unaccented(word: str) -> str:
    from qa.text.paraphrase import plain

    return word if word.isascii() else plain(word)


def index_form(term: str) -> str:
    """The form the keyword index holds a term in: a Latin word's without accents ("según" and
    "segun" are one term), anything else as it is. The answerer's terms keep their accents, to be
    found in sentences as written (`qa.text.questions.index_terms`)."""
    return _unaccented(term) if _LATIN_RUN.fullmatch(term) else term


@lru_cache(maxsize=1)
def _function_stems() -> frozenset[str]:
    """The Spanish stems of es.toml's `spanish_word` (para -> par, pero -> per, como -> com)."""
    words = _marker_words()[0]
    return frozenset(_stemmer("spanish").stemWords(list(words))) - words


def _latin_stems(words: list[str], language: str | None, query: bool, as_written: bool) -> list[str]:
    """Each word's stem in `language` (both languages' for a query of unknown language, English
    otherwise), without accents unless `as_written`. A Spanish word whose stem is a function
    word's is held whole: Snowball cuts a final accented vowel, so París would be "par", the stem
    of "para", found in every passage (Perú, pero; comió, como)."""
    languages = [language] if language else ["en", "es"] if query else ["en"]
    per_word = [_stemmer(_SNOWBALL[lang]).stemWords(words) for lang in languages]
    if "es" in languages:
        k = languages.index("es")
        per_word[k] = [w if s in _function_stems() else s for w, s in zip(words, per_word[k])]
    out: list[str] = []
    for stems in zip(*per_word):
        out.extend(dict.fromkeys(stem if as_written else _unaccented(stem) for stem in stems))
    return out


def _jieba():
    from qa.errors import ConfigError

    try:
        import jieba
    except ImportError:
        raise ConfigError("the jieba keyword scheme needs jieba: pip install 'qa-assistant[jieba]'") from None
    jieba.setLogLevel(60)  # it logs its dictionary loading to stderr otherwise
    jieba.initialize()
    return jieba


def tokenize(text: str, scheme: str = DEFAULT_SCHEME, query: bool = False, language: str | None = None,
             as_written: bool = False) -> list[str]:
    """Index terms of `text`. Chinese: character bigrams (and jieba words); Latin words: stems in
    `language` ('en' or 'es'; by default `latin_language(text)`, and a query of unknown language
    gets both languages' stems), without accents unless `as_written`; numbers whole.

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
        out.extend(_latin_stems(words, language or latin_language(text), query, as_written))
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
