"""Clean an OCR'd page and split it into articles.

A newspaper page that went through OCR arrives as one stream of lines: several articles, their
headlines, kicker lines, bylines, sub-heads and photo captions, with sentences broken wherever a
column ended. This module rebuilds the pieces. The heuristics, in the order they run:

1. Blocks. Every non-empty line is a block, classified by its shape:
   byline (`本报记者 …`, `记者 …`, `By …`), credit (`… 摄`, `(中经视觉)`, `图/…`), kicker (ends
   with `——`), short (at most 30 characters, no sentence-final punctuation: a headline or a
   sub-head), markdown heading (`# …`, also made from HTML `<h1>`–`<h4>`), or body.
2. A body block directly above a credit is a photo caption: it becomes an item of its own and
   never joins a neighbour.
3. Headlines. One or more kicker/short blocks followed by a byline start a new article; the last
   short block is the headline, the ones above are kicker/column lines. A kicker followed by a
   short block starts an article even without a byline. A short block before any body text is the
   document's title (plain-text docs whose first line is a title). A short block is body text
   when it cannot be a sub-head: right under the headline, before any text (a subtitle, or the
   lead's first line wrapped by OCR), or after a line that ends mid-sentence (the rest of that
   sentence). Any other short block is a sub-head: it becomes the `section` of the text under it;
   one with no text under it (another sub-head or a new piece follows) is kept as a line of text.
4. Line joins. A body block that ends mid-sentence (last character a CJK character, letter, digit
   or `，、（《“`) is joined to the next body block: OCR broke the line at a column end (`主` / `要包括`).
5. Fragments. A body block that starts like the middle of a sentence (`等…`, `的…`, punctuation)
   after a finished paragraph is a piece of another column. It is moved into the article whose
   text it shares most words with, at a point where that article's text was joined mid-sentence
   (4); with no such point it stays an item of its own (`kind="fragment"`).
6. Topic shifts. Pieces without a headline (commentaries, short reports) run on from the article
   above them. A long run of paragraphs is cut where the vocabulary of the paragraphs before and
   after a gap barely overlaps (TextTiling-style cohesion of TF-IDF character bigrams).
7. Orphan headlines. OCR sometimes puts a headline on the kicker line of another article
   (`良好营商环境提升发展韧性 明确基本规则,细化管理标准——`): the part before the space goes to the next
   article that has no headline.
8. Titles: the headline, else the first clause or sentence of the text, shortened.

A Latin-script headline is often longer than 30 characters ("Northfield opens new hospital wing")
and ends in a letter, so by shape alone it would be a body line left open and joined to the lead.
The file's first line is its headline instead when it is headline-shaped in words (`_LATIN_HEADLINE`
words at most, no final punctuation, no Chinese character) and a blank line or a capitalised line
follows: a wrapped first line of prose runs on into a lower-case word.

Limits: the thresholds were set on one OCR'd page (the seed) and on plain article files; topic
shifts between pieces on the same subject are not found, a headline-less piece shorter than two
paragraphs stays with the article above it, and a fragment whose true place was not joined
mid-sentence stays a fragment. Every heuristic fails safe: the text is kept, only its grouping is
less good.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qa.ingest.cohesion import cohesion, cosine
from qa.text import lexicon
from qa.text.cjk import CJK as _CJK
from qa.text.sentences import CLOSERS as SENTENCE_CLOSERS, END
from qa.text.tokens import terms

SENTENCE_END = END
CLOSERS = SENTENCE_CLOSERS + "》"  # a line ending in a closed title is finished too
DANGLING_TAIL = "，,、（(《“‘—-"
CONTINUATION_START = tuple("，,、。；;：:）)》”") + lexicon.words("continuation_word")
SHORT_MAX = 30
_LATIN_HEADLINE = 15  # words: a first line in Latin script this short, unpunctuated, may be the headline
# Set on the seed page: gaps between two pieces score 0.018-0.039, gaps inside an article 0.054-0.26
# (median 0.11-0.15), so a cut needs both an absolute and a relative drop.
COHESION_SPLIT = 0.048
COHESION_RELATIVE = 0.5

# Bylines, credits and the words that leave a line unfinished are in the lexicon (zh.toml).
_BYLINE = lexicon.regex("byline_start")
_CREDIT = lexicon.regex("credit")
_DANGLING = DANGLING_TAIL + "".join(lexicon.words("dangling_word"))
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


@dataclass
class Block:
    text: str
    kind: str  # body | short | kicker | byline | credit | heading | caption
    level: int = 0


@dataclass
class Paragraph:
    pieces: list[str]  # consecutive blocks joined mid-sentence; a fragment may go between two
    section: str = ""

    @property
    def text(self) -> str:
        out = self.pieces[0]
        for piece in self.pieces[1:]:
            out += (" " if out[-1:].isascii() and out[-1:].isalnum() and piece[:1].isascii() else "") + piece
        return out


@dataclass
class Piece:
    """One piece of a page: an article, a photo caption or a stray fragment, before it becomes an `Article`."""

    title: str = ""
    kicker: str = ""
    byline: str = ""
    kind: str = "article"
    paragraphs: list[Paragraph] = field(default_factory=list)

    def body(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


def clean_whitespace(text: str) -> str:
    """Unix line ends, no-break and ideographic spaces as spaces, zero-width characters gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u3000", " ")
    text = re.sub(r"[\u200b-\u200d\ufeff]", "", text)
    return re.sub(r"[^\S\n]+", " ", text)


