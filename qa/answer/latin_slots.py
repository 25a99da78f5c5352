"""The slot checks of a question written in words (English, Spanish), the gaps `qa.answer.slots.gaps`
adds for one: over Chinese text (`english_gaps`: the question's pinyin names, and its attribute
word looked up in en.toml's glossaries of how Chinese text says it, `english_focus`), and over
text in its own language (`worded_gaps`: the noun its question word asks about, or the action it
asks the doer of, said in some form by the quote or its neighbours).

Apart from `qa.answer.slots`, whose checks read a Chinese question's words around its question
word without a segmenter: these read a question whose words are separated and whose question
word comes first, with the lexicon of en.toml / es.toml and `qa.text.paraphrase`.
"""

from __future__ import annotations

import re

from qa.answer.slots import Gap
from qa.text import lexicon


# English attribute words and how Chinese text says them (en.toml): an English question over
# Chinese passages shares no words with them, so its focus word is looked up here (words not
# listed are not checked); "how many X" wants a count of X (the noun alone is no answer).
_EN_FOCUS = lexicon.glossary("focus")
_EN_COUNT = lexicon.glossary("count")
_COUNT_MAGNITUDE = lexicon.pattern("count_magnitude")
_HOW_MANY = lexicon.regex("how_many_focus", re.I)
# where an English question says its attribute word, tried in order (en.toml's `focus_wording`)
_EN_PATTERNS = [re.compile(p, re.I) for p in lexicon.glossary("focus_wording").values()]


def english_focus(question: str) -> tuple[str, str]:
    """(the English focus word, the Chinese wordings of it) of an English question, or ("", "")."""
    if (m := _HOW_MANY.search(question)) and m.group(1).lower() in _EN_COUNT:
        word = m.group(1).lower()
        return word, _COUNT_MAGNITUDE + "(?:" + _EN_COUNT[word] + ")"
    for pattern in _EN_PATTERNS:
        if m := pattern.search(question):
            word = m.group(1).lower()
            if word in _EN_FOCUS:
                return word, _EN_FOCUS[word]
    return "", ""


def english_gaps(question: str, quote: str, context: str, passage: str) -> list[Gap]:
    """An English question over Chinese text: none of its pinyin names in the `passage` (with its
    title) is a "name" gap, its attribute word said nowhere in the quote or its `context` an
    "english" one."""
    from qa.text.pinyin import mentioned, names

    out = []
    found = names(question)
    if found and not any(mentioned(readings, passage or quote + context) for _, readings in found):
        out.append(Gap("name", found[0][0]))  # Heihe, Fan Tingsong: written in characters if it is there
    word, wordings = english_focus(question)
    if word and not re.search(wordings, quote + context, re.I):
        out.append(Gap("english", word))
    return out


_ASKED_NOUN = lexicon.regex("asked_noun", re.I)
_ASKED_VERB = lexicon.regex("asked_verb", re.I)
_ASKED_OBJECT = lexicon.regex("asked_object", re.I)


def worded_gaps(question: str, quote: str, context: str, title: str = "") -> list[Gap]:
    """A question in a language written in words (English, Spanish) over text in one: the noun its
    question word asks about ("how many nurses") or the action it asks the doer of ("who
    designed") must be in the quote or its neighbours, in some form of the word, by a word of its
    class or by a value of its kind (`qa.text.paraphrase`: "the total length" by "2,850
    kilometres"). A sentence that shares the question's names but never says the thing asked
    (beds for nurses) is a near miss. The article's `title` names what each of its sentences speaks
    of: "how many blue whales" is asked of "The species is now listed…" in the article "Blue whale"."""
    from qa.text.paraphrase import says

    out = []
    for pattern, kind in ((_ASKED_NOUN, "focus"), (_ASKED_VERB, "event"), (_ASKED_OBJECT, "focus")):
        if (m := pattern.search(question)) and not says(f"{quote} {context}\n{title}", (words := next(g for g in m.groups() if g)),
                                                        question):
            out.append(Gap(kind, words))
    return out
