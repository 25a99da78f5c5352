"""Is a generic word for people ("how many people", «¿cuántas personas…?») said by a count of
people of some kind? "How many people play in a doubles game?" over "Squash is a racket sport
played by two players, or four in the doubles game", «¿Cuántas personas hacen falta para mover el
botafumeiro?» over «…que ocho hombres llamados tiraboleiros ponen en movimiento»: the sentence
counts players and men, and players and men are people. The focus check
(`qa.answer.latin_slots.worded_gaps`) finds no "people" there, nor a word WordNet files under it
within reach (`qa.text.thesaurus`: below "person" lie thousands of words), and refused both.

Only the generic words (`people_word`) are said so, never a narrower one: a count of people is no
count of tourists, nor a count of soldiers one of cavalrymen. A count is a figure or a number in
words (`latin_figure`) with at most `MODIFIERS` words between it and its noun ("8,000 heavily armed
horsemen"), the noun one for people (`qa.text.persons`: WordNet's for English, es.toml's
`person_noun` for Spanish). A year is no count ("in 1891 players…")."""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon

__all__ = ["people_counted"]

MODIFIERS = 2  # words between a count's figure and its noun, as `short_latin.MODIFIERS` reads a count
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@cache
def _people_words() -> frozenset[str]:
    from qa.text.paraphrase import plain

    return frozenset(plain(w) for w in lexicon.words("people_word"))


@cache
def _patterns() -> tuple[re.Pattern, re.Pattern]:
    return lexicon.regex("latin_figure", re.I), lexicon.regex("latin_year")


def people_counted(text: str, words: str) -> bool:
    """Is the asked `words` a generic word for people that `text` says by a count of a noun for
    people?"""
    from qa.text.paraphrase import plain
    from qa.text.persons import is_person

    if plain(words.strip()) not in _people_words():
        return False
    figure, year = _patterns()
    for m in figure.finditer(text):
        if year.fullmatch(m.group(0).strip()):
            continue
        after = _WORD.findall(text[m.end():m.end() + 80])[:MODIFIERS + 1]
        if any(is_person(plain(w)) for w in after):
            return True
    return False
