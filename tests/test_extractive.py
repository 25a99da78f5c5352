"""The extractive answerer: question types, sentence choice, citations, support and refusal."""

from __future__ import annotations

import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import FrozenInstanceError, replace

import pytest

from qa.answer.anaphora import leans_back
from qa.answer.extractive import answer_extractive, rank_passages
from qa.answer.short import short_answer
from qa.answer.windows import analyse, candidate_windows
from qa.answer.params import DEFAULTS, FEATURES, weigh
from qa.text.questions import has_answer_type, question_terms, question_type
from qa.prompts import refusal_phrase
from qa.text import lexicon
from qa.types import Hit


def hit(text: str, title: str = "", n: int = 0, dense: float = 0.8) -> Hit:
    return Hit(chunk_id=f"doc-{n}:0", text=text, score=1.0 / (n + 1), source=f"doc{n}.txt", title=title,
               article_id=f"doc-{n}", rank=n + 1, dense=dense)


HUAQIANG = hit("华强广场位于新华区中心地段。项目总投资约20亿元，建筑面积12万平方米。"
               "项目建成后可创造1000个就业岗位。今年9月，项目正式开业迎客。", title="华强广场开业")
HEIHE = hit("黑河国欧物流仓储中心于去年投入使用。中心每年处理跨境包裹300万件。", title="构建高效跨境物流网络", n=1)


@pytest.mark.parametrize("question, wants, measure", [
    ("华强广场项目可以创造多少个就业岗位？", "number", ""),
    ("工信部等几个部门联合印发了实施意见？", "number", ""),
    ("有多少家企业登台亮相？", "number", "家"),
    ("北京智冉医疗是哪一年成立的？", "year", ""),
    ("海珠区是在哪个月启动建设的？", "month", ""),
    ("华强广场项目的总经理叫什么名字？", "person", ""),
    ("每年接待游客多少万人次？", "number", "人次"),
    ("项目何时开业？", "time", ""),
    ("槌球流行于哪个年代？", "time", ""),
    ("为什么槌球在十九世纪六十年代如此流行？", "reason", ""),  # a stated decade is no time asked
    ("他在1960年代做了什么？", "", ""),
    ("实验室的常务副主任是谁？", "person", ""),
    ("“脑智天地”集聚区建在哪里？", "place", ""),
    ("为什么称猴面包树为笨蛋水果？", "reason", ""),
    ("黄独的英文名是什么？", "name", ""),
    ("How many jobs will the project create?", "number", ""),
    ("When was the company founded?", "time", ""),
    ("上海培育脑机接口产业的行动方案把什么作为核心场景？", "", ""),
])
def test_question_types(question, wants, measure):
    assert question_type(question) == (wants, measure)


def test_answer_type_must_be_new_to_the_question():
    assert has_answer_type("可创造1000个就业岗位", "number", "个", "可以创造多少个就业岗位？")
    assert not has_answer_type("可创造就业岗位", "number", "个", "可以创造多少个就业岗位？")
    assert not has_answer_type("AGG01是一种蛋白质", "number", "", "体重是多少？")  # a code, not a quantity
    assert has_answer_type("成立于2022年", "year", "", "哪一年成立的？")
    assert not has_answer_type("12月20日拍摄", "year", "", "哪一年建成通车的？")  # a date, but no year
    assert not has_answer_type("2022年成立", "year", "", "2022年成立的公司是哪家？")  # the question's own year
    assert has_answer_type("接待游客1200万人次", "number", "人次", "接待游客多少万人次？")
    assert not has_answer_type("新增床位", "number", "张", "有多少张床位？")
    # no measure asked: one of something is no count (每一件), but any other figure is
    assert not has_answer_type("核对每一件货品信息", "number", "", "创造了多少个就业岗位？")
    assert has_answer_type("可创造一百个岗位", "number", "", "创造了多少个就业岗位？")
    assert has_answer_type("员工3000人", "number", "", "公司有多少员工？")
    assert has_answer_type("有效期二十年", "number", "", "有效期是多长时间？")
    assert has_answer_type("第二位皇后", "number", "", "第几位皇后？")
    assert has_answer_type("只有一张", "number", "张", "有多少张床位？")  # the asked measure: 一 may be the count


def test_question_terms_drop_question_words_and_particles():
    terms = question_terms("什么是黄独？")
    assert terms == ["黄独"]  # not 什么, and no 是黄 across the particle
    assert "creat" in question_terms("How many jobs will the project create?")
    assert "how" not in question_terms("How many jobs will the project create?")


def test_picks_the_sentence_that_answers_with_a_citation():
    a = answer_extractive("华强广场项目可以创造多少个就业岗位？", [HUAQIANG, HEIHE], threshold=0.25)
    assert not a.refused and a.mode == "extractive"
    assert a.answer.startswith("项目建成后可创造1000个就业岗位。[1]")
    first = a.citations[0]
    assert first.n == 1 and first.chunk_id == HUAQIANG.chunk_id and first.quote in first.text
    assert first.title == "华强广场开业" and first.source == "doc0.txt"
    assert 0.25 <= a.support <= 1.0
    for c in a.citations:  # every [n] in the answer has its citation, and back
        assert f"[{c.n}]" in a.answer


def test_the_question_type_decides_between_sentences():
    q_year = "黑河国欧物流仓储中心每年处理多少万件跨境包裹？"
    a = answer_extractive(q_year, [HUAQIANG, HEIHE], threshold=0.25)
    assert "中心每年处理跨境包裹300万件。[1]" in a.answer and a.citations[0].chunk_id == HEIHE.chunk_id


def test_collection_idf_weights_rare_words():
    # With collection IDF, the rare word 开业 outweighs the common 项目: the opening sentence wins.
    q = "项目什么时候开业？"
    idf = lambda terms: [5.0 if t == "开业" else 0.1 for t in terms]  # noqa: E731
    a = answer_extractive(q, [HUAQIANG], threshold=0.0, idf=idf)
    assert "今年9月，项目正式开业迎客。" in a.citations[0].quote


