"""Keep secrets out of everything `qa` prints or writes."""

from __future__ import annotations

import re

# Things that look like API keys or bearer tokens, whatever setting they came from.
_TOKEN = re.compile(r"\b(sk-[A-Za-z0-9_\-]{8,}|Bearer\s+[A-Za-z0-9._\-]{8,})")


def redact(text: str, secrets: list[str] | tuple[str, ...] = ()) -> str:
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "****")
    return _TOKEN.sub("****", text)
