"""Segmentation of OCR'd pages into articles (qa.ingest.segment), pinned on the seed page."""

import pytest

from qa.ingest.segment import classify, is_dangling, segment

from support import SEED_FILE

SEED = SEED_FILE.read_text(encoding="utf-8")


def _by_title(segments):
    return {s.title: s for s in segments}


def test_seed_page_splits_into_its_articles_and_caption():
    segments = segment(SEED)
    titles = [s.title for s in segments]
    assert titles == [
        "脑机接口发展进入快车道",
        "市场监管总局近期印发《计量促进民营经济发展壮大若干措施》",
        "构建高效跨境物流网络",
        "12月20日拍摄的四川省达州市宣汉县巴山大峡谷景区的十八道弯盘山公路",
        "商业银行托管业务迎来监管新规",
        "良好营商环境提升发展韧性",
    ]
    kinds = [s.kind for s in segments]
    assert kinds == ["article", "article", "article", "caption", "article", "article"]


def test_each_article_holds_its_own_text_only():
    seg = _by_title(segment(SEED))
    bci = seg["脑机接口发展进入快车道"].body()
    assert bci.startswith("当前,脑机接口技术正加速渗透")
    assert "计量" not in bci and "托管" not in bci
    assert "计量" in seg["市场监管总局近期印发《计量促进民营经济发展壮大若干措施》"].body()
    heihe = seg["构建高效跨境物流网络"].body()
    assert "托管业务" not in heihe and heihe.rstrip().endswith("跨境电商出口海关监管场所。")
    xinhua = seg["良好营商环境提升发展韧性"].body()
    assert xinhua.startswith("走进河北石家庄新华区华强广场") and "托管" not in xinhua


def test_headline_kicker_byline_are_metadata_not_body():
    seg = _by_title(segment(SEED))
    bci = seg["脑机接口发展进入快车道"]
    assert bci.kicker == "多地前瞻布局,产业加速融合——"
    assert bci.byline == "本报记者 杨学聪 李治国 郑 杨"
    assert "本报记者" not in bci.body() and "快车道" not in bci.body()
    heihe = seg["构建高效跨境物流网络"]
    assert heihe.kicker == "四中全会精神在基层" and heihe.byline == "本报记者 马维维"
    custody = seg["商业银行托管业务迎来监管新规"]
    assert custody.kicker == "明确基本规则,细化管理标准——"


def test_caption_is_isolated_with_its_credit():
    segments = segment(SEED)
    caption = _by_title(segments)["12月20日拍摄的四川省达州市宣汉县巴山大峡谷景区的十八道弯盘山公路"]
    assert caption.byline == "刘辉摄 (中经视觉)"
    assert len(caption.paragraphs) == 1
    assert caption.body().endswith("成为山区群众的致富路和幸福路。")
    for other in segments:
        if other is not caption:
            assert "盘山公路" not in other.body() and "刘辉摄" not in other.body()


def test_subheads_become_sections():
    bci = _by_title(segment(SEED))["脑机接口发展进入快车道"]
    sections = []
    for p in bci.paragraphs:
        if p.section not in sections:
            sections.append(p.section)
    assert sections == ["", "发挥标准先导作用", "推动科技成果转化", "加快构建产业生态"]
    assert "发挥标准先导作用" not in bci.body()


LEAD = "据县教育局今天上午发布的消息，全县今年共投入两亿元，新建学校五所，可容纳学生八千人。"


def test_a_short_line_under_the_headline_is_text_not_a_subhead():
    # OCR wrapped the lead's first line after a few words; before any text it cannot head a section.
    pieces = segment(f"青山县新建学校五所\n\n今年在城区和各乡镇\n一共新建学校五所，总投资两亿元。\n{LEAD}")
    [piece] = pieces
    assert piece.title == "青山县新建学校五所"
    assert piece.body().startswith("今年在城区和各乡镇一共新建学校五所")
    assert all(p.section == "" for p in piece.paragraphs)


def test_a_short_line_finishing_an_open_sentence_joins_it():
    text = (f"青山县新建学校五所\n\n{LEAD}\n县教育局表示，新建的五所学校将在今年九月开学以前全部交付使用，并同步\n"
            f"配齐教师和校车\n，确保学生按时入学。\n{LEAD}")
    [piece] = segment(text)
    assert "并同步配齐教师和校车，确保学生按时入学。" in piece.body()
    assert all(p.section == "" for p in piece.paragraphs)


def test_a_subhead_after_a_finished_paragraph_still_heads_its_section():
    [piece] = segment(f"青山县新建学校五所\n\n{LEAD}\n加快配齐师资\n{LEAD}")
    assert [p.section for p in piece.paragraphs] == ["", "加快配齐师资"]


