"""The bench store's name covers the lexicon lists the sentence splitter reads: a splitter change made in
a lexicon file alone must build a new store, not measure the new code on old chunks."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import qa.text.sentences as sentences

ROOT = Path(__file__).resolve().parents[1]


def test_every_lexicon_list_the_splitter_reads_is_listed():
    read = set(re.findall(r'lexicon\.\w+\("([a-z_]+)"', Path(sentences.__file__).read_text(encoding="utf-8")))
    assert read, "the splitter reads no lexicon list: this test no longer checks anything"
    assert read == set(sentences.LEXICON_ENTRIES)


def _digest(qa_parent: Path, corpus: Path) -> str:
    code = "import sys; from pathlib import Path; from eval.bench.snapshot import store_digest; print(store_digest(Path(sys.argv[1])))"
    env_path = f"{qa_parent}:{ROOT}"
    out = subprocess.run([sys.executable, "-c", code, str(corpus)], capture_output=True, text=True, check=True,
                         cwd=qa_parent, env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"})
    return out.stdout.strip()


def test_store_digest_changes_with_a_splitter_list_and_not_with_other_lexicon_words(tmp_path):
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "qa", tree / "qa", ignore=shutil.ignore_patterns("__pycache__"))
    corpus = tmp_path / "docs"
    corpus.mkdir()
    before = _digest(tree, corpus)
    assert before == _digest(tree, corpus)  # a name, not a random draw
    es = tree / "qa" / "text" / "lexicon" / "es.toml"
    text = es.read_text(encoding="utf-8")
    # a word class the splitter does not read: the stores stay
    es.write_text(re.sub(r'^reporting_word = \[', 'reporting_word = ["zzqdijo", ', text, count=1, flags=re.M), encoding="utf-8")
    assert _digest(tree, corpus) == before
    # one more abbreviation: sentences end elsewhere, so a new store
    es.write_text(re.sub(r"^abbreviation = \[", 'abbreviation = ["Zzq.", ', text, count=1, flags=re.M), encoding="utf-8")
    assert _digest(tree, corpus) != before
