"""qa.text.index_cache: the indexes read out of the dictionary (cedict's SQLite glosses, gloss_kin's
and pivot's pickles) are kept in the user cache folder under names of the dictionary's content, so
that a reinstall (a new mtime, the same text) builds nothing, and a new dictionary leaves one file
of each kind; a process still reading an old file keeps it; two processes build an index once;
and `qa doctor` says what the folder holds and removes the stale files."""

from __future__ import annotations

import gzip
import os
import threading
import time
from pathlib import Path

import pytest

from qa.doctor import _cache as cache_check
from qa.text import cedict, gloss_kin, index_cache, pivot
from support.dictionary import use_dictionary

DICTIONARY = """# CC-CEDICT (a few entries written for this test, in its format)
校區 校区 [xiao4 qu1] /campus/
公司 公司 [gong1 si1] /firm/company/
商行 商行 [shang1 hang2] /firm/company/trading company/
創辦 创办 [chuang4 ban4] /to establish/to found/
創建 创建 [chuang4 jian4] /to found/to establish/
"""
NEWER = DICTIONARY + "校園 校园 [xiao4 yuan2] /campus/\n"
# What earlier releases left: names of the dictionary file's size and mtime, a temporary file
OLD_FILES = ["cedict-3817593-1796664456.sqlite", "gloss-kin-16fcc5163c-3817593-1796664456.pickle",
             "gloss-kin-d9ef95ebd3-3817593-1796664456.pickle", "pivot-6bb68cd04c-3817593-1796664456.pickle"]
OLD_TEMPORARY = "tmpab12cd_3"
KINDS = {"cedict": "sqlite", f"gloss-kin-{gloss_kin.MAX_KIN}": "pickle",
         f"gloss-kin-{gloss_kin.MAX_FOCUS_KIN}": "pickle", "pivot": "pickle"}


def clear() -> None:
    """What a new process would start from: no index in memory."""
    cedict._index.cache_clear()
    gloss_kin._index.cache_clear()
    gloss_kin._kin_words.cache_clear()
    pivot._index.cache_clear()


def read_all() -> None:
    """Each index as `qa ask` reads it."""
    clear()
    assert cedict._index()["campus"][0] == "校区"
    assert "创建" in gloss_kin._index(gloss_kin.MAX_KIN)[1]["创办"]
    assert gloss_kin._index(gloss_kin.MAX_FOCUS_KIN)[0]
    assert pivot.synonyms("firm") == ("company",)


def kinds(folder: Path) -> dict[str, str]:
    """kind -> the one file of it in `folder` (fails on two of a kind)."""
    found: dict[str, str] = {}
    for path in folder.iterdir():
        name = path.name
        if name.startswith("."):  # the kinds' lock files
            continue
        kind = name.rsplit("-", 2)[0]
        assert kind not in found, (name, found[kind])
        found[kind] = name
    return found


def write_dictionary(source: Path, text: str) -> None:
    """`text` gzipped at `source`, as a reinstall of the wheel writes it (the gzip header has its own time)."""
    with gzip.open(source, "wt", encoding="utf-8") as f:
        f.write(text)


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    use_dictionary(tmp_path, monkeypatch, DICTIONARY)
    yield tmp_path / "cache" / "qa"
    clear()


def test_a_reinstall_builds_nothing_and_a_new_dictionary_leaves_one_file_of_each_kind(tmp_path, folder, monkeypatch):
    folder.mkdir(parents=True)
    for name in [*OLD_FILES, OLD_TEMPORARY]:
        (folder / name).write_bytes(b"x" * 1000)
    hour_ago = time.time() - 2 * 3600
    os.utime(folder / OLD_TEMPORARY, (hour_ago, hour_ago))  # an interrupted write of long ago
    read_all()
    first = kinds(folder)
    assert {kind: name.rsplit(".", 1)[1] for kind, name in first.items()} == KINDS  # the old files are gone
    assert len({name.rsplit("-", 1)[1].split(".")[0] for name in first.values()}) == 1  # one dictionary key

    # A reinstall: the same text written again, a new mtime, other gzip bytes; nothing is built
    source = cedict.dictionary_file()
    write_dictionary(source, DICTIONARY)
    later = time.time() + 60
    os.utime(source, (later, later))
    for module, name in ((cedict, "_build"), (gloss_kin, "build"), (pivot, "build")):
        monkeypatch.setattr(module, name, lambda *a, name=name: pytest.fail(f"{name} rebuilt"))
    read_all()
    assert kinds(folder) == first
    monkeypatch.undo()
    use_dictionary(tmp_path, monkeypatch, NEWER)

    # A new dictionary: each kind built again, its file replacing the old one
    read_all()
    assert cedict._index()["campus"] == ("校区", "校园")
    second = kinds(folder)
    assert second.keys() == first.keys() and not set(second.values()) & set(first.values())


