"""Prompt templates, loaded by name from the `prompts/` files shipped inside the package."""

from __future__ import annotations

import hashlib
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
