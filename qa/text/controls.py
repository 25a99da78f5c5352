"""Text we did not write (articles, titles, file names, model replies) must never reach the
terminal's control channel: the one definition of what is removed, used when articles are cleaned
at ingest and again in front of everything printed (`qa.render`), so that a store built before
this existed, a Chroma server holding someone else's data, or a model reply is safe too.

Removed: whole escape sequences (ECMA-48: CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, DCS, SOS, PM
and APC strings up to their ST, the other `ESC …` sequences, and the 8-bit C1 forms of each), so
no payload (a window title, an OSC 52 clipboard write, a hyperlink's hidden target) is left behind
as text; then any C0 control but newline and tab, DEL and C1 controls (U+0080–U+009F); and the
Unicode bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), which make displayed
text differ from stored text. Carriage returns, form feeds and vertical tabs end a line (an old
Mac file, a page break) instead of moving the cursor back over what was written.

JSON is the one place these characters are kept, spelt out rather than removed (`safe_json`): a
script must get back the file name or reply as it was, and a terminal or editor showing the JSON
must not act on them.
"""

from __future__ import annotations

import json
import re
from typing import Any

_ST = r"(?:\x07|\x1b\\|\x9c)"  # string terminators: BEL (xterm), ESC \, 8-bit ST
# A string whose terminator never comes is cut at the end of its line (a terminal would swallow
# everything after it; here the rest of the article matters more).
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI
    r"|(?:\x1b[\]P X^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:" + _ST + r"|(?=\n)|$)"  # OSC DCS SOS PM APC
    r"|\x1b[ -/]*[0-~]"  # nF, Fp, Fe, Fs escape sequences (ESC ( B, ESC 7, ESC c …)
)
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_END = re.compile(r"\r\n?|[\x0b\x0c]")
_STARTS = re.compile(r"[\x1b\x90\x98\x9b\x9d\x9e\x9f]")


def strip_controls(text: str) -> tuple[str, int]:
    """(`text` without escape sequences and controls, how many sequences and characters went)."""
    text = _LINE_END.sub("\n", text)
    text, sequences = _SEQUENCE.subn("", text)
    text, characters = CONTROL.subn("", text)
    return text, sequences + characters


def safe(text: str) -> str:
    """`text` fit for a terminal (`strip_controls` without the count)."""
    return strip_controls(text)[0] if text else text


def safe_json(data: Any, **options: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, **options)` with DEL, the C1 controls and the bidi
    controls written as \\uXXXX escapes, as json.dumps writes the C0 ones. Outside strings json.dumps
    writes only ASCII punctuation and the newlines and spaces of `indent` (which `CONTROL` leaves
    alone), so every character replaced is inside a string: the text is still JSON and loads back
    to `data`."""
    text = json.dumps(data, ensure_ascii=False, **options)
    return CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class StreamFilter:
    """`safe` for text that arrives in pieces (a streamed model reply), where one escape sequence
    may be split between two pieces: an unfinished sequence at the end of a piece is held back
    until the next piece completes it (or, past `limit` characters, dropped)."""

    def __init__(self, limit: int = 512) -> None:
        self.held = ""
        self.limit = limit

    def feed(self, piece: str) -> str:
        text, self.held = self.held + piece, ""
        starts = [m.start() for m in _STARTS.finditer(text, max(0, len(text) - self.limit))]
        if starts and _unfinished(text[starts[-1]:]):
            text, self.held = text[:starts[-1]], text[starts[-1]:]
        return safe(text)

    def flush(self) -> str:
        held, self.held = self.held, ""
        return safe(held)


_CSI = re.compile(r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]")
_STRING = re.compile(r"\x1b[\]P X^_]|[\x90\x98\x9d\x9e\x9f]")


def _unfinished(tail: str) -> bool:
    """Could more text still complete the escape sequence that `tail` starts with?"""
    if tail.startswith(("\x1b[", "\x9b")):
        return not _CSI.match(tail)
    if _STRING.match(tail):
        return not re.search(_ST, tail) and "\n" not in tail
    return bool(re.fullmatch(r"\x1b[ -/]*", tail))


__all__ = ["CONTROL", "StreamFilter", "safe", "safe_json", "strip_controls"]