def is_dangling(text: str) -> bool:
    """Does the text stop in the middle of a sentence?"""
    last = text.rstrip()[-1:]
    if not last or last in SENTENCE_END or last in CLOSERS or last in ":：":
        return False
    return bool(_CJK.match(last)) or last.isalnum() or last in DANGLING_TAIL


def classify(line: str, markdown: bool) -> Block:
    if markdown and (m := _HEADING.match(line)):
        return Block(m.group(2).strip(), "heading", len(m.group(1)))
    if len(line) <= 40 and _BYLINE.match(line):
        return Block(line, "byline")
    if _CREDIT.match(line):
        return Block(line, "credit")
    if line.endswith("——") and len(line) <= 60:
        return Block(line, "kicker")
    if (len(line) <= SHORT_MAX and line[-1] not in SENTENCE_END + CLOSERS + ":：." and "。" not in line
            and line[-1] not in _DANGLING):
        return Block(line, "short")
    return Block(line, "body")


def to_blocks(text: str, markdown: bool) -> list[Block]:
    blocks = [classify(line.strip(), markdown) for line in clean_whitespace(text).split("\n") if line.strip()]
    for i, block in enumerate(blocks[:-1]):
        if block.kind == "body" and blocks[i + 1].kind == "credit":
            block.kind = "caption"
    return blocks


