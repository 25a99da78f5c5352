"""Is the event a question asks about said at all? A closed class of events (a death, a birth, a
marriage, a burial, a founding, a price, a prize, a premiere, a completion, a study, what a mine gave, a
population, an office: `life_event` in en.toml / es.toml), checked for an English or Spanish question over text
in its own language (`qa.answer.latin_slots.worded_gaps`).

The near misses these catch ask the year, place, figure or person of one event in an article that
gives another of the same subject: "In which year did Jørn Utzon die?" over "…won by the Danish
architect Jørn Utzon" (1957, the competition), "¿Cuántos soldados murieron…?" over "unos 5.800
soldados", "In what year was the building of Chambord completed?" over "who ordered its
construction in 1519", "How much gold was taken out of the Klondike?" over "some 100,000
prospectors set out for the region". The question's words are all there but the event's; coverage
cannot see it, and an open event verb cannot be checked (its paraphrases are endless: join /
became, receive / designated; asking every value question's verb refused 27 answerable questions
of the English and Spanish dev sets for 6 near misses, session 10).
A closed class can: its members are listed, so a sentence that says none of them does not say it.

A person's or a work's event (a death, a birth, a marriage, a premiere) must also be said of the
one the question names: "after Tycho's death in 1601" says no death of Kepler. It is taken as said
of another when the nearest capitalised word before the event word (or the name after "of" / "de"
that follows it) is none of the question's or title's words; a pronoun or none at all stands for
the article's subject.
A life span after the name, "Johannes Kepler (1571–1630)", says the years of a birth and a death,
and the places only when it names them ("(Cádiz, 23 de noviembre de 1876 – Alta Gracia, …)").

Only questions asking a value of the event (a year, a date, a place, a figure, a person), or whose
which-noun is its word ("¿Qué premio recibió…?"), are checked: "Which mining accident of 1812 cost
92 lives?" asks an accident, not a price. An office (a mayor, a king, a pope, a president, a governor) is
checked only in a who-question or as the which-noun: "Who was king of Denmark when…", "Which king
signed the Treaty of Tordesillas?" over a sentence naming no king.
"""

from __future__ import annotations

import re
from functools import cache

from qa.answer.latin_question import asked, wanted
from qa.text import lexicon
from qa.text.sentences import split_sentences
from qa.text.tokens import latin_language

__all__ = ["event_gap", "names_said_event"]

_VALUE_KINDS = frozenset({"year", "date", "number", "place", "person"})
_FIGURE = lexicon.regex("latin_figure", re.I)
_YEAR = lexicon.regex("latin_year")
_CAPITAL = re.compile(r"\b[^\W\d_a-zß-ÿ][\w'’-]*")
# what may stand between a name and the event word it is the subject of: a comma right after the
# name and two small words at most ("Ali Pasha, who was killed", "Isaac Peral, nacido", "Max Planck
# died"); not "Dvořák, the Czech composer, died" (Czech is no owner) nor "El sombrero de tres picos,
# estrenado" (a title's lower-case words cannot be told from a phrase's: La vida breve stays answered)
_ATTACHED = re.compile(r"(?:\s*,)?\s*(?:[a-zá-ú]+\s+){0,2}")


@cache
def _events(language: str | None = None) -> tuple[tuple[str, re.Pattern, re.Pattern, frozenset[str]], ...]:
    """(event, its forms in a question, its forms in a sentence, its traits) for each event of
    `language`'s data file (both files' for None): a Spanish question is read with Spanish forms
    only ("el hijo mayor" asks no mayor)."""
    out = []
    for lang in (language,) if language else ("en", "es"):
        also, traits = lexicon.glossary("life_event_also", lang), lexicon.glossary("life_event_trait", lang)
        for event, forms in lexicon.glossary("life_event", lang).items():
            asked = r"(?<!\w)(?:" + forms + r")(?!\w)"
            said = asked + ("|" + lexicon.fill(also[event]) if event in also else "")
            out.append((event, re.compile(asked, re.I), re.compile(said, re.I),
                        frozenset(traits.get(event, "").split())))
    return tuple(out)


