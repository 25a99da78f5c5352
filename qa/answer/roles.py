"""Is the one a quote names the holder of the role a question asks? "Who was the architect of the
Sainte-Chapelle?" was answered by "The Sainte-Chapelle is a royal chapel … built within the medieval
palace … to house the relics of Christ's Passion acquired by Louis IX": the sentence names a person,
so `qa.answer.doers.holderless` passes it, but it names him as the buyer of the relics; it never
says an architect, nor that anyone designed the chapel. A careful reader says: the article names
no architect.

A role of the closed class of `role_act` (en.toml / es.toml: architect, sculptor, composer,
fundador…) is held by a quote only when it writes the role in some form (`qa.text.paraphrase.says`,
WordNet's kin for English: the caller's `filed` reading) or a word of the act that assigns it
("designed by", «diseñada por», «bajo la dirección de»): a name alone is another role's. A kin
word ("the grandfather of", «el abuelo de») is said from the other side as often as not («nieto de
Luis XIV»), and a role not listed may be said by any verb: neither is read.
Checked by `qa.answer.latin_slots.worded_gaps` for English and Spanish questions over text in their
language, beside `holderless` (the quote names no one).
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.tokens import latin_language

__all__ = ["unassigned_role"]


@cache
def _acts(language: str) -> dict[str, re.Pattern]:
    """role -> the words that assign it, as word beginnings ("design" for designed, designer)."""
    return {role.lower(): re.compile(r"\b(?:%s)" % words, re.I)
            for role, words in lexicon.glossary("role_act", language).items()}


def unassigned_role(question: str, text: str, passage: str = "") -> str:
    """The role `question` asks the holder of ("architect" of "Who was the architect of…?") when it
    is one of `role_act` and neither `text` (the quote and its neighbours) nor the quoted `passage`
    writes a word of its act (each act's words hold the role's own: "architect", «arquitect»); ""
    else. A passage that says the role elsewhere may name its holder in the runner-up the answer
    quotes beside the best ("Its architect, Sedefkâr Mehmed Agha…" after "The Sultan Ahmed Mosque…
    was built…"). Whether `text` says the role by a word of its class is left to the caller."""
    if not (asked := lexicon.regex("asked_holder", re.I).search(question)):
        return ""
    role = next(g for g in asked.groups() if g).lower()
    acts = _acts(latin_language(question))
    if role not in acts or acts[role].search(text) or acts[role].search(passage):
        return ""
    return role
