"""Entity grounding (issue 23 point 1, qa/answer/grounding.py): a question's names must be where
the quote is, and a quote chosen by a name alone is no answer when another article says what is
asked. The names are read by table here, then through the answerer on real hash-embedder stores
(the seed page; two small articles whose titles swap) and the real chat."""

from __future__ import annotations

import json

import pytest

from qa.answer.grounding import displaced, grounding, missing_names
from qa.text import lexicon
from qa.text.script import to_simplified
from qa.types import Hit
from support.chat import chat_cli
from support.cli import ask_json, invoke
from support.stores import store_of

BEIJING = ("近期,北京市市场监督管理局等4部门印发《北京市以标准赋能科技创新和产业创新融合发展行动方案》,明确提出借鉴经验。"
           "聚焦高精尖产业,该文件提出布局基础共性标准。以医疗级场景为核心,上海发布《脑机接口未来产业培育行动方案》。")


def _hit(text: str, title: str = "脑机接口发展进入快车道", source: str = "a.txt", start: int = 0) -> Hit:
    return Hit(chunk_id=f"{source}:{start}", text=text, score=1.0, source=source, title=title, article_id=source,
               start=start, end=start + len(text))


# (question, the quoted passage's title and text, the quote, other retrieved passages, names missing)
CASES = [
    # a region the quote's article names only after it: the sentence on Beijing's plan is not Shanghai's
    ("上海以标准赋能科技创新的行动方案是哪几个部门印发的?", "脑机接口发展进入快车道", BEIJING, "近期,北京市", [], ["上海"]),
    ("北京市以标准赋能科技创新的行动方案是哪几个部门印发的?", "脑机接口发展进入快车道", BEIJING, "近期,北京市", [], []),
    # ... in either script: a Traditional question is matched folded, the name shown as it writes it
    ("上海以標準賦能科技創新的行動方案是哪幾個部門印發的?", "脑机接口发展进入快车道", BEIJING, "近期,北京市", [], ["上海"]),
    # named in the quote, before it, or in the sentence after it: grounded
    ("上海发布了什么行动方案?", "脑机接口发展进入快车道", BEIJING, "以医疗级场景", [], []),
    ("上海发布了什么行动方案?", "脑机接口发展进入快车道", BEIJING, "聚焦高精尖", [], []),
    # another retrieved article's title in the question, absent from the quote's article
    ("泡泡战士为什么会被认为是害虫?", "尤金袋鼠", "尤金袋鼠生活在袋鼠岛。它们大量繁殖而被认为是害虫。", "它们大量繁殖",
     [("泡泡战士", "泡泡战士是一款游戏。")], ["泡泡战士"]),
    ("尤金袋鼠为什么会被认为是害虫?", "尤金袋鼠", "尤金袋鼠生活在袋鼠岛。它们大量繁殖而被认为是害虫。", "它们大量繁殖",
     [("泡泡战士", "泡泡战士是一款游戏。")], []),
    # a quoted 《title》 the article does not hold
    ("《红楼梦》的作者是谁?", "三国演义", "《三国演义》的作者是罗贯中。", "《三国演义》", [], ["红楼梦"]),
    # ... a long quoted name the passage writes otherwise, most of its character pairs there, grounds
    ("根據《中華人民共和國憲法》規定，國務院總理由誰任命?", "國務院", "《憲法》規定，中華人民共和國主席任免國務院總理。",
     "《憲法》", [], []),
    ("「南斯拉夫人民聯邦共和國」在1963年改名為甚麼?", "南斯拉夫", "國號立為南斯拉夫聯邦人民共和國，1963年再改名。",
     "國號", [], []),
    # ... but not one with half its pairs (or a short one) elsewhere
    ("「南斯拉夫王國聯邦議會」在1963年改名為甚麼?", "南斯拉夫", "國號立為南斯拉夫聯邦人民共和國，1963年再改名。",
     "國號", [], ["南斯拉夫王國聯邦議會"]),
    ("《紅樓夢》的作者是谁?", "三国演义", "《红楼记》的作者是罗贯中。", "《红楼记》", [], ["紅樓夢"]),
    # ... a foreign name the passage quotes transliterated otherwise (most characters, in order), but
    # not a sequel (another number) nor a title sharing only its head
    ("同盟从《斯特拉尔松条约》中得到了什么?", "汉萨同盟", "1370年的《施特拉尔松德条约》使同盟获得了要塞。",
     "1370年", [], []),
    ("谁画了《黎明的港湾》?", "画作", "这幅作品是德弗里斯创作的《黎明时的港口》。", "这幅作品", [], []),
    ("《中国日报》是哪一年创刊的?", "报纸", "《中国时报》于1950年创刊。", "《中国时报》", [], ["中国日报"]),
    ("《第九交响曲》是谁作的?", "交响曲", "《第五交响曲》是贝多芬所作。", "《第五交响曲》", [], ["第九交响曲"]),
    ("《哈利波特与魔法石》的作者是谁?", "哈利波特", "《哈利波特与密室》的作者是罗琳。", "《哈利波特与密室》", [],
     ["哈利波特与魔法石"]),
    # ... a transliterated name the passage quotes in other characters of a like sound (Laennec), but
    # not another name (Harrison, Harris) nor a Chinese name of one sound (张伟, 章伟: two people)
    ("谁写了《拉埃内克传》?", "传记", "《雷奈克传》是他的学生写的。", "《雷奈克传》", [], []),
    ("谁写了《哈里森传》?", "传记", "《哈里斯传》是他的学生写的。", "《哈里斯传》", [], ["哈里森传"]),
    ("谁写了《张伟传》?", "传记", "《章伟传》是他的学生写的。", "《章伟传》", [], ["张伟传"]),
    # a quoted saying the article holds with other marks and spaces (a translation's), and one it does not
    ('"冻死不拆屋, 饿死不掳掠."指的是谁的军队?', "岳飞", "岳家军号称「冻死不拆屋，饿死不掳掠。」", "岳家军", [], []),
    ('"冻死不拆屋, 饿死不抢劫"指的是谁的军队?', "岳飞", "岳家军号称「冻死不拆屋，饿死不掳掠。」", "岳家军", [],
     ["冻死不拆屋, 饿死不抢劫"]),
    # a dictionary word opening the question as its owner or scope (的, 上) that no passage holds: the
    # question is about something nothing retrieved speaks of; not one inside it (层面的 modifies)
    ("月球的人口有多少?", "广东", "广东人口众多,医疗市场成为核心赛道。", "广东人口众多", [], ["月球"]),
    ("东京的脑机接口产业规划到哪一年?", "海珠区", "海珠区启动脑机接口产业园三年行动计划(2026—2028)。", "海珠区", [],
     ["东京"]),
    ("国家层面的脑机接口实施意见提出了什么?", "意见", "国家出台脑机接口实施意见,提出产业生态目标。", "国家出台", [], []),
    # ... nor one saying when its thing was (原来的 for the passage's 最初的), nor one the grounding
    # writes spread out in one phrase (镀银 as 镀有抛光银层; not across a comma: 9月，全球)
    ("原来的穹顶塌了以后，是谁重建的?", "圣索菲亚大教堂", "最初的穹顶于558年坍塌，由小伊西多尔重建。", "最初的", [], []),
    ("镀银的铜板要放在什么上面熏?", "银版摄影法", "每张照片制作在一块镀有抛光银层的铜板上，铜板先在碘蒸气上方熏过。",
     "每张照片", [], []),
    ("月球的人口有多少?", "广东", "今年9月，全球人口众多,广东人口众多。", "今年9月", [], ["月球"]),
    # ... nor one only the passages retrieved lack: another chunk of the collection says it (当时)
    ("当时的新喀里多尼亚是哪一国的殖民地?", "新喀里多尼亚", "新喀里多尼亚是法国的殖民地。", "新喀里多尼亚",
     [("历史", "当时法国占领了该岛。")], []),
    # a place by its ending, held by another passage; a category word (地区) is no name, even as a title
    ("海淀区的产业发展得怎么样?", "快车道", "闵行区的产业发展迅速。", "闵行区", [("科技重镇", "海淀区是科技重镇。")], ["海淀区"]),
    ("尤金袋鼠分布在哪些地区?", "尤金袋鼠", "尤金袋鼠分布于澳洲南部。", "尤金袋鼠", [("地区", "地区是行政区划。")], []),
    # a span is read without the preposition it starts with: 与|重庆 is a region, 在|中国 no place by its ending
    ("蒋中正于西安事变时与重庆同时被扣留在哪一个地方?", "陈诚", "西安事变时,陈诚与蒋同时被扣留于西安招待所。", "西安事变时",
     [("直辖市", "重庆是直辖市。")], ["重庆"]),
    ("大约在中国哪个朝代时,汉语开始大量传入越南?", "越南语", "大约从东汉开始,汉字开始大规模传入越南。", "大约从",
     [("文字", "汉字在中国形成。")], []),
    # a name by no ending of its own, standing where the quote writes its article's title, the same
    # words around it (in either script; a particle the quote writes otherwise is cut off)
    ("世界上的第一枚恆星是哪個國家發行的?", "郵票", "世界上第一枚郵票是英國發行的。", "世界上", [], ["恆星"]),
    ("世界上的第一枚邮票是哪个国家发行的?", "郵票", "世界上第一枚郵票是英國發行的。", "世界上", [], []),
    ("無投票權的議席在何時設立於輔音?", "關島", "1973年起，美國國會通過在關島設立於關島無投票權的議席。", "1973年", [],
     ["輔音"]),
    # ... but two characters alike on one side are a coincidence (优先|使用 against 战斗机|使用),
    # and a demonstrative stands for the subject rather than naming another
    ("原子弹头优先使用轰炸机,哪种攻击方式被当作应急手段?", "战斗机", "战斗机使用飞弹。空射火箭也被当作应急的手段。",
     "空射火箭", [], []),
    ("该国的首都是哪座城市?", "卢安达", "卢安达的首都是基加利。", "卢安达", [], []),
    # the kind a question word asks for is no name, even where an article is titled so
    ("八二三砲戰發生於哪一個地區?", "台灣島", "八二三砲戰發生在金門。", "八二三", [("金門", "金門是福建的一個地區。")], []),
    ("强制流产是为了中国的什么政策?", "人权", "中国为抑制人口增加而实行计划生育。强制流产…", "中国为",
     [("政策", "政策是行动准则。")], []),
    # 谁 asks for the quote's subject itself: what stands in its place is no other name
    ("谁在会上做了自我检讨?", "周恩来", "周恩来做了自我检讨。", "周恩来", [], []),
    # ... while 为什么 asks why of the name after it
    ("为什么泡泡战士会被认为是害虫?", "尤金袋鼠", "尤金袋鼠生活在袋鼠岛。它们大量繁殖而被认为是害虫。", "它们大量繁殖",
     [("泡泡战士", "泡泡战士是一款游戏。")], ["泡泡战士"]),
    # a word in Latin letters in a Chinese question is a name the quote's article must give
    ("《无双大蛇Z》的Xbox 360版何时推出?", "无双大蛇Z", "《无双大蛇Z》于2009年3月12日登陆PlayStation 3。", "《无双大蛇Z》",
     [], ["Xbox 360"]),
    ("《无双大蛇Z》的PlayStation 3版何时推出?", "无双大蛇Z", "《无双大蛇Z》于2009年3月12日登陆PlayStation 3。", "《无双大蛇Z》",
     [], []),
    # a figure after a space that a date unit follows is a date, no part of the name (a translator
    # spacing numbers: zh_xwiki23 ent03-q4); a name the quote's article does not give is still missing
    ("TASPO 1951年在伦敦的什么活动上演出？", "钢鼓", "1951 年，特立尼达全钢打击乐团（简称 TASPO）在伦敦的英国节上演出。",
     "1951 年", [], []),
    ("TASPO 1951年在伦敦的什么活动上演出？", "钢鼓", "1951 年，特立尼达全钢打击乐团在伦敦的英国节上演出。",
     "1951 年", [], ["TASPO"]),
    # a title's disambiguation note, written as DRCD writes a page's address, is no part of its name
    ("民主黨的起源是什麼?", "共和黨", "共和黨起源於1854年。", "共和黨", [("民主黨_(美國)", "民主黨是美國政黨。")],
     ["民主黨"]),
    # a division named in full inside a missing span is a name, written in the collection or not (the
    # seed-probe's 云南省 over a quote on 四川省's canyon); written without its ending, it is grounded
    ("巴山大峡谷位于云南省哪个县?", "巴山大峡谷", "四川省达州市宣汉县巴山大峡谷景区的盘山公路。", "四川省", [], ["云南省"]),
    ("巴山大峡谷位于四川省哪个县?", "巴山大峡谷", "四川达州市宣汉县巴山大峡谷景区的盘山公路。", "四川", [], []),
    ("巴山大峡谷位于達州市哪個縣?", "巴山大峡谷", "四川省达州市宣汉县巴山大峡谷景区的盘山公路。", "四川省", [], []),
    ("巴山大峡谷位于通江县哪个镇?", "巴山大峡谷", "四川省达州市宣汉县巴山大峡谷景区的盘山公路。", "四川省", [], ["通江县"]),
    # a division read whole in the question, where the quote holds a pair of it (区启 of 该区启动): the
    # missing span is 天河 alone
    ("广州天河区启动了什么创新策源地建设?", "快车道", "广州海珠区以建设示范区为契机,该区启动琶洲创新策源地建设。", "该区",
     [], ["天河区"]),
    # a one-character title opening the question names its subject (镍 over 诺特's sentence)
    ("镍是在哪一年被命名的?", "埃米·诺特", "她证明了以她的名字命名的定理。", "她证明", [("镍", "镍是一种金属。")], ["镍"]),
    ("镍是在哪一年被分离的?", "镍", "镍于1751年首次被分离出来。", "镍于", [], []),
]


