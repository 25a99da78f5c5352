"""Does a quote name the one whose name a question asks? «¿Cómo se llamaba el pastor que guió a los
cristianos por la sierra?» over «según la tradición un pastor de la zona guió a los cristianos por un
sendero desconocido…»: every word of the question is there, but the shepherd is only "a shepherd of
the area"; the article tells of him and never names him. Likewise "What was the name of the single
paying spectator at the 1900 Olympic croquet?" over "…a single paying spectator is said to have
attended", and "What was the name of the surgeon who removed Emmy Noether's tumour?" over "a few
days after an operation to remove a tumour", which says no surgeon at all. A careful reader says:
the article mentions a shepherd, not his name.

A question asking the name of one (`name_asked`, in the past: "what was the name of the…", «cómo se
llamaba el…», «cuál era el nombre del…») has a gap when the quote and its neighbours
  - say none of the words of the one it names (`qa.text.paraphrase.says`, and for English WordNet's
    kin, `qa.text.thesaurus`) and name nothing by a naming word (`latin_name_lead`: «un fenómeno
    llamado neotenia» names what «el hecho de llegar a adulto sin…» asks): the text never mentions
    a surgeon; or
  - write them only after an indefinite article (`indefinite_article`: a, an; un, una), with
    nothing naming the phrase: no name after it ("un pastor indígena llamado Diego Huallpa",
    "a foundry, Carron"; `latin_name_lead`, a comma or a bracket then a capital) nor a thing it
    describes before it ("el magma, una roca fundida…", "the Chindwin is a river…": a comma, a
    bracket or a copula just before the article). A definite mention ("the ferry") may be named
    elsewhere in the article and is left to the other checks.
The present ("What is the name of the green pigment…?", «¿Cómo se llama el hecho de…?») asks the
term for a kind, which a text gives in lower case after an indefinite phrase as often as not ("a
green pigment, chlorophyll", «los machos, llamados zánganos»): not read. With it, the calibration set
es_wiki17 (aggregate only) lost a right answer to a focus gap; in the past tense none moved.
Checked by `qa.answer.latin_slots.worded_gaps` for English and Spanish questions over text in their
language.
"""

from __future__ import annotations

import re
from functools import cache

from qa.text import lexicon
from qa.text.tokens import WORD

__all__ = ["unnamed_one"]

# how many words may stand between an indefinite article and the asked word ("a single paying
# spectator", «un rico indiano»), and after it before a name ("un pastor indígena llamado…")
_BEFORE = 3
_AFTER = 4


@cache
def _classes() -> tuple[frozenset[str], frozenset[str], frozenset[str], re.Pattern]:
    low = lambda words: frozenset(w.lower() for w in words)  # noqa: E731
    return (low(lexicon.words("indefinite_article")), low(lexicon.words("latin_article") + lexicon.words("stop_word")),
            low(lexicon.words("latin_copula")), re.compile(r"\s*(?:%s)\b" % lexicon.alternation("latin_name_lead"), re.I))


@cache
def _apposed() -> re.Pattern:
    """A name set beside a phrase: a comma or a bracket, maybe an article, a capital ("a ship, the Mayflower")."""
    return re.compile(r"\s*[,(]\s*(?:(?i:%s)\s+)?[^\W\d_a-zß-ÿ]" % lexicon.alternation("latin_article"))


def unnamed_one(question: str, quote: str, context: str) -> str:
    """The words of the one whose name `question` asks when `quote` and its `context` never say
    them, or say them only of an unnamed one ("un pastor de la zona"); "" else."""
    from qa.text.paraphrase import says, stems, same_word
    from qa.text.tokens import latin_language

    if not (m := lexicon.regex("name_asked", re.I).search(question)):
        return ""
    phrase = next(g for g in m.groups() if g).strip()
    indefinite, small, copulas, name_lead = _classes()
    months = {w.lower() for w in lexicon.words("month_name")}
    asked = [w for w in WORD.findall(phrase) if len(w) >= 3 and w.lower() not in small]
    if not asked:
        return ""
    text = f"{quote} {context}"
    # a text naming something ("un fenómeno llamado neotenia") may name what is asked in other words
    # («el hecho de llegar a adulto sin pasar por la metamorfosis»): only a text naming nothing so is read
    if not any(says(text, w, question) for w in asked) and not name_lead.search(text):
        if latin_language(question) != "es":
            from qa.text.thesaurus import says as kin_says

            if any(kin_says(text, w.lower(), "n") for w in asked):
                return ""
        return phrase
    # a relative asked (`kin_word`: «la esposa de…») is a person the quote must name beside its mention
    kin = len(asked) == 1 and asked[0].lower() in {w.lower() for w in lexicon.words("kin_word")}
    wanted = [s for s in stems(" ".join(asked))]
    tokens = list(WORD.finditer(text))
    found = [k for k, t in enumerate(tokens) if (s := stems(t.group(0))) and any(same_word(w, s[0]) for w in wanted)]
    if not found:
        return ""  # said by a word of its class or a value: not read here
    for k in found:
        lead = next((j for j in range(k - 1, max(k - 1 - _BEFORE, -1), -1)
                     if tokens[j].group(0).lower() in small | indefinite), None)
        if lead is None or tokens[lead].group(0).lower() not in indefinite:
            if kin and not _named_near(text, tokens, k, name_lead):
                continue  # "su esposa, que lo enviaron…": a relative the quote mentions and never names
            return ""  # a definite mention, or none: it may be named elsewhere
        before = text[:tokens[lead].start()].rstrip()
        if before.endswith((",", "(", ":")) or (lead and tokens[lead - 1].group(0).lower() in copulas
                                                 and not text[tokens[lead - 1].end():tokens[lead].start()].strip()):
            return ""  # "el magma, una roca fundida": describes a thing named before it
        after = text[tokens[k].end():]
        reach = tokens[min(k + _AFTER, len(tokens) - 1)].end() - tokens[k].end()
        if name_lead.search(after[:reach]) or _apposed().match(after):
            return ""  # "un pastor indígena llamado Diego Huallpa", "a foundry, Carron"
        # a name later in its sentence may be its own ("un barco que partió de Palos, la Santa María"):
        # only a phrase its sentence names nothing after is read as unnamed
        rest = after[:m.start()] if (m := re.search(r"[.!?](?:\s|$)", after)) else after
        if any(w[:1].isupper() and w.lower() not in months for w in WORD.findall(rest)):
            return ""
    return phrase


def _named_near(text: str, tokens: list, k: int, name_lead: re.Pattern) -> bool:
    """Is the word at `k` of `tokens` named beside it: a naming word or a capitalised word within
    `_AFTER` words after it ("his wife Anne", «su esposa, Clotilde»), or within `_BEFORE` words
    before it ("Clotilde, su esposa"), in its own sentence (a sentence's capitalised opener names no one)?"""
    end = re.compile(r"[.!?;](?:\s|$)")
    after = end.split(text[tokens[k].end():tokens[min(k + _AFTER, len(tokens) - 1)].end()])[0]
    if name_lead.search(after) or any(w[:1].isupper() for w in WORD.findall(after)):
        return True
    parts = end.split(text[tokens[max(k - _BEFORE, 0)].start():tokens[k].start()])
    words = WORD.findall(parts[-1])
    opens = len(parts) > 1 or k <= _BEFORE  # the window starts a sentence: its first word is the opener
    return any(w[:1].isupper() for w in (words[1:] if opens else words))
