"""A translation-style variant of a benchmark set (issue 27): the same articles and questions written
the way machine translation from English writes Chinese, so that what the hidden translated set
does to `qa` can be reproduced on visible data and compared with the original answer by answer.

    python -m eval.bench.variants --bench ../shared/bench/cmrc_trial --out /tmp/variants/cmrc_trial
    python -m eval.bench.snapshot --corpus /tmp/variants/cmrc_trial/docs \
        --gold /tmp/variants/cmrc_trial/gold.jsonl --out /tmp/snap-variant.json

What is rewritten, in every doc (title and passage), question and gold answer:
  - always: a space between a Chinese character and a digit or Latin letter, on either side
    ("第50届" -> "第 50 届", "在1990年代" -> "在 1990 年代", "NBA球员" -> "NBA 球员");
  - per document, each with probability `--rate` (default 0.5), drawn from a random generator
    seeded by (`--seed`, doc id) so that a doc keeps one style and the set is the same on every run:
    full-width comma, full stop, colon, semicolon, question and exclamation marks written half-width
    with a space after them ("，" -> ", ", "。" -> ". "); full-width parentheses as " (" and ") ";
    curly and corner quotes (“” ‘’ 「」 『』) as straight ones; names' middle dots as bullets
    (乔治·华盛顿 -> 乔治•华盛顿, as some writers and fonts have it).
Gold answers are rewritten in the style of their evidence doc, so a gold answer still occurs in
the doc up to spaces: score with a normaliser that ignores spaces (NFKC, lower case, no
whitespace), as /tmp/lead/score.py does. A question is written in its doc's style too (translated
with it), or with `--apart` in a style of its own, drawn by its id (questions translated on their
own: "“臬仓”的职责是?" over a doc writing "臬仓").
Runs of spaces become one; no space is left at a line's ends, before , . : ; ? ! ) or after (.

The variant is written under --out, which must lie outside the project (benchmark data is read by
path, never copied into the repository).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

from qa.text.cjk import HAN

# Each rule: name -> {full-width mark: its translation-style form}.
RULES: dict[str, dict[str, str]] = {
    "comma": {"，": ", ", "、": ", "},
    "stop": {"。": ". "},
    "colon": {"：": ": "},
    "semicolon": {"；": "; "},
    "marks": {"？": "? ", "！": "! "},
    "parentheses": {"（": " (", "）": ") "},
    "quotes": {"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"'},
    "dots": {"·": "•"},
}
_CLOSING = "”’」』）"  # a closing mark stays before the space a translated mark puts after itself
_SPACE_BEFORE = re.compile(f"(?<=[{HAN}])(?=[0-9A-Za-z])")
_SPACE_AFTER = re.compile(f"(?<=[0-9A-Za-z])(?=[{HAN}])")
_SPACES = re.compile(r"[ ]{2,}")
_BEFORE_MARK = re.compile(r" +(?=[,.:;?!)])")
_AFTER_OPEN = re.compile(r"(?<=\() +")
_LINE_ENDS = re.compile(r"^ +| +$", re.MULTILINE)


def style_of(doc_id: str, seed: int = 0, rate: float = 0.5) -> frozenset[str]:
    """The rules a document is written with: each of `RULES` with probability `rate`, the same on every run."""
    rng = random.Random(f"{seed}:{doc_id}")
    return frozenset(name for name in RULES if rng.random() < rate)


def rewrite(text: str, style: frozenset[str]) -> str:
    """`text` as a translation writes it (the module doc), with the punctuation rules of `style`."""
    table = {mark: form for name in RULES if name in style for mark, form in RULES[name].items()}
    if table:
        out: list[str] = []
        for ch in text:
            form = table.get(ch, ch)
            if ch in _CLOSING and out and out[-1].endswith(" "):  # 。” -> ." and not . "
                out[-1], form = out[-1].rstrip(" "), form.rstrip(" ") + " "
            out.append(form)
        text = "".join(out)
    text = _SPACE_AFTER.sub(" ", _SPACE_BEFORE.sub(" ", text))
    text = _SPACES.sub(" ", text)
    text = _AFTER_OPEN.sub("", _BEFORE_MARK.sub("", text))
    return _LINE_ENDS.sub("", text)


def write_variant(bench: Path, out: Path, seed: int = 0, rate: float = 0.5, apart: bool = False) -> tuple[int, int]:
    """Write out/docs/*.txt and out/gold.jsonl for the set in `bench`; returns (docs, questions)."""
    styles: dict[str, frozenset[str]] = {}
    (out / "docs").mkdir(parents=True, exist_ok=True)
    for path in sorted((bench / "docs").glob("*.txt")):
        styles[path.stem] = style_of(path.stem, seed, rate)
        text = path.read_text(encoding="utf-8")
        (out / "docs" / path.name).write_text(rewrite(text, styles[path.stem]), encoding="utf-8")
    lines = []
    for line in (bench / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        evidence = item.get("evidence") or []
        style = styles.get(evidence[0], frozenset()) if evidence else frozenset()
        asked = style_of(item["id"], seed, rate) if apart else style
        item["question"] = rewrite(item["question"], asked).strip()
        item["answers"] = [rewrite(a, style).strip() for a in item.get("answers", [])]
        lines.append(json.dumps(item, ensure_ascii=False))
    (out / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(styles), len(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, required=True, help="a set: docs/*.txt and gold.jsonl")
    parser.add_argument("--out", type=Path, required=True, help="where to write the variant (outside the project)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rate", type=float, default=0.5, help="probability of each punctuation rule per doc")
    parser.add_argument("--apart", action="store_true", help="questions in a style of their own, not their doc's")
    args = parser.parse_args(argv)
    project = Path(__file__).resolve().parents[2]
    if args.out.resolve().is_relative_to(project):
        print(f"--out {args.out} is inside the project; write the variant elsewhere, e.g. /tmp/variants/",
              file=sys.stderr)
        return 2
    docs, questions = write_variant(args.bench, args.out, args.seed, args.rate, args.apart)
    print(f"{docs} docs, {questions} questions -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