@pytest.mark.parametrize("question, title, text, quoted, others, expected", CASES, ids=[c[0] for c in CASES])
def test_the_names_a_quote_does_not_ground(question, title, text, quoted, others, expected):
    hit = _hit(text, title)
    hits = [hit, *(_hit(t, ti, source=f"{ti}.txt") for ti, t in others)]
    start = text.index(quoted)
    end = text.index("。", start) + 1
    folded = to_simplified(question)
    # the collection is the case's passages: the question's character pairs none of them holds
    collection = "".join(f"{h.title}{h.text}" for h in hits)
    absent = frozenset(folded[i:i + 2] for i in range(len(folded) - 1) if folded[i:i + 2] not in collection)
    found = missing_names(folded, grounding(hit, start, end, hits), hits, absent=absent)
    assert [question[folded.index(n):folded.index(n) + len(n)] for n in found] == expected


@pytest.mark.parametrize("char", lexicon.words("asking_char"))
def test_a_question_word_in_taiwans_spelling_is_no_name(char):
    """為甚麼 folds to 为甚么, which no question word holds: it stands where the quote's subject is
    (霰弹枪|可以发射 against 散弹枪|可以发射) and is still no name."""
    text = "散弹枪可以发射催泪弹。"
    question = f"霰弹枪为{char}么可以发射催泪弹?"
    hit = _hit(text, "散弹枪")
    assert missing_names(question, grounding(hit, 0, len(text), [hit]), [hit]) == []
    assert missing_names("霰弹枪为火么可以发射催泪弹?", grounding(hit, 0, len(text), [hit]), [hit]) == ["为火么"]


