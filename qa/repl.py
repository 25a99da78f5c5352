"""`qa chat` in a terminal: the line editor, slash commands, streaming, Ctrl-C.

The conversation itself (rewrites, answers, the log) is `qa.chat.session`; this module reads lines
and draws. prompt_toolkit gives the editor users expect (history in the store folder, Up/Down,
Ctrl-R, bracketed paste, completion of slash commands); `\"\"\"` opens and closes a multi-line
block as in Ollama (inside one, Ctrl-C drops the block and Ctrl-D asks what was typed), and
Alt-Enter inserts a newline. Ctrl-C stops an answer and returns to the prompt (the answer runs in
the foreground, where SIGINT lands); Ctrl-C on an empty line, Ctrl-D, /quit, or an exit word alone
(exit, quit, bye: `qa.text.smalltalk.leaves_chat`) leave with exit code 0. When stdin is not a
terminal, one question per line is answered in plain text (or JSON lines) with no prompt and no
colour; a line that starts with / is a slash command there too, never a question.

Nothing typed or piped ends the chat: a line is decoded with replacement before anything reads it
(`qa.text.questions.readable`), and every failure of a turn or a command is printed as the one
line `qa` prints for any error (`qa.render.error_line`: secrets masked), then the chat goes on.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from qa.chat.session import ChatSession, Turn
from qa.text.questions import readable
from qa.text.smalltalk import leaves_chat

HISTORY_FILE = "chat_history"
COMMANDS = {
    "/help": "this list",
    "/sources": "the full passages the last answer cites",
    "/open": "N: passage N with the text around it in its article",
    "/why": "how each cited passage was found (keyword, dense and fused ranks, sentence score)",
    "/mode": "llm | extractive | auto: how answers are written",
    "/k": "N: passages to retrieve",
    "/filter": "title=TEXT | source=GLOB | off: narrow the search",
    "/reset": "start a new conversation",
    "/copy": "copy the last answer to the clipboard",
    "/save": "[FILE]: save this conversation as Markdown (/save! FILE replaces a file)",
    "/quit": "leave (also exit, quit or bye alone, Ctrl-D, or Ctrl-C on an empty line)",
}
_CLIPBOARD = (["pbcopy"], ["wl-copy"], ["xclip", "-selection", "clipboard"], ["xsel", "--clipboard", "--input"])


def run(session: ChatSession, interactive: bool, stream: bool = True, as_json: bool = False) -> int:
    return _terminal(session, stream) if interactive else _piped(session, as_json)


# -- scripts: one question per line --------------------------------------------------------------
def _piped(session: ChatSession, as_json: bool) -> int:
    from qa.render import print_notice, print_plain_answer

    failed = False
    if session.notice:
        print_notice(session.notice)
    for raw in sys.stdin.buffer:
        question, notice = readable(raw.decode("utf-8", "surrogateescape"))
        question = question.strip()
        if notice:
            print_notice(notice)
        if not question:
            continue
        # As at the prompt: a slash line is a command (or one line saying it is none), never a
        # question, and an exit word alone leaves.
        if question.startswith("/"):
            if _command(session, question) == "quit":
                break
            continue
        if leaves_chat(question):
            break
        with _reported(session) as report:
            turn = session.ask(question)
        _say(session)
        if report.failed:
            failed = True
            continue
        if as_json:
            from qa.text.controls import safe_json  # controls in a file name or reply spelt out

            print(safe_json(_turn_record(turn)), flush=True)
        else:
            print_plain_answer(turn)
    return 1 if failed else 0


def _turn_record(turn: Turn) -> dict:
    return {**turn.answer.to_dict(), "question": turn.question, "standalone": turn.standalone,
            "searched_first": turn.first, "answered_first": turn.answered_first}


# -- people --------------------------------------------------------------------------------------
def _terminal(session: ChatSession, stream: bool) -> int:
    from prompt_toolkit import PromptSession

    from qa.render import console

    from qa.render import print_notice

    session.warm_up()
    prompt = PromptSession(history=_history(session), completer=_completer(), key_bindings=_keys(),
                           complete_while_typing=True, enable_history_search=False)
    store = session.settings.store
    resumed = f" · continuing {session.cid} ({len(session.history)} turns)" if session.history else ""
    console().print(f"qa chat · store {store} · mode {session.mode}{resumed} · /help for commands, Ctrl-D to quit",
                    style="dim", markup=False)
    if session.notice:
        console().print(session.notice, style="yellow", markup=False)
    while True:
        try:
            text = _read(prompt)
        except EOFError:
            return 0
        except KeyboardInterrupt:
            continue
        text, notice = readable(text)
        if notice:
            print_notice(notice)
        if not text:
            continue
        if text.startswith("/"):
            if _command(session, text) == "quit":
                return 0
            continue
        if leaves_chat(text):  # "exit", "quit", "bye" typed alone mean /quit, not a question
            return 0
        _answer(session, text, stream)


def _read(prompt) -> str:
    """One question: a line, or a \"\"\" block. In a block, Ctrl-C drops it (KeyboardInterrupt: back
    to the prompt, nothing asked) and Ctrl-D on an empty line ends it as if closed, so neither
    leaves the chat nor loses what was typed without a word."""
    from qa.render import print_notice

    text = prompt.prompt("› ", key_bindings=_keys()).strip()
    if text.startswith('"""'):
        lines = [text[3:]]
        while not lines[-1].rstrip().endswith('"""'):
            try:
                lines.append(prompt.prompt("… ", key_bindings=_keys(in_block=True)))
            except EOFError:
                lines.append('"""')
            except KeyboardInterrupt:
                print_notice("(the block was dropped)")
                raise
        lines[-1] = lines[-1].rstrip()[:-3]
        text = "\n".join(lines).strip()
    return text


