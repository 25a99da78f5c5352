"""What a question asks about, and the gaps between that and a candidate quote.

Near misses are the hard refusals: a page that names a ward but not its beds, a subsidy for big
firms but not for start-ups, the first half of this year but not last year's total. Coverage of
the question's words cannot see them: the quote shares every rare word (the names) and misses
only a common one (床位, 全年). So the extractive answerer asks narrower questions of its best
quote and the sentences around it; each "no" is a `Gap`, and its kind decides how much support
drops (`extractive.ExtractiveParams.gap_factors`):

  - focus: the word the question word hangs on is absent: the attribute of "X的Y是多少" (密度,
    人口, 转会费), the noun counted by "多少张Y" (床位, 金牌), the person of "Y是谁" (CEO, 领队).
    Category nouns ("哪个国家", "哪些地区") are not focus words: the answer names a country, not
    the word 国家. "loose": the same, where the noun's end was guessed (多少个就业岗位 -> 就业).
  - event: the verb of "哪一年Y" / "Y于哪一年" / "由谁Y" (设立, 建成, 提出) is absent.
  - period: a figure is asked for a period (2024年, 去年, 全年, 上半年, 每天) and the quote names
    only other ones (今年上半年, 日均).
  - instance: "哪家医院" / "哪个区" / "哪部电影" wants a named one; a quote that says only
    "知名三甲医院" or "在上海", or gives no 《title》, does not name it.
  - english: an English question's attribute (population, wife, how many parcels), looked up in a
    small glossary of the ways Chinese text says it, is absent.
  - name: none of an English question's pinyin names (Heihe, Fan Tingsong) is in the passage
    (`qa.text.pinyin`).

The patterns are plain regular expressions (no segmenter to load at question time). They were
written against CMRC development questions and their near misses, and the factors chosen by
`python -m eval.bench.tune_answer --gaps`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.text.cjk import CJK, HAN
from qa.text.questions import (INSTANCE_Q, NUMBER_Q, QUESTION_TIME, ROLE, SIZE_Q, TIME_Q, WHO_Q,
                                WORK_Q)


@dataclass(frozen=True)
class Gap:
    kind: str  # focus | loose | event | period | instance | english | name
    detail: str  # the word or period the quote lacks, for the user

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "detail": self.detail, "reason": self.describe()}

    def describe(self) -> str:
        if self.kind == "period":
            return f"the passages give no figure for {self.detail}"
        if self.kind == "instance":
            return f"the passages name no {self.detail}"
        return f"the passages do not mention {self.detail}"


# a number, but not a bare 一 ("一件货品" is "a piece of goods", not a count)
_N = r"(?:\d[\d.,]*|[两三四五六七八九十百千万亿][零一二两三四五六七八九十百千万亿]*|一[十百千万亿][零一二两三四五六七八九十百千万亿]*)\s*"

# Words between the focus word and the question word that carry no meaning of their own.
_FILLER = ("一共|总共|总计|合计|大约|大概|约为|约|共|达到|达|到底|究竟|最高|最多|最少|最低|最大|最早|分别|平均|目前|现在|"
           "当时|已经|一般|通常|主要|具体|全部|是|有|为|的|了|在|于|被")
_TRAIL = re.compile(r"(?:" + _FILLER + r")+$")
_LEAD = re.compile(r"^(?:开始|正式|首次|首先|最初|第一次|最早|最先|再次|重新|又一次|被|是|在|才|所|又|已经|已|曾经|曾|的|要|将|会|能|可以|可|就要)+")
# "X的Y是(多少)": Y ends at the copula; only then is the word before the question word an attribute.
_ATTRIBUTE = re.compile(r"的([" + HAN + r"A-Za-z]{1,7}[^\W分成称作改定列认视])(?:大约|大概|一共|总共|平均|最高|最多|最少|到底|究竟|共|约)?"
                        r"(?:是|为|有|达|约)$")
_CLEAN_END = re.compile(r"$|[的了吗呢吧，,。？?！!、：:；;\s]")
_STOP = re.compile(r"[的了吗呢吧，,。？?！!、：:；;“”\"'《》()（）\s]")
# A focus word that is a category, not an attribute: its answer never repeats it.
_CATEGORY = re.compile(r"^(?:人|时间|时候|日期|年份|地方|地点|地区|国家|城市|方面|内容|情况|东西|数量|数字|名字|名称|"
                       r"人数|数目|程度|水平|规模|比例|作用|意义|特点|原因|结果|方式|办法|措施|单位|部门|机构|组织|文件|产品|作品|年龄|年纪|岁数|级别|等级|类型|种类)$")


# ... nor one that ends in a category (参赛对象, 使用比例).
_CATEGORY_END = re.compile(r"(?:对象|方面|情况|比例|类型|种类|范围|内容|名称|名字)$")


def _clip(text: str) -> str:
    """The last run of Chinese/Latin characters of `text`, without fillers, at most 4 characters."""
    text = _TRAIL.sub("", _STOP.split(text)[-1])
    m = re.search(r"[" + HAN + r"A-Za-z]+$", text)
    return m.group(0)[-4:] if m else ""


def _head(text: str) -> str:
    """The first two Chinese characters of `text` after leading fillers (the first word, mostly:
    without a segmenter a longer cut would run into the next word, 企业登台亮相)."""
    text = _LEAD.sub("", _STOP.split(text)[0])
    m = re.match(r"(?![一二两三四五六七八九十])[" + HAN + r"]{2}|[A-Za-z]+", text)
    return m.group(0) if m else ""


def _attribute(before: str) -> str:
    """"X的Y是" -> Y: the attribute a copula-ended question asks the value of ("" otherwise)."""
    m = _ATTRIBUTE.search(before)
    return _clip(m.group(1)) if m else ""


def focus(question: str) -> tuple[str, str]:
    """(focus word, kind): "focus" for a thing, "loose" when its end was guessed, "event" for the
    verb of a when/by-whom question; ("", kind) when there is nothing to check."""
    q = question.strip().rstrip("？?。.!！ ")
    word, kind = "", "focus"
    if m := NUMBER_Q.search(q):
        rest = q[m.end():]
        after = _head(rest)  # 多少个就业岗位 -> 就业岗位
        if len(after) < 2 and m.end() - m.start() == 3:
            rest = q[m.end() - 1:]
            after = _head(rest)  # 多少人口: 人 read as a measure word was the noun's start
        if len(after) >= 2:
            word = after
            # Two characters are a guess at the noun when more text follows (几首歌进入...): weaker.
            if not _CLEAN_END.match(_LEAD.sub("", rest)[2:]):
                kind = "loose"
        else:
            word = _attribute(q[:m.start()])  # 密度是多少 -> 密度
    elif m := SIZE_Q.search(q):
        # 多大面积 / 多大年龄: the noun after names the dimension, which the answer gives as a unit
        word = "" if len(_head(q[m.end():])) >= 2 else _clip(q[:m.start()])  # 种子有多大 -> 种子
    elif m := TIME_Q.search(q):
        kind = "event"
        after = _head(q[m.end():])  # 哪一年设立的 -> 设立
        before = q[:m.start()]
        if len(after) >= 2:
            word = after
        elif v := re.search(r"([" + HAN + r"]{2})(?:是在|是于|于|在|是)$", before):
            word = v.group(1)  # 成立于哪一年 -> 成立; 被废止是在什么时候 -> 废止
    elif m := WHO_Q.search(q):
        before = q[:m.start()]
        if m.group(0) in ("由谁", "被谁"):
            kind = "event"
            word = _head(q[m.end():])  # 由谁首先提出 -> 提出
        elif r := re.search(ROLE + "$", before):
            word = r.group(0)  # 办事处主任是谁 -> 主任
        else:
            word = _attribute(before + "是")  # 公司的CEO是谁 -> CEO
    if len(word) < 2 or _CATEGORY.match(word) or _CATEGORY_END.search(word) or not (CJK.search(word) or word.isupper()):
        return "", kind
    return word, kind


# Attributes whose value a passage gives as a number with a unit, without the attribute's name
# (体重 -> "约8公斤重", 长度 -> "长约15厘米", 占地面积 -> "占地约两平方公里").
_DIMENSIONS = {
    "体重|重量": r"公斤|千克|克|吨|斤|磅|重", "长度|全长|身长|体长|长": r"米|公里|千米|厘米|毫米|英尺|英里|长",
    "高度|身高|高": r"米|厘米|英尺|高", "面积|占地面积|占地": r"平方|公顷|亩|占地", "宽度|宽": r"米|宽",
    "深度|深": r"米|深", "距离": r"米|公里|光年|英里", "海拔": r"米|海拔", "温度|气温": r"℃|度",
}
# Kinship words a passage often writes with one character (弟为北宋文人魏泰).
_KIN = {"弟弟": "弟", "哥哥": "兄|哥", "姐姐": "姐", "妹妹": "妹", "父亲": "父", "母亲": "母", "妻子": "妻|夫人|太太",
        "丈夫": "夫", "孩子": "子|女", "子女": "子|女", "儿子": "子", "女儿": "女"}
# Event verbs and the other ways a passage says them (去世 -> 死去, 发行 -> 发售, 制成 -> 制得).
_EVENTS = ("去世|逝世|病逝|辞世|过世|死去|死于|卒于|身故", "出生|生于|诞生|出世", "成立|创立|创建|建立|设立|组建|创办",
           "发行|发售|发布|推出|上市", "上映|公映|首映|放映", "建成|落成|竣工|完工|建于|始建", "开通|通车|启用|开业|开放",
           "举办|举行|召开|开幕", "制成|制得|制出|合成|制备", "拍摄|拍了|拍过|拍下", "施行|实施|生效", "退出|退役|退休|离开",
           "获得|获|荣获|赢得", "发现|发觉|观测到", "提出|首创|倡议", "生活|生存|栖息", "命名|定名|得名")
_COUNT_SUFFIX = re.compile(r"(?:数量|数目|总数|总量|数)$")


def mentions(text: str, word: str) -> bool:
    """Does `text` speak of `word`: the word itself, most of its character pairs (3+ characters),
    its stem for an agent noun (经营方 -> 经营), a number with the unit of a dimension (体重 -> 8公斤),
    or a kinship word's one-character form (弟弟 -> 弟)?"""
    if word in text:
        return True
    pairs = [word[i:i + 2] for i in range(len(word) - 1)]
    if len(word) >= 3 and sum(p in text for p in pairs) * 2 >= len(pairs) + 1:
        return True
    stem = _COUNT_SUFFIX.sub("", word)  # 人口数量 -> 人口
    if stem != word and len(stem) >= 2 and stem in text:
        return True
    if len(word) >= 3 and word[-1] in "者方人商" and word[-3:-1] in text:
        return True  # 建立者 -> 建立, 经营方 -> 经营, 台湾地区代理人 -> 代理
    for names, units in _DIMENSIONS.items():
        if re.fullmatch(names, word) or re.search(r"(?:" + names + r")$", word):
            if re.search(_N + r"[万千百]?(?:" + units + r")|(?:" + units + r")\s*" + _N, text):
                return True
    if word in _KIN and re.search(_KIN[word], text):
        return True
    return any(word in verbs and re.search(verbs, text) for verbs in _EVENTS)


