"""Does a runner-up cover more of an English or Spanish question only by its names?

`qa.answer.extractive._fuller` quotes a close runner-up instead of the best window when it covers
clearly more of the question ("invented in 1816 by René Laennec" gave way to "a treatise published
in 1819" for "When was Laennec's treatise published?": the runner-up says what was asked). A
sentence that says what was asked often names what it is about otherwise, though: "it has borne the
name of its founder only since 1870" for "Since when has the bridge been named after Charles IV?",
"she was at first obliged to work in a converted carpentry workshop" for "Where was she first made
to do her work in Berlin?". A runner-up whose gain is only those names ("It was commissioned by the
Holy Roman Emperor Charles IV…", "…she moved to Berlin") is no fuller reading of the question but
another sentence about the same subject, and it took the answer's place (issue 27, the wrong
sentence quoted). Names are the runs of capitalised words past the question's first
(`qa.answer.latin_slots`), a Roman numeral of a name ("Charles IV") among them.
"""

from __future__ import annotations

from qa.answer.latin_slots import _names
from qa.text.questions import question_terms

__all__ = ["names_only"]


def names_only(question: str, terms: tuple[str, ...], gained: int) -> bool:
    """Are the question `terms` in mask `gained` (a runner-up holds them, the best does not) all
    terms of the question's names? False when it gains none."""
    if not gained:
        return False
    named = {t for _, run in _names(question) for t in question_terms(" ".join(run))}
    return all(terms[i] in named for i in range(len(terms)) if gained >> i & 1)