def segment(text: str, markdown: bool = False, title: str = "", single: bool = False) -> list[Piece]:
    """Split a document into pieces (articles, captions, fragments), in page order.

    `single` keeps everything in one article (a .jsonl record is one article by definition).
    """
    blocks = to_blocks(text, markdown)
    if not single and not title and blocks and blocks[0].kind == "body" and _opens_with_latin_headline(text):
        blocks[0].kind = "short"  # the document's title (see the module doc)
    segments: list[Piece] = []
    current = Piece(title=title)
    segments.append(current)
    section = ""
    # A sub-head waiting for its first paragraph: (its piece, its text, the section before it).
    # One that never gets a paragraph (another sub-head or a new piece comes first) becomes a
    # paragraph itself, so that its words are not lost.
    pending: tuple[Piece, str, str] | None = None

    def flush() -> None:
        nonlocal pending
        if pending is not None:
            piece, text, before = pending
            piece.paragraphs.append(Paragraph([text], section=before))
            pending = None

    def subhead(name: str) -> None:
        nonlocal pending, section
        flush()
        pending, section = (current, name, section), name

    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "caption" and not single:
            credits = []
            while i + 1 < len(blocks) and blocks[i + 1].kind == "credit":
                i += 1
                credits.append(blocks[i].text)
            segments.append(Piece(kind="caption", byline=" ".join(credits), paragraphs=[Paragraph([block.text])]))
            i += 1
            continue
        head = None if single else _headline_group(blocks, i)
        if head is not None:
            end, kicker, headline, byline = head
            flush()
            current = Piece(title=headline, kicker=kicker, byline=byline)
            segments.append(current)
            section = ""
            i = end
            continue
        kind = block.kind
        last = current.paragraphs[-1] if current.paragraphs else None
        if kind == "short" and (current.title and last is None or last is not None and
                                is_dangling(last.pieces[-1]) and last.section == section):
            # Not a sub-head: a line right under the headline, before any text (a subtitle, or
            # the lead's first line wrapped by OCR), or the end of a sentence the line above left
            # open. As a sub-head its words would be in no passage.
            kind = "body"
        if kind == "heading":
            if (block.level == 1 and not single) and (current.paragraphs or current.title):
                flush()
                current = Piece(title=block.text)
                segments.append(current)
                section = ""
            elif not current.title and not current.paragraphs:
                current.title = block.text
            else:
                subhead(block.text)
        elif kind in ("short", "kicker"):
            if not current.title and not current.paragraphs:
                current.title = block.text.rstrip("—")
            else:
                subhead(block.text.rstrip("—"))
        elif kind in ("byline", "credit"):
            if not current.byline:
                current.byline = block.text
        else:  # body, or a caption inside a single-article record
            if last is not None and is_dangling(last.pieces[-1]) and last.section == section:
                last.pieces.append(block.text)
            elif last is not None and block.text.startswith(CONTINUATION_START) and not single:
                flush()
                current = Piece(kind="fragment")
                segments.append(current)
                current.paragraphs.append(Paragraph([block.text], section=""))
                section = ""
            else:
                current.paragraphs.append(Paragraph([block.text], section=section))
                pending = None
        i += 1
    flush()
    if not any(s.paragraphs for s in segments) and blocks:
        # Only headline-shaped lines (a one-line note, a list of names): the lines are the text.
        segments = [Piece(title=title, paragraphs=[Paragraph([b.text]) for b in blocks])]
    segments = [s for s in segments if s.paragraphs]
    if single:
        return segments[:1] or [Piece(title=title)]
    segments = _place_fragments(segments)
    segments = [part for s in segments for part in _split_topics(s)]
    _assign_orphan_headlines(segments, blocks)
    for s in segments:
        if not s.title:
            s.title = derive_title(s.body())
        s.title = s.title.rstrip("—").strip()
    return segments


def _opens_with_latin_headline(text: str) -> bool:
    """Is the first line of `text` a Latin-script headline (see the module doc)?"""
    lines = clean_whitespace(text).strip().split("\n")
    first = lines[0].strip()
    if len(lines) < 2 or _CJK.search(first) or not first[-1:].isalnum():
        return False
    words = first.split()
    if not 2 <= len(words) <= _LATIN_HEADLINE or not first[0].isupper() and not first[0].isdigit():
        return False
    nxt = lines[1].strip()
    return not nxt or nxt[0].isupper() or nxt[0].isdigit() or nxt[0] in "\"“‘'(¿¡«"


def _headline_group(blocks: list[Block], i: int) -> tuple[int, str, str, str] | None:
    """If blocks[i:] open a new article, return (next index, kicker, headline, byline)."""
    j = i
    while j < len(blocks) and blocks[j].kind in ("kicker", "short") and j - i < 4:
        j += 1
    if j == i:
        return None
    group = blocks[i:j]
    shorts = [b for b in group if b.kind == "short"]
    has_byline = j < len(blocks) and blocks[j].kind == "byline"
    if not shorts:
        return None
    if not has_byline and not (group[0].kind == "kicker" and len(group) >= 2):
        return None
    headline = shorts[-1].text
    kicker = " ".join(b.text for b in group if b is not shorts[-1])
    byline = blocks[j].text if has_byline else ""
    return (j + 1 if has_byline else j), kicker, headline, byline


