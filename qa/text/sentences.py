"""Where sentences end, for Chinese and Latin-script (English, Spanish) text alike.

A sentence ends at Chinese or ASCII final punctuation (plus any closing quotes or brackets after
it), at a full stop followed by a space (closing quotes or brackets may come between), or at a
line break; "5.6%", "340.4" and "1,000.50" are not ends, nor is a semicolon inside brackets (it
separates an aside's items: 牛车水（；）是…, （学名：…；毛利语：…）). Chunking, the extractive answerer
and the citation checks all cut text with these definitions.

In Latin script a full stop or a question mark before a word is not always an end:
  - before a lower-case word it never is ("e.g. building comb", '"Ready?" she asked');
  - after a title ("Dr. Priya Menon", "la Sra. Ibáñez") it never is;
  - inside an abbreviation written with spaces («25 a. C.», antes de Cristo) it never is: the
    lower-case «a.» before the capital «C» would read as a sentence's last word;
  - after an abbreviation that is a word of another language ("ago.": agosto; "art.": artículo) it
    is, but before a figure ("art. 5", «15 ago. 2020»): the lexicon joins the languages, and "years
    ago. More than 300 rivers…" was one sentence;
  - after another abbreviation ("etc.", "St.", "EE.") or an initial ("J.", "U.S.", "e.g.") it is
    only when the next word is one that opens sentences ("in the U.S. The wing", but "the U.S.
    Army", "St. Paul"); before a number, only after an abbreviation or dotted initials ("No. 5",
    "i.e. 3.5" go on; "in 2019. 2020" ends).
Titles, abbreviations and sentence openers are language data (`title_abbreviation`,
`abbreviation`, `figure_abbreviation`, `spaced_abbreviation`, `sentence_opener` in
qa/text/lexicon/*.toml, one file per language, all files joined), read on the first full stop that
needs them. Before anything else (a Chinese character, a bracket, the end of the text), and
anywhere in a text that holds a Chinese character, a full stop ends the sentence as it always did,
but after a Latin initial before a space and a capital or a Chinese character
("橡胶公司 B. F. 古德里奇（B. F. Goodrich）": a translation's English name).

Why our own rules and not pysbd (the library made for this): pysbd has had no release since 2021,
and with character offsets it takes ~9 ms per 800 characters (measured on this 2-core machine),
i.e. ~100 ms for the passages of one question; this splitter runs on every retrieved passage at
query time (the answerer's budget is ~25 ms) and on every CMRC passage in the benchmarks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from qa.text.cjk import CJK, HAN

END = "。！？!?；;…"  # sentence-final punctuation
CLOSERS = "”’\"'」』）)】"  # closing quotes and brackets that stay with the sentence before them
OPENERS = "“‘\"'([¿¡«"  # what may stand before the first word of a sentence
# A possible end: final punctuation with its closers, a full stop (with closers) before a space, a
# line break; and, as a translation writes Chinese, a full stop after a Chinese character with
# closers and then Chinese (他说:"好."然后; not 拉.蔻 or S.K.母亲, whose stop has no closer).
_CANDIDATE = re.compile(f"[{END}]+[{CLOSERS}]*|\\.[{CLOSERS}]*(?=\\s)|(?<=[{HAN}])\\.[{CLOSERS}]+(?=[{HAN}])|\\n")
_ITEM_SEP = "；;"  # inside brackets, a semicolon separates the items of an aside (学名：…；毛利语：…)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LATIN_END = "\u0370"  # Latin letters (Basic, Latin-1, Extended-A/B, IPA) are all below Greek


# The lexicon word lists the splitter reads. A bench store is named by a digest of them (with the
# code of the splitter and the chunker: `eval.bench.snapshot.store_digest`), since ingest keeps the
# chunks of files it already holds: a splitter change made in a lexicon file alone would otherwise be
# measured on stale chunks. tests/test_sentences_lexicon.py checks every entry read here is listed.
LEXICON_ENTRIES = ("title_abbreviation", "abbreviation", "sentence_opener", "figure_abbreviation",
                   "spaced_abbreviation", "clause_opener", "fine_clause_opener", "relative_word")


@dataclass
class Span:
    start: int
    end: int


@cache
def _classes() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    from qa.text import lexicon

    return (frozenset(lexicon.words("title_abbreviation")), frozenset(lexicon.words("abbreviation")),
            frozenset(lexicon.words("sentence_opener")))


@cache
def _figure_abbreviations() -> frozenset[str]:
    from qa.text import lexicon

    return frozenset(lexicon.words("figure_abbreviation"))


@cache
def _spaced() -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Each spaced abbreviation ("a. C.") with the offsets of its inner full stops (all but the last)."""
    from qa.text import lexicon

    return tuple((a, tuple(k for k, c in enumerate(a[:-1]) if c == ".")) for a in lexicon.words("spaced_abbreviation"))