# Periods: each class of equivalent wordings. A question names a period; the quote must name one
# of the same class, or none at all.
_PERIOD_CLASSES = {
    "全年": r"全年|年度|全年度",
    "上半年": r"上半年|前半年|1-6月|1至6月|前6个月|前六个月",
    "下半年": r"下半年|后半年",
    "季度": r"[一二三四1-4]季度|前三季度|季度",
    "每天": r"每天|每日|日均|平均每天|一天|单日|每一天",
    "每月": r"每月|月均|每个月",
    "每年": r"每年|年均|每一年",
    "今年": r"今年|本年",
    "去年": r"去年|上一年|上年",
}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


def periods(text: str) -> set[str]:
    found = {name for name, pattern in _PERIOD_CLASSES.items() if re.search(pattern, text)}
    found |= {m.group(1) for m in _YEAR.finditer(text)}
    return found


def period_gap(question: str, quote: str, context: str) -> str:
    """The question's period when the quote (with its context) names other periods but not it."""
    asked = periods(QUESTION_TIME.sub(" ", question))
    if not asked:
        return ""
    said = periods(quote)
    if not said or asked & (said | periods(context)):
        return ""
    # 2024年 asked, 今年/去年 said: the page's date is unknown, so these are other periods.
    return "".join(p + "年" if p.isdigit() else p for p in sorted(asked, key=question.find))