def test_refuses_below_the_threshold_and_exposes_the_support():
    q = "华强广场的总经理叫什么名字？"
    low = answer_extractive(q, [HUAQIANG], threshold=0.0)
    assert not low.refused
    high = answer_extractive(q, [HUAQIANG], threshold=low.support + 0.01)
    assert high.refused and high.citations == [] and high.answer == refusal_phrase("zh")
    assert high.support == low.support
    unrelated = answer_extractive("月球背面的环形山叫什么名字？", [HUAQIANG, HEIHE], threshold=0.25)
    assert unrelated.refused and unrelated.support < 0.25
    nothing = answer_extractive("华强广场有多少个就业岗位？", [], threshold=0.25)
    assert nothing.refused and nothing.support == 0.0
    english = answer_extractive("What is the capital of France?", [], threshold=0.25)
    assert english.refused and english.answer == refusal_phrase("en")
    spanish = answer_extractive("¿Cuál es la capital de Francia?", [], threshold=0.25)
    assert spanish.refused and spanish.answer == refusal_phrase("es") != refusal_phrase("en")


def test_shorter_quote_wins_a_tie():
    h = hit("北京是中国的首都，也是全国的政治中心和文化中心之一。北京是中国的首都。")
    h.start = 120  # not the article's opening sentence, which scores a little higher
    a = answer_extractive("北京是中国的首都吗", [h], threshold=0.0)
    assert a.citations[0].quote == "北京是中国的首都。"


def test_close_runner_up_is_quoted_too_and_never_twice():
    a = hit("新华区上半年生产总值340.4亿元。", title="新华区经济", n=0)
    b = hit("新华区上半年生产总值340.4亿元。", title="新华区经济", n=1)  # the same sentence in an overlapping chunk
    c = hit("新华区今年上半年生产总值增长5.6%。", title="新华区经济", n=2)
    ans = answer_extractive("新华区上半年生产总值是多少？", [a, b, c], threshold=0.0)
    quotes = [x.quote for x in ans.citations]
    assert len(quotes) == len(set(quotes)) and 1 <= len(quotes) <= 3
    assert quotes[0] == "新华区上半年生产总值340.4亿元。"


def test_cross_script_questions_use_dense_similarity():
    sims = {"项目建成后可创造1000个就业岗位。": 0.84}

    def similarity(texts):  # a stand-in for the embedder: a similarity per sentence
        return [sims.get(t, 0.72) for t in texts]

    q = "How many jobs will the Huaqiang Plaza project create?"
    a = answer_extractive(q, [HUAQIANG], threshold=0.25, similarity=similarity)
    assert not a.refused and a.citations[0].quote == "项目建成后可创造1000个就业岗位。"
    sims.clear()  # every sentence as far as the embedder goes, and none says the question's words
    far = answer_extractive("How many visitors did the museum attract last winter?", [HUAQIANG], threshold=0.25,
                            similarity=similarity)
    assert far.refused and far.answer == refusal_phrase("en")


def test_windows_expose_their_features():
    q = analyse("华强广场项目可以创造多少个就业岗位？", None)
    windows = candidate_windows(q, [HUAQIANG])
    best = max(windows, key=lambda w: w.score)
    assert best.features["cue"] == 1.0 and best.features["focus_corpus"] > 0.5
    assert any(w.features["pair"] for w in windows)


def test_window_scores_add_the_weighted_features_in_order():
    q = analyse("华强广场项目可以创造多少个就业岗位？", None)
    windows = candidate_windows(q, [HUAQIANG, HEIHE])
    w = DEFAULTS.weights
    for win in windows:
        f = win.values
        assert f._fields == FEATURES and win.score == weigh(f, w)
        # the sum as written before features had names, left to right: the same float, bit for bit
        assert win.score == (w.topic_in * f.topic_in + w.focus_corpus * f.focus_corpus + w.focus_local * f.focus_local
                             + w.focus_chars * f.focus_chars + w.focus_near * f.focus_near + w.cue * f.cue
                             + w.cue_missing * f.cue_missing + w.define * f.define + w.rank * f.rank
                             + w.dense_delta * f.dense_delta + w.pair * f.pair + w.log_chars * f.log_chars
                             + w.first * f.first + w.title * f.title)


def test_params_are_frozen_and_other_values_are_passed_in():
    with pytest.raises(FrozenInstanceError):
        DEFAULTS.max_quotes = 1
    with pytest.raises(TypeError):
        DEFAULTS.gap_factors["focus"] = 1.0
    with pytest.raises(TypeError):
        replace(DEFAULTS, weights={**DEFAULTS.weights._asdict(), "cue_mising": 0.0})  # a typo is an error
    with pytest.raises(ValueError):
        replace(DEFAULTS, gap_factors={"focs": 0.0})
    q = "华强广场项目可以创造多少个就业岗位？"
    shy = replace(DEFAULTS, weights=DEFAULTS.weights._replace(cue=-10.0))
    assert "1000个" in answer_extractive(q, [HUAQIANG, HEIHE], threshold=0.0).citations[0].quote
    assert "1000个" not in answer_extractive(q, [HUAQIANG, HEIHE], threshold=0.0, params=shy).citations[0].quote
    near_miss = "华强广场的总经理叫什么名字？"  # the page names no 经理: the focus gap refuses it
    assert answer_extractive(near_miss, [HUAQIANG], threshold=0.2).refused
    lenient = replace(DEFAULTS, gap_factors=dict.fromkeys(DEFAULTS.gap_factors, 1.0))
    assert not answer_extractive(near_miss, [HUAQIANG], threshold=0.2, params=lenient).refused
    assert DEFAULTS.gap_factors["focus"] == 0.0 and DEFAULTS.weights.cue == 0.88  # untouched


