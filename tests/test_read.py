"""Finding, decoding and parsing article files (qa.ingest.read)."""

import json

import pytest

from qa.errors import InputError
from qa.ingest.read import decode, find_files, read_documents

TEXT = "脑机接口发展进入快车道\n\n今年7月,工信部等7部门联合印发《实施意见》,明确至2030年构建产业生态。“好”——€"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le-bom", "utf-16-be-bom"])
def test_encodings_are_detected(tmp_path, encoding):
    text = TEXT
    if encoding == "utf-16-le-bom":
        data = b"\xff\xfe" + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    path = tmp_path / f"a-{encoding}.txt"
    path.write_bytes(data)
    [doc] = read_documents(path)
    assert doc.text == text


def test_gbk_page_longer_than_a_sniff_window(tmp_path):
    body = "".join(f"第{i}段:商业银行托管业务迎来监管新规,国家金融监督管理总局近期制定了办法。\n" for i in range(200))
    path = tmp_path / "gbk.txt"
    path.write_bytes(body.encode("gbk"))
    [doc] = read_documents(path)
    assert doc.text == body


def test_binary_garbage_is_an_input_error():
    with pytest.raises(InputError):
        decode(bytes(range(256)) * 4 + b"\x00\x00\xff\xfe\x00", "x.bin")


def test_html_keeps_visible_text_only(tmp_path):
    page = """<html><head><title>t</title><style>p{color:red}</style><script>var secret = "do not index";</script></head>
    <body><h1>标题一</h1><p>第一段内容。</p><p>第二段 <b>加粗</b> 内容。</p><noscript>开启脚本</noscript></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [doc] = read_documents(path)
    assert doc.title == "标题一"
    assert "第一段内容。" in doc.text and "第二段 加粗 内容。" in doc.text
    assert "do not index" not in doc.text and "color" not in doc.text and "开启脚本" not in doc.text


def test_jsonl_records_and_bad_lines_report_file_and_line(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in [
        {"title": "甲", "text": "甲的正文。", "url": "http://x/1", "date": "2025-01-01"},
        {"title": "乙", "text": "乙的正文。"}]) + "\n", encoding="utf-8")
    docs = read_documents(good)
    assert [(d.title, d.text, d.url, d.date, d.line) for d in docs] == [
        ("甲", "甲的正文。", "http://x/1", "2025-01-01", 1), ("乙", "乙的正文。", "", "", 2)]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"title": "a", "text": "ok"}\n{not json}\n{"title": "b"}\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        read_documents(bad)
    assert str(err.value).startswith(f"{bad}:2: not valid JSON")
    assert "1 more bad lines" in str(err.value)


def test_find_files_recurses_filters_and_skips_hidden(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    for name in ["a/one.txt", "a/b/two.md", "a/b/three.html", "a/skip.pdf", ".hidden/four.txt", "five.jsonl"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in find_files([tmp_path])]
    assert found == ["a/b/three.html", "a/b/two.md", "a/one.txt", "five.jsonl"]
    with pytest.raises(InputError, match="no such file"):
        find_files([tmp_path / "missing"])


def test_jsonl_bad_lines_are_set_aside_when_asked_for(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"title": "a", "text": "ok"}\n{not json}\n{"title": "b"}\n', encoding="utf-8")
    bad: list[tuple[int, str]] = []
    assert [d.line for d in read_documents(path, bad_lines=bad)] == [1]
    assert bad == [(2, "not valid JSON (Expecting property name enclosed in double quotes)"),
                   (3, 'missing or empty "text"')]
    path.write_text('{not json}\n{"title": "b"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"mixed\.jsonl: no good line; line 1: not valid JSON .*\(and 1 more bad"):
        read_documents(path, bad_lines=[])


def test_escape_name_shows_bytes_that_are_not_utf8():
    import os

    from qa.ingest.read import escape_name

    assert escape_name(os.fsdecode(b"bad\xff\xfe.txt")) == "bad\\xff\\xfe.txt"
    assert escape_name("新闻 2025.txt") == "新闻 2025.txt"
    assert escape_name("x\ud800") == "x\\ud800"  # not a file-name byte: escaped all the same


def test_jsonl_line_without_a_title_gets_its_first_clause_and_a_note(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in (
        {"title": "港口", "text": "渡轮每天七点开往岛上。"},
        {"title": None, "text": "猕猴桃节今年有九辆彩车参加游行，观众很多。"},
    )) + "\n", encoding="utf-8")
    notes: list[tuple[int, str]] = []
    docs = read_documents(path, notes=notes)
    assert [d.title for d in docs] == ["港口", "猕猴桃节今年有九辆彩车参加游行"]
    assert [line for line, _ in notes] == [2] and "猕猴桃节今年有九辆彩车参加游行" in notes[0][1]