def _answer(session: ChatSession, text: str, stream: bool) -> None:
    import signal

    from qa.render import ChatStream, console, print_answer, print_notice, print_rewrite

    # Ctrl-C must interrupt the answer: the line editor's event loop handles SIGINT itself while
    # it reads a line, and a handler it leaves behind would swallow the signal.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    with _reported(session), _no_echo():
        try:
            if session.history and session.uses_llm:  # the model may take a while to rewrite
                with console().status("[dim]reading the conversation…[/dim]", spinner="dots"):
                    standalone = session.standalone(text)
            else:
                standalone = session.standalone(text)
            typed = session.question(text)[0]
            first = session.first_articles(typed, standalone)
            if standalone.strip() != typed or first:
                print_rewrite(standalone if standalone.strip() != typed else None, first)
            if not session.is_ready:
                with console().status("[dim]loading the store…[/dim]", spinner="dots"):
                    session.ready()
            if stream and session.uses_llm:
                with ChatStream() as streamed:
                    turn = session.ask(text, on_token=streamed, standalone=standalone)
                print_answer(turn.answer, streamed=streamed, layout="chat")
            else:
                with console().status("[dim]searching…[/dim]", spinner="dots"):
                    turn = session.ask(text, standalone=standalone)
                print_answer(turn.answer, layout="chat")
        except KeyboardInterrupt:
            print_notice("(stopped)")
    _say(session)


class _Report:
    failed = False


@contextmanager
def _reported(session: ChatSession) -> Iterator[_Report]:
    """Any failure inside becomes the one error line `qa` prints (`error_line`), and the chat goes
    on; `.failed` tells the caller. QA_DEBUG=1 lets the traceback through."""
    from qa.render import error_line, print_notice

    report = _Report()
    try:
        yield report
    except Exception as e:  # noqa: BLE001 - one line, and the next question is answered
        if session.settings.debug:
            raise
        report.failed = True
        print_notice(error_line(e, session.settings)[0])


def _say(session: ChatSession) -> None:
    """What happened to the conversation meanwhile (the log could not be written), said once."""
    from qa.render import print_notice

    for notice in session.take_notices():
        print_notice(notice)


@contextmanager
def _no_echo() -> Iterator[None]:
    """No echo of keys typed while an answer is drawn: the terminal would echo Ctrl-C as "^C"
    after the last column of the live answer, moving it to a new line, and the final redraw would
    then leave the first copy of the answer above the second. Keys typed ahead are kept for the
    next prompt; signals still work."""
    try:
        import termios

        fd = sys.stdin.fileno()
        before = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError):  # not POSIX, or not a terminal
        yield
        return
    quiet = list(before)
    quiet[3] &= ~(termios.ECHO | getattr(termios, "ECHOCTL", 0))
    termios.tcsetattr(fd, termios.TCSANOW, quiet)
    try:
        yield
    finally:
        termios.tcsetattr(fd, termios.TCSANOW, before)


