"""How an English or Spanish text says a question's word another way: another form of it, another
word of its class, or a value of its kind.

Crowd-written questions paraphrase their paragraph (issue 27: en_wiki, es_wiki), and the question's
words then miss the sentence that answers it:
  - another form: the stemmer keeps "led" apart from "leading", "city" becomes "citi", which no
    sentence writes, and Spanish inflection outruns the English stemmer the index uses (incubación /
    incuban). Words are compared as stems sharing their start (`same_word`), a Spanish question's
    by their Spanish stems too (reconstrucción / reconstruyeron: `spanish_stems`), an English
    one's in American spelling too (colour / color, centre / center: `qa.text.spelling`).
  - another word of its class (`word_class` in en.toml / es.toml): near-synonymous verbs and the
    irregular forms a stemmer cannot join ("created" / "invented", "came up with" / "devised",
    "ideó" / "diseñado", "built" / "build").
  - a synonym from the dictionary (`qa.text.pivot`: two English words CC-CEDICT gives for the same
    Chinese words, "firm" / "company"), for an English question: the table cannot hold them all.
  - a value of its kind (`value_of`): an attribute noun is said by a value of it ("the total length"
    by "2,850 kilometres", "the scientific name" by "(Panthera uncia)", "altitud" by "3.812 metros").

Both the support of a window (`qa.text.questions.held_otherwise`) and the focus and event checks of
`qa.answer.latin_slots` read these, so the two agree on what a sentence says. Only questions without
Chinese characters come here: Chinese has its own classes (zh.toml's `synonym`).

A table rather than a lemmatizer (simplemma, spaCy): the few verbs crowd workers swap are known
here, a lemmatizer would load megabytes at question time, and it would not join synonyms anyway;
the dictionary's synonyms are a small index built once from the file cedict reads.
The store's keyword index is never touched: only the answerer reads these.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import cache, lru_cache

from qa.text import lexicon
from qa.text.pivot import base_forms, forms, synonyms

__all__ = ["converse_said", "function_words", "held", "plain", "same_word", "says", "short_form_said", "spanish_stems",
           "stem", "stems", "valued"]

# Letters a text's word may add to the question's and stay its form (own/owner, invent/inventor);
# more is another word built on it (nació/nacionalismo, art/artillery).
_EXTENDS = 4
_EXTENDS_SHORT = 2
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def plain(text: str) -> str:
    """Lower case without accents: desarrolló and desarrollada share their start as written."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def same_word(asked: str, said: str) -> bool:
    """Two stems of one word, the question's `asked` and a text's `said`: the text's extends the
    question's (own/owner), or the question's extends a text word of four letters or more
    (designer/design; not concebir/con), or they share all but the last two letters of the shorter,
    five or more (desarrollo/desarrollada, not invent/invers: the English stemmer keeps Spanish
    endings, and a question does not say its language; one stemmer per language would need that
    guess)."""
    if asked[:3] != said[:3]:  # every case below shares three letters at least; most pairs fail here (speed)
        return False
    shared = len(os.path.commonprefix((asked, said)))
    shorter = min(len(asked), len(said))
    if shared == len(asked):
        # a stem of three letters extends to its forms only ("own"/"owner"), not to words it starts ("off"/"offici")
        return shared >= 3 and len(said) - shared <= (_EXTENDS if shared > 3 else _EXTENDS_SHORT)
    return shared == len(said) >= 4 or shared >= max(5, shorter - 2)


def stems(text: str) -> tuple[str, ...]:
    """The stems of `text`'s words, in order, without accents (the index's stemmer)."""
    from qa.text.tokens import _stemmer

    words = _WORD.findall(plain(text))
    return tuple(_stemmer().stemWords(words)) if words else ()


# The shortest Spanish stem compared as a form of another: Snowball cuts Spanish words to three
# letters often ("salida" and "sal", salt, are both "sal"; "nace" is "nac"), and such a stem is
# no word's form but many words' start.
_ES_STEM = 4


def stem(word: str) -> str:
    """One word's stem as `stems` gives it ("" for no word): what `same_word` compares."""
    return (stems(word) or ("",))[0]


