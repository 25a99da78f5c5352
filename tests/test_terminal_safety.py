"""Terminal safety (issue 15): article text and model replies are data; they never reach the
terminal's control channel.

A fuzz-style list of hostile fragments (escape sequences, C0/C1 controls, bidi overrides, rich
markup look-alikes) is built into articles (one file per fragment, the fragment in the title and
twice in the body between visible Chinese and English words) and into a scripted model reply
streamed in small chunks. The real program runs in a pseudo-terminal (pexpect, raw bytes):
`qa ingest`, `qa ask`, `qa sources`, `qa ask --mode llm`, `qa chat`; and piped. Every output is
checked byte by byte for any part of a fragment's control part, and for the visible words around
each fragment, exactly as cleaning should leave them. `--json` citations must quote the stored
passage exactly, and `qa ingest --json` must count what it removed. A store written before cleaning
existed (hostile text put straight into Chroma and the manifest) must be caught at display.

With TERM=dumb rich writes no escape sequence of its own, so there any ESC at all is a leak; with
TERM=xterm-256color (and in `qa chat`, where prompt_toolkit draws the screen) our own styling is
allowed and the hostile sequences themselves are looked for.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pexpect
import pytest

from support.chat import copy_store
from support.cli import invoke, qa_env, run_qa, spawn_qa, start_qa
from support.scripted import KEY, cli_env
from support.shared import shared_dir

TIMEOUT = 60

# name, the fragment as it is put into the text, what a cleaned text shows in its place
FRAGMENTS: list[tuple[str, str, str]] = [
    ("csi_red", "\x1b[31mRED\x1b[0m", "RED"),
    ("csi_clear", "\x1b[2J", ""),
    ("csi_cursor", "\x1b[10;10H", ""),
    ("osc0_title_bel", "\x1b]0;PWNED\x07", ""),
    ("osc0_title_st", "\x1b]0;PWNED\x1b\\", ""),
    ("osc8_hyperlink", "\x1b]8;;http://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"),
    ("osc52_clipboard", "\x1b]52;c;cm0gLXJmIH4=\x07", ""),
    ("dcs", "\x1bP1$rDCSDATA\x1b\\", ""),
    ("bare_esc", "\x1b", ""),
    ("c1_csi", "\x9b31m", ""),
    ("c1_osc", "\x9d0;C1TITLE\x9c", ""),
    ("bel", "\x07", ""),
    ("backspace_overwrite", "abc\x08\x08\x08XYZ", "abcXYZ"),
    ("carriage_return_overwrite", "safe text\rEVIL", "safe text\nEVIL"),
    ("bidi_override", "\u202eRLO\u202c", "RLO"),
    ("bidi_isolates", "\u2066LRI\u2069\u2067RLI\u2069\u2068FSI\u2069", "LRIRLIFSI"),
    ("del", "\x7f", ""),
    ("nul", "\x00", ""),
    ("rich_markup", "[bold red]x[/]", "[bold red]x[/]"),
    ("rich_link", "[link=http://evil]y[/link]", "[link=http://evil]y[/link]"),
]
NAMES = [f[0] for f in FRAGMENTS]
RICH = {"rich_markup", "rich_link"}  # look-alikes: no control part, shown literally
NO_TITLE = {"carriage_return_overwrite"}  # a line break in the first line would split the title

# What must never be on screen: payloads that live only inside a control part.
MARKERS = ["PWNED", "evil.example", "cm0gLXJmIH4", "DCSDATA", "C1TITLE", "]0;", "]52;", "]8;;", "\x1bP",
           "\x1b]", "\x1b[31m", "\x1b[2J", "\x1b[10;10H", "\rEVIL"]
BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1a\x1c-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\udc80-\udc9f]")
# With TERM=xterm and NO_COLOR, rich styles with attributes only (bold, dim, ...): single-digit SGR.
# Colour codes (31, 38;5;n) are not ours under NO_COLOR, so they stay forbidden.
RICH_OWN = re.compile(r"\x1b\[(?:\d(?:;\d)*)?m")

COMMON_Q = "青山县今年新建学校五所总投资两亿元"
LITERAL = {"rich_markup": "[bold red]x[/]", "rich_link": "[link=http"}  # shown as typed, even in a title


def tag(name: str) -> str:
    """A word unique to one fragment's article (letters only, so every tokenizer keeps it whole)."""
    return "zq" + name.replace("_", "")