def test_threads_sharing_the_caches_get_the_single_threaded_answers():
    """`qa eval --concurrency` answers on a thread pool: the memo of analysed questions (more
    questions than it holds, so entries are evicted under the threads) and each question's
    sentence cache are shared, and every thread must get what one thread alone gets."""
    hits = [HUAQIANG, HEIHE, hit("新华区上半年生产总值340.4亿元，同比增长5.6%。", title="新华区经济", n=2),
            hit("北京是中国的首都，也是全国的政治中心和文化中心。", title="北京", n=3)]
    questions = ["华强广场项目可以创造多少个就业岗位？", "黑河国欧物流仓储中心每年处理多少万件跨境包裹？",
                 "项目什么时候开业？", "华强广场的总经理叫什么名字？", "新华区上半年生产总值是多少？",
                 "北京是中国的首都吗", "华强广场位于哪里？", "项目总投资是多少？", "建筑面积是多少平方米？",
                 "仓储中心何时投入使用？", "新华区生产总值增长了多少？", "全国的文化中心是哪里？",
                 "月球背面的环形山叫什么名字？", "What is the capital of France?"]

    def run(question: str):
        ranked = rank_passages(question, hits)
        a = answer_extractive(question, ranked, threshold=0.2)
        return [h.chunk_id for h in ranked], a.answer, a.refused, a.support, a.citations, a.gaps

    analyse.cache_clear()
    expected = {q: run(q) for q in questions}
    work = [q for _ in range(50) for q in questions]
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads as often as possible
    try:
        with ThreadPoolExecutor(max_workers=8) as pool:
            got = list(pool.map(run, work))
    finally:
        sys.setswitchinterval(old)
    assert got == [expected[q] for q in work]


def test_seed_page_answers_through_qa_ask(seed_settings):
    from qa.ask import ask

    a = ask("华强广场项目可以创造多少个就业岗位?", seed_settings, mode="extractive")
    assert not a.refused and "1000个" in a.answer and "1000" in a.citations[0].text
    en = ask("By which year does the national implementation opinion on the brain-computer interface industry "
             "aim to build an internationally competitive industrial ecosystem?", seed_settings, mode="extractive")
    assert en.refused or "2030" in en.answer


def test_an_amount_in_another_unit_than_the_counted_noun_is_still_the_answer(hash_store, hash_settings):
    """多少周边闲置物业 asks for an amount of property, not of weeks (周 starts 周边, which the sentence
    writes too); the page gives it as an area (48.6万平方米), in the sentence that repeats the
    question's words. It was refused at support 0.16 (issue 23)."""
    from qa.ask import ask
    from qa.store import Store

    assert has_answer_type("盘活周边闲置物业48.6万平方米", "number", "周", "盘活了多少周边闲置物业")
    assert not has_answer_type("工期为3个月", "number", "周", "工期是多少周")
    a = ask("湾里庙步行街盘活了多少周边闲置物业？", hash_settings, store=Store.open(hash_settings), mode="extractive")
    assert not a.refused and "48.6万平方米" in a.answer
    assert a.short_answer == "48.6万平方米"


HUAYANG = hit("华阳路街道办事处于1956年成立，隶属于长宁区。", title="华阳路街道", n=2)
COLLECTION = [HUAYANG.text, "长宁区位于上海市中心城区西部。", "街道办事处是区政府的派出机关。"]


def collection_idf(texts: list[str]):
    """terms -> BM25 IDF over `texts`, as the keyword index computes it over its chunks."""
    import math

    from qa.text.tokens import tokenize

    docs = [set(tokenize(t, "bigram")) for t in texts]
    return lambda terms: [math.log(1 + (len(docs) - d + 0.5) / (d + 0.5))
                          for d in (sum(t in doc for doc in docs) for t in terms)]


# 路街 and 道办 cross dictionary words of the name (华阳|路|街道|办事处) in every row: seams
@pytest.mark.parametrize("question, seams", [
    # 处成 and 立于 join words the collection writes (办事处, 成立; 成立, 于): seams
    ("华阳路街道办事处成立于哪一年？", {"路街", "道办", "处成", "立于"}),
    # 撤销 is a word the collection lacks: its neighbours 处撤 and 销于 are missing too, so no seams
    ("华阳路街道办事处撤销于哪一年？", {"路街", "道办"}),
    ("华阳路街道办事处是哪一年成立的？", {"路街", "道办"}),  # cut at the question words: nothing else crosses a word
])
def test_seams_are_absent_bigrams_between_words_the_collection_writes(question, seams):
    q = analyse(question, collection_idf(COLLECTION))
    assert {q.terms[i] for i, _ in q.seams} == seams


DELTA = [hit("多瑙河三角洲于1991年被列为世界遗产。", title="多瑙河", n=2).text, "这座城市在欧洲的地位很高。",
         "该地区是茶叶的产地。"]


@pytest.mark.parametrize("question, seams", [
    # 遗产|地位: 产地 straddles two dictionary words, though a passage holds it (茶叶的产地): a seam;
    # 得世 is none: its neighbour 获得 is a word the collection lacks
    ("三角洲何时获得世界遗产地位？", {"产地", "界遗"}),
    ("茶叶的产地在哪里？", {"地在"}),  # 产地 a word of its own here, 地在 across it and 在
])
def test_a_bigram_across_two_dictionary_words_is_a_seam(question, seams):
    q = analyse(question, collection_idf(DELTA))
    assert {q.terms[i] for i, _ in q.seams} == seams


def test_a_seam_the_quote_holds_counts_once():
    # the quote holds 遗产地位 whole (so the seams 产地 and 界遗 as written), not 获得: the seams
    # count as the terms they are, with no credit on top for their neighbours
    idf = collection_idf(DELTA)
    quote = hit("三角洲的世界遗产地位于1991年确立。", title="多瑙河")
    a, b = (answer_extractive("三角洲何时获得世界遗产地位？", [quote], threshold=0.0, idf=idf, params=p)
            for p in (DEFAULTS, replace(DEFAULTS, seam_credit=0.0)))
    assert a.support == b.support < 1.0