def test_a_subhead_without_text_of_its_own_is_kept_as_text():
    # Two sub-head-shaped lines in a row, and one at the very end: only a line followed by text
    # can head it; the others are kept as lines of text rather than dropped.
    [piece] = segment(f"青山县新建学校五所\n\n{LEAD}\n第一部分\n加快配齐师资\n{LEAD}\n下一步工作安排")
    assert [(p.text, p.section) for p in piece.paragraphs] == [
        (LEAD, ""), ("第一部分", ""), (LEAD, "加快配齐师资"), ("下一步工作安排", "加快配齐师资")]


def test_ocr_line_breaks_are_joined_mid_sentence():
    custody = _by_title(segment(SEED))["商业银行托管业务迎来监管新规"].body()
    assert "禁止性行为,主要包括禁止承担托管产品财产的信用风险" in custody
    assert "依法维护财产权利,有助于推动托管业务高质量发展。" in custody
    bci = _by_title(segment(SEED))["脑机接口发展进入快车道"].body()
    assert "在刚刚结束的十五运会上" in bci


def test_stray_column_fragment_is_moved_back_into_its_article():
    custody = _by_title(segment(SEED))["商业银行托管业务迎来监管新规"].body()
    # The OCR put this fragment after the Heihe article; it continues "…数据保护" / "…强化托" + "管业务".
    assert "宣传营销、数据保护等方面分别提出具体规范。监管部门应当强化持续监管措施" in custody
    assert "商业银行要不断强化托管业务的内部管理。一是建立健全风险管理体系。" in custody


def test_block_shapes():
    assert classify("本报记者 王宝会", False).kind == "byline"
    assert classify("刘辉摄", False).kind == "credit"
    assert classify("(中经视觉)", False).kind == "credit"
    assert classify("明确基本规则,细化管理标准——", False).kind == "kicker"
    assert classify("发挥标准先导作用", False).kind == "short"
    assert classify("在刚刚结束的", False).kind == "body"  # ends in a particle: a broken line, not a heading
    assert classify("## 小标题", True).kind == "heading"
    assert is_dangling("为培育产业集群,") and is_dangling("禁止性行为,主")
    assert not is_dangling("补贴。") and not is_dangling("“好!”")


def test_plain_document_with_title_line():
    segments = segment("标题在这里\n\n第一段的正文内容比较长,说了一件事情。\n第二段继续说。")
    assert len(segments) == 1
    assert segments[0].title == "标题在这里"
    assert segments[0].body() == "第一段的正文内容比较长,说了一件事情。\n第二段继续说。"


def test_headless_text_gets_title_from_first_clause():
    segments = segment("市场监管总局近期印发《某某措施》,提出一系列举措。其他内容。")
    assert segments[0].title == "市场监管总局近期印发《某某措施》"


def test_markdown_headings_split_articles_and_sections():
    text = "# First\n\nIntro sentence here.\n\n## Part\n\nBody of part.\n\n# Second\n\nOther text."
    segments = segment(text, markdown=True)
    assert [s.title for s in segments] == ["First", "Second"]
    assert [p.section for p in segments[0].paragraphs] == ["", "Part"]


def test_english_hard_wrapped_lines_join_with_a_space():
    segments = segment("The committee met on Monday and\nagreed on the budget.", title="T", single=True)
    assert segments[0].body() == "The committee met on Monday and agreed on the budget."


def test_single_record_is_never_split():
    text = SEED
    segments = segment(text, title="whole page", single=True)
    assert len(segments) == 1 and segments[0].title == "whole page"


HEADLINE_CASES = [
    # (document, title, body): a Latin first line longer than SHORT_MAX is still the headline
    ("Northfield opens new hospital wing\n\nThe Northfield General Hospital opened its wing. It has 120 beds.",
     "Northfield opens new hospital wing", "The Northfield General Hospital opened its wing. It has 120 beds."),
    ("Northfield opens new hospital wing\nThe Northfield General Hospital opened its wing.",
     "Northfield opens new hospital wing", "The Northfield General Hospital opened its wing."),
    ("Villaverde inaugura un nuevo centro de salud\n\n\"Por fin\", dijo el alcalde. El centro abrió.",
     "Villaverde inaugura un nuevo centro de salud", "\"Por fin\", dijo el alcalde. El centro abrió."),
    # a wrapped first line of prose runs on into a lower-case word: no headline, titled by its first words
    ("The city council voted on Tuesday to approve\nthe budget for the library. It passed.",
     "The city council voted on Tuesday to ap…", "The city council voted on Tuesday to approve the budget for the "
     "library. It passed."),
    # a first sentence, not a headline
    ("The wing opened on Monday.\nIt has 120 beds and a second emergency department.",
     "The wing opened on Monday.", "The wing opened on Monday.\nIt has 120 beds and a second emergency department."),
]


@pytest.mark.parametrize("text, title, body", HEADLINE_CASES)
def test_latin_first_line_headline_is_the_title(text, title, body):
    [piece] = segment(text)
    assert (piece.title, piece.body()) == (title, body)