# Category -> what names an instance of it (the text before the suffix must be a name, not 知名/一家).
_INSTANCE_SUFFIX = {"医院": "医院", "区": "区", "县": "县", "市": "市", "省": "省", "大学": "大学|学院", "高校": "大学|学院",
                    "学校": "学校|大学|学院|中学|小学", "公司": "公司|集团", "银行": "银行", "球队": "队"}
_GENERIC = re.compile(r"^(?:知名|著名|一家|多家|一所|多所|各|该|本|其|大型|当地|附近|国内|国外|顶级|某|这家|那家|全|"
                      r"一个|多个|省内|市内|区内|县内|[一二三四五六七八九十几多]{1,2}[家所个座])?[^" + HAN + r"]*$")
_INTRO = re.compile(r"联合|携手|共同|与|和|及|同|在|的|是|了|到|向|从|对|为|把|被|给|由|跟|经|据|于")
_TITLED = re.compile(r"^(?:电影|影片|电视剧|剧|作品|小说|书|著作|歌曲|歌|专辑|游戏|文件|法规|规定|政策)")


def instance_gap(question: str, quote: str) -> str:
    """"哪家医院" with a quote that names no hospital: returns the category, else ""."""
    m = INSTANCE_Q.search(question) or WORK_Q.search(question)
    if not m:
        return ""
    if t := _TITLED.match(m.group(1)):
        # a work is named by its title in 《》, and not one the question already names
        return "" if any(x not in question for x in re.findall(r"《[^》]+》", quote)) else t.group(0)
    asked = m.group(1)
    # the category is the longest known one the asked words start with, or end with (哪家三甲医院)
    category = next((c for c in sorted(_INSTANCE_SUFFIX, key=len, reverse=True)
                     if asked.startswith(c) or asked.endswith(c)), "")
    if not category:
        return ""
    suffix = _INSTANCE_SUFFIX[category]
    for found in re.finditer(r"([" + HAN + r"A-Za-z0-9·&]{0,10}?)(?:" + suffix + ")", quote):
        # the words just before the suffix, cut at the verb or particle that introduces them
        name = _INTRO.split(found.group(1))[-1]
        for part in re.findall(r"[" + HAN + r"]{2,}", question):
            name = name.replace(part, "")
        name = re.sub(r"三甲|二甲|综合|专科", "", name)
        if re.search(r"[A-Z]{2}", name):  # DC漫画公司
            return ""
        if len(name) >= 2 and not _GENERIC.match(name) and found.group(0) not in question:
            return ""
    return category