def test_a_seam_counts_as_covered_with_its_neighbours_and_a_missing_word_does_not():
    idf = collection_idf(COLLECTION)
    without = replace(DEFAULTS, seam_credit=0.0)
    paraphrase = "华阳路街道办事处成立于哪一年？"
    a, b = (answer_extractive(paraphrase, [HUAYANG], threshold=0.25, idf=idf, params=p) for p in (DEFAULTS, without))
    assert a.support == 1.0 and b.support < 0.75 and "1956年成立" in a.answer
    near_miss = "华阳路街道办事处撤销于哪一年？"
    a, b = (answer_extractive(near_miss, [HUAYANG], threshold=0.25, idf=idf, params=p) for p in (DEFAULTS, without))
    assert a.support == b.support and a.refused


MEKONG = hit("孔瀑布的急流使法国探险者无法沿湄公河驶入中国。", title="湄公河", n=2)
RIVERS = [MEKONG.text, "法国是欧洲国家。", "湄公河流经六个国家。"]


@pytest.mark.parametrize("question, collection, joints", [
    # 阻止 is missing from the collection, so 止了 and 了法 beside it are no seams: joints of 阻止 and 法国
    ("什么阻止了法国探险者？", RIVERS, {"止了", "了法"}),
    # 撤销 is missing: 处撤 (办事处|撤销) and 销于 (撤销|于) are joints
    ("华阳路街道办事处撤销于哪一年？", COLLECTION, {"处撤", "销于"}),
    ("华阳路街道办事处成立于哪一年？", COLLECTION, set()),  # every bigram across a word is a seam
    # a name the dictionary lacks is cut into characters: its bigrams have no word beside them
    ("岬太郎踢什么位置？", ["岬太郎是足球运动员。"], set()),
])
def test_joints_are_absent_bigrams_across_the_cut_beside_a_missing_word(question, collection, joints):
    q = analyse(question, collection_idf(collection))
    assert {q.terms[i] for i, _ in q.joints} == joints


def test_a_joint_counts_with_its_neighbours_where_no_gap_is_found():
    idf = collection_idf(RIVERS)
    joints_only = replace(DEFAULTS, plain_credit=0.0, letter_credit=0.0, cjk_plain_share=1.0)  # coverage read as it is
    without = replace(joints_only, joint_credit=0.0)
    paraphrase = "是什么阻止了法国探险者把湄公河当作进入中国的通道？"  # 阻止, 当作, 通道: the passage words them otherwise
    a, b = (answer_extractive(paraphrase, [MEKONG], threshold=0.25, idf=idf, params=p) for p in (joints_only, without))
    assert not a.refused and a.gaps == [] and b.refused and a.support > b.support
    # the near miss's window holds 办事处 beside the joint 处撤, but the event 撤销 is a gap: no credit
    idf = collection_idf(COLLECTION)
    near_miss = "华阳路街道办事处撤销于哪一年？"
    window = max(candidate_windows(analyse(near_miss, idf), [HUAYANG]), key=lambda w: w.score)
    assert window.support_parts.value() > window.support_parts.value(literal=True)
    a, b = (answer_extractive(near_miss, [HUAYANG], threshold=0.25, idf=idf, params=p) for p in (DEFAULTS, without))
    assert a.support == b.support and a.refused and [g["kind"] for g in a.gaps] == ["event"]


PLATYPUS = hit("鸭嘴兽的学名得名于它扁平的嘴。", title="鸭嘴兽", n=2)
MONOTREMES = [PLATYPUS.text, "鸭嘴兽生活在澳大利亚。", "针鼹也会产卵。"]


@pytest.mark.parametrize("question, collection, plain", [
    # 名称 and 来源(于) are plain words no passage holds; 称来 joins them (a joint, not counted twice)
    ("鸭嘴兽这个名称来源于什么？", MONOTREMES, {"名称", "来源", "源于"}),
    ("墨西哥的首都是哪里？", ["巴西的首都是巴西利亚。"], set()),  # 墨西哥 is a name: its missing terms count in full
    ("鸭嘴兽生活在哪里？", MONOTREMES, set()),  # nothing absent
])
def test_plain_absent_terms_are_those_inside_dictionary_words_that_are_no_names(question, collection, plain):
    q = analyse(question, collection_idf(collection))
    assert {t for i, t in enumerate(q.terms) if q.plain >> i & 1} == plain


def test_a_plain_word_the_collection_lacks_counts_as_far_as_the_rest_of_the_question_is_held():
    idf = collection_idf(MONOTREMES)
    question = "鸭嘴兽这个名称来源于什么？"  # the passage says 学名得名于
    a, b = (answer_extractive(question, [PLATYPUS], threshold=0.25, idf=idf, params=p)
            for p in (DEFAULTS, replace(DEFAULTS, plain_credit=0.0)))
    assert not a.refused and b.refused and "得名于" in a.answer
    # a window holding 鸭嘴 but not 嘴兽 gains part of it: a question's name alone earns little
    part = hit("鸭嘴的形状扁平。", n=1)
    gain = {}
    for passage in (PLATYPUS, part):
        w = max(candidate_windows(analyse(question, idf), [passage]), key=lambda w: w.score)
        gain[passage.text] = w.support_parts.value() - w.support_parts.value(literal=True)
    assert 0 < gain[part.text] < gain[PLATYPUS.text]


@pytest.mark.parametrize("passage", ["海梅·雷耶斯是DC漫画公司的一个虚拟人物。", "海梅·雷耶斯是 DC 漫画公司的一个虚拟人物。"])
def test_a_translations_spaces_do_not_hide_what_the_passage_names(passage):
    # The instance check wants a named 漫画公司: "DC漫画公司" names one, and so does "DC 漫画公司".
    a = answer_extractive("海梅·雷耶斯是哪家漫画公司的虚拟人物？", [hit(passage, title="海梅·雷耶斯")], threshold=0.25)
    assert not a.refused and a.gaps == [] and a.citations[0].quote == passage