def test_a_title_of_the_collection_is_a_name_when_the_caller_knows_the_titles():
    """恒星 is a common noun no ending marks and no retrieved article is named by; the collection's
    titles (the caller's to give) say it names an article. A title after its question word does not."""
    text = "1922年6月，陈诚在保定陆军军官学校毕业，分配到浙军当见习官。"
    hit = _hit(text, "陳誠")
    ground = grounding(hit, 0, len(text), [hit])
    question = to_simplified("乙醚剛於保定陸軍軍官學校畢業後被分配到哪一個職位?")
    assert missing_names(question, ground, [hit]) == []
    assert missing_names(question, ground, [hit], titles=["郵票", "乙醚 (化合物)", "陳誠"]) == ["乙醚"]
    assert missing_names("陈诚毕业后被分配到哪一个职位?", ground, [hit], titles=["职位"]) == []


@pytest.mark.parametrize("question, names", [
    ("拿破崙的三項經濟政策促進了國內經濟繁榮發展,還有一項是?", []),  # the article says 政策 in another passage
    ("拿破崙的三項經濟乙醚促進了國內經濟繁榮發展,還有一項是?", ["乙醚"]),  # a title its article never says
])
def test_a_title_the_quotes_own_article_says_is_one_of_its_words(question, names):
    """A collection title is read as a name only when the quote's article does not say it in any of
    its retrieved passages: DRCD has articles titled 政策, 科学 or 文明, words any article may use."""
    quote = _hit("拿破崙促進自由貿易,降低貸款利息,以確保國內經濟繁榮發展。", "拿破崙三世", source="n.txt")
    other = _hit("他的經濟政策以擴張信貸為主。", "拿破崙三世", source="n.txt", start=200)
    folded = to_simplified(question)
    found = missing_names(folded, grounding(quote, 0, len(quote.text), [quote, other]), [quote, other],
                          titles=["政策", "乙醚", "拿破崙三世"])
    assert found == names


