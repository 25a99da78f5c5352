"""A chat conversation, without the terminal: the state `qa chat` keeps between turns.

Each turn is cut to the question limit, rewritten into a standalone question from the conversation
(`qa.chat.rewrite`), then answered by the same read path as `qa ask` (`qa.ask.ask`) with a store
and embedder opened once and kept warm, and logged (`qa.chat.log`) as soon as it is answered. An
answer is never lost to the log: when the log cannot be written, the turn is still returned, the
chat goes on unlogged, and `take_notices` says so once. The settings a user changes with slash
commands (mode, k, filters) live here; what is shown, and how, is qa/repl.py's.
"""

from __future__ import annotations

import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

from qa.ask import check_mode, uses_llm
from qa.config import Settings
from qa.errors import InputError, StoreError
from qa.files import write_atomic
from qa.answer.citations import MARKER
from qa.text.controls import safe
from qa.text.questions import cut_question, readable
from qa.text.smalltalk import nothing_to_answer
from qa.types import Answer, Citation, Mode


@dataclass
class Turn:
    question: str  # as typed
    standalone: str  # what was searched: the rewrite, or the question itself
    answer: Answer
    # The articles searched first (those the last answer cited, for a follow-up that leans on it):
    # {"article_id", "title", "source"} each; empty when the whole store was searched at once.
    first: list[dict] = field(default_factory=list)

    @property
    def rewritten(self) -> bool:
        return self.standalone.strip() != self.question.strip()

    @property
    def answered_first(self) -> bool:
        """Was the answer found in the articles searched first (every citation from them)?"""
        ids = {a["article_id"] for a in self.first}
        return bool(ids) and not self.answer.refused and bool(self.answer.citations) and \
            all(article_of(c.chunk_id) in ids for c in self.answer.citations)


def article_of(chunk_id: str) -> str:
    """The article id of a chunk id (`<article id>:<n>`)."""
    return chunk_id.rpartition(":")[0]


def cited_articles(citations) -> list[dict]:
    """The articles `citations` (Citations, or their logged dicts) come from, in the order first cited."""
    out: dict[str, dict] = {}
    for c in citations:
        c = c if isinstance(c, dict) else asdict(c)
        article = article_of(c.get("chunk_id", ""))
        if article and article not in out:
            out[article] = {"article_id": article, "title": c.get("title", ""), "source": c.get("source", "")}
    return list(out.values())


@dataclass
class Passage:
    """A cited passage with the text around it in its article (`/open N`)."""

    citation: Citation
    before: str
    after: str


