"""qa.evaluate.metrics on hand-made items; every expected value is worked out by hand in the comment beside it."""

import pytest

from qa.answer.citations import is_refusal
from qa.evaluate.metrics import (contains_any, exact_match, f1, finest_evidence, latency, matches_evidence,
                                 percentile, score_item, strip_citations, summarize, summarize_by_tag, total_usage)
from qa.text.tokens import answer_tokens, normalize_answer

SOURCE = "/data/seeds/000_59cfcece24790523.txt"
STEM = "000_59cfcece24790523"
TITLE = "构建高效跨境物流网络"


# -- normalisation --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("２０３０年", "2030年"),  # full-width digits fold to half-width
    ("《计量促进民营经济发展壮大若干措施》", "计量促进民营经济发展壮大若干措施"),  # book-title marks are punctuation
    ("郑 杨", "郑杨"),  # spaces go
    ("“1210进口”查验线。", "1210进口查验线"),  # curly quotes and the full stop go
    ("ＯＺＯＮ、ＷＢ", "ozonwb"),  # full-width Latin folds, lower-cased, enumeration comma goes
    ("The Ministry, of Industry!", "ministryofindustry"),  # English article dropped
    ("98.8%", "988"),  # symbols and the decimal point are punctuation on both sides alike
])
def test_normalize_folds_width_and_drops_punctuation_spaces_articles(text, expected):
    assert normalize_answer(text) == expected


def test_tokens_are_chinese_characters_and_whole_words_and_numbers():
    assert answer_tokens("可创造1000个就业岗位") == ["可", "创", "造", "1000", "个", "就", "业", "岗", "位"]
    assert answer_tokens("The OZON and WB platforms") == ["ozon", "and", "wb", "platforms"]


def test_citation_marks_are_not_answer_digits():
    assert strip_citations("签约率达98%[1],计划明年1月开业[2][3]。[1, 2]") == "签约率达98%,计划明年1月开业。"


# -- answer metrics -------------------------------------------------------------------------------
def test_exact_match_after_normalisation_any_gold_counts():
    assert exact_match("２０３０年。[1]", ["至2030年", "2030年"]) == 1.0
    assert exact_match("至2030年构建产业生态", ["2030年"]) == 0.0


def test_contains_any_gold():
    assert contains_any("明确至２０３０年构建具有国际竞争力的产业生态[1]", ["2030年"]) == 1.0
    assert contains_any("明确至2031年", ["2030年", "2030"]) == 0.0
    # "[1]" must not make "1" appear in the answer
    assert contains_any("计划明年开业[1]", ["1"]) == 0.0


def test_f1_is_character_level_for_chinese():
    # pred 7 chars, gold 5, all 5 shared: P = 5/7, R = 1, F1 = 2PR/(P+R) = 10/12
    assert f1("巴山大峡谷景区", ["巴山大峡谷"]) == pytest.approx(10 / 12)
    # 7 vs 七: {部, 门} shared of 3 each: P = R = 2/3
    assert f1("7部门", ["七部门"]) == pytest.approx(2 / 3)
    # the best gold wins
    assert f1("7部门", ["七部门", "7部门"]) == 1.0
    assert f1("没有关系", ["巴山"]) == 0.0


def test_f1_is_token_level_for_english_and_keeps_numbers_whole():
    # pred [ozon, and, wb, platforms], gold [ozon, wb]: P = 2/4, R = 1, F1 = 2/3
    assert f1("The OZON and WB platforms", ["OZON, WB"]) == pytest.approx(2 / 3)
    # [1000, 个] vs [1000]: P = 1/2, R = 1, F1 = 2/3; "100" shares nothing with "1000"
    assert f1("1000个", ["1000"]) == pytest.approx(2 / 3)
    assert f1("100个", ["1000"]) == 0.0


def test_refusal_phrase_is_detected_in_any_form():
    # The evaluator's rule (qa.answer.citations.is_refusal, loose=False): the sentence itself, in any form.
    assert is_refusal("文章中没有提到这个问题的答案", loose=False)
    assert is_refusal("Sorry: the articles don’t say", loose=False)  # a curly apostrophe is punctuation too
    assert is_refusal("the articles dont say.", loose=False)
    assert not is_refusal("2030年[1]", loose=False)
    # An article's own words quoted as an answer are an answer to the evaluator, a refusal in a model's reply.
    assert not is_refusal("文中未提到具体的数字。", loose=False) and is_refusal("文中未提到具体的数字。")
    assert not is_refusal("", loose=False) and is_refusal("")


# -- evidence ---------------------------------------------------------------------------------------
def test_evidence_matches_stem_title_or_snippet():
    text = "黑河自贸片区现已成功引入OZON、WB等俄罗斯头部电商平台。"
    assert matches_evidence([STEM], SOURCE, TITLE, text)
    assert matches_evidence(["000_59cfcece24790523.txt"], SOURCE, TITLE, text)
    assert matches_evidence(["构建高效跨境物流网络"], SOURCE, TITLE, text)
    assert matches_evidence(["引入ＯＺＯＮ、ＷＢ等"], SOURCE, TITLE, text)  # snippet, width-folded
    assert not matches_evidence(["二公河园区"], SOURCE, TITLE, text)
    assert not matches_evidence([], SOURCE, TITLE, text)