# English attribute words and how Chinese text says them: an English question over Chinese
# passages shares no words with them, so its focus word is looked up here (words not listed are
# not checked). Common factoid attributes only; each wording must be one a passage would use.
_MONEY = _N + "[万亿]?(?:元|美元|欧元|英镑)"
_EN_FOCUS = {
    "population": "人口", "area": "面积", "height": "身高|高度|高约|高达|米高|海拔", "tall": "身高|高度|米",
    "length": "长度|长约|长达|全长|公里|米", "long": "长度|长约|长达|全长|小时|分钟|年|天",
    "weight": "体重|重量|重约|公斤|千克|吨|克", "density": "密度", "diameter": "直径", "depth": "深度|水深",
    "width": "宽度|宽约", "age": "岁|年龄", "old": "岁|年龄", "temperature": "温度|气温|℃|度",
    "speed": "速度|时速|公里/小时", "capacity": "容量|座位|容纳|产能",
    "wife": "妻子|夫人|妻|太太", "husband": "丈夫|先生|夫", "father": "父亲|父", "mother": "母亲|母", "son": "儿子|子",
    "daughter": "女儿|女", "brother": "兄|弟|哥", "sister": "姐|妹", "children": "子女|孩子|儿子|女儿",
    "ceo": "CEO|首席执行官|总裁|总经理", "president": "总统|主席|总裁|校长|会长", "founder": "创始人|创办|创立|创建",
    "chairman": "董事长|主席", "director": "主任|导演|局长|院长|总监", "mayor": "市长", "coach": "教练",
    "captain": "队长|船长|机长", "singer": "主唱|歌手", "author": "作者|著", "leader": "领导|领队|队长|负责人",
    "price": "价格|售价|定价|票价|" + _MONEY, "cost": "成本|花费|耗资|造价|" + _MONEY, "money": _MONEY + "|融资|募集",
    "raise": "融资|募集|筹集|" + _MONEY, "funding": "融资|资金|投资|" + _MONEY, "fee": "费用|" + _MONEY,
    "salary": "工资|薪|年薪|月薪", "revenue": "收入|营收|营业额", "profit": "利润|盈利", "gdp": "生产总值|GDP",
    "budget": "预算", "jobs": "岗位|就业", "visitors": "游客|访客|人次|客流", "tourists": "游客|人次|客流",
    "students": "学生|学员", "residents": "居民|人口", "beds": "床位|张床", "sales": "销量|销售|售出",
    "sold": "销量|售出|卖出|销售", "founded": "成立|创立|创办|创建|设立", "established": "成立|设立|建立|创立",
    "built": "建成|建于|修建|兴建|建造", "opened": "开通|开业|开放|启用|开幕", "born": "出生|生于",
    "died": "去世|逝世|死|卒", "released": "发行|发布|上映|推出", "launched": "推出|发布|上线|启动",
}
# "how many X": the passage must give a count of X (the noun alone, 包裹输送带, is no answer).
_EN_COUNT = {
    "parcels": "件|单|个包裹", "packages": "件|个包裹", "orders": "单|笔", "copies": "套|份|张|本|册", "employees": "人|名",
    "staff": "人|名", "workers": "人|名", "jobs": "个|岗位", "visitors": "人次|人", "tourists": "人次|人",
    "students": "人|名", "members": "人|名", "people": "人|名", "residents": "人", "beds": "张", "cars": "辆",
    "vehicles": "辆", "companies": "家", "firms": "家", "enterprises": "家", "hospitals": "家|所", "schools": "所",
    "countries": "个|国", "products": "款|个|种", "units": "套|台|个", "sets": "套|台", "times": "次", "years": "年",
}
_EN_PATTERNS = [re.compile(p, re.I) for p in (
    r"\bhow (tall|long|old)\b", r"\bhow much (money)\b", r"\bhow many (\w+)", r"\bwhat (?:is|was|are|were) the (\w+) of\b",
    r"\bwho (?:is|was) the (\w+) of\b", r"\b(?:who|what) (?:is|was|are|were) [\w .-]+?'s (\w+)",
    r"\bwhen (?:was|were|did) [\w .-]+? (founded|established|built|opened|born|died|released|launched)\b",
    r"\b(?:did|does|do) [\w .-]+? (raise|cost)\b")]