@dataclass
class ChatSession:
    settings: Settings
    mode: Mode = Mode.AUTO
    k: int | None = None
    source: str | None = None
    title: str | None = None
    cid: str | None = None
    log: object | None = None  # qa.chat.log.ChatLog; None: not kept (a store that cannot hold it)
    history: list = field(default_factory=list)  # qa.chat.rewrite.Exchange per earlier turn
    turns: list[Turn] = field(default_factory=list)  # this process's turns, for /sources /why /save
    earlier: list[dict] = field(default_factory=list)  # logged turns of a continued conversation (/save)
    notice: str = ""  # said once when the chat starts (e.g. why it is not kept)
    cited: list[dict] = field(default_factory=list)  # the articles the last turn of `history` cited

    def __post_init__(self) -> None:
        self._store = self._embedder = self._llm = None
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None
        self._notices: list[str] = []

    # -- opening --------------------------------------------------------------------------------
    @classmethod
    def start(cls, settings: Settings, mode: Mode | str = Mode.AUTO, cid: str | None = None, resume_last: bool = False,
              **options) -> "ChatSession":
        """A new conversation, or the one `cid` names, or (`resume_last`) the newest one."""
        from qa.chat.log import FILE, ChatLog
        from qa.chat.rewrite import Exchange
        from qa.store import MANIFEST

        mode = check_mode(mode, settings)
        store_dir = Path(settings.store)
        log, notice = None, ""
        if (cid or resume_last) and not settings.log:
            raise InputError("the log is off (log = false, QA_LOG=0), so no conversation can be continued")
        if settings.log and (store_dir / MANIFEST).exists():
            try:
                log = ChatLog(store_dir / FILE)
            except StoreError as e:  # a read-only store can still be asked; the chat is just not kept
                if cid or resume_last:
                    raise
                notice = f"this conversation will not be kept: {e}"
        session = cls(settings, mode=mode, log=log, **options)
        session.notice = notice
        if log is not None and resume_last:
            cid = log.last_id()
            if cid is None:
                raise InputError("no earlier conversation to continue; start one with: qa chat")
        if cid:
            if log is None or not log.exists(cid):
                raise InputError(f"no conversation {cid}; list them with: qa chat --list")
            session.cid = cid
            session.earlier = log.turns(cid)
            for t in session.earlier:
                session.history.append(Exchange(t["question"], t["standalone"], "" if t["refused"] else t["answer"]))
                session.cited = [] if t["refused"] else cited_articles(t.get("citations") or [])
        return session

    def warm_up(self) -> None:
        """Open the store and load the embedder (the slow part of a first answer) in the background,
        so the prompt appears at once and the first question rarely waits."""
        if self._thread is None:
            self._thread = threading.Thread(target=self._open, name="qa-chat-warm-up", daemon=True)
            self._thread.start()

    def _open(self) -> None:
        from qa.ask import open_reader

        try:
            self._store, self._embedder = open_reader(self.settings)
        except BaseException as e:  # noqa: BLE001 - raised in the foreground by `ready`
            self._error = e

    @property
    def is_ready(self) -> bool:
        return self._store is not None

    def ready(self) -> None:
        """Wait for the warm-up (or do it now); its error, if any, is raised here, once, and the
        next call tries again (the user may have run `qa ingest` meanwhile)."""
        if self._store is not None:
            return
        if self._thread is None:
            self._open()
        else:
            self._thread.join()
            self._thread = None
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    @property
    def store(self):
        self.ready()
        return self._store

    @property
    def uses_llm(self) -> bool:
        return uses_llm(self.mode, self.settings)

    def _chat_llm(self):
        """The chat model while the mode uses one; None after `/mode extractive` (or `auto` with no
        model), so no answer or rewrite then goes near the endpoint."""
        if not self.uses_llm:
            return None
        if self._llm is None:
            from qa.llm import ChatLLM

            self._llm = ChatLLM.from_settings(self.settings)
        return self._llm

    # -- a turn ---------------------------------------------------------------------------------
    def question(self, text: str) -> tuple[str, str]:
        """(the question as it will be asked and logged, a notice): decoded and cut to
        QA_MAX_QUESTION_CHARS before anything else sees it, so a megabyte pasted as a follow-up
        is never sent to the model for its rewrite, nor kept in the history that later rewrites
        send again. Its lines stay as typed (a \"\"\" block); `qa.ask` cleans it for the search."""
        text, bad = readable(text.strip())
        text, cut = cut_question(text, self.settings.max_question_chars)
        return text, "; ".join(filter(None, (bad, cut)))

    def standalone(self, question: str) -> str:
        from qa.chat.rewrite import rewrite

        question = self.question(question)[0]
        # "thanks" after an answer is no follow-up: refused as it stands (qa.ask), never rewritten.
        if not self.history or nothing_to_answer(question):
            return question
        return rewrite(question, self.history, llm=self._chat_llm())

    def first_articles(self, question: str, standalone: str) -> list[dict]:
        """The articles to search first for this turn: those the last answer cited, when the
        follow-up leans on that turn (it was rewritten from it, or is a short question naming no
        subject of its own: "什么时候开业?"); none for a question that stands alone, or after a refusal (the article
        and the subject then come from different turns)."""
        from qa.chat.rewrite import leans_on_last

        question = self.question(question)[0]
        if not self.history or not self.cited or nothing_to_answer(question):
            return []
        leans = standalone.strip() != question.strip() or leans_on_last(question)
        return list(self.cited) if leans else []

    def ask(self, question: str, on_token: Callable[[str], None] | None = None,
            standalone: str | None = None) -> Turn:
        """Answer one turn. `standalone` skips the rewrite (the caller has shown it already)."""
        from qa.ask import ask
        from qa.chat.rewrite import Exchange

        question, cut = self.question(question)
        searched = standalone if standalone is not None else self.standalone(question)
        first = self.first_articles(question, searched)
        self.ready()
        started = time.perf_counter()
        answer = ask(searched, self.settings, store=self._store, embedder=self._embedder, k=self.k, mode=self.mode,
                     llm=self._chat_llm(), on_token=on_token, source=self.source, title=self.title,
                     prefer=[a["article_id"] for a in first] or None)
        answer.timings["chat_ms"] = round((time.perf_counter() - started) * 1000, 2)
        if cut and cut not in answer.note:
            answer.note = f"{answer.note} {cut}".strip()
        turn = Turn(question, searched, answer, first)
        self.turns.append(turn)
        # Small talk is no turn of the conversation: the next follow-up builds on the question before it.
        if not nothing_to_answer(question):
            self.history.append(Exchange(question, searched, "" if answer.refused else answer.answer))
            self.cited = [] if answer.refused else cited_articles(answer.citations)
        self._keep(turn)
        return turn

    def _keep(self, turn: Turn) -> None:
        """Log `turn`. A log that fails now (locked by another process, made read-only, damaged,
        deleted) costs the log, never the answer: the chat goes on unlogged and says so once."""
        if self.log is None:
            return
        try:
            if self.cid is None:
                self.cid = self.log.new_conversation()
            self.log.add_answer(self.cid, turn.question, turn.standalone, turn.answer)
        except StoreError as e:
            self.log.close()
            self.log = None
            self._notices.append(f"this conversation is no longer being kept: {e}")

    def take_notices(self) -> list[str]:
        """What happened to the conversation since last asked (each said once)."""
        notices, self._notices = self._notices, []
        return notices

    # -- slash commands' state ------------------------------------------------------------------
    @property
    def last(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    def reset(self) -> None:
        self.cid, self.history, self.turns, self.earlier, self.cited = None, [], [], [], []

    def set_mode(self, mode: Mode | str) -> None:
        self.mode = check_mode(mode, self.settings)

    def set_k(self, value: str) -> None:
        try:
            k = int(value)
        except ValueError:
            k = 0
        if k < 1:
            raise InputError(f"/k takes a whole number of passages, 1 or more (got {value!r})")
        self.k = k

    def set_filter(self, spec: str) -> None:
        """`title=TEXT`, `source=GLOB`, or `off`."""
        spec = spec.strip()
        if spec in ("off", ""):
            self.source = self.title = None
            return
        name, sep, value = spec.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or name not in ("title", "source") or not value:
            raise InputError("use /filter title=TEXT, /filter source=GLOB or /filter off")
        setattr(self, name, value)

    def passage(self, n: int) -> Passage:
        """Cited passage `n` of the last answer, with the neighbouring chunks of its article."""
        turn = self.last
        if turn is None or not turn.answer.citations:
            raise InputError("no cited passages yet: ask a question first")
        found = [c for c in turn.answer.citations if c.n == n]
        if not found:
            raise InputError(f"the last answer cites passages 1-{len(turn.answer.citations)}; /open {n} is not one")
        citation = found[0]
        article, _, index = citation.chunk_id.rpartition(":")
        before = after = ""
        if index.isdigit():
            n = int(index)
            near = {h.chunk_id: h for h in self.store.fetch_hits([f"{article}:{n - 1}", citation.chunk_id,
                                                                   f"{article}:{n + 1}"])}
            this, prev, nxt = (near.get(f"{article}:{i}") for i in (n, n - 1, n + 1))
            # Neighbouring chunks overlap by a sentence: show each character of the article once.
            if this is not None and prev is not None:
                before = prev.text[:max(0, this.start - prev.start)]
            if this is not None and nxt is not None:
                after = nxt.text[max(0, this.end - nxt.start):]
        return Passage(citation, before, after)

    def transcript(self) -> str:
        """The whole conversation as Markdown, citations as footnotes (`/save`): the turns logged
        before this process continued it (`qa chat -c`) too, and each passage one footnote however
        many turns cite it."""
        records = self.earlier + [{"question": t.question, "standalone": t.standalone, "answer": t.answer.answer,
                                   "citations": [asdict(c) for c in t.answer.citations]} for t in self.turns]
        lines = [f"# qa chat {self.cid or ''}".rstrip(), ""]
        footnotes: dict[tuple[str, str], int] = {}
        notes: list[str] = []
        for record in records:
            lines += [f"**Q:** {record['question']}", ""]
            if record["standalone"].strip() != record["question"].strip():
                lines += [f"*searched: {record['standalone']}*", ""]
            numbers: dict[int, int] = {}
            for c in record["citations"]:
                key = (c.get("chunk_id", ""), c.get("text", ""))
                if key not in footnotes:
                    footnotes[key] = len(footnotes) + 1
                    notes.append(f"[^{footnotes[key]}]: {c.get('title', '')} · {c.get('source', '')}: "
                                 f"{' '.join(c.get('text', '').split())}")
                numbers[c["n"]] = footnotes[key]
            text = MARKER.sub(lambda m: f"[^{numbers[int(m.group(1))]}]" if int(m.group(1)) in numbers
                              else m.group(0), record["answer"])
            lines += [text, ""]
        return safe("\n".join(lines + notes)) + "\n"  # a saved file is read in terminals too

    def default_save_path(self) -> Path:
        return Path(f"qa-chat-{self.cid or 'new'}.md")

    def save(self, path: Path | None = None, replace: bool = False) -> Path:
        """Write `transcript()` to `path` (default `qa-chat-<id>.md`), readable by its owner only.

        An existing file is replaced only when `replace` is given, or when it is this
        conversation's own earlier save (its first line names the conversation, and the new
        transcript holds every turn it held). A device or pipe (`/dev/stdout`) is written in
        place; a regular file atomically, so a full disk leaves the old file whole."""
        path = (path or self.default_save_path()).expanduser()
        text = self.transcript()
        try:
            if path.exists() and not path.is_file():
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                return path
            if path.exists() and not replace and not self._saved_here(path, text):
                raise InputError(f"{path} already exists; /save! {path} replaces it, or /save ANOTHER.md")
            write_atomic(path, text, mode=0o600)
        except OSError as e:
            raise InputError(f"cannot save the conversation to {path}: {e.strerror or e}") from e
        return path

    def _saved_here(self, path: Path, text: str) -> bool:
        """Is `path` an earlier `/save` of this very conversation (so replacing it loses nothing)?"""
        if self.cid is None:
            return False
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                first = f.readline()
        except OSError:
            return False
        return first.strip() == text.splitlines()[0].strip()


__all__ = ["ChatSession", "Passage", "Turn"]
