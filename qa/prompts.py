"""Prompt templates, loaded by name from the `prompts/` files shipped inside the package, and the
one template filler.

`fill` replaces every `{name}` slot in a single pass over the template, so a value is never
scanned again: a passage that itself contains `{question}` or `{refusal}` reaches the model as
written. Braces that name no given value are left alone (passages and JSON examples hold braces).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache
from pathlib import Path

from qa.errors import ConfigError

_PACKAGED = Path(__file__).parent / "_prompts"  # where the wheel puts prompts/
_REPO = Path(__file__).parent.parent / "prompts"  # an editable install or a source checkout


def prompt_dir() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _REPO


@lru_cache(maxsize=None)
def load_prompt(name: str) -> str:
    path = prompt_dir() / f"{name}.txt"
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        raise ConfigError(f"prompt template {name!r} not found at {path}; reinstall qa-assistant") from None


def answer_prompt(path: str | Path = "") -> str:
    """The LLM answerer's system message: the text of `path` (`--system FILE`, QA_SYSTEM_PROMPT)
    when one is given, else `prompts/answer.txt`. A file that cannot be read, or holds only
    whitespace, is a one-line ConfigError: an empty system message would quietly drop every rule."""
    if not str(path):
        return load_prompt("answer")
    return _read_system(str(Path(path).expanduser()))


@lru_cache(maxsize=8)  # one read a run, though the chat asks it every turn
def _read_system(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(f"system prompt file {path} not found; give a file that holds the prompt, "
                          "or leave --system (QA_SYSTEM_PROMPT) out for the built-in one") from None
    except (OSError, UnicodeDecodeError) as e:
        why = e.strerror if isinstance(e, OSError) else "not UTF-8 text"
        raise ConfigError(f"system prompt file {path}: cannot read it ({why}); give a readable UTF-8 text file") \
            from None
    if not text.strip():
        raise ConfigError(f"system prompt file {path} is empty; write the prompt in it, or leave --system "
                          "(QA_SYSTEM_PROMPT) out for the built-in one")
    return text


_SLOT = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, **values: str) -> str:
    """`template` with each `{name}` slot replaced by `values[name]`, in one pass."""
    return _SLOT.sub(lambda m: values[m.group(1)] if m.group(1) in values else m.group(0), template)


def prompt_hashes(system: str | Path = "") -> dict[str, str]:
    """A short hash of each prompt file, the answer prompt's being that of `system` when given."""
    hashes = {p.stem: hashlib.sha256(p.read_bytes()).hexdigest()[:12] for p in sorted(prompt_dir().glob("*.txt"))}
    if str(system):
        hashes["answer"] = hashlib.sha256(answer_prompt(system).encode("utf-8")).hexdigest()[:12]
    return hashes


def refusal_phrase(lang: str) -> str:
    """The refusal wording for a language ('zh', 'zh-Hant', 'en' or 'es'), from prompts/refusal.txt."""
    phrases = refusal_phrases()
    return phrases.get(lang) or phrases["en"]


def refusal_phrases() -> dict[str, str]:
    """Every language's refusal wording in prompts/refusal.txt, by language."""
    phrases = {}
    for line in load_prompt("refusal").splitlines():
        if ":" in line and not line.startswith("#"):
            key, text = line.split(":", 1)
            phrases[key.strip()] = text.strip()
    return phrases