def test_a_word_held_as_separate_characters_counts_half_unless_the_collection_lacks_it():
    bible = hit("狮子亨利手绘圣经是世界上目前最昂贵的书籍。", title="狮子亨利", n=3)
    # the collection lacking 最贵, its characters count only written in order in one phrase, a few apart
    scattered = hit("狮子亨利手绘圣经是世界上最早的书籍，如今也很珍贵。", title="狮子亨利", n=3)
    question = "世界上最贵的书籍是哪一本？"  # 最贵: the passage writes 最昂贵
    supports = {}
    for name, passage, others in (("held", bible, ["这家店的水果最贵。"]), ("spread", bible, ["这家店的水果很便宜。"]),
                                  ("scattered", scattered, ["这家店的水果很便宜。"])):
        idf = collection_idf([passage.text, *others])
        supports[name] = [answer_extractive(question, [passage], threshold=0.0, idf=idf, params=replace(DEFAULTS, apart_credit=c)).support
                          for c in (0.0, 0.5)]
    assert supports["held"][1] > supports["held"][0]
    assert supports["spread"][1] > supports["spread"][0]
    assert supports["scattered"][1] == supports["scattered"][0]


# -- a quote that leans on its neighbour (qa.answer.anaphora) -------------------------------------
ANAPHOR_OPENINGS = [(w, f"{w}项目于2003年完工。") for w in lexicon.words("anaphor")] + [
    (w, f"{w}，第2张个人唱片推出。") for w in lexicon.words("time_anaphor")] + [
    (w, f"{w}日本第二大汽车制造商。") for w in lexicon.words("zero_subject")] + [
    (w, f"{w}于1920年加入该组织。") for w in ("他", "她", "它", "他们", "其")] + [
    ("“这", "“这一派”的代表是荀子。"), ("這", "這份合約的時間為7年。"), ("今天，这", "今天，这四项赛事被称为大满贯。"),
    ("2013年，該", "2013年，該制度被廢止。")]
NOT_ANAPHOR_OPENINGS = [(w, f"{w}还有三座桥。") for w in lexicon.words("not_anaphor")] + [
    ("为, in 为了", "为了培育产业集群，政府出资。"), ("是, in 是否", "是否续约仍未确定。"),
    ("其他", "其他人反对。"), ("no anaphor", "大满贯男子单打比赛有5盘。"), ("a year", "1984年，唱片推出。"),
    ("该, after a clause", "汉江是韩国第二长的河流，该国最长的是洛东江。")]


@pytest.mark.parametrize("word, sentence", ANAPHOR_OPENINGS)
def test_a_sentence_opening_with_an_anaphor_leans_back(word, sentence):
    assert leans_back(sentence)


@pytest.mark.parametrize("word, sentence", NOT_ANAPHOR_OPENINGS)
def test_a_sentence_not_opening_with_an_anaphor_stands_alone(word, sentence):
    assert not leans_back(sentence)


CHONGQING = "重庆是西南地区的交通枢纽。随着对日抗战战事吃紧，大量高等院校内迁。这些内迁到重庆的高等学校后来构成了重庆大学和西南大学的前身。"
WIKIMEDIA = "这个软件以PHP写成。维基媒体的标志最初用于参加维基百科在2003年举行的国际性标志竞赛。该标志被评为第三名，并被选作维基媒体的标志。"
NO_JOIN = replace(DEFAULTS, join_anaphora=False)


@pytest.mark.parametrize("question, passage, alone, joined", [
    # the best sentence opens with 这些: quoted with the sentence it stands for, which answers
    ("重庆大学和西南大学的产生，和哪一场战争爆发后人才大量移入有关？", CHONGQING,
     "这些内迁到重庆的高等学校后来构成了重庆大学和西南大学的前身。",
     "随着对日抗战战事吃紧，大量高等院校内迁。这些内迁到重庆的高等学校后来构成了重庆大学和西南大学的前身。"),
    # ... in Traditional characters too
    ("重慶大學和西南大學的產生，和哪一場戰爭爆發後人才大量移入有關？", "重慶是西南地區的交通樞紐。隨著對日抗戰戰事吃緊，大量高等院校內遷。這些內遷到重慶的高等學校後來構成了重慶大學和西南大學的前身。",
     "這些內遷到重慶的高等學校後來構成了重慶大學和西南大學的前身。",
     "隨著對日抗戰戰事吃緊，大量高等院校內遷。這些內遷到重慶的高等學校後來構成了重慶大學和西南大學的前身。"),
    # the best sentence places no answer, and the next goes on about 该标志: quoted together
    ("维基媒体的标志在维基百科2003年举办的国际性标志竞赛中得到的成绩为？", WIKIMEDIA,
     "维基媒体的标志最初用于参加维基百科在2003年举行的国际性标志竞赛。",
     "维基媒体的标志最初用于参加维基百科在2003年举行的国际性标志竞赛。该标志被评为第三名，并被选作维基媒体的标志。"),
    # ... but one that places the answer (2003年) stands alone
    ("维基媒体的标志最初用于参加哪一年举行的国际性标志竞赛？", WIKIMEDIA,
     "维基媒体的标志最初用于参加维基百科在2003年举行的国际性标志竞赛。",
     "维基媒体的标志最初用于参加维基百科在2003年举行的国际性标志竞赛。"),
])
def test_a_quote_leaning_on_its_neighbour_is_quoted_with_it(question, passage, alone, joined):
    h = hit(passage)
    h.start = 100  # not the article's opening sentence
    assert [c.quote for c in answer_extractive(question, [h], threshold=0.0, params=NO_JOIN).citations] == [alone]
    assert [c.quote for c in answer_extractive(question, [h], threshold=0.0).citations] == [joined]


def test_a_pair_opening_with_an_anaphor_is_quoted_from_the_sentence_before():
    """The best window is two sentences, the first opening with 同年 (its year is in the sentence
    before) and the second holding another year: the pair of the sentence before and the first is
    quoted instead when it scores within `join_close`, as Traditional text too; with the join off,
    the best pair stands."""
    for question, passage, answer in (
            ("《赤色梅艳芳》于何年推出？", "1983年，她参加东京音乐节，夺下2个大奖。同年，第2张个人唱片《赤色梅艳芳》推出，一炮而红。1984年，唱片《似水流年》推出。", "1983年"),
            ("《赤色梅艷芳》於何年推出？", "1983年，她參加東京音樂節，奪下2個大獎。同年，第2張個人唱片《赤色梅艷芳》推出，一炮而紅。1984年，唱片《似水流年》推出。", "1983年")):
        h = hit(passage)
        h.start = 100
        best = answer_extractive(question, [h], threshold=0.0, params=NO_JOIN).citations[0].quote
        assert best.startswith("同年") and answer not in best
        joined = answer_extractive(question, [h], threshold=0.0).citations[0].quote
        assert joined.startswith(answer) and "同年" in joined