def test_a_reader_holding_an_old_file_is_not_broken(tmp_path, folder, monkeypatch):
    clear()
    old = cedict._index()
    assert isinstance(old, cedict.Glosses)  # an open SQLite file, read a gloss at a time
    use_dictionary(tmp_path, monkeypatch, NEWER)
    clear()
    assert cedict._index()["campus"] == ("校区", "校园")
    assert len(list(folder.glob("cedict-*.sqlite"))) == 1  # the old one removed under the reader
    assert old["campus"] == ("校区",) and old.get("firm") == ("公司", "商行")  # a process still reading it


def test_two_processes_build_an_index_once(tmp_path):
    path = tmp_path / "pivot-0123456789-0123456789abcdef.pickle"
    builds = []

    def build():
        builds.append(1)
        time.sleep(0.5)  # long enough for the other to find the lock taken
        return {"firm": "company"}

    found = []
    # flock locks open files, not processes: two threads, each opening the lock file, contend as two processes do
    threads = [threading.Thread(target=lambda: found.append(index_cache.cached(path, build))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert found == [{"firm": "company"}] * 2 and len(builds) == 1


@pytest.mark.parametrize("name, age_days, is_stale", [
    ("pivot-aaaaaaaaaa-1111111111111111.pickle", 0, False),      # the one just written
    ("pivot-bbbbbbbbbb-1111111111111111.pickle", 1, False),      # another qa's reading, used lately
    ("pivot-bbbbbbbbbb-1111111111111111.pickle", 8, True),       # ... a week old
    ("cedict-bbbbbbbbbb-1111111111111111.sqlite", 30, False),    # another kind's reading: its own writer decides
    ("pivot-aaaaaaaaaa-2222222222222222.pickle", 0, True),       # another dictionary, any kind
    ("cedict-cccccccccc-2222222222222222.sqlite", 0, True),
    ("cedict-3817593-1796664456.sqlite", 0, True),               # the old names
    ("gloss-kin-16fcc5163c-3817593-1796664456.pickle", 0, True),
    ("head-kin-6419a0ca8e-3817593-1796664456.pickle", 0, True),  # ... of any kind
    ("pivot-1234567890-1234567890123456.pickle", 0, True),       # a content key of digits is no old name
    ("pivot-1234567890-1111111111111111.pickle", 1, False),
    (".pivot-aaaaaaaaaa-1111111111111111.pickle-x1y2z3.tmp", 0, False),  # a write under way
    (".pivot-aaaaaaaaaa-1111111111111111.pickle-x1y2z3.tmp", 1, True),   # one a crash left
    ("tmpk2j4_9a", 1, True),                                     # an earlier release's leftover
    (".pivot.lock", 30, False),                                  # a kind's lock
    ("notes.txt", 30, False),                                    # nothing of ours
])
def test_what_is_stale_when_an_index_is_written(name, age_days, is_stale):
    current = "pivot-aaaaaaaaaa-1111111111111111.pickle"
    assert index_cache.stale(name, age_days * 86400, current, "1111111111111111") is is_stale


def test_the_dictionary_key_is_of_its_text(tmp_path):
    a, b, c, plain = (tmp_path / n for n in ("a.gz", "b.gz", "c.gz", "plain.txt"))
    write_dictionary(a, DICTIONARY)
    with gzip.open(b, "wt", encoding="utf-8", compresslevel=1) as f:  # other bytes, the same text
        f.write(DICTIONARY)
    write_dictionary(c, NEWER)
    plain.write_text(DICTIONARY, encoding="utf-8")
    assert a.read_bytes() != b.read_bytes()
    assert index_cache.dictionary_key(a) == index_cache.dictionary_key(b) != index_cache.dictionary_key(c)
    assert len(index_cache.dictionary_key(plain)) == 16 != index_cache.dictionary_key(a)


def test_doctor_says_what_the_folder_holds_and_repair_removes_the_stale_files(folder):
    read_all()
    check = cache_check(clean=False)
    assert check.status == "ok" and f"{folder}: 4 files" in check.detail, check
    for name in OLD_FILES:
        (folder / name).write_bytes(b"x" * 500_000)
    check = cache_check(clean=False)
    assert check.status == "warn" and "4 of them stale (2.0 MB" in check.detail and "--repair" in check.hint, check
    check = cache_check(clean=True)
    assert check.status == "ok" and "removed 4 stale ones (2.0 MB)" in check.detail, check
    assert len(kinds(folder)) == 4 and not any((folder / name).exists() for name in OLD_FILES)
    assert cache_check(clean=False).status == "ok"
