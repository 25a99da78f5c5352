"""The short answer (qa.answer.short): the words of the quote that answer the question, or None.
Each table row is a question, the quote it is answered from and the short answer it must give;
the lexicon entries the picker reads ("short answers" in zh.toml) are each used by a row."""

from __future__ import annotations

import pytest

from qa.answer.short import MAX_CHARS, MAX_LIST_CHARS, pick, short_answer
from qa.text import lexicon

SEED_QUOTE = ("走进河北石家庄新华区华强广场,工作人员正忙着对接入驻商户。该项目曾因产权分散长期闲置,在湾里庙步行街管委会牵头搭建平台、"
              "逐户沟通后,签约率达98%,计划明年1月开业,可创造1000个就业岗位。")

ANSWERED = [
    # (question, quote, short answer)
    ("华强广场项目可以创造多少个就业岗位?", SEED_QUOTE, "1000个"),
    ("华强广场的签约率是多少?", SEED_QUOTE, "98%"),
    # a company's legal form read with its kind (name_form), not cut at its 有 (the seed gave 限公司)
    ("刘琳是哪家公司的？", "黑河国欧物流有限公司人事负责人刘琳深有感触地说。", "黑河国欧物流有限公司"),
    ("他加入了哪家公司？", "他加入了中国石油天然气股份有限公司。", "中国石油天然气股份有限公司"),
    ("若游戏中离，则多少分钟内不得进行配对？", "若游戏中离，则4分钟内不得进行配对(每次中离+4分钟)。", "4分钟"),
    ("生命数耗完即算作什么？", "每次泡封会减少生命数，生命数耗完即算为踢爆。", "踢爆"),
    ("到哪一年构建具有国际竞争力的产业生态?", "明确至2030年构建具有国际竞争力的产业生态。", "2030年"),
    ("《神圣十月》是何时开始播放的？", "动画在2007年1月4日于千叶电视台开始播放。", "2007年1月4日"),
    ("海珠区是在哪个月启动建设的？", "今年9月,该区启动琶洲策源地建设,并启动《琶洲脑谷三年行动计划》编制。", "今年9月"),
    ("斯氏腔吻鳕的生殖季是什么时候？", "生殖季在2至4月。", "2至4月"),
    ("龙胆生长的地区海拔约是多少米？", "生长于海拔400米至1,700米的地区。", "400米至1,700米"),
    ("张天霖的身高是多少？", "身高182CM", "182CM"),
    ("《中朝友好合作互助条约》有效期是多长时间？", "《中朝友好合作互助条约》有效期二十年，如一方要求修改或终止。", "二十年"),
    ("莎莉公司初时主要售卖什么？", "莎莉公司成立于1939年，初时主要售卖食糖、咖啡和茶叶等。", "食糖、咖啡和茶叶"),
    ("叶盛茂毕业于哪所大学？", "毕业于国立中兴大学法商学院法律系。", "国立中兴大学"),
    ("占士·邦是哪部小说的主角？", "占士·邦是一个虚构人物，是著名小说《占士邦》系列的主角。", "《占士邦》"),
    ("泰国的国家标示叫什么？", "泰国的国家标示叫做Garuda，这是一个神话式的形象。", "Garuda"),
    ("西施故里旅游区的总面积是多少？", "西施故里旅游区于2003年初开始规划兴建，已建成总面积为1.44平方公里的旅游区。", "1.44平方公里"),
    ("蒙泰罗在美国大奖赛上获得第几名？", "蒙泰罗在美国大奖赛上获得第3名。", "第3名"),  # a rank keeps its 第
    ("夜来香分布在哪些地区？", "分布在亚洲、美洲、欧洲以及中国大陆的华南等地，一般生于山坡灌木丛中。",
     "亚洲、美洲、欧洲以及中国大陆的华南等地"),  # a list, as the sentence writes it
    ("林郁智的艺名是什么？", "林郁智（），艺名纳豆，台湾男演员、主持人。", "纳豆"),  # named after a naming word
    ("刘七的本名是什么？", "刘六本名刘宠、刘七本名刘宸，兄弟二人皆河北霸州文安县人。", "刘宸"),
    # an era's year keeps the common-era year written after it; a year in characters its day
    ("辅助康忠的近清什么时候去世的？", "近清于天正16年（1588年）去世。", "天正16年（1588年）"),
    ("元皇后什么时候被释放出来的？", "承光元年（577年），元皇后被释放。", "承光元年（577年）"),
    ("什么时候双方代表互换批准书？", "双方代表于一九六一年九月十日互换批准书。", "一九六一年九月十日"),
    ("新亚怪鱼酒家在何时开店？", "新亚怪鱼酒家于1920年代开店。", "1920年代"),  # a decade, not 1920年
    ("西施故里旅游区是何时开始规划兴建的？", "西施故里旅游区于2003年初开始规划兴建。", "2003年初"),
    # 哪一年 wants the year alone, not its month and day or its 初
    ("外蒙古是在哪一年提出加入联合国的申请？", "外蒙古于1946年11月19日提出加入联合国的申请。", "1946年"),
    ("江户时代在哪一年正式结束？", "江户时代于1867年末正式结束。", "1867年"),
    ("大桥哪一年建成？", "该工程1990年开工，1990年完工。", "1990年"),  # none of its words said: the one year, written twice
    ("杜充在哪一年开始接任东京留守？", "建炎二年七月，杜充开始接任东京留守。", "建炎二年"),
    # "some decades" (几十年, 数十年) is no era's year: the year in the life span, after the aside
    ("吴健雄出生于哪一年？", "吴健雄（Chien-Shiung Wu，1912年—1997年）是物理学家，推翻了物理学家们几十年来视为理所当然的"
     "原理。她出生于上海附近的浏河镇。", "1912年"),
    ("他出生于哪一年？", "他（1801年—1890年）在此后长达数十年里著书。他出生于巴黎。", "1801年"),
    # a place: after 在哪里 as one question word, and after the last locative word of its fence
    ("吉斯伯恩大区的首府在哪里？", "吉斯伯恩大区的首府位于吉斯伯恩市。", "吉斯伯恩市"),
    ("五月天第一次的大型演唱会是在哪里举办的？", "1999年8月28日乐团于台北市立体育场举办第一次的大型演唱会。", "台北市立体育场"),
    ("东关街在哪里？", "东关街是中国江苏省扬州市广陵区的一条东西向街道。", "中国江苏省扬州市广陵区"),  # not 的一条街道
    # what a thing is called, in a sentence naming it with a calling verb (translated text)
    ("雄性蜜蜂叫什么？", "被称为雄蜂的雄性蜜蜂不采集食物。", "雄蜂"),  # not 不采集食物, what it does
    ("释放氧气的小孔叫什么？", "氧气通过被称为气孔的小孔释放到空气中。", "气孔"),
    ("地表下面熔化的岩石叫什么？", "火山是地壳上的一个开口。地表以下的熔融岩石被称为岩浆；喷出后称为熔岩。", "岩浆"),
    ("京都市区的东北部又被称之为？", "京大校园位处被称为「大学生的城市」之京都市区东北部，稍离市中心。", "大学生的城市"),
    ("获奖的面包需要醒发多长时间？", "这款面包用12英里外磨坊的面粉，需要醒发36个小时。", "36个小时"),  # a duration, not a length
    ("这项税收优惠价值多少？", "该州提供为期五年、价值120万美元的税收优惠。", "120万美元"),  # a value is money, not 五年
    ("医院侧楼项目花费了多少钱？", "医院侧楼项目花费了 48.5 百万美元。", "48.5 百万美元"),  # the figure keeps its unit
    ("建立多少新的房屋於1931年?", "直到1931年，市內建成了大約11,000間新的房屋，其中80%都是由政府資助修建的。",
     "大約11,000"),  # a comma inside a figure ends no clause (not 80%)
    ("五月天第一次的大型演唱會是在哪裡舉辦的?", "1999年8月28日樂團於台北市立體育場舉辦第一次的大型演唱會。", "台北市立體育場"),
    ("2000年桃花源小厨在哪儿开设？", "桃花源小厨是一所在2000年于香港开设的食肆。", "香港"),
    # 为什么 closing a question after a verb asks "as what"
    ("2000年10月，四川大学与华西医科大学合并后，医院更名为什么？",
     "2000年10月，四川大学与华西医科大学合并，随后学院/医院更名为四川大学华西临床医学院/华西医院。", "四川大学华西临床医学院/华西医院"),
    ("如今的赛里木湖被誉为什么？", "如今的赛里木湖被誉为天山的明珠。", "天山的明珠"),
    ("現代網球最早的比賽在哪邊舉行？", "現代網球最早的比賽在英國倫敦溫布頓舉行。", "英國倫敦溫布頓"),
    # the noun after 什么 is kept when the sentence writes it right after the answer
    ("含氧酸如果以第一种方式电离，该物质呈什么性？", "含氧酸如果以第一种方式电离，该物质呈碱性。", "碱性"),
    ("昌昌是什么王国的首都？", "昌昌是奇穆王国的首都。", "奇穆王国"),
    ("近年来电视剧常常以什么方式呈现三角关系？", "近年来电视剧常常以浪漫喜剧的方式呈现三角关系。", "浪漫喜剧"),
    ("国欧边境仓为打破地域限制采用了什么运营模式？", "国欧边境仓采用了“多仓联动”运营模式。", "多仓联动"),
    # a person after 由/被, and a year of a range the one the question does not say
    ("芝加哥大学是谁创办的？", "芝加哥大学于1890年由石油大王约翰·洛克菲勒创办。", "约翰·洛克菲勒"),  # the dotted name alone (DRCD's gold)
    ("凡尔赛宫自1682年到哪一年为法国的王宫？", "凡尔赛宫在1682年至1789年为法国的王宫及政治中心。", "1789年"),
    ("防管时期于何年开始？", "防管时期为1966年5月至1973年。", "1966年"),
    # units an answer carries that a question need not name
    ("山东女子学院图书馆藏书量是多少？", "山东女子学院图书馆藏书量为81.6万册。", "81.6万册"),
    # one naming word asked, another written; a term the sentence quotes
    ("凉茶舖又叫什么？", "凉茶舖，又名凉茶店，是售卖凉茶的商店。", "凉茶店"),
    ("林郁智宣布分手的理由是什么？", "林郁智与女友交往多年，2016年以「生活习惯不一样」为由宣布分手。", "生活习惯不一样"),
    ("J Storm为KAT-TUN出道而成立的品牌是什么？", "J Storm为KAT-TUN出道而成立另一个品牌“J-One Records”。", "J-One Records"),
    # 一个 is an article, not the count asked for
    ("萱侬律占地面积多大？", "萱侬律是一个占地约两平方公里的热带植物公园。", "约两平方公里"),
    # the noun a 的 joins to the question word, written without it; an article count dropped
    ("蒂亚戈·蒙泰罗是哪个国家的赛车手？", "蒂亚戈·蒙泰罗是一位葡萄牙赛车手。", "葡萄牙"),
    ("橡木棍是谁战斗用的棍棒？", "橡木棍是一种盖尔人战斗用的棍棒。", "盖尔人"),
    ("蓝线裸顶鲷的俗名是什么？", "蓝线裸顶鲷，又称蓝线白𫚭，俗名龙尖，为辐鳍鱼纲鲈形目龙占鱼科的鱼类。", "龙尖"),  # another naming word between
    ("内台航路也叫什么？", "内台航路，或称内台航线，是台湾日治时期连结日本内地与台湾的海运航线。", "内台航线"),
    # several things asked for: the longest list, without what the clause says around it
    ("《格斗天王》的主演人员有哪些？", "该剧在台湾台视播出，由孙协志、王仁甫、刘品言、曾之乔主演。", "孙协志、王仁甫、刘品言、曾之乔"),
    ("数字60的因数有哪些？", "数字60有12个因数，即1、2、3、4、5、6、10、12、15、20、30和60，其中2、3和5是质数。",
     "1、2、3、4、5、6、10、12、15、20、30和60"),
    ("洛拉会讲哪些语言？", "她会讲意大利语、法语、西班牙语与英语。", "意大利语、法语、西班牙语与英语"),  # B与C is two items
    # a weight asked for, not the count of things the sentence starts with
    ("尤金袋鼠的体重大约是多少？", "尤金袋鼠共有三个亚种：尤金袋鼠很细小，约只有8公斤重。", "8公斤"),
    # 什么是X: what the sentence says X is, past an aside after X
    ("什么是五月艾？", "五月艾（学名：）是菊科蒿属的植物。", "菊科蒿属的植物"),
    ("什么是冠夫姓？", "冠夫姓（或从夫姓），指女性结婚后改用丈夫的姓氏这样一种习俗。", "女性结婚后改用丈夫的姓氏这样一种习俗"),
    ("什么是标准杆？", "标准杆，是一个高尔夫球运动术语，用以定义挥杆次数。", "高尔夫球运动术语"),
    ("什么是JAXR？", "JAXR即Java API for XML Registries。", "Java API for XML Registries"),
    ("何谓乡里制？", "乡里制乃中国古代农村社会基层组织体系。", "中国古代农村社会基层组织体系"),
    # a dimension asked: the figure with its unit, not a bare number nearer the question's words
    ("主跑道有多长？", "机场有三条跑道，主跑道是08/26，长1,980米。", "1,980米"),
    ("婚礼耗资多少日圆？", "婚礼耗资5亿日圆。", "5亿日圆"),  # 日圆 is one unit, not 日 (day)
    ("后来又有些凉茶舖兼卖什么在中国大陆？", "后来又有些凉茶舖兼卖甜品而在中国大陆，有些是凉茶店。", "甜品"),  # 而 joins, it is no part of it
    # the term a sentence quotes inside the fence, without the words leading to it
    ("桃花源小厨以什么而闻名？", "桃花源小厨的招牌菜是蛇羹，因此此店亦以「太史五蛇羹」而闻名。", "太史五蛇羹"),
    ("夜来香的别名是什么？", "夜来香，别名“夜香花”、“夜兰香”（广州）。", "夜香花”、“夜兰香"),  # two terms: as written
    # a colon after the words that place the answer; the full name a short one stands for
    ("冰雪皇后的简称什么？", "冰雪皇后（又译冰雪皇后，简称：DQ）是一家连锁店。", "DQ"),
    ("南宁二中是什么的简称？", "广西壮族自治区南宁市第二中学，简称南宁二中。", "广西壮族自治区南宁市第二中学"),
    ("首钢是什么的简称？", "首钢集团有限公司（简称首钢）是国有独资公司。", "首钢集团有限公司"),
    ("什么是烯酮？", "烯酮是含有RC=C=O结构的有机化合物的统称。", "含有RC=C=O结构的有机化合物的统称"),  # 统称 keeps its 称
    ("总理贾斯汀·特鲁多的父亲是谁？", "2000年9月28日，现任总理贾斯汀·特鲁多的父亲皮埃尔·特鲁多去世。", "皮埃尔·特鲁多"),  # a person ends before an event
    # the noun asked by (哪位漫画家, 什么综艺节目) written where the question word stood labels the answer
    ("长谷川町子从师于哪位漫画家？", "就读山脇高女后从师于漫画家田河水泡。", "田河水泡"),
    ("李晨因参加什么综艺节目而走红？", "李晨因参加综艺节目《奔跑吧兄弟》而走红。", "《奔跑吧兄弟》"),
    # a list asked for is the answer however long (up to MAX_LIST_CHARS): all of it, not nothing
    ("龙胆分布在哪些地区？", "分布在俄罗斯、日本、朝鲜以及中国大陆的贵州、湖北、吉林、浙江、湖南、福建、辽宁、陕西、广西等地，生长于海拔400米的地区。",
     "俄罗斯、日本、朝鲜以及中国大陆的贵州、湖北、吉林、浙江、湖南、福建、辽宁、陕西、广西等地"),
    # a bracketed aside splits the words the question says together: read past it
    ("基督教神学院位于哪里？", "基督教神学院（Ecumenical Theological Seminary）位于密歇根州底特律伍德沃德大道2930号，兴建于1889年。",
     "密歇根州底特律伍德沃德大道2930号"),
    ("鸟兽脚类的概念是由谁提出来的？", "在1988年，保罗·塞里诺（Paul Sereno）提出鸟兽脚类的概念。", "保罗·塞里诺"),
    ("张天霖的著名影视作品有哪些？", "著名作品包括《吐司男之吻》、《我的秘密花园》、《男丁格尔》等。",
     "《吐司男之吻》、《我的秘密花园》、《男丁格尔》"),
]