def test_a_sentence_that_places_no_answer_is_quoted_with_a_close_next_one():
    """The best sentence says where 维基媒体的标志 competed, not what it won; the next sentence (no
    anaphor: 最终…) scores within `join_close` of it and is quoted too. With the margin at -1 it is not."""
    passage = "这个软件以PHP写成。维基媒体的标志最初用于参加维基百科在2003年举行的国际性标志竞赛。最终评为第三名，并被选作维基媒体的标志。"
    question = "维基媒体的标志在2003年的竞赛中得到什么名次？"
    h = hit(passage)
    h.start = 100
    alone = "维基媒体的标志最初用于参加维基百科在2003年举行的国际性标志竞赛。"
    quotes = lambda params: [c.quote for c in answer_extractive(question, [h], threshold=0.0, params=params).citations]  # noqa: E731
    assert quotes(replace(DEFAULTS, join_close=-1.0)) == [alone]
    assert quotes(DEFAULTS) == [alone + "最终评为第三名，并被选作维基媒体的标志。"]


def test_a_quote_that_places_the_answer_is_added_when_the_best_places_none():
    """The best window restates the question (选自一次国际性标志竞赛: no year); a window further down
    places the year asked (2003年) and passes the same checks: it is quoted too, but as a hedge no
    short answer is read from it (alone, it would give 2003年). With `placing_margin` 0 the best alone
    is quoted."""
    question = "维基媒体的标志选自哪一年举行的国际性标志竞赛？"
    h = hit("维基媒体的标志选自一次国际性标志竞赛。软件以PHP写成，运行在多台服务器上。那次国际性标志竞赛于2003年举行。")
    h.start = 100
    alone = answer_extractive(question, [h], threshold=0.0, params=replace(DEFAULTS, placing_margin=0.0))
    both = answer_extractive(question, [h], threshold=0.0)
    assert [c.quote for c in alone.citations] == ["维基媒体的标志选自一次国际性标志竞赛。"] and alone.short_answer is None
    assert [c.quote for c in both.citations] == ["维基媒体的标志选自一次国际性标志竞赛。", "那次国际性标志竞赛于2003年举行。"]
    assert both.short_answer is None
    assert short_answer(question, [both.citations[1].quote]) == "2003年"


def test_a_latin_runner_up_is_quoted_only_when_the_first_quote_does_not_answer():
    wide = replace(DEFAULTS, extra_margin=10.0)  # every runner-up is close enough to be quoted
    # the first quote names the winner and holds more of the question's words: the runner-up, a
    # weaker reading of the question, is left out
    race = hit("The men's race was won by Kenyan runner Peter Kiplagat in 2 hours, 9 minutes and 31 seconds. "
               "Ana Ribeiro of Portugal won the women's race in 2:26:05.", title="City marathon")
    ans = answer_extractive("Who won the men's race?", [race], threshold=0.0, params=wide)
    assert [c.quote[:12] for c in ans.citations] == ["The men's ra"]
    # no short answer in the first quote: the runner-up may hold what was asked, and is quoted too
    bridge = hit("The committee decided to rebuild the old bridge in stone after the flood. "
                 "The council later decided to widen the road to the bridge.", title="Town bridge")
    ans = answer_extractive("What did the committee decide about the bridge?", [bridge], threshold=0.0, params=wide)
    assert ans.short_answer is None and len(ans.citations) == 2


@pytest.mark.parametrize("question, quotes", [
    # the best quote is the first sentence; the close pair adds the next, which holds "trains": it
    # is quoted after the best, as its own sentence
    ("Before 1904, how did trains get over Lake Baikal?", 2),
    # the best quote places the short answer (1904): nothing is added
    ("In which year was the section along Lake Baikal finished?", 1),
])
def test_a_latin_sentence_a_close_pair_adds_is_quoted_after_the_best(question, quotes):
    passage = hit("The most difficult section, the Circum-Baikal Railway along the southern shore of Lake Baikal, "
                  "required dozens of tunnels and bridges and was not finished until 1904; until then, trains were "
                  "carried across the lake by icebreaking ferries.", title="Trans-Siberian Railway")
    ans = answer_extractive(question, [passage], threshold=0.0)
    assert len(ans.citations) == quotes
    assert ("icebreaking ferries" in ans.answer) is (quotes == 2)


# -- an English or Spanish count's unit (windows._carries, short_latin.carries) --------------------
SUEZ = ("The canal was dug between 1859 and 1869 by the Suez Canal Company under a concession obtained "
        "by Ferdinand de Lesseps.")


@pytest.mark.parametrize("question, passage, refused", [
    # a sum of money asked: years are no answer (a near miss), a sum is
    ("How much did it cost to dig the Suez Canal?", SUEZ, True),
    ("How much did it cost to dig the Suez Canal?", SUEZ + " Digging the canal cost $100 million.", False),
    # ... a sum whose currency a capitalised word names ("Australian dollars"), asked with the verb
    ("What did the Suez Canal cost in the end?", SUEZ + " In the end the canal cost 433 million Egyptian pounds.", False),
    ("What did the Suez Canal cost in the end?", SUEZ, True),
    # a length asked is answered by a multiple ("three times longer") as well as by metres
    ("How long were Lovelace's notes compared with the article?", "In 1843 Lovelace translated an article on the "
     "engine, adding notes that were about three times longer than the article itself.", False),
    ("How long were Lovelace's notes compared with the article?", "In 1843 Lovelace translated an article on the "
     "engine, adding notes that were much longer than the article itself.", True),
])
def test_a_latin_count_wants_a_figure_of_its_unit(question, passage, refused):
    a = answer_extractive(question, [hit(passage, title="Suez Canal")], threshold=0.25)
    assert a.refused is refused


