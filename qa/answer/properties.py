"""Does a quote say the property a question asks, or only another of its family? "What is the
atomic mass of osmium?" was answered by "…with the atomic number 76": the asked noun is a phrase of
two words (`asked_noun`: "atomic mass"), and `qa.text.paraphrase.says` holds a phrase said when any
of its words is, so the modifier alone ("atomic") passed it (and "mass" is said too, by the weight
of a cube of the metal in kilograms). A modifier names a family of properties (atomic mass / number
/ radius, land / water area, boiling / melting point, «masa / número atómico»); the head word names
which one. A quote that writes the modifier only beside another noun of the family ("atomic
number"), never beside the head in any form nor a word of its class, gives another property: a
focus gap. A quote that never writes the modifier is not read ("the scientific name" is said by
"Panthera leo", «la ciudad natal» by «nació en Valencia»).

The head is the phrase's last word in English ("atomic mass") and its first in Spanish («masa
atómica»); the sibling is the word right after the modifier in English, right before it in Spanish.
Checked by `qa.answer.latin_slots.worded_gaps` beside its focus check of the whole phrase (which
holds a phrase said when either word is), for English and Spanish questions over text in their
language.
"""

from __future__ import annotations

import re

from qa.text import lexicon
from qa.text.tokens import WORD, latin_language

__all__ = ["other_property"]


def other_property(question: str, text: str) -> str:
    """The two-word property `question` asks ("atomic mass") when `text` writes its modifier only
    beside another word ("atomic number"), never beside the head; "" else."""
    from qa.text.paraphrase import function_words, same_word, says, stem

    if not (m := lexicon.regex("asked_noun", re.I).search(question)):
        return ""
    phrase = next((g for g in m.groups() if g), "")
    words = phrase.split()
    if len(words) != 2 or min(map(len, words)) < 3:
        return ""
    spanish = latin_language(question) == "es"
    head, modifier = (words[0], words[1]) if spanish else (words[1], words[0])
    tokens = WORD.findall(text)
    sibling = False
    for k, token in enumerate(tokens):
        if not same_word(stem(modifier), stem(token)):
            continue
        j = k - 1 if spanish else k + 1
        if not 0 <= j < len(tokens):
            continue
        beside = tokens[j]
        if same_word(stem(head), stem(beside)) or says(beside, head, question):
            return ""  # the asked property written whole
        sibling = sibling or (len(beside) >= 3 and beside.isalpha() and beside.lower() not in function_words())
    return phrase if sibling else ""
