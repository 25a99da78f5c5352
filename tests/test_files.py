"""The one atomic write (qa/files.py): a reader sees the old content or the new, and a failed
write leaves the target as it was and no temporary file behind."""

from __future__ import annotations

import pytest

from qa.files import publish_dir, write_atomic


def test_write_atomic_replaces_text_and_bytes(tmp_path):
    target = tmp_path / "manifest.json"
    write_atomic(target, "旧")
    write_atomic(target, "新的内容")
    assert target.read_text(encoding="utf-8") == "新的内容"
    write_atomic(target, b"\x00\x01", mode=0o600)
    assert target.read_bytes() == b"\x00\x01" and (target.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["manifest.json"]


def test_a_failed_write_keeps_the_target_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "taken"
    target.mkdir()
    (target / "keep.txt").write_text("still here")
    with pytest.raises(OSError):
        write_atomic(target, "cannot replace a directory")  # os.replace refuses: the write fails late
    assert (target / "keep.txt").read_text() == "still here"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]


def test_publish_dir_gives_a_finished_directory_its_name(tmp_path):
    built = tmp_path / ".seg-build"
    built.mkdir()
    (built / "a.npy").write_bytes(b"123")
    (built / "records.json").write_text("[]")
    publish_dir(built, tmp_path / "seg-000001")
    assert not built.exists()
    assert sorted(p.name for p in (tmp_path / "seg-000001").iterdir()) == ["a.npy", "records.json"]