@pytest.mark.parametrize("question, text, holds", [
    # a count of a noun: a figure of it, after a word the question does not say ("goose") ...
    ("How many feathers does a kite have?", "A kite carries sixteen goose feathers.", True),
    # ... or a bare one ("3.1 million last year"), never a measure of something else
    ("How many visitors came to the fair?", "The fair drew 3.1 million last year.", True),
    ("How many feathers does a kite have?", "A kite flies on a line 1.55 metres long.", False),
    ("How many feathers does a kite have?", "A kite has no tail at all.", False),
    ("¿Cuántos puentes cruzan el río?", "El río pasa bajo 1,5 kilómetros de muelles.", False),
    ("¿Cuántos puentes cruzan el río?", "Sobre el río se tienden doce puentes de piedra.", True),
    # a sum: its currency may follow a capitalised word that names whose it is
    ("What did the bridge cost?", "It cost 102 million Australian dollars.", True),
    ("What did the bridge cost?", "It cost 102 million dollars.", True),
    ("What did the bridge cost?", "It took 102 million hours of work.", False),
    ("What did the bridge cost?", "Its costs rose for 12 years.", False),
])
def test_a_latin_count_or_sum_wants_a_figure_of_what_it_asks(question, text, holds):
    from qa.answer.latin_question import asked
    from qa.answer.short_latin import carries

    assert carries(asked(question), text) is holds


def test_the_sentence_counting_the_noun_asked_is_quoted_over_the_lead_measure():
    # both passages say the kite and its feathers; the article's lead, ranked first, gives a length,
    # not a count of feathers, so it lacks the figure asked (support 0.75) and the count is quoted
    lead = hit("A kite is a feathered toy flown from a line 1.55 metres long on windy days.", title="Kite")
    later = replace(hit("A kite is made of sixteen goose feathers tied to a reed frame.", title="Kite", n=1),
                    article_id="doc-0", start=200)
    a = answer_extractive("How many feathers does a kite have?", [lead, later], threshold=0.8)
    assert "sixteen" in a.citations[0].quote  # the best quote; the lead may follow as a close runner-up


# -- a fuller runner-up (extractive._fuller) ------------------------------------------------------
KETTLE_LEAD = hit("The pressure kettle, a vessel for boiling water quickly at high altitude, was invented in 1816 by "
                  "Anna Berg, a Swedish engineer working in Uppsala.", title="Pressure kettle")
KETTLE_LEAD = replace(KETTLE_LEAD, start=0, end=len(KETTLE_LEAD.text))
# a later chunk of the same article: it says "Her", the lead names Berg (the grounding)
KETTLE_LATER = replace(hit("Her first kettle was a copper pot with a screwed lid; she described her method in a treatise "
                           "published in 1819.", title="Pressure kettle", n=1), article_id="doc-0", source="doc0.txt",
                       start=300, end=400)


@pytest.mark.parametrize("margin, first", [
    # the lead says the name and a year, the later sentence what was asked (treatise, published):
    # it covers twice as much of the question within the margin, and is the answer
    (DEFAULTS.fuller_margin, "1819"),
    (0.0, "1816"),  # no margin: the lead's place wins
])
def test_a_close_runner_up_covering_more_of_the_question_is_quoted_first(margin, first):
    a = answer_extractive("When was Berg's treatise published?", [KETTLE_LEAD, KETTLE_LATER], threshold=0.2,
                          params=replace(DEFAULTS, fuller_margin=margin))
    assert first in a.citations[0].quote



YUKON = hit("The Yukon is a major river of northwestern North America. Its name comes from a Gwich'in word meaning "
            "\"great river\", and the valley was home to Athabaskan peoples.", "Yukon River", 0)
SALAMIS = hit("The Battle of Salamis was a naval battle fought in 480 BC in the straits off Salamis. The Greek fleet "
              "defeated the Persian fleet.", "Battle of Salamis", 1)


@pytest.mark.parametrize("question, quoted", [
    # the sentence saying where the name comes from answers it...
    ("Where does the name Yukon come from?", "Gwich'in word"),
    # ...in its own article only: "Its name comes from…" says nothing of another's name
    ("Where does the name Salamis come from?", "Battle of Salamis"),
])
def test_a_name_s_origin_is_read_in_the_article_of_that_name(question, quoted):
    a = answer_extractive(question, [YUKON, SALAMIS], threshold=0.0)
    assert quoted in a.citations[0].quote, a.answer


CURLING = hit("Curling is a team sport played on ice. Each team has four players, and two of them sweep the "
              "ice in front of the moving stone with brooms, which reduces friction. Curling became an "
              "Olympic sport in 1998.", title="Curling")


@pytest.mark.parametrize("question, passage, share, scaled", [
    ("Why do players sweep in front of the stone?", CURLING, "latin_plain_share", True),  # no gap: plain coverage
    ("How many players does each team have?", CURLING, "latin_plain_share", True),
    ("When did the founder of curling die?", CURLING, "latin_plain_share", False),  # a death never told: the gap's factor alone
    ("华强广场有多少个就业岗位？", HUAQIANG, "cjk_plain_share", True),
    ("华强广场的总经理叫什么名字？", HUAQIANG, "cjk_plain_share", False),  # no 总经理 named: a role gap
    ("华强广场为什么能创造这么多就业岗位？", HUAQIANG, "cjk_open_share", True),  # a why question: a share of its own
    ("华强广场是如何开业迎客的？", HUAQIANG, "cjk_open_share", True),  # ...and a how question
])
def test_plain_coverage_is_read_on_its_scripts_scale(question, passage, share, scaled):
    before = answer_extractive(question, [passage], threshold=0.0, params=replace(DEFAULTS, **{share: 1.0}))
    after = answer_extractive(question, [passage], threshold=0.0, params=replace(DEFAULTS, **{share: 0.5}))
    assert bool(before.gaps) is not scaled
    expected = min(1.0, before.support / 0.5) if scaled else before.support
    assert after.support == pytest.approx(expected, abs=1e-4)