def test_an_earlier_retrieved_passage_of_the_article_grounds_a_name():
    first = _hit("上海发布了行动方案。", start=0)
    later = _hit("方案由三个部门印发。", start=len(first.text))
    ground = grounding(later, 0, len(later.text), [later, first])
    assert missing_names("上海的方案由几个部门印发?", ground, [later, first]) == []
    assert missing_names("上海的方案由几个部门印发?", grounding(later, 0, len(later.text), [later]), [later]) == ["上海"]




@pytest.mark.slow
def test_the_seed_page_answers_beijings_plan_and_refuses_it_for_shanghai(hash_store):
    beijing = ask_json(hash_store, "北京市以标准赋能科技创新的行动方案是哪几个部门印发的?")
    assert not beijing["refused"] and "北京市市场监督管理局等4部门" in beijing["answer"]
    for question, name in [("上海以标准赋能科技创新的行动方案是哪几个部门印发的?", "上海"),
                           ("廣東以標準賦能科技創新的行動方案是哪幾個部門印發的?", "廣東")]:
        answer = ask_json(hash_store, question)
        assert answer["refused"] and answer["citations"] == []
        assert {"kind": "entity", "detail": name, "reason": f"the passages do not mention {name}"} in answer["gaps"]




# (question, quote, the place the quote names in the question's place's)
DISPLACED = [
    ("上海的规划是什么?", "广东省“十五五”规划建议明确提出,前瞻布局脑机接口等未来产业。", "广东省"),
    ("上海发布了什么方案?", "以医疗级场景为核心,上海发布《脑机接口未来产业培育行动方案》。", ""),  # names it
    ("上海的规划是什么?", "该市的规划提出,前瞻布局脑机接口等未来产业。", ""),  # names no other region
    ("上海的规划是什么?", "规划提出与广东合作,前瞻布局脑机接口等未来产业。", ""),  # 广东 not its subject
    ("广东与海南之间相隔着哪一个海峡?", "东接福建省,南临南海并隔琼州海峡与海南相望。", ""),  # a neighbour
    ("上海的规划是什么?", "在广东,规划提出前瞻布局脑机接口等未来产业。", "广东"),
    ("上海和广东的规划是什么?", "广东省“十五五”规划建议明确提出。", ""),  # the other is asked too
    ("上海的规划是什么?", "北京市以标准赋能科技创新。", ""),  # no other word of the question: no subject to read
    ("脑机接口的规划是什么?", "广东省“十五五”规划建议明确提出。", ""),  # the question names no region
    ("香港的人口有多少?", "澳门的人口约为68万。", "澳门"),
    ("海淀区的补贴金额是多少?", "闵行区对入驻企业给予最高500万元补贴。", "闵行区"),  # divisions (qa.text.places)
    ("深圳的补贴金额是多少?", "闵行区对入驻企业给予最高500万元补贴。", "闵行区"),  # a district of another province
    ("北京计划建设多少个产业园?", "广州海珠区以加快建设人工智能大模型应用示范区为契机,加快建设脑机接口产业园。", "广州"),
    ("广东的补贴政策是什么?", "深圳对入驻企业的补贴政策明确。", ""),  # a city of the province asked
    ("吉林的补贴政策是什么?", "朝阳区对入驻企业的补贴政策明确。", ""),  # 朝阳区: 北京's or 吉林's
    ("深圳市的补贴是多少?", "深圳对入驻企业给予补贴。", ""),  # the same city, without its ending
    ("海淀区有多少家企业?", "北京市海淀区已聚集企业200家。", ""),  # named inside the quote's opening
    ("上海的脑机接口政策是什么?", "闵行区对入驻的脑机接口企业给予补贴。", ""),  # a district may lie in the city asked
    ("广州的补贴政策是什么?", "深圳对入驻企业的补贴政策明确。", "深圳"),  # a city for a city
    ("北京的规划是什么?", "脑机接口还被用于运动员的训练。广东省“十五五”规划建议明确提出。", "广东省"),  # its second sentence
    # the asked place named in a sentence saying less of the question than one opening on another
    ("深圳的产业园是趁着什么契机建设的?", "广州、深圳等地纷纷强化政策引导。广州海珠区以建设示范区为契机,加快建设产业园。", "广州"),
    ("深圳出台了什么补贴政策?", "深圳出台补贴政策,支持企业落户。广州则搭建合作平台。", ""),  # the asked one says most
    ("海淀区给企业的补贴最高是多少?", "闵行区则拿出专项政策支持企业。头部企业可获最高2000万元补贴。", "闵行区"),  # its first
    ("在台湾人口最多的法院以前的名字为?", "最主要的为台湾新北地方法院;新北地方法院辖区人口最多。", ""),  # 新北: 台湾's
    # a place written right before the question's words does them, past an opening of other words
    ("深圳在哪一年发布了脑机接口方案?", "以医疗级场景为核心,以战略产品为导向,上海发布《脑机接口未来产业培育行动方案》。", "上海"),
    ("深圳在哪一年发布了脑机接口方案?", "以医疗级场景为核心,上海与深圳合作发布《脑机接口方案》。", ""),  # names it
    ("深圳发布了什么方案?", "以医疗级场景为核心,该方案由上海专家参与发布。", ""),  # 上海 before no word asked
    # a place the question's words are located in (在|于) after them (seed_fresh fresh-059)
    ("北京的脑机接口未来产业集聚区叫什么名字?", "全国首个脑机接口未来产业集聚区“脑智天地”在上海闵行区启动建设。", "上海"),
    ("上海的脑机接口未来产业集聚区叫什么名字?", "全国首个脑机接口未来产业集聚区“脑智天地”在上海闵行区启动建设。", ""),
    # not where the place is asked (drcd_test 4982-14-2), nor of a thing no division names (漢江's source)
    ("弥勒菩萨佛像一个在新罗,另一个现在位于哪一个国家中?", "另一个弥勒菩萨佛像被送往日本,现在存放在京都广隆寺。", ""),
    ("汉江南源玉带河总长为多少公里?", "南源玉带河发源于宁强县南部,长101公里。", ""),
    # a sentence naming its place by 该区/本市: the one the sentence before opens with (the seed probe's u032)
    ("深圳的琶洲脑谷三年行动计划覆盖哪几年?", "广州海珠区以建设示范区为契机,加快建设产业园。今年9月,该区启动《琶洲脑谷三年行动计划(2026—2028)》编制。", "广州"),
    ("广州的琶洲脑谷三年行动计划覆盖哪几年?", "广州海珠区以建设示范区为契机,加快建设产业园。今年9月,该区启动《琶洲脑谷三年行动计划(2026—2028)》编制。", ""),
    ("深圳的琶洲脑谷三年行动计划覆盖哪几年?", "广州海珠区以建设示范区为契机。今年9月,启动《琶洲脑谷三年行动计划(2026—2028)》编制。", ""),  # no 该区
    ("海珠区是在几月份启动琶洲创新策源地建设的?", "广州海珠区以建设示范区为契机。今年9月,该区启动琶洲创新策源地建设。", ""),  # 该区 is the asked one
]


