"""Which of a question's terms an article's title holds: the window's topic terms (`qa.answer.windows`).

Every window of an article is about what its title names, so the windows are told apart by the
question's other (focus) terms. A Chinese term is held where the title writes it. An English or
Spanish term is a stem, and a title writes it in whatever form: "secretari" (of "Why is the bird
named after a secretary?") is no substring of "Secretary bird", nor "irrawaddi" of "Irrawaddy
River". Read as a substring only, the subject's own name was a focus term, which the lead writes
and the sentence answering says as "its common name…" or "It is formed…": the lead outranked it
by the words' score (issue 27; `eval.bench.lost`'s words:1). So a title holds such a term as a
sentence does (`qa.text.questions.held_otherwise`: another form of the word), unless the title
then holds every term of the question (a news headline restating it: "¿Adónde se trasladará el
mercado?" over «El mercado … se traslada…»), which would leave no focus term to tell its sentences
apart. Measured by window replays over the 28 English and Spanish dev sets (1,131 answerable
questions): first window by the words' score right 1,008 -> 1,012, first after the embedder
1,067 -> 1,068 (+2 / -1); without the headline rule +2 / -2 (es_news lost one).
"""

from __future__ import annotations

from functools import lru_cache

from qa.text.cjk import CJK
from qa.text.questions import held_otherwise

__all__ = ["title_terms"]


@lru_cache(maxsize=256)  # re-ranking and answering score the same question's passages: one reading a title
def title_terms(question: str, terms: tuple[str, ...], absent: int, title: str) -> int:
    """Mask over `terms` (the question's index terms, `absent` those no passage holds) of those the
    folded `title` holds; `question` folded as the title is."""
    held = sum(1 << i for i, t in enumerate(terms) if t in title)
    if CJK.search(question):
        return held
    other = held | held_otherwise(question, terms, title, absent)
    return held if other == (1 << len(terms)) - 1 else other