def test_the_other_scripts_share_leaves_a_quote_alone():
    for question, passage, other in (("How many players does each team have?", CURLING, "cjk_plain_share"),
                                     ("Why do players sweep in front of the stone?", CURLING, "cjk_open_share"),
                                     ("华强广场有多少个就业岗位？", HUAQIANG, "latin_plain_share"),
                                     ("华强广场有多少个就业岗位？", HUAQIANG, "cjk_open_share"),  # a count is no open question
                                     ("华强广场为什么能创造这么多就业岗位？", HUAQIANG, "cjk_plain_share")):
        base = answer_extractive(question, [passage], threshold=0.0, params=replace(DEFAULTS, **{other: 1.0}))
        moved = answer_extractive(question, [passage], threshold=0.0, params=replace(DEFAULTS, **{other: 0.5}))
        assert base.support == moved.support


# -- which runner-up is quoted beside the best (extractive._answered) ----------------------------

@pytest.mark.parametrize("question, best, other, left_out", [
    # the best places the date asked, the runner-up (scored below it) holds more of the question's
    # words but places none: it restates the question, and is left out
    ("When did the volcano erupt again after decades of calm?", "The volcano erupted again in December 1994.",
     "After decades of calm, the volcano is quiet again.", True),
    ("¿Quién es la directora del distrito escolar?", "La directora del distrito, Elena Ruiz, calcula un ahorro de 120.000 euros.",
     "El distrito escolar sustituirá 25 autobuses diésel por vehículos eléctricos.", True),
    # the runner-up places a rival answer: a hedge the reader needs, quoted
    ("When did the volcano erupt again after decades of calm?", "The volcano erupted again in December 1994.",
     "After decades of calm, the volcano erupted in 1947.", False),
    # a Spanish when-question is typed as the English one (es.toml q_time): the best holds the date
    # and outscores the restating runner-up, which is left out
    ("¿Cuándo despertó el volcán tras décadas de calma?", "El volcán despertó en diciembre de 1994.",
     "Tras décadas de calma, el volcán sigue activo.", True),
    # the runner-up outscores the window quoted first (chosen by a check, not by the score): quoted
    # (a Spanish who-question: no type for the answerer, the picker places the name)
    ("¿Quién halló la cueva tras décadas de búsqueda?", "La cueva la halló Marcel Ravidat en 1940.",
     "Tras décadas de búsqueda, la cueva sigue cerrada.", False),
])
def test_a_lower_runner_up_placing_no_answer_beside_a_best_that_places_one_is_left_out(question, best, other, left_out):
    from qa.answer.extractive import _answered

    hits = [hit(best), hit(other, n=1)]
    q = analyse(question, None)
    windows = candidate_windows(q, hits, DEFAULTS)
    window = lambda text: next(w for w in windows if hits[w.hit].text[w.start:w.end] == text)  # noqa: E731
    a, b = window(best), window(other)
    # each case holds no more of the question in the best than in the runner-up: the rule before
    # this one quoted every such runner-up
    assert a.mask.bit_count() < len(q.terms) and a.mask.bit_count() <= b.mask.bit_count()
    assert _answered(question, q, a, b, hits, DEFAULTS) is left_out


# Where the best window lacks what a Chinese question asks about, a sentence of its article far
# below it in score that says the thing and the question's rarest term is answered
# (qa.answer.refocus; zh_xwiki11 eng05-q1); one that says the thing of another subject is not.
LECHFELD = ("战斗初期，匈牙利军队的一支分队渡过河流，袭击了奥托军队后方的辎重队，但法兰克尼亚部队将其击退。"
            "匈牙利军队随后在撤退中被击溃，许多匈牙利军队的士兵在渡河时溺死。"
            "奥托率领一支由约8,000名重装骑兵组成的部队急速南下。"
            "主教乌尔里希组织了对其薄弱城墙的防御。"
            "那年夏天，一支由首领布尔丘和莱赫尔率领的匈牙利大军围攻奥格斯堡。")
OTHER_LEADER = LECHFELD.replace("首领布尔丘和莱赫尔率领的匈牙利大军", "首领康拉德率领的法兰克尼亚大军")


@pytest.mark.parametrize("text, retry, refused", [
    (LECHFELD, DEFAULTS.focus_retry, False),
    (LECHFELD, 0, True),             # without the wider retry: refused for the focus 首领
    (OTHER_LEADER, DEFAULTS.focus_retry, True),  # the leader of another army, 匈牙利 not in its sentence
])
def test_a_far_sentence_saying_the_focus_is_answered(text, retry, refused):
    from dataclasses import replace

    out = answer_extractive("匈牙利军队的首领是谁？", [hit(text, title="莱希费尔德战役")], threshold=0.25,
                            params=replace(DEFAULTS, focus_retry=retry))
    assert out.refused is refused
    assert refused or "布尔丘" in out.answer


_SHARED = "黑河国欧物流有限公司人事负责人刘琳说，公司正积极构建现代化跨境物流网络。"


@pytest.mark.parametrize("first, second, overlap", [
    # two overlapping chunks of one article: one window ends with the sentence the other starts with
    ("全会精神让我们信心更足了。" + _SHARED, _SHARED + "公司还把全会的部署要求融入日常运营。", True),
    ("全会精神让我们信心更足了。" + _SHARED, "公司还把全会的部署要求融入日常运营。", False),
    ("The river rises in the north. It flows south for 2,170 km to the sea.",
     "It flows south for 2,170 km to the sea. Its delta grows rice.", True),
    ("The river rises in the north. It is long.", "It is long. Its delta grows rice.", False),  # a short sentence alike
    (_SHARED, "公司正积极构建现代化跨境物流网络。", True),  # one quote inside the other
])
def test_a_sentence_two_chunks_share_is_quoted_once(first, second, overlap):
    from qa.answer.windows import Window, _overlaps

    hits = [hit(first, n=0), hit(second, n=1)]
    a, b = Window(0, 0, len(first), (), 1.0, 1), Window(1, 0, len(second), (), 1.0, 1)
    assert _overlaps(a, b, hits) is overlap and _overlaps(b, a, hits) is overlap