@pytest.mark.parametrize("question, quote, expected", ANSWERED)
def test_the_short_answer_is_the_span_that_takes_the_question_words_place(question, quote, expected):
    found = pick(question, [quote])
    assert found is not None and found.text == expected
    assert quote[found.start:found.end] == expected  # offsets into the quote as written


NOT_CERTAIN = [
    # 三位 of 三位一体 ("trinity": qa.text.numeral_words) counts nothing; the seed's ask answered it
    ("黑河国欧物流运往几个城市?", "构建起“公路+铁路+航空”三位一体的多式联运体系,运往俄罗斯主要城市。"),
    # (question, quote): no short answer
    ("为什么要建设新园区？", "原有园区已经饱和，今年要建设新园区。"),  # a reason no connective marks: the quote is the answer
    ("新园区是为什么？", "新园区是为了疏解老城区的功能。"),  # 是为什么 asks why
    ("长崎县的金融业是第几产业？", "金融业是长崎县的一个重要产业，占16.2%。"),  # 第几 wants a rank written with 第
    ("国欧物流仓储中心为当地创造了多少个就业岗位？", "中心每天处理一件件货品。"),  # 一件 counts nothing
    ("这句口号是什么？", "公司的口号有「团结」和「奋进」两种。"),  # two quoted terms: which one is not certain
    ("他的父亲说了什么？", "他的父亲说：「我觉得我更自由了，我要做我自己。」"),  # a quoted utterance is no term
    ("华强广场是否已经开业？", SEED_QUOTE),  # yes/no
    ("华强广场项目可以创造多少个就业岗位吗", SEED_QUOTE),  # yes/no by its 吗
    ("华强广场有多少张床位?", SEED_QUOTE),  # the asked measure word is nowhere
    ("冷湖是哪一年设镇的？", "冷湖原为无人区，后来开始建设。"),  # no year in the sentence
    ("大桥哪一年建成？", "该工程1990年开工，1992年完工。"),  # none of its words said, and two years: which one?
    ("公司的口号是什么？", "公司的口号是" + "很长" * MAX_CHARS + "。"),  # longer than a short answer
    ("龙胆分布在哪些地区？", "分布在" + "俄罗斯、日本、" * (MAX_LIST_CHARS // 7 + 1) + "朝鲜。"),  # a list longer than MAX_LIST_CHARS
    ("蓍的别名是什么？", "短叶水蜈蚣，别名无头土香，是莎草科水蜈蚣属的植物。"),  # another plant's name
    ("此鱼分布在哪些地区？", "蓍是菊科植物。生长于海拔100米至2,300米的地区。"),  # a noun alone is no anchor
    ("拉萨河的支流有哪些？", "拉萨河是雅鲁藏布江的支流之一。"),  # no list; 之一 is no answer
    ("什么是约化群？", "约化群可以由根资料分类。"),
    ("东关街有多长？", "个园、逸圃（东关街356号）列为全国重点文物保护单位。"),  # a house number is no length
    ("中国国际象棋超级大赛的级别有多高？", "大赛被国际棋联定为21级赛事。"),  # nor a bare number
    ("马飚毕业于哪所大学？", "毕业后，从事经济研究工作。"),  # one character (后) is no answer
    ("黄鳍紫鱼的体重是多少？", "本鱼有三种颜色。"),  # a count of things is no weight
    ("该区计划建设多少个产业园？", "该区启动《琶洲脑谷三年行动计划(2026—2028)》编制。"),  # a figure in a title names the work
    ("1870年法德战争的结果是？", "1870年法德战争的结果是普鲁士大获全胜。"),  # an elliptic question asking a description
    ("两艘军舰一艘是中业，另一个是？", "两艘军舰一艘是中业，另一个是永兴。"),  # ...or the rest of a list (qa.answer.lists)
]


@pytest.mark.parametrize("question, quote", NOT_CERTAIN)
def test_no_short_answer_when_nothing_is_certain_enough(question, quote):
    assert short_answer(question, [quote]) is None


def test_a_later_quote_answers_when_the_first_cannot():
    found = pick("华强广场项目可以创造多少个就业岗位?", ["华强广场位于新华区。", SEED_QUOTE])
    assert found is not None and (found.quote, found.text) == (1, "1000个")


def test_a_full_width_quote_is_matched_folded_and_cut_as_written():
    assert short_answer("签约率是多少?", ["签约率达９８％,计划明年开业。"]) == "９８％"


@pytest.mark.parametrize("word", lexicon.words("range_word"))
def test_range_word_joins_two_figures(word):
    assert short_answer("海拔是多少米？", [f"生长于海拔400米{word}600米的地区。"]) == f"400米{word}600米"


@pytest.mark.parametrize("unit", lexicon.words("latin_unit"))
def test_latin_unit_belongs_to_its_figure(unit):
    assert short_answer("主峰的高度是多少？", [f"主峰的高度为182{unit}。"]) == f"182{unit}"


@pytest.mark.parametrize("word", lexicon.words("yes_no_q"))
def test_yes_no_question_gets_no_short_answer(word):
    assert short_answer(f"华强广场{word}创造1000个就业岗位?", [SEED_QUOTE]) is None


@pytest.mark.parametrize("word", lexicon.words("what_q"))
def test_what_word_is_the_place_of_the_answer(word):
    assert short_answer(f"生命数耗完即算作{word}？", ["生命数耗完即算为踢爆。"]) == "踢爆"


@pytest.mark.parametrize("char", lexicon.words("which_q"))
def test_which_word_keeps_the_noun_it_asks_for(char):
    assert short_answer(f"他毕业于哪{char}大学？", ["他毕业于中兴大学法律系。"]) == "中兴大学"


@pytest.mark.parametrize("char", lexicon.words("span_edge"))
def test_joining_word_is_no_part_of_the_answer(char):
    assert short_answer("游戏结束即算作什么？", [f"游戏结束即算作{char}踢爆{char}。"]) == "踢爆"


@pytest.mark.parametrize("word", lexicon.words("ordinal_q"))
def test_a_rank_keeps_its_ordinal(word):
    assert short_answer(f"这张单曲是他们的{word}张单曲？", ["这张单曲是他们的第15张单曲。"]) == "第15张"


@pytest.mark.parametrize("word", lexicon.words("naming_word"))
def test_naming_word_places_the_name(word):
    assert short_answer(f"林郁智的{word}是什么？", [f"林郁智（），{word}纳豆，台湾男演员。"]) == "纳豆"


@pytest.mark.parametrize("word", lexicon.words("span_lead"))
def test_a_word_that_introduces_the_span_is_no_part_of_it(word):
    assert short_answer("首府在哪里？", [f"首府{word}吉斯伯恩市。"]) == "吉斯伯恩市"


@pytest.mark.parametrize("word", lexicon.words("place_lead"))
def test_a_place_is_what_follows_its_locative_word(word):
    assert short_answer("乐团在哪里演出？", [f"1999年8月28日乐团{word}台北市体育场演出。"]) == "台北市体育场"


@pytest.mark.parametrize("word", lexicon.words("list_q"))
def test_a_question_for_several_things_gets_the_list(word):
    assert short_answer(f"拉萨河的支流有{word}？", ["主要支流有：麦曲、桑曲、拉曲及堆龙曲。"]) == "麦曲、桑曲、拉曲及堆龙曲"


@pytest.mark.parametrize("word", lexicon.words("list_join"))
def test_a_list_keeps_its_last_two_joined(word):
    assert short_answer("剧中的主演有哪些？", [f"该剧的主演是孙协志、王仁甫、刘品言{word}曾之乔。"]) == f"孙协志、王仁甫、刘品言{word}曾之乔"


@pytest.mark.parametrize("word", lexicon.words("list_end"))
def test_a_list_ends_at_its_closing_word(word):
    assert short_answer("剧中的主演有哪些？", [f"该剧由孙协志、王仁甫、刘品言、曾之乔{word}主演。"]) == "孙协志、王仁甫、刘品言、曾之乔"


@pytest.mark.parametrize("mark", lexicon.words("list_mark"))
def test_a_list_is_cut_at_its_marks(mark):
    assert short_answer("她会讲哪些语言？", [f"她能够流利讲英语{mark}法语{mark}德语，也会一点日语。"]) == f"英语{mark}法语{mark}德语"


@pytest.mark.parametrize("word", lexicon.words("empty_span"))
def test_a_span_that_answers_nothing_is_no_short_answer(word):
    assert short_answer("拉萨河是什么？", [f"拉萨河是{word}。"]) is None


@pytest.mark.parametrize("word", lexicon.words("describe_noun"))
def test_a_question_for_a_description_gets_no_short_answer(word):
    assert short_answer(f"假苹婆的叶片有什么{word}？", [f"假苹婆的叶片有散瘀止痛的{word}。"]) is None


@pytest.mark.parametrize("unit", lexicon.words("span_extra_unit"))
def test_an_answer_figure_keeps_its_unit(unit):
    assert short_answer("这个数是多少？", [f"这个数为1,250{unit}。"]) == f"1,250{unit}"


@pytest.mark.parametrize("word", lexicon.words("person_lead"))
def test_a_person_is_named_after_the_word_that_introduces_the_agent(word):
    assert short_answer("芝加哥大学是谁创办的？", [f"芝加哥大学于1890年{word}约翰·洛克菲勒创办。"]) == "约翰·洛克菲勒"


@pytest.mark.parametrize("word", lexicon.words("after_join"))
def test_the_noun_after_the_question_word_anchors_without_its_particle(word):
    assert short_answer(f"蒙泰罗是哪个国家{word}赛车手？", ["蒙泰罗是一位葡萄牙赛车手。"]) == "葡萄牙"


PARAPHRASED = [
    # (question, best quote, short answer): the sentence says the question's words its own way
    ("在广东巡抚任内，怡良配合谁开展禁烟运动？", "在广东巡抚任内，怡良积极配合两广总督邓廷桢和林则徐的禁烟运动，并支持关天培。",
     "两广总督邓廷桢和林则徐"),  # a word inserted (积极): the pieces of the question's words place it
    ("兆康苑总站位于哪里？", "兆康苑总站（英文：Siu Hong Court Bus Terminus）位于香港屯门兆康路兆康苑内，邻近港铁。",
     "香港屯门兆康路兆康苑内"),  # an aside between; the span may say a question word or two
    ("1991年蘇聯解體後中亞地區新成立的國家使用哪一種字母來取代西里爾字母?",
     "到了1991年蘇聯解體之後，這些地區有不少新成立的國家再度重新使用拉丁字母取代西里爾字母。", "拉丁字母"),  # the noun asked is kept
    ("张学良于1929年7月时执行了哪一个政策强硬对抗苏俄？", "1929年7月，张学良执行蒋的「革命外交」政策，强硬对抗苏俄。",
     "革命外交"),  # a quoted term in the span is the answer
    ("威廉·狄尔泰是哪国的哲学家？", "威廉·狄尔泰（Wilhelm Dilthey，），德国哲学家，历史学家，心理学家。",
     "德国"),  # a place: the clause that ends where the sentence writes the words after 的
]


@pytest.mark.parametrize("question, quote, expected", PARAPHRASED)
def test_a_paraphrased_sentence_places_the_answer_by_the_pieces_of_the_questions_words(question, quote, expected):
    assert short_answer(question, [quote]) == expected


PARAPHRASED_NOT_CERTAIN = [
    ("于1948年并入奥斯陆的城市名为什么？", "1948年，奥斯陆并入周边城市后面积增加了108%。"),  # a figure is no name
    ("印度野驴栖息在哪儿？", "印度野驴是栖息在南亚的亚洲野驴亚种。"),  # 南亚的亚洲野驴亚种: 的 inside
    ("禁止性规定有助于防止风险从哪一方传染给商业银行？", "有助于防止风险从委托方向商业银行传染,提高金融体系稳定性。"),  # ends in the question's words
    ("黑河是共建“一带一路”哪个方向通道上的关键节点？", "黑河是共建“一带一路”北向通道的关键节点。"),  # 北 alone: too short
    ("马尼拉是哪一个国家的城市？", "马尼拉（Manila），第一大城市，商业重城。"),  # 城市 alone places nothing
]


@pytest.mark.parametrize("question, quote", PARAPHRASED_NOT_CERTAIN)
def test_a_paraphrase_gives_no_short_answer_when_the_span_is_not_a_name(question, quote):
    assert short_answer(question, [quote]) is None


@pytest.mark.parametrize("word", lexicon.words("loose_cut"))
def test_a_paraphrased_span_starts_after_the_sentences_verb(word):
    assert short_answer("当时的新喀里多尼亚是哪一国的殖民地？", [f"拿破仑三世在新喀里多尼亚建立{word}法国殖民地。"]) == "法国"


def test_the_words_around_the_question_word_are_looked_for_within_one_sentence():
    assert lexicon.regex("sentence_stop").split("甲。乙！丙？丁；戊\n己") == ["甲", "乙", "丙", "丁", "戊", "己"]


@pytest.mark.parametrize("word", lexicon.words("naming_copula"))
def test_x_shi_shenme_is_answered_by_the_sentence_that_says_y_shi_x(word):
    assert short_answer(f"瓦士本市的主街道{word}什么？", [f"威斯康辛州州立公路13号{word}瓦士本市的主街道。"]) == "威斯康辛州州立公路13号"
    assert short_answer(f"瓦士本市的主街道{word}什么？", [f"公路13号{word}本州的一条公路。"]) is None  # says no piece of it


@pytest.mark.parametrize("copula", lexicon.words("defining_copula"))
def test_defining_copula_says_what_a_term_is(copula):
    assert short_answer("什么是乡里制？", [f"乡里制（古称）{copula}中国古代农村社会基层组织体系。"]) == "中国古代农村社会基层组织体系"


@pytest.mark.parametrize("word", lexicon.words("counted_measure"))
def test_counted_measure_answers_no_dimension(word):
    assert short_answer("尤金袋鼠的体重大约是多少？", [f"尤金袋鼠共有3{word}亚种，很细小。"]) is None


@pytest.mark.parametrize("mark", range(len(lexicon.words("term_open"))))
def test_term_marks_set_the_term_apart(mark):
    open_, close = lexicon.words("term_open")[mark], lexicon.words("term_close")[mark]
    assert short_answer("此店以什么而闻名？", [f"此店亦以{open_}太史五蛇羹{close}而闻名。"]) == "太史五蛇羹"


@pytest.mark.parametrize("colon", lexicon.words("colon"))
def test_colon_leads_to_the_answer(colon):
    assert short_answer("冰雪皇后的简称什么？", [f"冰雪皇后又译冰雪皇后，简称{colon}DQ。"]) == "DQ"


@pytest.mark.parametrize("era", lexicon.words("calendar_era"))
def test_a_year_counted_in_a_calendar_keeps_its_name(era):
    # Taiwan writes years of the Republic (民國16年): the calendar's name is part of the date
    assert short_answer("道制在什么时候被废除?", [f"道制于{era}16年被废除。"]) == f"{era}16年"


@pytest.mark.parametrize("verb", [w for w in lexicon.words("speech_verb") if len(w) > 1])
def test_a_person_asked_for_ends_before_a_verb_of_saying(verb):
    quote = f"黑河自贸片区管委会副主任王任之{verb}，片区将扩大开放。"  # 任 alone stands inside words (主任, 王任之)
    assert short_answer("黑河自贸片区管委会副主任是谁？", [quote]) == "王任之"

@pytest.mark.parametrize("word", lexicon.words("approximate_lead"))
def test_a_figure_keeps_the_word_that_makes_it_approximate(word):
    assert short_answer("这条公路有多长？", [f"这条公路全长{word}50公里。"]) == f"{word}50公里"
    assert short_answer("这条公路大约有多长？", [f"这条公路全长{word}50公里。"]) == "50公里"  # the question hedges


@pytest.mark.parametrize("word", lexicon.words("relative_time"))
def test_a_date_keeps_the_word_that_says_its_year_or_month(word):
    assert short_answer("华强广场计划什么时候开业？", [f"华强广场计划{word}1月开业。"]) == f"{word}1月"
    assert short_answer("华强广场计划有多少商户？", [f"华强广场{word}有30家商户。"]) == "30家"  # a count, no date


@pytest.mark.parametrize("question, quote, expected", [
    ("上海的行动方案覆盖哪几年？", "上海发布了脑机接口未来产业培育行动方案(2025—2030年)", "2025—2030年"),
    ("这部作品叫什么名字？", "这部作品名为《红楼梦》，成书于清代。", "《红楼梦》"),  # balanced: kept
])
def test_a_short_answer_never_ends_with_a_bracket_it_does_not_open(question, quote, expected):
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("role", ["主任", "院长", "书记", "局长", "董事长", "校长"])
def test_a_person_asked_by_post_is_named_without_the_posts_before_the_name(role):
    quote = f"实验室常务副主任、华南理工大学研究中心{role}李远清介绍，产品已出口。"
    assert short_answer("实验室的常务副主任是谁？", [quote]) == "李远清"
    assert short_answer("实验室的常务副主任是谁？", [f"实验室常务副主任、研究中心{role}欧阳明日介绍，产品已出口。"]) == "欧阳明日"


@pytest.mark.parametrize("suffix", lexicon.words("admin_suffix"))
def test_a_place_drops_the_suffix_of_the_name_before_it(suffix):
    quote = f"北京{suffix}海淀区是数据策源地。"
    assert short_answer("北京哪个区是数据策源地？", [quote]) == "海淀区"
    assert short_answer(f"北京{suffix}哪个区是数据策源地？", [quote]) == "海淀区"  # the question writes it: no cut needed


def test_a_lead_verb_opens_no_place():
    assert short_answer("国欧物流仓储中心在哪个省？", ["走进黑龙江省黑河市的国欧物流仓储中心,景象繁忙。"]) == "黑龙江省"


def test_a_list_asked_by_its_noun_drops_the_noun_cut_short():
    quote = "商业银行开展托管业务应当坚持诚实信用、勤勉尽责、独立审慎、风险隔离原则,保障托管财产的独立。"
    assert short_answer("商业银行开展托管业务应当坚持哪些原则？", [quote]) == "诚实信用、勤勉尽责、独立审慎、风险隔离"


@pytest.mark.parametrize("word", lexicon.words("naming_copula"))
def test_a_question_ending_with_its_copula_asks_what_follows_it(word):
    found = pick(f"布里亚特共和国的首都{word}？", [f"布里亚特共和国的首都{word}乌兰乌德。"])
    assert found is not None and found.text == "乌兰乌德"


@pytest.mark.parametrize("word", lexicon.words("empty_span"))
def test_a_place_ends_before_the_kind_its_subject_is_one_of(word):
    assert short_answer("东关街在哪里？", [f"东关街是扬州市广陵区的{word}老街。"]) == "扬州市广陵区"


@pytest.mark.parametrize("names, units", sorted(lexicon.glossary("asked_unit").items()))
def test_a_value_or_duration_asked_by_its_noun_takes_a_figure_in_its_units(names, units):
    name, unit = names.split("|")[0], units.split("|")[-1]
    quote = f"这项工程共有3个部门参与，{name}为12{unit}。"
    assert short_answer(f"这项工程的{name}是多少？", [quote]) == f"12{unit}"


@pytest.mark.parametrize("verb", lexicon.words("calling_verb"))
def test_a_calling_verb_gives_the_name_of_the_thing_asked(verb):
    assert short_answer("雄性蜜蜂叫什么？", [f"{verb}雄蜂的雄性蜜蜂不采集食物。"]) == "雄蜂"
    assert short_answer("雄性蜜蜂叫什么？", [f"蜂群里的雄性蜜蜂{verb}雄蜂，不采集食物。"]) == "雄蜂"