@cache
def _setting_end() -> re.Pattern:
    """A question's text ending in a setting word and at most two short words ("un día después de",
    "after his"): the event word after it dates what is asked, and is not asked itself."""
    return re.compile(r"(?<!\w)" + lexicon.alternation("setting_word") + r"(?:\s+\w{1,3}){0,2}\s*$", re.I)


def _setting(before: str) -> bool:
    """Does an event word of the question stand in a setting ("¿Cuánto medía el cono un día después
    de nacer?" asks the cone's height, not its birth: an event gap of «nacer» refused es_wiki23's
    «En apenas 24 horas el cono alcanzaba ya unos 50 metros»)? `before`: the question up to it."""
    return bool(_setting_end().search(before))


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower().removesuffix("'s").removesuffix("’s") for w in re.findall(r"[\w'’-]+", text))


@cache
def _not_names() -> frozenset[str]:
    """Capitalised words that name nobody: months (a date before the event word is no owner)."""
    return frozenset(w.lower() for w in lexicon.words("month_name"))


@cache
def _clause() -> re.Pattern:
    """A clause's edge: a comma or colon, or a joiner (`clause_joiner`: "and", «y»); not the comma
    of a figure's thousands ("about 3,100 inhabitants")."""
    return re.compile(r"[;:]|,(?!\d{3}(?!\d))|\b" + lexicon.alternation("clause_joiner") + r"\b")


@cache
def _owner_after() -> re.Pattern:
    """The name after an event word that owns it: "of Kepler", «de Carlos II» (`event_owner_lead`,
    an article between: `latin_article`)."""
    return re.compile(r"^\s+" + lexicon.alternation("event_owner_lead") + r"\s+(?:" + lexicon.alternation("latin_article")
                      + r"\s+)?([^\W\d_a-zß-ÿ][\w'’-]*)")


@cache
def _agent_after() -> re.Pattern:
    """The name of a passive's agent a few words after an event word: "patented in 1851 by Elias
    Howe", «patentado en 1860 por Isaac Peral» (`agent_preposition`, at most three words between)."""
    return re.compile(r"^(?:[\s,]+[\w-]+){0,3}?\s+" + lexicon.alternation("agent_preposition") + r"\s+(?:"
                      + lexicon.alternation("latin_article") + r"\s+)?([^\W\d_a-zß-ÿ][\w'’-]*)")


def _owner(sentence: str, start: int, end: int, named: frozenset[str], agent: bool = False,
           bound: bool = False) -> bool | None:
    """Is the event word at sentence[start:end] said of what the question names (`named`: its and
    the title's words)? None when the sentence does not say whose it is (a pronoun, an unsaid
    subject: the article's). Its owner, in order:
      - a name after "of" / "de" ("la muerte de Carlos II") or a possessive before it ("Tycho's death");
      - for an event of the trait "agent" (a patent), the agent of a passive after it ("patented
        in 1851 by Elias Howe"; not a death's: "killed by Tycho" is no death of Tycho);
      - a name just before it ("Max Planck died"), or before a comma and a few small words ("Ali
        Pasha, who was killed", "Isaac Peral, nacido en…"): the phrase back to the clause before;
      - else a name of the question before it in the sentence ("Gaudí dedicó…, y cuando murió"),
        and None when there is none: a name that is not attached to it ("…de Madrid, que hoy
        lleva su nombre, y murió") does not say it is someone else's."""
    if (back := _referred(sentence, start, end)) is not None:
        runs: list[list[str]] = []  # the names before, each a run of capitalised words
        for n in _names_in(sentence, back[0], frozenset()):
            if runs and not sentence[last:n.start()].strip():
                runs[-1].append(_plain(n.group(0)))
            else:
                runs.append([_plain(n.group(0))])
            last = n.end()
        return len(runs) >= back[1] and any(w in named for w in runs[-back[1]])
    if m := _owner_after().match(sentence[end:]):
        return _plain(m.group(1)) in named
    if agent and (m := _agent_after().match(sentence[end:])):
        return _plain(m.group(1)) in named  # an event one is given or does (a patent): its agent's
    names = _names_in(sentence, start, named)
    if bound:  # a prize's winner is named in its clause ("…, and it brought Arrhenius the Nobel Prize")
        marks = [m.end() for m in _clause().finditer(sentence, 0, start)]
        names = [n for n in names if n.start() >= (marks[-1] if marks else 0)]
        while names and not sentence[names[-1].end():start].strip():  # "Nobel" names the prize
            start = names.pop().start()
    if names and (last := names[-1]).group(0).endswith(("'s", "’s")) and not sentence[last.end():start].strip():
        return _plain(last.group(0)) in named
    if names and _ATTACHED.fullmatch(sentence[names[-1].end():start]):
        # the subject is the phrase back to the clause before: any of its names ("Tycho Brahe died"
        # for "When did Tycho die?"; "…led by Ali Pasha, who was killed": Ali Pasha's)
        marks = [m.end() for m in _clause().finditer(sentence, 0, names[-1].start())]
        return any(_plain(n.group(0)) in named for n in names if n.start() >= (marks[-1] if marks else 0))
    if any(_plain(n.group(0)) in named for n in names):
        return True
    return None


