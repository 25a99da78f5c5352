"""Keep secrets out of everything `qa` prints or writes.

`redact` masks a whole text. `StreamRedactor` masks a text that arrives in pieces (a streamed
reply): it holds back the end of what it has seen for as long as more text could still turn that
end into a secret, so a key split across two pieces is never passed on, and what it passes on,
joined, is exactly `redact` of the whole text (tests/test_secrets.py checks every split point).
"""

from __future__ import annotations

import re

__all__ = ["redact", "StreamRedactor"]

MASK = "****"
# Things that look like API keys or bearer tokens, whatever setting they came from.
_TOKEN = re.compile(r"\b(sk-[A-Za-z0-9_\-]{8,}|Bearer\s+[A-Za-z0-9._\-]{8,})")
# What a text seen so far may end in that more text could still make part of a `_TOKEN` match: the
# run of token characters, and a "Bearer" (with the token run it ends) waiting for its token.
_OPEN_TOKEN = re.compile(r"[A-Za-z0-9._\-]*(?:Bearer\s+[A-Za-z0-9._\-]*)?\Z")


def _secrets(secrets) -> list[str]:
    return [s for s in secrets if s and len(s) >= 4]


def redact(text: str, secrets: list[str] | tuple[str, ...] = ()) -> str:
    for secret in _secrets(secrets):
        text = text.replace(secret, MASK)
    return _TOKEN.sub(MASK, text)


class StreamRedactor:
    """`feed(piece)` returns the part of the masked text that is now certain; `close()` the rest.

    The same two steps as `redact`, each on a stream: every secret is replaced in turn (holding
    back an end that is the start of the secret), then `_TOKEN` is masked in what is left
    (holding back an end `_OPEN_TOKEN` matches, searched with the text before it so that `\\b`
    sees the same neighbour it would in the whole text).
    """

    def __init__(self, secrets: list[str] | tuple[str, ...] = ()):
        self._secrets = _secrets(secrets)
        self._pending = [""] * len(self._secrets)  # per secret: text not yet searched for it
        self._seen = ""  # input of the token step: all of it, for the neighbour of `\b`
        self._done = 0  # how much of `_seen` has been masked and passed on

    def feed(self, piece: str) -> str:
        return self._tokens(self._replace(piece, final=False), final=False)

    def close(self) -> str:
        return self._tokens(self._replace("", final=True), final=True)

    def _replace(self, text: str, final: bool) -> str:
        for i, secret in enumerate(self._secrets):
            text, self._pending[i] = _replace_certain(self._pending[i] + text, secret, final)
        return text

    def _tokens(self, text: str, final: bool) -> str:
        self._seen += text
        end = len(self._seen) if final else _OPEN_TOKEN.search(self._seen, self._done).start()
        out, at = [], self._done
        for m in _TOKEN.finditer(self._seen, self._done, end):
            out.append(self._seen[at:m.start()] + MASK)
            at = m.end()
        out.append(self._seen[at:end])
        self._done = end
        return "".join(out)


def _replace_certain(text: str, secret: str, final: bool) -> tuple[str, str]:
    """(`text` with `secret` masked up to the end that could still begin it, that end). As
    `str.replace` does, occurrences are found leftmost first, so any occurrence still to come
    starts in the end held back: the longest end of `text` that the secret starts with."""
    out, at = [], 0
    while (found := text.find(secret, at)) >= 0:
        out.append(text[at:found] + MASK)
        at = found + len(secret)
    rest = text[at:]
    keep = 0 if final else next((k for k in range(min(len(secret) - 1, len(rest)), 0, -1)
                                 if rest.endswith(secret[:k])), 0)
    out.append(rest[:len(rest) - keep])
    return "".join(out), rest[len(rest) - keep:]