@cache
def function_words() -> frozenset[str]:
    """English and Spanish stop words and articles, lower case: never a name or a property's word."""
    return frozenset(w.lower() for name in ("stop_word", "latin_article") for w in lexicon.words(name))


def spanish_stems(text: str) -> tuple[str, ...]:
    """The Spanish (Snowball) stems of `text`'s words, without accents, short ones dropped
    (`_ES_STEM`). The English stemmer the answerer reads every Latin-script question with keeps
    Spanish endings, so "reconstrucción" and "reconstruyeron" share too little of their start to be
    one word (`same_word`); their Spanish stems ("reconstruccion", "reconstru") do."""
    from qa.text.tokens import _stemmer

    # stemmed as written: without its accent "nació" would be "naci", the start of "nacional"
    words = _WORD.findall(text.lower())
    return tuple(s for s in map(plain, _stemmer("spanish").stemWords(words)) if len(s) >= _ES_STEM) if words else ()


@lru_cache(maxsize=8)
def _is_spanish(question: str) -> bool:
    from qa.text.tokens import latin_language

    return latin_language(question) == "es"


@cache
def _classes() -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Each word class as the stems of its members (a member may be a phrase: "came up with")."""
    classes = [members.split("|") for members in lexicon.glossary("word_class").values()]
    classes += [[base, *forms.split("|")] for base, forms in lexicon.glossary("verb_forms").items()]
    return tuple(tuple(stems(m) for m in members if m.strip()) for members in classes)


@cache
def _values() -> tuple[tuple[tuple[str, ...], str], ...]:
    """(stems of an attribute noun, the pattern of a value of its kind, as written): compiled only
    for the nouns a question says (`_pattern`). Compiling all 66 (each a few thousand characters of
    units) cost every English or Spanish question ~40 ms at a cold start; a question says one or two."""
    return tuple((stems(noun), value) for noun, value in lexicon.glossary("value_of").items())


@cache
def _pattern(value: str) -> re.Pattern:
    return re.compile(value)


def _find(phrase: tuple[str, ...], words: tuple[str, ...]) -> int:
    """Where the stemmed `phrase` starts in the stemmed `words` (-1: nowhere); one word may be
    another form of the phrase's (`same_word`), a phrase of several must match word for word."""
    n = len(phrase)
    for i in range(len(words) - n + 1):
        if n == 1 and same_word(phrase[0], words[i]) or n > 1 and words[i:i + n] == phrase:
            return i
    return -1


@lru_cache(maxsize=8)
def _readings(question: str, terms: tuple[str, ...]) -> tuple[tuple[int, tuple], ...]:
    """(mask of `terms` inside a class member or attribute noun the question says, what else says
    it: ("class", other members) or ("value", (pattern, its sense of length or "")))."""
    words = stems(question)
    plain_terms = [plain(t) for t in terms]

    def inside(phrase: tuple[str, ...]) -> int:
        return sum(1 << i for i, t in enumerate(plain_terms) if any(t == p or same_word(t, p) for p in phrase))

    out = []
    for members in _classes():
        for member in members:
            if _find(member, words) >= 0 and (mask := inside(member)):
                out.append((mask, ("class", tuple(m for m in members if m != member))))
    for noun, value in _values():
        if _find(noun, words) >= 0 and (mask := inside(noun)):
            out.append((mask, ("value", (_pattern(value), _senses().get(noun[0], "")))))
    from qa.text.tokens import latin_language

    if latin_language(question) != "es":  # the dictionary's glosses are English
        for word in dict.fromkeys(_WORD.findall(plain(question))):
            # looked up by its bases ("carried": carry), each synonym said in any of its forms (send, sent)
            found = [f for base in base_forms(word) for s in synonyms(base) for f in forms(s)]
            if found and (mask := inside(stems(word))):
                out.append((mask, ("synonym", tuple(stems(s) for s in dict.fromkeys(found)))))
    return tuple(out)