@cache
def _referring() -> tuple[re.Pattern, re.Pattern]:
    """"the latter's" / "the former's" right before an event word, «de este último» right after it."""
    latter, former = lexicon.alternation("latter_owner"), lexicon.alternation("former_owner")
    lead = lexicon.alternation("event_owner_lead")
    return (re.compile(r"\b(?:(%s)|(%s))\s+$" % (latter, former), re.I),
            re.compile(r"^\s+(?:%s)\s+(?:(%s)|(%s))\b" % (lead, latter, former), re.I))


def _referred(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """(where the words referring to the event's owner start, 1 for the last name before them or 2
    for the one before it) when the event word at sentence[start:end] is "the latter's" / "the
    former's" («la muerte de este último»); None else. The owner is then a name written before:
    "experiments shared with the inventor Nicéphore Niépce until the latter's death in 1833" says
    Niépce's death, not Daguerre's, though Daguerre is named earlier in the sentence."""
    before, after = _referring()
    if m := before.search(sentence[:start]):
        return m.start(), 1 if m.group(1) else 2
    if m := after.match(sentence[end:]):
        return start, 1 if m.group(1) else 2
    return None


def _names_in(sentence: str, end: int, named: frozenset[str]) -> list[re.Match]:
    """The capitalised words of sentence[:end] that may own an event: not a month, nor a place (a
    run of capitalised words after "in", "at", "en"...: "In Vienna she died", "after moving to New
    York, he died") unless a possessive ("Tycho's"), nor the sentence's first word (a pronoun, an
    article: "He died") unless the question names it ("Ludwig paid…, and… died")."""
    out, place, previous = [], False, None
    for m in _CAPITAL.finditer(sentence, 0, end):
        word = m.group(0)
        if previous is None or sentence[previous.end():m.start()].strip():
            lead = sentence[:m.start()].split()[-1:]
            place = bool(lead) and lead[0].lower() in _place_leads()
        previous = m
        if word.lower() in _not_names() or place and not word.endswith(("'s", "’s")) \
                or m.start() <= _first(sentence) and _plain(word) not in named:
            continue
        out.append(m)
    return out


@cache
def _place_leads() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon.words("latin_place_lead"))


def _plain(word: str) -> str:
    return word.lower().removesuffix("'s").removesuffix("’s")


def _names(question: str) -> frozenset[str]:
    """The capitalised words of `question` after its first (the names it asks about)."""
    return frozenset(_plain(m.group(0)) for m in _CAPITAL.finditer(question) if m.start() > _first(question)
                     and m.group(0).lower() not in _not_names())


def _first(text: str) -> int:
    """Where the first word of `text` starts (after "¿", a quote mark): a capital there marks no name."""
    m = re.search(r"\w", text)
    return m.start() if m else 0