def _inside_spaced(text: str, dot: int, start: int) -> bool:
    """Is the full stop at `dot` an inner stop of a spaced abbreviation («25 a. C. por orden de…»)
    that starts a word?"""
    for abbr, stops in _spaced():
        for k in stops:
            at = dot - k
            if at >= start and text.startswith(abbr, at) and not (at > start and text[at - 1].isalpha()):
                return True
    return False


def _is_latin_letter(char: str) -> bool:
    return char.isalpha() and char < _LATIN_END


def _token_before(text: str, dot: int, start: int) -> str:
    """The letters and inner dots just before the full stop at `dot` ("Dr", "U.S", "e.g", "")."""
    i = dot
    while i > start and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    return text[i:dot].lstrip(".")


def _is_initials(token: str) -> bool:
    """A capital letter, or single letters joined by dots: "J", "U.S", "e.g" (not "h" of "21 h.")."""
    parts = token.split(".")
    return all(len(p) == 1 and p.isalpha() for p in parts) and (len(parts) > 1 or token.isupper())


def _goes_on(text: str, m: re.Match, start: int, end: int) -> bool:
    """Is the possible end `m` inside a sentence (see the module doc)?"""
    mark = m.group()[0]
    if mark not in ".?!":
        return False
    j = m.end()
    while j < end and text[j] in " \t":
        j += 1
    while j < end and text[j] in OPENERS:
        j += 1
    if j >= end:
        return False
    nxt = text[j]
    if _is_latin_letter(nxt) and nxt.islower():
        return True
    if mark != "." or not (_is_latin_letter(nxt) or nxt.isdigit()):
        return False
    if _inside_spaced(text, m.start(), start):
        return True
    token = _token_before(text, m.start(), start)
    if not token:
        return False
    titles, abbreviations, openers = _classes()
    if token + "." in titles:
        return True
    if token + "." in _figure_abbreviations():  # "art. 5", «15 ago. 2020»; but "years ago. More than…" ends
        return nxt.isdigit()
    if token + "." not in abbreviations and not _is_initials(token):
        return False
    if nxt.isdigit():  # "No. 5", "i.e. 3.5 times"; but "Plan B. 12 people" ends
        return token + "." in abbreviations or "." in token
    word = _WORD.match(text, j, end)
    return word is not None and word.group().lower() not in openers


def _sentence_end(text: str, pos: int, end: int, latin: bool) -> int:
    search = pos
    while True:
        m = _CANDIDATE.search(text, search, end)
        if m is None:
            return end
        if m.group() == "\n":
            return m.start()
        if m.group()[0] in _ITEM_SEP and _in_brackets(text, pos, m.start()):
            search = m.end()  # "牛车水（；）是…", "（Ti Thong；又名打金路）": items of an aside, not ends
            continue
        if (latin and _goes_on(text, m, pos, end)) or (not latin and _initial(text, m, end)):
            search = m.end()
            continue
        return m.end()


def _initial(text: str, m: re.Match, end: int) -> bool:
    """In text with Chinese characters, is the possible end `m` the stop of a Latin initial before
    another initial or a name ("橡胶公司 B. F. 古德里奇（B. F. Goodrich）"): one capital letter standing
    alone, then a space and a capital letter or a Chinese character? A translation gives an English
    name so; a Chinese sentence ends with its own full stop."""
    at = m.start()
    if m.group() != "." or at < 1 or not (text[at - 1].isupper() and _is_latin_letter(text[at - 1])):
        return False
    if at >= 2 and (text[at - 2].isalpha() and _is_latin_letter(text[at - 2]) or text[at - 2].isdigit()):
        return False  # a word's last letter ("Plan B" is rare; "USA." ends)
    j = m.end()
    while j < end and text[j] in " \t":
        j += 1
    return j < end and j > m.end() and (_is_latin_letter(text[j]) and text[j].isupper() or bool(CJK.match(text[j])))