@pytest.mark.parametrize("question, quote, other", DISPLACED, ids=[f"{q}|{o or '-'}" for q, _, o in DISPLACED])
def test_a_quote_naming_another_region_first_speaks_of_that_one(question, quote, other):
    assert displaced(question, quote) == other


@pytest.mark.slow
def test_a_page_on_shanghais_plan_and_guangdongs_does_not_give_guangdongs_for_shanghai(tmp_path):
    # Shanghai is named first, so the grounding (title, earlier text) holds it for the later sentence
    store = store_of(tmp_path, {"plans.txt": "脑机接口进展\n\n上海发布了脑机接口培育行动方案,重点建设集聚区。"
                                            "集聚区已经吸引了多家企业入驻。企业数量去年翻了一番。"
                                            "广东省产业规划提出,前瞻布局脑机接口等未来产业。"})
    shanghai = ask_json(store, "上海的产业规划提出了什么？")
    assert shanghai["refused"] or "上海" in shanghai["answer"], shanghai["answer"]  # never Guangdong's alone
    guangdong = ask_json(store, "广东的产业规划提出了什么？")
    assert not guangdong["refused"] and "广东省" in guangdong["answer"]


@pytest.fixture
def swap_store(tmp_path):
    """Two articles whose titles have the same length and script, neither naming the other."""
    return store_of(tmp_path, {
        "kangaroo.txt": "尤金袋鼠\n\n尤金袋鼠是一种小型袋鼠，生活在澳洲南部的袋鼠岛。由于牠们每季都大量繁殖，"
                        "破坏了岛上的生活环境而被认为是害虫。",
        "game.txt": "泡泡战士\n\n泡泡战士是一款多人在线游戏。玩家以水枪泡封敌人，生命数耗完即算踢爆。"})