def derive_title(text: str, limit: int = 40) -> str:
    first = re.split(f"[{re.escape(SENTENCE_END)}\n]", text.strip(), maxsplit=1)[0].strip()
    clause = re.split(r"[,，:：]", first, maxsplit=1)[0].strip()
    if 8 <= len(clause) <= limit:
        return clause
    return first if len(first) <= limit else first[: limit - 1] + "…"


# -- topic shifts (qa.ingest.cohesion) ------------------------------------------------------------

def _split_topics(seg: Piece) -> list[Piece]:
    if seg.kind != "article" or len(seg.paragraphs) < 4:
        return [seg]
    scores = cohesion([p.text for p in seg.paragraphs])
    limit = min(COHESION_SPLIT, COHESION_RELATIVE * sorted(scores)[len(scores) // 2])
    cuts = [g + 1 for g, s in enumerate(scores)
            if s < limit and g >= 1 and g + 1 <= len(seg.paragraphs) - 2
            and s == min(scores[max(0, g - 1):g + 2])]
    if not cuts:
        return [seg]
    parts, start = [], 0
    for cut in cuts + [len(seg.paragraphs)]:
        if start == 0:
            part = Piece(title=seg.title, kicker=seg.kicker, byline=seg.byline, paragraphs=seg.paragraphs[:cut])
        else:
            part = Piece(paragraphs=seg.paragraphs[start:cut])
            for p in part.paragraphs:
                p.section = ""  # a new piece does not inherit the sub-head of the one above
        parts.append(part)
        start = cut
    return parts


# -- fragments and orphan headlines ---------------------------------------------------------------

def _place_fragments(segments: list[Piece]) -> list[Piece]:
    for frag in [s for s in segments if s.kind == "fragment"]:
        best, best_score = None, 0.0
        frag_vec = terms(frag.body())
        for seg in segments:
            if seg is frag or seg.kind != "article":
                continue
            joins = [(pi, k) for pi, p in enumerate(seg.paragraphs) for k in range(1, len(p.pieces))]
            if not joins:
                continue
            body = seg.body()
            score = cosine(dict(frag_vec), dict(terms(body)))
            if score > best_score:
                best, best_score = (seg, max(joins, key=lambda j: _seam(seg, j, frag, body))), score
        if best is None:
            continue
        seg, (pi, k) = best
        para = seg.paragraphs[pi]
        head, tail = para.pieces[:k], para.pieces[k:]
        fps = [list(p.pieces) for p in frag.paragraphs]
        if len(fps) == 1:
            new = [Paragraph(head + fps[0] + tail, para.section)]
        else:
            new = ([Paragraph(head + fps[0], para.section)] + [Paragraph(p, para.section) for p in fps[1:-1]]
                   + [Paragraph(fps[-1] + tail, para.section)])
        seg.paragraphs[pi:pi + 1] = new
        frag.paragraphs = []
    return [s for s in segments if s.paragraphs]


def _seam(seg: Piece, join: tuple[int, int], frag: Piece, body: str) -> int:
    """How natural the fragment reads at a join: how often the two character pairs it would
    create (end of text before + fragment start, fragment end + start of text after) occur."""
    pi, k = join
    pieces = seg.paragraphs[pi].pieces
    first, last = frag.paragraphs[0].pieces[0], frag.paragraphs[-1].pieces[-1]
    return body.count(pieces[k - 1][-1:] + first[:1]) + body.count(last[-1:] + pieces[k][:1])


def _assign_orphan_headlines(segments: list[Piece], blocks: list[Block]) -> None:
    orphans = []
    for seg in segments:
        m = re.match(r"^(\S{4,30}?)\s+(\S.*——)$", seg.kicker)
        if m and not re.search(r"[，,。、；]", m.group(1)):
            orphans.append((seg, m.group(1)))
            seg.kicker = m.group(2)
    for owner, headline in orphans:
        after = segments[segments.index(owner) + 1:]
        target = next((s for s in after if s.kind == "article" and not s.title), None)
        if target is not None:
            target.title = headline