def title_of(name: str, frag: str) -> str:
    return f"终端测试{tag(name)}{'' if name in NO_TITLE else frag}新闻"


def body_of(name: str, frag: str) -> str:
    # The fragment sits between Chinese characters and before an em dash: a bare ESC followed by
    # ASCII would rightly be read as a two-byte escape sequence and take that letter with it.
    # The lead is long: a short line (a carriage return makes one) would be read as a subheading.
    return (f"据县教育局今天上午发布的最新消息，青山县今年在城区和各乡镇一共新建学校{frag}五所，总投资两亿元。"
            f"Green valley school {tag(name)} opened in May{frag}—the county said.\n")


def visible(name: str) -> list[str]:
    """The words around the fragment as a cleaned article shows them (whitespace-insensitive)."""
    shown = dict((n, s) for n, _, s in FRAGMENTS)[name]
    out = [f"新建学校{shown}五所", f"May{shown}—the"]
    if name not in NO_TITLE | RICH:  # the title heuristics cut a title at ':' and so on
        out.append(f"终端测试{tag(name)}{shown}新闻")
    return out


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def decode(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def leaks(raw: bytes, own: re.Pattern | None = None, strict: bool = True) -> list[str]:
    """Everything hostile in raw terminal output. `own`: our own escape sequences, removed first.
    `strict`: no ESC at all may remain, and no carriage return but the pty's CR LF."""
    text = decode(raw)
    if own is not None:
        text = own.sub("", text)
    found = [repr(m) for m in MARKERS if m in text]
    found += sorted({repr(c) for c in BAD_CHARS.findall(text)})
    if strict:
        if "\x1b" in text:
            i = text.index("\x1b")
            found.append(f"ESC at {i}: {text[max(0, i - 20):i + 20]!r}")
        if re.search(r"\r(?!\n)", text):
            found.append("bare carriage return")
    return found


def ok(raw: bytes, own: re.Pattern | None = None, strict: bool = True) -> None:
    found = leaks(raw, own, strict)
    assert not found, f"hostile bytes reached the terminal: {found}\n--- output:\n{decode(raw)!r}"


def env(**extra: str) -> dict[str, str]:
    return qa_env({"QA_EMBED": "hash", "COLUMNS": "200", "LINES": "50", "NO_COLOR": "1", "TERM": "dumb",
                   "PROMPT_TOOLKIT_NO_CPR": "1"}, **extra)


def run_pty(args: list[str], extra: dict[str, str] | None = None) -> tuple[bytes, int]:
    """`qa ARGS` in a pseudo-terminal; all it wrote (raw bytes) and its exit code."""
    child = spawn_qa(*args, env=env(**(extra or {})), timeout=TIMEOUT, dimensions=(50, 200), encoding=None)
    child.expect(pexpect.EOF)
    child.close()
    raw = child.before
    text = decode(raw)
    assert "Traceback" not in text and KEY not in text, text
    return raw, child.exitstatus


def run_piped(args: list[str], extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return run_qa(*args, env=env(**(extra or {})), timeout=TIMEOUT, text=False)


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, frag, _ in FRAGMENTS:
        if name == "nul":  # a NUL byte makes a .txt file binary (rightly skipped): JSON spells it
            record = {"title": title_of(name, frag), "text": body_of(name, frag)}
            (folder / f"{name}.jsonl").write_text(json.dumps(record, ensure_ascii=True) + "\n", encoding="utf-8")
        else:
            (folder / f"{name}.txt").write_bytes(f"{title_of(name, frag)}\n\n{body_of(name, frag)}".encode())
    return folder


def ingest_hostile(root: Path) -> None:
    articles = write_articles(root / "articles")
    raw, code = run_pty(["ingest", "--store", str(root / "store"), str(articles)])
    (root / "ingest.out").write_bytes(raw)
    (root / "ingest.code").write_text(str(code))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict:
    """The hostile articles, ingested in a pseudo-terminal; the store and what ingest printed.
    Built once for both xdist workers (support.shared); tests that write (a chat) copy the store."""
    root = shared_dir(tmp_path_factory, "hostile", ingest_hostile)
    return {"articles": root / "articles", "store": root / "store", "ingest": (root / "ingest.out").read_bytes(),
            "ingest_code": int((root / "ingest.code").read_text())}


def settings_for(store: Path):
    from qa.config import load_settings

    return load_settings({"store": str(store), "embed": "hash"}, env={})


# -- ingest ---------------------------------------------------------------------------------------
def test_ingest_in_a_terminal_prints_nothing_hostile(corpus):
    assert corpus["ingest_code"] == 0, decode(corpus["ingest"])
    ok(corpus["ingest"])
    assert f"ingested {len(FRAGMENTS)}" in decode(corpus["ingest"])


def test_ingest_json_counts_the_controls_removed_per_file(tmp_path):
    articles = write_articles(tmp_path / "articles")
    done = run_piped(["ingest", "--json", "--store", str(tmp_path / "store"), str(articles)])
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["ingested"] == len(FRAGMENTS)
    assert "controls_removed" in report, sorted(report)
    counts = {Path(source).stem: count for source, count in report["controls_removed"]}
    for name in NAMES:
        if name in RICH:
            assert counts.get(name, 0) == 0, (name, counts)
        elif name == "carriage_return_overwrite":
            continue  # a lone CR becomes a line end (an old Mac file), not a removal; not counted
        else:
            assert counts.get(name, 0) > 0, (name, report["controls_removed"])


def test_stored_passages_and_titles_are_clean(corpus):
    from qa.store.store import Store
    from qa.text.controls import CONTROL

    store = Store.open(settings_for(corpus["store"]))
    ids = [cid for doc in store.manifest["documents"].values() for cid in doc["chunk_ids"]]
    hits = store.fetch_hits(ids)
    assert len(hits) == len(FRAGMENTS)
    titles = [a["title"] for doc in store.manifest["documents"].values() for a in doc["articles"]]
    for text in [h.text for h in hits] + [h.title for h in hits] + titles:
        assert not CONTROL.search(text) and "\x1b" not in text and "\r" not in text, repr(text)
        assert not [m for m in MARKERS if m in text], repr(text)
    joined = squash("".join(h.title + h.text for h in hits))
    for name in NAMES:
        for words in visible(name):
            assert squash(words) in joined, (name, words)


# -- qa ask (extractive): one question per fragment's article ---------------------------------------
def question(name: str) -> str:
    return f"{tag(name)}学校新建学校五所 opened in May"


def ask_args(store: Path, name: str) -> list[str]:
    # --full: the cited passage in full, so that every hostile fragment of the article reaches the
    # screen (the compact screen shows the quoted sentence alone, which holds only some of them).
    return ["ask", "--store", str(store), "--mode", "extractive", "--full", question(name)]


def check_screen(name: str, raw: bytes, own: re.Pattern | None = None) -> list[str]:
    """What is wrong with one fragment's answer on screen: leaks, missing words, markup interpreted."""
    problems = leaks(raw, own)
    text = decode(raw) if own is None else own.sub("", decode(raw))
    screen = squash(text)
    if name not in screen:
        problems.append(f"its source {name} is not listed")
    problems += [f"missing {w!r}" for w in visible(name) if squash(w) not in screen]
    if name in LITERAL and LITERAL[name] not in text:
        problems.append(f"{LITERAL[name]!r} not shown literally")
    return problems


@pytest.mark.parametrize("name", NAMES)
def test_ask_in_a_terminal_shows_the_words_and_no_control_part(corpus, name):
    raw, code = run_pty(ask_args(corpus["store"], name))
    assert code == 0, decode(raw)
    assert not check_screen(name, raw), (check_screen(name, raw), decode(raw))


def run_many_pty(runs: dict[str, list[str]], extra: dict[str, str] | None = None) -> dict[str, tuple[bytes, int]]:
    """Several `qa` commands in pseudo-terminals at once (each prints far less than a pty buffers)."""
    children = {key: spawn_qa(*args, env=env(**(extra or {})), timeout=TIMEOUT * 2, dimensions=(50, 200),
                              encoding=None) for key, args in runs.items()}
    out = {}
    for key, child in children.items():
        child.expect(pexpect.EOF)
        child.close()
        out[key] = (child.before, child.exitstatus)
    return out


@pytest.mark.slow
def test_ask_in_an_xterm_every_fragment(corpus):
    """TERM=xterm-256color: rich styles the answer itself; only its attribute codes are allowed."""
    got = run_many_pty({name: ask_args(corpus["store"], name) for name in NAMES}, {"TERM": "xterm-256color"})
    problems = {name: check_screen(name, raw, RICH_OWN) + ([f"exit {code}"] if code else [])
                for name, (raw, code) in got.items()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, (problems, {k: decode(got[k][0]) for k in problems})


@pytest.mark.slow
def test_piped_ask_every_fragment(corpus):
    procs = {name: start_qa(*ask_args(corpus["store"], name), env=env(), text=False) for name in NAMES}
    problems, outputs = {}, {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=TIMEOUT * 2)
        outputs[name] = decode(out)
        found = check_screen(name, out) + [f"stderr: {x}" for x in leaks(err)]
        if proc.returncode:
            found.append(f"exit {proc.returncode}: {decode(err)}")
        if found:
            problems[name] = found
    assert not problems, (problems, {k: outputs[k] for k in problems})


def test_json_citations_quote_the_stored_passage_exactly(corpus):
    from qa.store.store import Store
    from qa.text.controls import CONTROL

    store = Store.open(settings_for(corpus["store"]))
    cited = set()
    for name in NAMES:
        # In process (typer's runner): JSON output is not a terminal's business, and this is faster.
        result = invoke("ask", "--json", *ask_args(corpus["store"], name)[1:], env={"QA_EMBED": "hash"})
        assert result.exit_code == 0, result.output
        citations = json.loads(result.stdout)["citations"]
        assert citations, (name, result.stdout)
        got = store.collection.get(ids=[c["chunk_id"] for c in citations], include=["documents"])
        chroma = dict(zip(got["ids"], got["documents"]))
        for c in citations:
            [hit] = store.fetch_hits([c["chunk_id"]])
            assert c["text"] == hit.text == chroma[c["chunk_id"]], name
            assert squash(c["quote"]) in squash(hit.text), (name, c["quote"])
            for field in ("text", "quote", "title"):
                assert not CONTROL.search(c[field]) and "\x1b" not in c[field], (name, field, c[field])
                assert not [m for m in MARKERS if m in c[field]], (name, field, c[field])
            cited.add(Path(c["source"]).stem)
    assert set(NAMES) <= cited, set(NAMES) - cited


# -- qa sources -----------------------------------------------------------------------------------
def test_sources_in_a_terminal_shows_the_titles_and_no_control_part(corpus):
    for term, own, strict in (("dumb", None, True), ("xterm-256color", RICH_OWN, True)):
        raw, code = run_pty(["sources", "--store", str(corpus["store"])], {"TERM": term})
        assert code == 0, decode(raw)
        ok(raw, own=own, strict=strict)
        screen = squash(RICH_OWN.sub("", decode(raw)))
        for name, frag, shown in FRAGMENTS:
            assert name in screen, name
            if name in LITERAL:
                assert LITERAL[name] in RICH_OWN.sub("", decode(raw)), (term, name, decode(raw))
            elif name not in NO_TITLE:
                # A table cell may fold a long title: compare without whitespace.
                assert squash(f"{tag(name)}{shown}新闻") in screen, (term, name, decode(raw))


# -- qa ask --mode llm: the model's reply carries the fragments, split across stream chunks --------
def hostile_reply() -> str:
    return "".join(f"第{i}句{frag}完。" for i, (_, frag, _) in enumerate(FRAGMENTS)) + "[1]"


def reply_visible() -> list[str]:
    return [f"第{i}句{shown}完" for i, (_, _, shown) in enumerate(FRAGMENTS)]


@pytest.mark.parametrize("chunk_chars", [1, 3, 7])
def test_a_streamed_model_reply_cannot_reach_the_terminal(corpus, openai_server, chunk_chars):
    openai_server.reply(hostile_reply(), chunk_chars=chunk_chars, chunk_delay=0.002)
    raw, code = run_pty(["ask", "--store", str(corpus["store"]), "--mode", "llm", COMMON_Q],
                        cli_env(openai_server.url, QA_LLM_TIMEOUT="20", QA_LLM_MAX_WAIT="30"))
    assert code == 0, decode(raw)
    assert openai_server.chat_requests()[0].body["stream"] is True
    ok(raw)
    screen = squash(decode(raw))
    for words in reply_visible():
        assert squash(words) in screen, (words, decode(raw))


def test_a_whole_model_reply_cannot_reach_the_terminal(corpus, openai_server):
    openai_server.reply(hostile_reply())
    raw, code = run_pty(["ask", "--store", str(corpus["store"]), "--mode", "llm", "--no-stream", COMMON_Q],
                        cli_env(openai_server.url, QA_LLM_TIMEOUT="20", QA_LLM_MAX_WAIT="30"))
    assert code == 0, decode(raw)
    ok(raw)
    screen = squash(decode(raw))
    for words in reply_visible():
        assert squash(words) in screen, (words, decode(raw))


def test_a_piped_model_reply_is_clean(corpus, openai_server):
    openai_server.reply(hostile_reply(), chunk_chars=3)
    done = run_piped(["ask", "--store", str(corpus["store"]), "--mode", "llm", COMMON_Q],
                     cli_env(openai_server.url, QA_LLM_TIMEOUT="20", QA_LLM_MAX_WAIT="30"))
    assert done.returncode == 0, done.stderr
    ok(done.stdout)
    ok(done.stderr)
    screen = squash(decode(done.stdout))
    for words in reply_visible():
        assert squash(words) in screen, (words, decode(done.stdout))


# -- qa chat ----------------------------------------------------------------------------------------
# prompt_toolkit draws the prompt with escape sequences of its own, so here the hostile sequences
# themselves are looked for (MARKERS, control characters, bidi), not every ESC.
CHAT_OWN = re.compile(r"\x1b\[[0-9;?]*[a-zA-Z]")  # CSI of our own; hostile ones are in MARKERS


def chat_leaks(raw: bytes) -> list[str]:
    text = decode(raw)
    found = [repr(m) for m in MARKERS if m in text]
    # 31m in any SGR (NO_COLOR: never ours), a cursor position or screen clear from the articles
    found += [repr(m) for m in re.findall(r"\x1b\[[0-9;]*31m|\x1b\[2J|\x1b\[10;10H", text)]
    # prompt_toolkit's own: ESC in its CSI sequences, and " \b" (a space stepped back over).
    mine = CHAT_OWN.sub("", text).replace("\x1b", "").replace(" \x08", "")
    found += sorted({repr(c) for c in BAD_CHARS.findall(mine)})
    return found


def run_chat(store: Path, questions: list[str], extra: dict[str, str] | None = None, *args: str) -> bytes:
    """`qa chat` in a pseudo-terminal (TERM=xterm-256color): each question, then /sources, then /quit."""
    child = spawn_qa("chat", "--store", store, *args, env=env(TERM="xterm-256color", **(extra or {})),
                     timeout=TIMEOUT, dimensions=(50, 200), encoding=None)
    out = b""

    def wait(text: str) -> None:
        nonlocal out
        try:
            child.expect_exact(text.encode())
        except (pexpect.TIMEOUT, pexpect.EOF):
            raise AssertionError(f"{text!r} never appeared; screen:\n{decode(out + child.before)!r}") from None
        out += child.before + child.after

    wait("›")
    for q in questions:
        child.send(q + "\r")
        wait("·")  # the status line after the answer
        wait("›")
        child.send("/sources\r")
        wait("›")
    child.send("/quit\r")
    child.expect(pexpect.EOF)
    out += child.before
    child.close()
    assert child.exitstatus == 0, decode(out)
    assert "Traceback" not in decode(out) and KEY not in decode(out)
    return out


def test_chat_extractive_answers_and_sources_print_nothing_hostile(corpus, tmp_path):
    store = copy_store(corpus["store"], tmp_path / "store")
    raw = run_chat(store, [question(n) for n in NAMES], None, "--mode", "extractive")
    assert not chat_leaks(raw), (chat_leaks(raw), decode(raw))
    text = CHAT_OWN.sub("", decode(raw))
    screen = squash(text)
    for name in NAMES:
        for words in visible(name):
            assert squash(words) in screen, (name, words)
    for name, literal in LITERAL.items():
        assert literal in text, name


def test_chat_llm_streamed_reply_prints_nothing_hostile(corpus, tmp_path, openai_server):
    store = copy_store(corpus["store"], tmp_path / "store")
    openai_server.default_text = hostile_reply()
    openai_server.reply(hostile_reply(), chunk_chars=3, chunk_delay=0.002)
    raw = run_chat(store, [COMMON_Q], cli_env(openai_server.url, QA_LLM_TIMEOUT="20", QA_LLM_MAX_WAIT="30"),
                   "--mode", "llm")
    assert not chat_leaks(raw), (chat_leaks(raw), decode(raw))
    screen = squash(CHAT_OWN.sub("", decode(raw)))
    for words in reply_visible():
        assert squash(words) in screen, (words, decode(raw))


# -- a store written before cleaning existed ------------------------------------------------------
@pytest.fixture(scope="module")
def old_store(tmp_path_factory) -> Path:
    """Clean articles ingested, then the hostile text put straight into Chroma (passages and their
    titles) and the manifest, and the keyword index rebuilt from them: what a store built before
    cleaning, or someone else's Chroma server, may hold. Built once for both xdist workers (four
    `qa` processes: support.shared); tests that write (a chat) copy it."""
    return shared_dir(tmp_path_factory, "old-store", build_old_store) / "store"


def build_old_store(root: Path) -> None:
    folder = root / "articles"
    folder.mkdir()
    for name, _, _ in FRAGMENTS:
        (folder / f"{name}.txt").write_text(f"{title_of(name, '')}\n\n{body_of(name, '')}", encoding="utf-8")
    store = root / "store"
    done = run_piped(["ingest", "--store", str(store), str(folder)])
    assert done.returncode == 0, done.stderr

    frags = {name: frag for name, frag, _ in FRAGMENTS}
    manifest_path = store / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    titles: dict[str, str] = {}  # chunk id -> hostile title
    bodies: dict[str, str] = {}  # chunk id -> hostile passage
    for doc in manifest["documents"].values():
        name = Path(doc["source"]).stem
        [article] = doc["articles"]
        article["title"] = title_of(name, frags[name])
        [cid] = doc["chunk_ids"]
        titles[cid], bodies[cid] = article["title"], body_of(name, frags[name]).strip()

    # In a child process: a second Chroma client with other settings in this one would clash with qa's.
    hostile = f"{manifest['root']}-01d5702e"
    done = subprocess.run([sys.executable, "-c", REWRITE_CHROMA], input=json.dumps(
        {"path": str(store / "chroma"), "collection": manifest["collection"], "into": hostile, "titles": titles,
         "bodies": bodies}), capture_output=True, text=True, env=env(), timeout=TIMEOUT)
    assert done.returncode == 0, done.stderr
    manifest["collection"] = hostile
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    shutil.rmtree(store / manifest.get("keyword", "keyword"))
    # Re-indexed once from Chroma's (hostile) texts by a writer, as the next ingest would: each
    # reader would otherwise re-index every chunk in memory, seconds a process, 40 processes.
    done = run_piped(["doctor", "--repair", "--store", str(store)])
    assert b"re-indexed" in done.stdout, done.stdout
    # A repair that found a passage in neither Chroma nor the keyword index drops its document: the
    # store would hold nothing hostile, and every test below would fail far from the cause (a CI run
    # under load 10 once saw the store empty). Said here, with doctor's own report.
    kept = json.loads(manifest_path.read_text(encoding="utf-8"))["documents"]
    assert len(kept) == len(FRAGMENTS) and b"dropped" not in done.stdout, done.stdout


# The hostile copy is a new collection written by one `add`, not an `update` of the old one:
# Chroma's HNSW applies updates of existing vectors on parallel threads, and every reader process
# replays them, so under load an updated vector is now and then left unreachable (1 query in ~50
# missed one of the 20 here), and that question's answer turned into a refusal.
REWRITE_CHROMA = """
import json, sys
import chromadb
job = json.load(sys.stdin)
client = chromadb.PersistentClient(path=job["path"])
collection = client.get_collection(job["collection"], embedding_function=None)
got = collection.get(ids=list(job["bodies"]), include=["documents", "metadatas", "embeddings"])
assert sorted(got["ids"]) == sorted(job["bodies"]), got["ids"]
into = client.create_collection(job["into"], embedding_function=None, metadata=collection.metadata)
into.add(ids=got["ids"], embeddings=got["embeddings"],
         metadatas=[{**md, "title": job["titles"][cid]} for cid, md in zip(got["ids"], got["metadatas"])],
         documents=[job["bodies"][cid] for cid in got["ids"]])
client.delete_collection(job["collection"])
"""


def old_visible(name: str) -> list[str]:
    """The words around a fragment that only the display sanitiser stood in front of. A CR may
    become a line end, a space or nothing, so that one is checked on its two sides."""
    if name == "carriage_return_overwrite":
        return ["新建学校safetext", "EVIL五所", "Maysafetext", "EVIL—the"]
    return visible(name)


def test_an_old_store_really_holds_hostile_text(old_store):
    from qa.store.store import Store

    store = Store.open(settings_for(old_store))
    ids = [cid for doc in store.manifest["documents"].values() for cid in doc["chunk_ids"]]
    hits = store.fetch_hits(ids)
    assert any("\x1b]0;PWNED" in h.text for h in hits) and any("\x1b]0;PWNED" in h.title for h in hits)


# One of each kind for the process-per-question tests of the old store (each `qa ask` is a fresh
# process; every fragment is covered in one process by the chat tests below).
SAMPLE = ["csi_red", "osc0_title_bel", "osc52_clipboard", "dcs", "c1_csi", "bidi_override", "rich_link"]


@pytest.mark.slow
def test_an_old_store_is_still_caught_at_display_by_ask(old_store):
    runs = {name: ask_args(old_store, name) for name in SAMPLE}
    problems = {}
    outputs = {}
    for mode, got in (("pty", run_many_pty(runs)), ("xterm", run_many_pty(runs, {"TERM": "xterm-256color"}))):
        for name, (raw, code) in got.items():
            own = RICH_OWN if mode == "xterm" else None
            text = decode(raw) if own is None else own.sub("", decode(raw))
            found = leaks(raw, own) + ([f"exit {code}"] if code else [])
            found += [f"missing {w!r}" for w in old_visible(name) if squash(w) not in squash(text)]
            if name in LITERAL and LITERAL[name] not in text:
                found.append(f"{LITERAL[name]!r} not shown literally")
            if found:
                problems[f"{mode}:{name}"], outputs[f"{mode}:{name}"] = found, text
    assert not problems, (problems, outputs)


@pytest.mark.slow
def test_an_old_store_piped_ask_is_clean(old_store):
    procs = {name: start_qa("ask", "--store", old_store, "--mode", "extractive", question(name), env=env(), text=False)
             for name in SAMPLE}
    problems = {}
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=TIMEOUT * 2)
        found = leaks(out) + [f"stderr: {x}" for x in leaks(err)] + ([f"exit {proc.returncode}"] if proc.returncode else [])
        if found:
            problems[name] = (found, decode(out))
    assert not problems, problems


def test_an_old_store_with_hostile_titles_is_still_caught_by_sources(old_store):
    for term, own in (("dumb", None), ("xterm-256color", RICH_OWN)):
        raw, code = run_pty(["sources", "--store", str(old_store)], {"TERM": term})
        assert code == 0, decode(raw)
        ok(raw, own=own)
        text = RICH_OWN.sub("", decode(raw))
        assert "[bold red]x[/]" in text and "[link=http://evil]" in text, text


def test_an_old_store_in_chat_prints_nothing_hostile(old_store, tmp_path):
    store = copy_store(old_store, tmp_path / "store")
    raw = run_chat(store, [question(n) for n in NAMES], None, "--mode", "extractive")
    assert not chat_leaks(raw), (chat_leaks(raw), decode(raw))
    text = CHAT_OWN.sub("", decode(raw))
    assert "[bold red]x[/]" in text and "[link=http://evil]y[/link]" in text