@pytest.mark.slow
def test_a_swapped_title_is_refused_not_answered_from_the_other_article(swap_store):
    answer = ask_json(swap_store, "尤金袋鼠为什么会被认为是害虫？")
    assert not answer["refused"] and "害虫" in answer["answer"]
    swapped = ask_json(swap_store, "泡泡战士为什么会被认为是害虫？")
    assert swapped["refused"], swapped["answer"]
    assert {g["kind"] for g in swapped["gaps"]} & {"entity", "elsewhere"}
    assert ask_json(swap_store, "泡泡战士的玩家用什么泡封敌人？")["refused"] is False


@pytest.mark.slow
def test_chat_does_not_answer_shanghai_with_beijings_plan(chat_store):
    r = chat_cli(chat_store, "--mode", "extractive", "--json",
                 stdin="北京市以标准赋能科技创新的行动方案是哪几个部门印发的?\n那上海呢?\n")
    assert r.returncode == 0, r.stderr
    beijing, shanghai = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    assert "北京市市场监督管理局" in beijing["answer"]
    assert shanghai["standalone"].startswith("上海")
    assert "北京市" not in shanghai["answer"]
    assert shanghai["refused"] or all("上海" in c["quote"] for c in shanghai["citations"])


@pytest.fixture
def noun_titles_store(tmp_path):
    """DRCD-like articles named by common nouns (恆星, 郵票) that no ending marks as names."""
    return store_of(tmp_path, {
        "chen.txt": "陳誠\n\n1922年6月，陳誠在保定陸軍軍官學校畢業，分配到浙軍當見習官。後來他進入黃埔軍校任職。",
        "stamp.txt": "郵票\n\n郵票是郵政機關發行的郵資憑證。世界上第一枚郵票於1840年在英國發行。"})