def test_finest_evidence_prefers_snippet_then_title_then_source():
    evidence = [STEM, TITLE, "管委会副主任张其军介绍"]
    assert finest_evidence(evidence, [SOURCE], [TITLE]) == ("snippet", ["管委会副主任张其军介绍"])
    assert finest_evidence([STEM, TITLE], [SOURCE], [TITLE]) == ("title", [TITLE])
    assert finest_evidence([STEM], [SOURCE], [TITLE]) == ("source", [STEM])
    assert finest_evidence(evidence) == ("any", evidence)  # no collection known: match any


def _p(text, title=TITLE, source=SOURCE):
    return {"source": source, "title": title, "text": text}


def test_one_file_collection_is_scored_at_passage_level():
    """With the file stem in the evidence, every passage would match; the snippet decides."""
    gold = {"answers": ["张其军"], "unanswerable": False, "evidence": [STEM, TITLE, "管委会副主任张其军介绍"]}
    passages = [_p("黑河自贸片区引入电商平台。"), _p("管委会副主任张其军介绍,物流效率提升。")]
    scored = score_item(gold, "张其军[1]", False, [passages[0]], passages, k=5, sources=[SOURCE], titles=[TITLE])
    assert scored["evidence_level"] == "snippet" and scored["evidence_rank"] == 2 and scored["answer_rank"] == 2
    assert scored["good_citations"] == 0  # the cited passage has neither the snippet nor the answer
    loose = score_item(gold, "张其军[1]", False, [passages[0]], passages, k=5)
    assert loose["evidence_rank"] == 1 and loose["good_citations"] == 1


def test_rank_beyond_k_is_a_miss():
    gold = {"answers": ["x"], "unanswerable": False, "evidence": ["目标片段"]}
    passages = [_p("无关"), _p("无关二"), _p("含有目标片段")]
    assert score_item(gold, "x", False, [], passages, k=2)["evidence_rank"] is None
    assert score_item(gold, "x", False, [], passages, k=3)["evidence_rank"] == 3


# -- aggregation ----------------------------------------------------------------------------------
ANSWERABLE = {"answers": ["2030年"], "unanswerable": False, "evidence": ["至2030年构建"]}
UNANSWERABLE = {"answers": [], "unanswerable": True, "evidence": []}
GOOD = _p("明确至2030年构建具有国际竞争力的产业生态。")
OTHER = _p("北京市市场监督管理局等4部门印发行动方案。")


def _item(gold, answer, refused, cited, passages, tags=(), timings=None):
    return {"gold": {**gold, "tags": list(tags)}, "metrics": score_item(gold, answer, refused, cited, passages, k=3),
            "timings": timings or {}}


def _six_items():
    return [
        # 1: right answer, evidence at rank 1, cites the good passage and a bad one
        _item(ANSWERABLE, "至2030年[1][2]", False, [GOOD, OTHER], [GOOD, OTHER], tags=["date"]),
        # 2: right answer, evidence at rank 2, cites the bad passage only
        _item(ANSWERABLE, "2030年[1]", False, [OTHER], [OTHER, GOOD], tags=["date", "en"]),
        # 3: wrong answer, evidence not retrieved, no citation
        _item(ANSWERABLE, "2025年", False, [], [OTHER, OTHER]),
        # 4: answerable but refused (evidence at rank 3)
        _item(ANSWERABLE, "文章中没有提到这个问题的答案。", True, [], [OTHER, OTHER, GOOD]),
        # 5: unanswerable, refused (correct)
        _item(UNANSWERABLE, "The articles don't say.", True, [], [OTHER], tags=["en"]),
        # 6: unanswerable, answered anyway with a citation
        _item(UNANSWERABLE, "4部门[1]", False, [OTHER], [OTHER], tags=["en"]),
    ]


def test_summary_values_worked_out_by_hand():
    s = summarize(_six_items())
    assert (s["items"], s["answerable"], s["unanswerable"]) == (6, 4, 2)
    # correct: items 1, 2 (contain 2030年, not refused) and 5 (refused unanswerable) = 3 of 6
    assert s["accuracy"] == 0.5
    # over the 4 answerable: EM only item 2 ("2030年"); contains items 1, 2
    assert s["exact_match"] == 0.25 and s["contains"] == 0.5
    # F1: item1 [至,2030,年] vs [2030,年] = 2*(2/3*1)/(2/3+1) = 0.8; item2 = 1; item3 [2025,年] vs [2030,年] = 0.5; item4 = 0
    assert s["f1"] == pytest.approx((0.8 + 1 + 0.5 + 0) / 4, abs=1e-4)
    # evidence ranks over answerable: 1, 2, none, 3 (k = 3)
    assert s["hit@1"] == 0.25 and s["hit@k"] == 0.75
    assert s["mrr@k"] == pytest.approx((1 + 1 / 2 + 0 + 1 / 3) / 4, abs=1e-4)
    # answer in a retrieved passage: items 1, 2, 4 of 4
    assert s["answer_hit@k"] == 0.75
    # citations of non-refused answers: item1 GOOD+OTHER, item2 OTHER, item6 OTHER: 1 good of 4
    assert s["citation_precision"] == 0.25
    # correct answers 1 and 2; only item 1 cites a good passage
    assert s["citation_recall"] == 0.5
    # non-refused answers: 1, 2, 3, 6; item 3 has no citation
    assert s["uncited"] == 1 and s["uncited_rate"] == 0.25
    # refusals: items 4 (answerable) and 5 (unanswerable)
    assert s["refusal_precision"] == 0.5 and s["refusal_recall"] == 0.5
    assert s["false_refusal_rate"] == 0.25


