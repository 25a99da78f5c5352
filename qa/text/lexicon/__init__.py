"""The answerer's language knowledge, read from the data files beside this module.

`zh.toml` holds the Chinese word classes (question words, measure words, fillers, roles...),
the regular expressions built from them, and the glossaries (kinship words, event verbs,
periods); `en.toml` the English ones and the glossaries from English attribute words to the
ways Chinese text says them; `es.toml` the Spanish abbreviations the sentence splitter needs (a
class named in several files holds the words of all of them). Each word is written once, in one
class; a pattern names the classes it uses:

    {name}        a word class: its words as one group, longest first, escaped
                  ("(?:哪一年|何年|哪年)"); or another pattern, inserted as it stands
    {name:chars}  a class of single characters, as the body of a character set ("[{digit:chars}]")
    {han}         the body of a character set of Chinese characters (`qa.text.cjk.HAN`)

A pattern named in both files matches either language's wording (Chinese first). Every string
is folded to Simplified characters as it is read (`qa.text.script`), and the patterns are matched
against folded text: a word written once serves Traditional and Simplified questions alike. A pattern
may be written as a list of pieces, joined as they stand, to comment on each. tomllib is in the
standard library and the files are read once, on the first pattern asked for: `qa --help`
never reads them.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from qa.text.cjk import HAN
from qa.text.script import to_simplified

__all__ = ["alternation", "fill", "glossary", "pattern", "regex", "words"]

_HERE = Path(__file__).parent
LANGUAGES = ("zh", "en", "es")  # one data file each; a new language is a new file
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)(?::(chars))?\}")


@cache
def load(language: str) -> dict:
    """The parsed data file of `language` (one of `LANGUAGES`)."""
    import tomllib

    with open(_HERE / f"{language}.toml", "rb") as f:
        return _folded(tomllib.load(f))


def _folded(value):
    """`value` with every string in Simplified characters (`qa.text.script`): the patterns match
    folded text, so each word is written once, in either script, and serves both."""
    if isinstance(value, str):
        return to_simplified(value)
    if isinstance(value, list):
        return [_folded(v) for v in value]
    if isinstance(value, dict):
        return {to_simplified(k): _folded(v) for k, v in value.items()}
    return value


def _section(section: str, name: str) -> list:
    return [data[section][name] for data in map(load, LANGUAGES) if name in data.get(section, {})]


@cache
def words(name: str) -> tuple[str, ...]:
    """The words of class `name`, as written (a string value is a class of single characters)."""
    found = _section("words", name)
    if not found:
        raise KeyError(f"no word class {name!r} in the lexicon")
    out: list[str] = []
    for value in found:
        out.extend(value if isinstance(value, list) else list(value))
    return tuple(out)


def alternation(name: str) -> str:
    """Class `name` as one regex group: its words escaped, longest first (a longer word is never
    cut short by a shorter one it starts with)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words(name), key=len, reverse=True)) + ")"


def _chars(name: str) -> str:
    out = words(name)
    if any(len(w) != 1 for w in out):
        raise ValueError(f"word class {name!r} is used as a character set but holds longer words")
    return "".join(re.escape(w) if w in "\\]^-[" else w for w in out)


@cache
def pattern(name: str) -> str:
    """The regular expression `name`, its placeholders filled (both languages' wordings, Chinese
    first, when both files define it)."""
    found = _section("patterns", name)
    if not found:
        raise KeyError(f"no pattern {name!r} in the lexicon")
    return "|".join(fill("".join(p) if isinstance(p, list) else p) for p in found)


def fill(template: str) -> str:
    """`template` with its placeholders filled (see the module docstring)."""

    def one(m: re.Match) -> str:
        name, chars = m.group(1), m.group(2)
        if chars:
            return _chars(name)
        if name == "han":
            return HAN
        if any(name in load(lang).get("words", {}) for lang in LANGUAGES):
            return alternation(name)
        return pattern(name)

    return _PLACEHOLDER.sub(one, template)


@cache
def regex(name: str, flags: int = 0) -> re.Pattern:
    """Pattern `name`, compiled when first used (see `_Compiled`); an unknown name fails here.
    Use its methods (`P.split(text)`): `re.split(P, text)` takes only a string or a `re.Pattern`."""
    return _Compiled(pattern(name), flags)  # type: ignore[return-value]  # it stands in for the re.Pattern


class _Compiled:
    """A pattern compiled on its first use, then the compiled `re.Pattern` answers every
    attribute. Modules bind their patterns at import, but one question uses only some of them,
    and compiling costs: a Han character set (`{han}`) is ~28,000 code points that the `re`
    compiler walks one by one, at every occurrence, ~1 ms each; compiling them all at import was
    ~60 ms of every cold `qa ask`."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int):
        self._source, self._flags, self._compiled = source, flags, None

    def __getattr__(self, attribute: str):
        # Two threads may both compile it once: the same pattern either way, and re caches it.
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return getattr(self._compiled, attribute)

    def __repr__(self) -> str:
        return f"<lexicon pattern {self._source[:40]!r}>"


@cache
def glossary(name: str, language: str | None = None) -> dict[str, str]:
    """Glossary `name`: each key with its value filled as a pattern (a list value is a word class
    of its own, joined as written); of one `language`'s file only when given ({} if it has none)."""
    if language:
        return {key: "|".join(value) if isinstance(value, list) else fill(value)
                for key, value in load(language).get("glossaries", {}).get(name, {}).items()}
    found = _section("glossaries", name)
    if not found:
        raise KeyError(f"no glossary {name!r} in the lexicon")
    out: dict[str, str] = {}
    for table in found:
        for key, value in table.items():
            out[key] = "|".join(value) if isinstance(value, list) else fill(value)
    return out
