"""Whose is the figure an English or Spanish count or measure question asks? "How many troops did
John Zápolya bring to Mohács?" was answered by "The Hungarian king, Louis II, …, could gather no
more than about 25,000 troops, …, while the reinforcements of John Zápolya … were still several
days' march away": the sentence names Zápolya and gives a count of troops, but the count is in the
clause of another name (Louis II), and the clause naming Zápolya gives none. `qa.answer.dated` reads
a year so; this reads the other figures (a count, a measure) the same way.

The quote's sentences are cut into clauses as `qa.answer.firsts` cuts them (a semicolon, a colon, a
comma before a joiner: ", while", «, y»). The question's names are its capitalised words past its
first, but those of the article's title (what every sentence of the article is about: Mohács) and
Roman numerals. Where every clause holding a figure (no year) names another capitalised name and
none of the question's, while another clause names one of them, the figures are the other's. A
figure in a clause naming no one (a pronoun, an unsaid subject: "and he brought 10,000 men") may be
the asked one's, and one a speaker's clause gives ("Dr. Priya Menon said the wing adds 120 beds":
`reporting_word`) is the speaker's news of the thing asked: the quote passes.

A figure in a relative clause counts the noun the clause hangs on (`relative_owner`): "How many Gobi
bears are thought to be left?" over "The desert is home to the wild Bactrian camel, of which only
about a thousand are thought to survive, and to the Gobi bear…": "of which" (`count_relative`: of
whom, «de los cuales») points back to the camel. Where every figure of the quote stands in such a
clause hung on another noun than the one counted, while the quote says the counted one, the figures
are another thing's. The question's names cannot tell it here: "Gobi" is the article's title.

A year asked is read the same way: «¿En qué año se estrenó La vida breve?» over «Entre sus obras
figuran la ópera La vida breve, el ballet El amor brujo…, y El sombrero de tres picos, estrenado en
Londres en 1919…»: the year is in the clause of another work.
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.cjk import CJK

__all__ = ["figure_elsewhere", "relative_owner"]

_CAPITAL = re.compile(r"\b[^\W\d_a-zß-ÿ][\w'’-]*")
_ROMAN = re.compile(r"[IVXLCDM]+")


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    return lexicon.regex("latin_figure", re.I), lexicon.regex("latin_year")


@cache
def _reporting() -> re.Pattern:
    return re.compile(r"\b(?:%s)\b" % lexicon.alternation("reporting_word"), re.I)


def _names(text: str, skip_first: bool) -> set[str]:
    """The capitalised words of `text` (lower case, no possessive), but a Roman numeral, a month
    and, when `skip_first`, its first word (a sentence's or a question's opener)."""
    from qa.text.paraphrase import plain

    first = re.search(r"\w", text)
    months = {m.lower() for m in lexicon.words("month_name")}
    return {plain(m.group(0)).removesuffix("'s").removesuffix("’s") for m in _CAPITAL.finditer(text)
            if not (skip_first and first and m.start() <= first.start()) and not _ROMAN.fullmatch(m.group(0))
            and m.group(0).lower() not in months}


def figure_elsewhere(question: str, quote: str, title: str = "", passage: str = "") -> str:
    """The name of a clause of `quote` that holds every figure (no year; every year, where a year is
    asked) where the count, measure or year `question` asks is of a name the question gives that only
    other clauses name; "" else. A quote
    cut to a clause is read in its whole sentence of `passage` (the quoted text), which names the
    clause's subject ("…, Louis II, …, could gather no more than about 25,000 troops")."""
    from qa.answer.events import _sentences
    from qa.answer.firsts import _breaks
    from qa.answer.latin_question import wanted

    kind = wanted(question)
    if CJK.search(question) or CJK.search(quote) or kind not in ("number", "year"):
        return ""
    figure, year = _patterns()
    asked = _names(question, True) - _names(title, False)
    if not asked:
        return ""
    # (a clause, whether it opens its sentence)
    clauses = [(c, k == 0) for sentence in _sentences(quote, "", passage) for k, c in enumerate(_breaks().split(sentence))]
    valued, others = [], []
    for clause, opens in clauses:
        # a sentence's capitalised opener names no one ("The", «El»); a later clause's first word may
        # («…, y El sombrero de tres picos, estrenado…»)
        named = _names(clause, opens)
        held = bool(year.search(clause)) if kind == "year" else \
            any(not year.fullmatch(m.group(0).strip()) for m in figure.finditer(clause))
        if held and _reporting().search(clause):
            return ""  # a speaker's clause ("Dr. Priya Menon said the wing adds 120 beds"): its name is no owner
        (valued if held else others).append(named)
    if not valued or not any(asked & named for named in others):
        return ""
    if all(named and not asked & named for named in valued):
        return sorted(valued[0] - asked)[0]
    return ""


@cache
def _relative() -> re.Pattern:
    """A noun, a comma and a relative pronoun that counts it ("camel, of which"), the noun in group 1."""
    return re.compile(r"(\w+),\s+(?:%s)\b([^,;:.]*)" % lexicon.alternation("count_relative"), re.I)


def relative_owner(question: str, quote: str) -> str:
    """The noun a relative clause of `quote` hangs on ("camel" of "the wild Bactrian camel, of which
    only about a thousand…") when every figure (no year) of `quote` stands in such clauses on nouns
    other than the one `question` counts, and `quote` writes the counted noun; "" else."""
    from qa.answer.latin_question import asked
    from qa.text.paraphrase import same_word, stem

    if CJK.search(question) or CJK.search(quote) or not (a := asked(question)) or a.wants != "number" or not a.noun:
        return ""
    noun = a.noun[-1] if a.noun_last else a.noun[0]
    counted = stem(noun)
    figure, year = _patterns()
    figures = [m for m in figure.finditer(quote) if not year.fullmatch(m.group(0).strip())]
    clauses = list(_relative().finditer(quote))
    if not figures or not clauses:
        return ""
    owners = []
    for m in figures:
        clause = next((c for c in clauses if c.start(2) <= m.start() < c.end(2)), None)
        if clause is None or same_word(counted, stem(clause.group(1))) or not clause.group(1).isalpha() \
                or any(same_word(counted, stem(w)) for w in re.findall(r"\w+", clause.group(2))):
            return ""  # a figure of no relative clause, one on the counted noun or naming it ("of which 49 copies")
        owners.append(clause.group(1))
    said = any(same_word(counted, stem(w)) for w in re.findall(r"\w+", quote))
    return owners[0] if said else ""