def test_summary_by_tag():
    by_tag = summarize_by_tag(_six_items())
    assert sorted(by_tag) == ["date", "en"]
    assert by_tag["date"]["items"] == 2 and by_tag["date"]["accuracy"] == 1.0
    # en: item 2 (correct), 5 (correct refusal), 6 (answered an unanswerable one)
    assert by_tag["en"]["items"] == 3 and by_tag["en"]["accuracy"] == pytest.approx(0.6667)
    assert by_tag["en"]["refusal_recall"] == 0.5 and by_tag["en"]["refusal_precision"] == 1.0


def test_undefined_rates_are_none_not_zero():
    s = summarize([_item(ANSWERABLE, "2030年[1]", False, [GOOD], [GOOD])])
    assert s["refusal_precision"] is None and s["refusal_recall"] is None
    assert s["false_refusal_rate"] == 0.0


def test_percentile_interpolates_between_ranks():
    assert percentile([40, 10, 30, 20], 50) == 25.0
    assert percentile([10, 20, 30, 40], 95) == 38.5  # position 3 * 0.95 = 2.85: 30 + 0.85 * 10
    assert percentile([7], 95) == 7 and percentile([], 50) is None


def test_latency_per_stage_ignores_non_time_fields():
    lat = latency([{"retrieve_ms": 10, "total_ms": 12, "llm_attempts": 1},
                   {"retrieve_ms": 30, "total_ms": 40, "first_token_ms": None}])
    assert lat == {"retrieve_ms": {"p50": 20.0, "p95": 29.0}, "total_ms": {"p50": 26.0, "p95": 38.6}}


def test_usage_sums_tokens_and_separates_cached_items():
    usage = total_usage([{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
                         {"prompt_tokens": 50, "completion_tokens": 10, "total_tokens": 60, "cost": 0.002},
                         None], [False, True, False])
    assert usage == {"items_with_usage": 2, "prompt_tokens": 150, "completion_tokens": 30, "total_tokens": 180,
                     "spent_tokens": 120, "cost": 0.002}
    assert total_usage([None, None], [False, False]) == {}


def test_judge_scores_are_averaged_beside_string_metrics():
    items = _six_items()[:2]
    items[0]["judge"] = {"faithfulness": 1.0, "correctness": 0.5}
    items[1]["judge"] = {"error": "endpoint down"}
    s = summarize(items)
    assert s["judge_faithfulness"] == 1.0 and s["judge_correctness"] == 0.5
    assert s["contains"] == 1.0


# -- short answers: CMRC 2018's span scoring ---------------------------------------------------------
SHORT_SCORES = [
    # (short answer, gold answers, exact match, F1 over the longest common subsequence)
    ("1000个", ["1000个"], 1.0, 1.0),
    ("2027年", ["2027年1月", "明年"], 0.0, 0.6667),  # tokens 2027 年 of 2027 年 1 月: p 1, r 0.5
    ("９８％", ["98%"], 1.0, 1.0),  # folded, the % dropped as punctuation
    ("月年", ["年月"], 0.0, 0.5),  # order counts in a span (the bag-of-tokens F1 would give 1)
    ("踢爆", ["泡封"], 0.0, 0.0),
]


@pytest.mark.parametrize("short, golds, em, span_f1", SHORT_SCORES)
def test_short_answer_scored_as_cmrc_scores_a_span(short, golds, em, span_f1):
    assert exact_match(short, golds) == em
    assert f1(short, golds, contiguous=True) == pytest.approx(span_f1, abs=1e-4)


def test_short_answer_rates_are_over_the_answers_that_give_one():
    gold = {"answers": ["1000个"], "unanswerable": False, "evidence": []}
    with_short = score_item(gold, "可创造1000个就业岗位。[1]", False, [], [], 5, short="1000个")
    without = score_item(gold, "可创造1000个就业岗位。[1]", False, [], [], 5, short=None)
    refused = score_item(gold, "没有", True, [], [], 5, short=None)
    summary = summarize([{"metrics": m} for m in (with_short, without, refused)])
    assert (summary["short_exact_match"], summary["short_f1"], summary["short_rate"]) == (1.0, 1.0, 0.5)