@lru_cache(maxsize=4096)
def _american_stems(text: str) -> tuple[str, ...]:
    """The stems of `text`'s words in American spelling (`qa.text.spelling`), only those it
    spells otherwise: "colour" and "color" are one word, whichever a text writes."""
    from qa.text.spelling import american
    from qa.text.tokens import _stemmer

    words = [a for w in _WORD.findall(plain(text)) if (a := american(w)) != w]
    return tuple(_stemmer().stemWords(words)) if words else ()


@lru_cache(maxsize=8)
def _asked_american(question: str) -> dict[str, str]:
    """Each of `question`'s stems whose word has another spelling, with its American stem
    ("centr": "center")."""
    from qa.text.spelling import american
    from qa.text.tokens import _stemmer

    words = [w for w in _WORD.findall(plain(question)) if american(w) != w]
    if not words:
        return {}
    return dict(zip(_stemmer().stemWords(words), _stemmer().stemWords([american(w) for w in words])))


@cache
def _senses() -> dict[str, str]:
    """The stem of each length attribute (`length_sense`: altura, height, diámetro...) with the
    sense of length it measures (height, extent, breadth...)."""
    return {st: sense for language in ("en", "es") for sense, words in lexicon.glossary("length_sense", language).items()
            for word in words.split("|") for st in stems(word)[:1]}


# a value naming its own attribute after it: "80 metros de altura", "31 metres in diameter",
# "31 metres across"
_NAMED = re.compile(r"\s+(?:(?:de|in)\s+)?([^\W\d_]+)")


def sense_of(word: str) -> str:
    """The sense of length `word` names (`length_sense`: "tall" height, «longitud» extent), or ""."""
    return _senses().get(stems(word)[0], "") if stems(word) else ""


def named_sense(text: str, end: int) -> str:
    """The sense of length the word after a value ending at text[end] names ("31 metres across":
    breadth, "80 metros de altura": height), or ""."""
    named = _NAMED.match(text, end)
    return sense_of(named.group(1)) if named else ""


def _valued(value: re.Pattern, sense: str, text: str) -> bool:
    """Does `text` hold a value of `value`'s kind that does not name another sense of length
    after it? Any length read as a depth or a diameter answered «¿Cuál es la profundidad de la
    cúpula…?» with "80 metros de altura": a value followed (after "de" / "in") by a word of
    another sense (`length_sense`: "across" for "the height") says that one, where one of the
    same sense says the asked one ("5.897 metros de altitud" for «altura»)."""
    for m in value.finditer(text):
        other = named_sense(text, m.end())
        if not (sense and other and other != sense):
            return True
    return False


def held(question: str, terms: tuple[str, ...], text: str, beside: int = 0) -> int:
    """Mask over `terms` (the question's index terms) of those `text` says in another form, by
    another word of its class, or by a value of its kind (see the module docstring). A value says
    its attribute only beside another of the question's terms: "The runway would be 2,800 meters
    long" gives no length of the terminal a question names. `beside`: the terms the sentence
    around `text` (a phrase of it) holds, which stand beside its values too."""
    words = stems(text)
    found = set(words)
    # a Spanish question's words are compared by their Spanish stems too (`spanish_stems`), an
    # English one's in American spelling too (`_american_stems`: the text's, the question's)
    spanish = set(spanish_stems(text)) if _is_spanish(question) else set()
    american = set() if spanish else set(_american_stems(text))
    asked = {} if spanish else _asked_american(question)
    bits = 0
    for i, t in enumerate(terms):
        p = plain(t)
        if p.isalpha() and any(same_word(p, w) for w in found):
            bits |= 1 << i
        elif spanish and p.isalpha() and (s := spanish_stems(t)) and any(same_word(s[0], w) for w in spanish):
            bits |= 1 << i
        elif (a := asked.get(p, p)) in american or a != p and a in found:
            bits |= 1 << i
    found |= american
    bits |= _filed(question, terms, text, spanish=bool(spanish)) & ~bits
    named = bits | beside
    for mask, (kind, other) in _readings(question, terms):
        if bits & mask == mask:
            continue
        # a dictionary synonym as its stem alone: as a form of another word it would be read in
        # words it only starts ("act", a synonym of "perform", in "active")
        if kind == "class" and any(_find(m, words) >= 0 for m in other) \
                or kind == "synonym" and any(len(m) == 1 and m[0] in found for m in other) \
                or kind == "value" and named & ~mask and _valued(*other, text):
            bits |= mask
    return bits