@pytest.mark.slow
def test_another_articles_title_in_the_question_is_a_name_qa_ask_checks(noun_titles_store):
    """`qa ask` hands the store's titles to the grounding check: 郵票 names the other article even
    when that article is not among the passages (here kept out by --source, as a large store's
    ranking would)."""
    def ask(question: str) -> dict:
        r = invoke("ask", "--store", noun_titles_store, "--mode", "extractive", "--json", "--source", "chen.txt",
                   question, env={"QA_EMBED": "hash"})
        assert r.exit_code == 0, r.output
        return json.loads(r.stdout)

    right = ask("陳誠是哪一年從保定陸軍軍官學校畢業的?")
    assert not right["refused"] and "1922年" in right["answer"]
    swapped = ask("郵票是哪一年從保定陸軍軍官學校畢業的?")
    assert swapped["refused"], swapped["answer"]
    assert {"kind": "entity", "detail": "郵票", "reason": "the passages do not mention 郵票"} in swapped["gaps"]


@pytest.mark.parametrize("word", lexicon.words("time_qualifier"))
def test_a_word_saying_when_its_thing_was_names_no_other_subject(word):
    question = f"{word}的展馆有多大?"
    text = "新馆占地约两公顷。"
    folded = to_simplified(question)
    absent = frozenset(folded[i:i + 2] for i in range(len(folded) - 1) if folded[i:i + 2] not in text)
    hit = _hit(text, "博物馆")
    assert missing_names(folded, grounding(hit, 0, len(text), [hit]), [hit], absent=absent) == []
