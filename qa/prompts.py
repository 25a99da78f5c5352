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


_SLOT = re.compile(r"\{([a-z_]+)\}")


def fill(template: str, **values: str) -> str:
    """`template` with each `{name}` slot replaced by `values[name]`, in one pass."""
    return _SLOT.sub(lambda m: values[m.group(1)] if m.group(1) in values else m.group(0), template)


def prompt_hashes() -> dict[str, str]:
    return {p.stem: hashlib.sha256(p.read_bytes()).hexdigest()[:12] for p in sorted(prompt_dir().glob("*.txt"))}


def refusal_phrase(lang: str) -> str:
    """The refusal wording for a language ('zh' or 'en'), from prompts/refusal.txt."""
    phrases = {}
    for line in load_prompt("refusal").splitlines():
        if ":" in line and not line.startswith("#"):
            key, text = line.split(":", 1)
            phrases[key.strip()] = text.strip()
    return phrases.get(lang) or phrases["en"]
