"""Gold sets for `qa eval`: JSONL, one item a line.

    {"id": "seed-001", "question": "...", "answers": ["7部门", "7"], "unanswerable": false,
     "evidence": ["工信部等7部门联合印发"], "tags": ["number"]}

`answers` are acceptable short answers (any one counts), `evidence` says where the answer is
(a source file stem, an article title or a quoted snippet), `tags` are free labels. Only `id`
and `question` are required; the others default to empty/false. The whole file is checked
before anything runs and every bad line is reported as `FILE:LINE: problem`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa.errors import InputError

_FIELDS = {"id": str, "question": str, "answers": list, "unanswerable": bool, "evidence": list, "tags": list}
_REQUIRED = ("id", "question")


class GoldError(InputError):
    """A gold file with bad lines; `problems` holds one `FILE:LINE: problem` string per line."""

    def __init__(self, path: Path, problems: list[str]):
        self.problems = problems
        n = len({p.split(": ", 1)[0] for p in problems})
        super().__init__(f"{path}: {n} bad line{'s' if n != 1 else ''}; fix them and run again:\n" + "\n".join(problems))


@dataclass
class GoldItem:
    id: str
    question: str
    answers: list[str] = field(default_factory=list)
    unanswerable: bool = False
    evidence: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    line: int = 0

    def gold(self) -> dict[str, Any]:
        return {"answers": self.answers, "unanswerable": self.unanswerable, "evidence": self.evidence,
                "tags": self.tags}


def _check_line(raw: str, where: str, seen: dict[str, str]) -> tuple[GoldItem | None, list[str]]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as e:
        return None, [f"{where}: not valid JSON ({e.msg} at column {e.colno})"]
    if not isinstance(data, dict):
        return None, [f"{where}: expected a JSON object, got {type(data).__name__}"]
    problems = [f"{where}: missing {key!r}" for key in _REQUIRED if key not in data]
    for key in sorted(set(data) - set(_FIELDS)):
        problems.append(f"{where}: unknown field {key!r} (known: {', '.join(_FIELDS)})")
    for key, kind in _FIELDS.items():
        if key not in data:
            continue
        value = data[key]
        if not isinstance(value, kind):
            problems.append(f"{where}: {key!r} must be {'a list of strings' if kind is list else kind.__name__}, "
                            f"got {json.dumps(value, ensure_ascii=False)[:60]}")
        elif kind is list and not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(f"{where}: {key!r} must hold only non-empty strings")
        elif kind is str and not value.strip():
            problems.append(f"{where}: {key!r} is empty")
    if problems:
        return None, problems
    item = GoldItem(id=data["id"], question=data["question"], answers=data.get("answers", []),
                    unanswerable=data.get("unanswerable", False), evidence=data.get("evidence", []),
                    tags=data.get("tags", []))
    if item.unanswerable and item.answers:
        problems.append(f"{where}: an unanswerable item must have no 'answers'")
    if not item.unanswerable and not item.answers:
        problems.append(f"{where}: an answerable item needs at least one entry in 'answers' "
                        "(or set \"unanswerable\": true)")
    if item.id in seen:
        problems.append(f"{where}: duplicate id {item.id!r} (first at line {seen[item.id]})")
    else:
        seen[item.id] = where.rsplit(":", 1)[-1]
    return (None if problems else item), problems


def load_gold(path: Path) -> list[GoldItem]:
    """Read and validate a gold file; raise `GoldError` listing every bad line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such gold file; pass a JSONL file such as eval/gold/seed.jsonl") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read the gold file ({e})") from None
    items, problems, seen = [], [], {}
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        item, bad = _check_line(raw, f"{path}:{number}", seen)
        problems += bad
        if item:
            item.line = number
            items.append(item)
    if problems:
        raise GoldError(path, problems)
    if not items:
        raise InputError(f"{path}: the gold file has no items; write one JSON object a line")
    return items


def select(items: list[GoldItem], tags: tuple[str, ...] = (), limit: int | None = None) -> list[GoldItem]:
    """Items carrying any of `tags` (all when none given), the first `limit` of them."""
    chosen = [it for it in items if not tags or set(tags) & set(it.tags)]
    return chosen[:limit] if limit is not None else chosen