def english_focus(question: str) -> tuple[str, str]:
    """(the English focus word, the Chinese wordings of it) of an English question, or ("", "")."""
    if (m := re.search(r"\bhow many (\w+)", question, re.I)) and m.group(1).lower() in _EN_COUNT:
        word = m.group(1).lower()
        return word, _N + "[万亿千百]?(?:" + _EN_COUNT[word] + ")"
    for pattern in _EN_PATTERNS:
        if m := pattern.search(question):
            word = m.group(1).lower()
            if word in _EN_FOCUS:
                return word, _EN_FOCUS[word]
    return "", ""


def _english_gaps(question: str, quote: str, context: str, passage: str) -> list[Gap]:
    from qa.text.pinyin import mentioned, names

    out = []
    found = names(question)
    if found and not any(mentioned(readings, passage or quote + context) for _, readings in found):
        out.append(Gap("name", found[0][0]))  # Heihe, Fan Tingsong: written in characters if it is there
    word, wordings = english_focus(question)
    if word and not re.search(wordings, quote + context, re.I):
        out.append(Gap("english", word))
    return out


def wants_figure(question: str) -> bool:
    """A period qualifies a figure (2024年的生产总值); elsewhere (1990年担任什么职务) the year may
    be stated sentences away from the answer."""
    return bool(NUMBER_Q.search(question) or SIZE_Q.search(question))


def gaps(question: str, quote: str, context: str, passage: str = "") -> list[Gap]:
    """What the question asks that `quote` (with `context`, its neighbouring sentences) lacks.
    `passage` (the quoted passage with its title) is where an English question's names are sought."""
    if not CJK.search(question):
        return _english_gaps(question, quote, context, passage) if CJK.search(quote) else []
    out = []
    word, kind = focus(question)
    if word and not mentions(quote + context, word):
        out.append(Gap(kind, word))
    if wants_figure(question) and (period := period_gap(question, quote, context)):
        out.append(Gap("period", period))
    if category := instance_gap(question, quote):
        out.append(Gap("instance", category))
    return out