def valued(question: str, terms: tuple[str, ...]) -> int:
    """Mask over `terms` of those a value of its kind says ("year" by 2012, "longitud" by "2.140
    kilómetros"): the kind of answer asked, not words the text repeats before its answer."""
    out = 0
    for mask, (kind, _) in _readings(question, terms):
        out |= mask if kind == "value" else 0
    return out


def says(text: str, words: str, question: str) -> bool:
    """Does a sentence of `text` say any of `words` (a few words of `question`) in some form, by a
    word of its class, or by a value of its kind?"""
    from qa.text.questions import question_terms
    from qa.text.sentences import split_sentences

    asked = set(stems(words))
    terms = tuple(question_terms(question))
    wanted = sum(1 << i for i, t in enumerate(terms) if plain(t) in asked)
    if not wanted:  # the words are no terms of the question (stop words): read them alone
        question, terms, wanted = words, tuple(asked), (1 << len(asked)) - 1
    return any(held(question, terms, text[s.start:s.end]) & wanted for s in split_sentences(text))


def short_form_said(text: str, verb: str, language: str) -> bool:
    """Does `text` write another form of the short irregular `verb` (a question's word as written:
    «dio», said by «dada»), word for word (`short_verb_forms` of `language`'s file)?"""
    word = plain(verb)
    written = set(map(plain, _WORD.findall(text)))
    for forms in lexicon.glossary("short_verb_forms", language).values():
        members = set(map(plain, forms.split("|")))
        if word in members and written & (members - {word}):
            return True
    return False


def converse_said(text: str, verb: str, language: str) -> bool:
    """Does `text` say the asked `verb` (a who-question's, as written: "bought") from the other side
    of its transaction, by a phrase naming the party asked after its preposition (`converse_said`
    of `language`'s file: "sold to", «vendido a»)?"""
    word = plain(verb)
    asked = lexicon.glossary("converse_asked", language)
    said = lexicon.glossary("converse_said", language)
    low = plain(text)
    return any(word in map(plain, forms.split("|"))
               and re.search(r"(?<!\w)(?:" + plain(said[key]) + r")(?!\w)", low)
               for key, forms in asked.items() if key in said)


@lru_cache(maxsize=8)
def _filed_kin(question: str, terms: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    """(mask of a term, the words WordNet derives from the question's word of that stem, or files
    under it for an acronym: `qa.text.thesaurus.kin_words`) for each term of an English question
    that has any."""
    from qa.text.thesaurus import kin_words

    out = []
    for written in dict.fromkeys(_WORD.findall(question)):
        word = plain(written)
        mask = sum(1 << i for i, t in enumerate(terms) if stems(word) == (plain(t),))
        if mask and (kin := kin_words(word, acronym=len(written) > 1 and written.isupper())):
            out.append((mask, kin))
    return tuple(out)


def _filed(question: str, terms: tuple[str, ...], text: str, spanish: bool) -> int:
    """Mask over `terms` of those `text` says by a word WordNet derives from the question's word
    (an English question: "invaded" by "invasion") or files under its acronym ("TV" by
    "television"), or, a
    Spanish one, by another form of a short irregular verb («dio» by «dada»): the same readings
    that close a focus or event gap (`qa.answer.latin_slots._filed_under`) count in a window's
    support, or a sentence that says the answer in those words is refused for its low coverage."""
    if spanish:
        return sum(1 << i for i, t in enumerate(terms) if len(t) <= 3 and short_form_said(text, t, "es"))
    kin = _filed_kin(question, terms)
    if not kin:
        return 0
    written = _written(text)
    return sum(mask for mask, words in kin if not words.isdisjoint(written))


@lru_cache(maxsize=4096)
def _written(text: str) -> frozenset[str]:
    """The words of `text` with the regular bases each may be a form of (`thesaurus.regular_bases`);
    a sentence is read for every question term and window."""
    from qa.text.thesaurus import regular_bases

    return frozenset(b for w in set(_WORD.findall(plain(text))) for b in regular_bases(w))