def _in_brackets(text: str, start: int, at: int) -> bool:
    """Is `at` inside a bracket opened since `start` and not yet closed?"""
    part = text[start:at]
    return part.count("（") + part.count("(") > part.count("）") + part.count(")")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of text[start:end] with surrounding whitespace excluded."""
    end = len(text) if end is None else end
    # Text with any Chinese character splits as it always did, but at a Latin initial's stop
    # (`_initial`: "B. F. 古德里奇", "H. F. Verwoerd机场"): the Latin rules were written for Latin text.
    latin = not CJK.search(text, start, end)
    spans = []
    pos = start
    while pos < end:
        if text[pos].isspace():
            pos += 1
            continue
        stop = _sentence_end(text, pos, end, latin)
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append(Span(s, e))
        pos = stop if stop > pos else pos + 1
    return spans


# Where a Latin-script sentence's clauses and phrases end: a comma, colon or spaced dash before a
# space, outside brackets. Numbers keep their commas ("2,850", "6,8": no space after them).
_CLAUSE_END = re.compile(r"[,:]\s|\s[–—]\s")
_SHORT_PHRASE = 4  # a phrase of fewer words is a list item or a place's country: it joins the next


@cache
def _clause_opener() -> re.Pattern:
    """A word opening a clause inside a sentence without a comma before it ("…orchestra before his
    compositions…", "…hasta que…": `clause_opener` in the lexicon), with the space before it."""
    from qa.text import lexicon

    return re.compile(r"\s" + lexicon.alternation("clause_opener") + r"\s")


@cache
def _fine_opener() -> re.Pattern:
    """A word joining two clauses or opening a relative one inside a long sentence ("…in 1991 and
    shelters…", "…Asia, where it lives…": `fine_clause_opener`), with the space before it, not
    before a figure."""
    from qa.text import lexicon

    return re.compile(r"\s" + lexicon.alternation("fine_clause_opener") + r"\s(?!\d)")


@cache
def _joiners() -> frozenset[str]:
    """Words joining a clause to the one before (`fine_clause_opener`, `relative_word`: "and", "which",
    «y», «donde»), lower case."""
    from qa.text import lexicon

    return frozenset(w.lower() for w in lexicon.words("fine_clause_opener") + lexicon.words("relative_word"))


def _interrupted(piece: str) -> bool:
    """Is `piece` a joining word alone before its comma ("and,", «donde,»): its clause is interrupted by
    the aside after it, and goes on after that ("and, after the ostrich and the emu, | it is usually
    ranked as the third-tallest…"; «donde, bajo una identidad falsa, | estudió los astilleros…»), so
    the aside's phrase joins the next one too."""
    words = piece.split()
    return len(words) == 1 and words[0].endswith(",") and words[0][:-1].lower() in _joiners()


def split_clauses(text: str, start: int = 0, end: int | None = None, fine: bool = False) -> list[Span]:
    """The phrases of the Latin-script sentence text[start:end], cut after each comma, colon or
    spaced dash outside brackets (the separator stays with the phrase before it) and before a word
    that opens a clause without one (`clause_opener`: "before", "because", "porque"); a phrase of fewer
    than four words joins the next, so that a list ("Vienna, Bratislava, Budapest and Belgrade",
    "grain, timber, furs, wax, salted herring and cloth were exchanged") or a place ("Holyoke,
    Massachusetts") stays whole.
    One span, the whole sentence, for text with a Chinese character, whose clauses the answerer
    never quotes apart. An appositive, a which-clause or a participle phrase is then a phrase of its
    own: the answerer quotes the run of them that holds what a long sentence matched
    (`qa.answer.clauses`). A joining word alone before a comma ("and, after…, it is…") opens a clause
    an aside interrupts: the aside and the rest of the clause are one phrase (`_interrupted`). `fine`: cut before a word joining two clauses or opening a relative
    clause without a comma too (`fine_clause_opener`: "and", "where", «y», «donde»), not before a
    figure ("between 3,000 and 4,500 metres"); for a sentence whose phrases cut at commas still
    quote past the budget."""
    end = len(text) if end is None else end
    if CJK.search(text, start, end):
        return [Span(start, end)]
    cuts = [start]  # where each piece starts, after its separator and spaces
    for m in _CLAUSE_END.finditer(text, start, end):
        if not _in_brackets(text, start, m.start()):
            cuts.append(m.end() if text[m.start()] in ",:" else m.start() + 1)
    for opener in (_clause_opener(), _fine_opener()) if fine else (_clause_opener(),):
        for m in opener.finditer(text, start, end):
            if m.start() + 1 not in cuts and not _in_brackets(text, start, m.start()):
                cuts.append(m.start() + 1)
    cuts.sort()
    spans: list[Span] = []
    head = start
    for a, b in zip(cuts, cuts[1:] + [end]):
        if (len(text[a:b].split()) >= _SHORT_PHRASE or b == end) and not _interrupted(text[head:a]):
            spans.append(Span(head, b))
            head = b
    if fine and len(spans) > 1 and len(text[spans[-1].start:end].split()) < _SHORT_PHRASE:
        spans[-2:] = [Span(spans[-2].start, end)]  # a list's last item ("…of Romania | and Ukraine.") stays with it
    return [Span(s.start, s.end - (text[s.end - 1] == " ")) for s in spans]