def _sentences(quote: str, context: str, passage: str) -> list[str]:
    """The sentences of the quote, whole (a quote cut to a clause, "nacido en Cartagena en 1851",
    read in its sentence, "…Isaac Peral, nacido en Cartagena en 1851…", which says whose birth it
    is), and of its neighbours."""
    out = []
    at = passage.find(quote) if quote else -1
    for text, whole in ((quote, at >= 0), (context, False)):
        for s in split_sentences(text):
            if whole:
                around = [t for t in split_sentences(passage) if t.start <= at + s.start < t.end]
                out.append(passage[around[0].start:around[0].end] if around else text[s.start:s.end])
            else:
                out.append(text[s.start:s.end])
    return out


def _counted(sentence: str, start: int, end: int) -> bool:
    """Is a figure (not a year) of the sentence holding the event word at sentence[start:end] in
    that word's clause, when it has one? A count of an event is said beside it ("killed 92 men"); a
    figure of another clause counts something else: "leaving an estimated 70,000 … homeless,
    although the number of recorded deaths was small". A sentence without a figure is left to the
    type checks (it places no wrong count)."""
    figures = [f.start() for f in _FIGURE.finditer(sentence) if not _YEAR.fullmatch(f.group(0).strip())]
    marks = [m.start() for m in _clause().finditer(sentence)]
    left = max((k for k in marks if k < start), default=-1) + 1
    right = min((k for k in marks if k >= end), default=len(sentence))
    return not figures or any(left <= f < right for f in figures)


def _spanned(text: str, named: frozenset[str], place: bool) -> bool:
    """Does a life span follow a name of the question (within three words before its bracket)?
    For a place question the span must name places (a comma inside: "Cádiz, 23 de noviembre…").
    A name sharing only a surname is another person's: "When did Max Noether die?" is not
    answered by "Emmy Noether (1882–1935)", where each name holds a word the other lacks."""
    for m in lexicon.regex("life_span").finditer(text):
        if place and "," not in m.group(0):
            continue
        before = " ".join(text[:m.start()].split()[-3:])
        run = frozenset(_plain(c.group(0)) for c in _CAPITAL.finditer(before))
        if _words(before) & named and not (run - named and named - run):
            return True
    return False


def _which_noun(question: str, event: re.Pattern) -> bool:
    """Is the event's word the which-noun of `question` ("Which king signed…?", «¿Qué rey…?»)?"""
    a = asked(question)
    return bool(a and a.wants in ("which", "name") and any(event.fullmatch(w) for w in a.noun))


def _asks_value(question: str, event: re.Pattern) -> bool:
    """Does `question` ask a value of the event (a year, place, figure, person), or name it as
    its which-noun?"""
    if wanted(question) in _VALUE_KINDS:
        return True
    return _which_noun(question, event)


def event_gap(question: str, quote: str, context: str, title: str = "", passage: str = "") -> str:
    """The word of `question` naming an event of the closed class that neither `quote` nor its
    `context` (its neighbouring sentences) says, of what the question names; "" when none.
    `passage` (the quoted text) gives a quote cut to a clause its whole sentence."""
    # a pronoun or an unsaid subject stands for the article's: for a question naming the title's
    # person, or none ("¿En qué localidad nació el científico?"); not for another it names
    # ("Kurt Wegener" in the article "Alfred Wegener", "Juan Negrín" in "Severo Ochoa"), nor is the
    # title's person then the owner ("Isaac Peral, nacido en…" for "¿En qué año nació Felipe V?")
    subject = not title or _names(question) <= _words(title)
    # whose an event is, is read from names: the question's capitalised words and the title's
    # ("The fire consumed…" is not owned by the question's "the")
    named = _names(question) | (_words(title) if subject else frozenset())
    sentences = _sentences(quote, context, passage)
    for _, ask, said, traits in _events(latin_language(question)):
        if not (m := ask.search(question)) or not _asks_value(question, ask) or _setting(question[:m.start()]) \
                or "who" in traits and wanted(question) != "person" and not _which_noun(question, ask):
            continue
        # a count of the event ("how many died") is said in its clause; an age at it ("How old was Emmy
        # Noether when she died?" over "She died in April 1935, …, at the age of 53") counts nothing
        owned, counted = "owned" in traits, wanted(question) == "number" and bool((a := asked(question)) and a.noun)
        mine, names = subject, named
        if "given" in traits and wanted(question) != "person":
            # a prize is the winner's the question names, never the words naming the prize ("In what
            # year did van 't Hoff win the Nobel Prize?" over "…it brought Arrhenius the Nobel Prize");
            # a who-question asks its winner
            own = _names(question) - _event_name(question, ask)
            mine = not title or own <= _words(title)
            owned, names = True, own | (_words(title) if mine else frozenset())
        # a passive's agent owns it only where the question names its person: "When was the zipper
        # patented?", "Who patented…?" ask of the thing, whoever holds the patent
        agent = "agent" in traits and not mine
        if any((not owned or (owner := _owner(sentence, w.start(), w.end(), names, agent, names is not named)) or owner is None and mine)
               and (not counted or _counted(sentence, w.start(), w.end()))
               for sentence in sentences for w in said.finditer(sentence)):
            continue
        if "span" in traits and _spanned(f"{quote} {context}", named, wanted(question) == "place"):
            continue
        if "other" in traits and not any(said.search(sentence) for sentence in sentences):
            continue  # an event said in words the class does not list ("when he was eight"): unread
        return m.group(0)
    return _unkinded(question, sentences, title)