def _command(session: ChatSession, line: str) -> str | None:
    from qa.render import console, print_citations, print_notice, print_passage, print_why

    name, _, arg = line.partition(" ")
    name, arg = name.lower(), arg.strip()
    out = console()
    last = session.last
    with _reported(session):
        if name in ("/quit", "/exit"):
            return "quit"
        if name == "/help":
            for command, what in COMMANDS.items():
                out.print(f"  {command:<9} {what}", markup=False, highlight=False)
        elif name in ("/sources", "/why", "/copy") and last is None:
            print_notice(f"{name} needs an answer first: ask a question")
        elif name == "/sources":
            if last.answer.citations:
                print_citations(last.answer.citations)
            else:
                print_notice("the last answer cites no passages")
        elif name == "/open":
            if not (arg.isascii() and arg.isdigit()):  # "²".isdigit() too, and int() refuses it
                print_notice("use /open N, with N a citation number of the last answer")
            else:
                print_passage(session.passage(int(arg)))
        elif name == "/why":
            print_why(last)
        elif name == "/mode":
            session.set_mode(arg)
            print_notice(f"mode {session.mode}")
        elif name == "/k":
            session.set_k(arg)
            print_notice(f"{session.k} passages")
        elif name == "/filter":
            session.set_filter(arg)
            shown = ", ".join(f"{k}={v}" for k, v in (("title", session.title), ("source", session.source)) if v)
            print_notice(f"filter {shown or 'off'}")
        elif name == "/reset":
            session.reset()
            print_notice("new conversation")
        elif name == "/copy":
            print_notice(_copy(last.answer.answer))
        elif name in ("/save", "/save!"):
            path = session.save(Path(arg) if arg else None, replace=name == "/save!")
            print_notice(f"saved {len(session.earlier) + len(session.turns)} turns to {path}")
        else:
            print_notice(f"unknown command {name}; /help lists them")
    return None


def _copy(text: str) -> str:
    for command in _CLIPBOARD:
        if shutil.which(command[0]):
            try:
                subprocess.run(command, input=text.encode("utf-8"), check=True, timeout=5)
                return "copied the last answer to the clipboard"
            except (OSError, subprocess.SubprocessError) as e:
                return f"{command[0]} could not copy ({e}); use /save FILE instead"
    return "no clipboard tool found (pbcopy, wl-copy, xclip or xsel); use /save FILE instead"


def _history(session: ChatSession):
    """The questions typed in earlier chats (Up, Ctrl-R), in the store folder: created 0600 (it holds
    every question asked) before prompt_toolkit appends to it; a symbolic link there is not followed
    and this chat's history stays in memory."""
    import os

    from prompt_toolkit.history import FileHistory, InMemoryHistory

    from qa.errors import QAError
    from qa.files import open_private
    from qa.store import MANIFEST

    store = Path(session.settings.store)
    if (store / MANIFEST).exists():
        try:
            os.close(open_private(store / HISTORY_FILE))
            return FileHistory(str(store / HISTORY_FILE))
        except (OSError, QAError):
            pass
    return InMemoryHistory()


def _completer():
    from prompt_toolkit.completion import Completer, Completion

    class Slash(Completer):
        """Slash commands, completed only at the start of the line."""

        def get_completions(self, document, complete_event):
            text = document.text_before_cursor
            if text.startswith("/") and " " not in text:
                for command, what in COMMANDS.items():
                    if command.startswith(text):
                        yield Completion(command, start_position=-len(text), display_meta=what)

    return Slash()


def _keys(in_block: bool = False):
    from prompt_toolkit.key_binding import KeyBindings

    keys = KeyBindings()

    @keys.add("c-c")
    def _(event):  # clears a line being typed; on an empty line, leaves; in a block, drops the block
        if in_block:
            event.app.exit(exception=KeyboardInterrupt)
        elif event.app.current_buffer.text:
            event.app.current_buffer.reset()
        else:
            event.app.exit(exception=EOFError)

    @keys.add("c-@")
    def _(event):
        """NUL (Ctrl-@, Ctrl-Space) inserts nothing; prompt_toolkit's own binding starts a
        selection, and the line came back cut at it."""

    @keys.add("escape", "enter")
    def _(event):
        event.current_buffer.insert_text("\n")

    return keys


__all__ = ["COMMANDS", "run"]