def _event_name(question: str, event: re.Pattern) -> frozenset[str]:
    """The capitalised words of `question` naming an event it writes capitalised, joined by "in",
    "of", «de» ("the Nobel Prize in Chemistry", «el Premio Nobel de Física»)."""
    tokens = list(re.finditer(r"[^\W\d_][\w'’-]*", question))
    joiners = {w.lower() for w in lexicon.words("name_joiner")} | {"in"}
    out = set()
    for m in event.finditer(question):
        k = next((i for i, t in enumerate(tokens) if t.start() == m.start()), None)
        if k is None or not question[m.start()].isupper():
            continue
        j = k
        while j > 0 and tokens[j - 1].group(0)[0].isupper() and tokens[j - 1].start() > _first(question):
            j -= 1
        end = k
        while end + 1 < len(tokens) and (tokens[end + 1].group(0)[0].isupper() or tokens[end + 1].group(0).lower()
                                         in joiners and end + 2 < len(tokens) and tokens[end + 2].group(0)[0].isupper()):
            end += 1
        out |= {_plain(t.group(0)) for t in tokens[j:end + 1]}
    return frozenset(out)


def _unkinded(question: str, sentences: list[str], title: str) -> str:
    """The event word of an event of the trait "kind" (an extinction) that `question` asks of a
    kind of thing (the word just before it: "did the devil die out") which neither the sentences
    saying the event nor the article's `title` name, in some form; "" else. A kind is a common
    noun, which no name check reads: "How long ago did the dodo die out?" is no question about the
    devil that "disappeared from the Australian mainland some 3,000 years ago"."""
    from qa.text.paraphrase import stems

    for _, ask, said, traits in _events(latin_language(question)):
        if "kind" not in traits or not (m := ask.search(question)):
            continue
        before = re.findall(r"[^\W\d_][\w'’-]*", question[:m.start()])[-1:]
        kind = stems(before[0]) if before else ()
        if kind and not any(said.search(s) and kind[0] in stems(f"{s} {title}") for s in sentences):
            return m.group(0)
    return ""
    return ""


# How many words after an asked verb are read as its object ("received | the 1957 Nobel Prize")
_OBJECT_WORDS = 4


def names_said_event(after_verb: str, text: str, language: str | None) -> bool:
    """Do the words after a who-question's verb (`after_verb`: "the 1957 Nobel Prize in…") name
    an event of the closed class that `text` says in some form? Then the verb only carries that
    event ("received the Nobel Prize", «ganó el premio»), and the text says the event by its own
    verb ("were awarded the Nobel Prize"): the asked verb itself need not be said."""
    words = " ".join(after_verb.split()[:_OBJECT_WORDS])
    return any(ask.search(words) and said.search(text) for _, ask, said, _ in _events(language))

