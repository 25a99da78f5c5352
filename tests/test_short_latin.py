"""The short answer to English and Spanish questions (qa.answer.short_latin, through qa.answer.short):
each row is a question, the quote it is answered from and the short answer it must give, or a
quote it must give none from; the word classes the picker reads ("short answers" in en.toml and
es.toml) are each run through one question."""

from __future__ import annotations

import re

import pytest

from qa.answer.latin_question import wanted
from qa.answer.short import pick, short_answer
from qa.text import lexicon

HOSPITAL = ("The Northfield General Hospital opened its new east wing on Monday after two years of construction. "
            "Hospital director Dr. Priya Menon said the wing adds 120 beds and a second emergency department.")
SEED_QUOTE = ("走进河北石家庄新华区华强广场,工作人员正忙着对接入驻商户。该项目曾因产权分散长期闲置,在湾里庙步行街管委会牵头搭建平台、"
              "逐户沟通后,签约率达98%,计划明年1月开业,可创造1000个就业岗位。")

ANSWERED = [
    # a figure with the asked noun, the asked unit, money, a bound kept
    ("How many beds does the new wing add?", HOSPITAL, "120 beds"),
    ("How much did the hospital wing project cost?", "The project cost $48.5 million, of which the state paid about 60 percent.",
     "$48.5 million"),
    ("How many new books will the library buy?", "The money will pay for longer hours and 15,000 new books.", "15,000 new books"),
    ("How many runners took part in the marathon?", "A record 14,500 runners took part in the Harborview Marathon.",
     "14,500 runners"),  # English: the count ends at its plural noun
    ("How many entries were there?", "Kowalski beat more than 900 entries from across the country.", "more than 900 entries"),
    ("How many passengers did the airport have last year?",
     "Passenger numbers grew to 3.1 million last year, up from 2.2 million in 2019.", "3.1 million"),  # bare, nearest
    ("How long does the winning loaf proof?", "The loaf is made with flour from a mill 12 miles away and proofs for 36 hours.",
     "36 hours"),
    ("How fast were the winds near the coast?", "Winds reached 70 miles per hour near the coast.", "70 miles per hour"),
    ("How long is the Amazon River?", "The basin covers 7 million square kilometers. It flows about 6,400 kilometers.",
     "6,400 kilometers"),  # an area is no length
    ("What percentage of the budget went to schools?", "About 40 percent of the budget went to schools, 25 percent to roads.",
     "40 percent"),  # a clause mark between keeps 25 percent farther from the question's words
    ("How old was he when he died?", "He died in 2001 at the age of 84 in Paris.", "84"),  # the first question word asks
    ("¿Cuánto costó el edificio?", "El edificio costó 6,8 millones de euros, financiados por la Unión Europea.",
     "6,8 millones de euros"),
    ("¿Cuántas personas visitan la Alhambra al año?", "Hoy la visitan más de 2,5 millones de personas al año.",
     "más de 2,5 millones de personas"),
    ("¿Cuántos autobuses diésel se sustituirán?", "El distrito sustituirá 25 autobuses diésel por vehículos eléctricos.",
     "25 autobuses diésel"),  # Spanish: the adjective after the noun stays
    ("¿Cuántos puestos de trabajo creará la oficina?", "Abrió una oficina que creará 200 puestos de trabajo.",
     "200 puestos de trabajo"),
    ("¿Qué velocidad alcanzaron las rachas?", "Las rachas alcanzaron los 110 km/h en la costa.", "110 km/h"),
    # a number written in words is a figure like any other
    ("How many feathers does the shuttlecock have?", "The shuttlecock is made of sixteen feathers.", "sixteen feathers"),
    ("How many towers does the wall have?", "Twenty-five towers line the wall.", "Twenty-five towers"),
    ("How many people live in the valley?", "About two hundred and fifty thousand people live in the valley.",
     "two hundred and fifty thousand people"),
    ("How many eggs does the box hold?", "The box holds a dozen eggs.", "a dozen eggs"),
    ("How many feathers does the shuttlecock have?", "It is made of sixteen goose feathers.",
     "sixteen goose feathers"),  # words the question does not say, between the figure and its noun
    ("¿Cuántos bibliotecarios nuevos se contratarán?", "El ayuntamiento contratará a seis nuevos bibliotecarios.",
     "seis nuevos bibliotecarios"),  # the question's words in another order
    ("How long is the trail?", "The trail runs for twelve miles along the coast.", "twelve miles"),  # the unit asked
    ("¿Cuántas torres tiene la muralla?", "La muralla tiene dieciocho torres.", "dieciocho torres"),
    ("¿Cuántas personas visitan el parque?", "Lo visitan más de un millón de personas al año.",
     "más de un millón de personas"),
    ("¿Cuánto tiempo duró el asedio?", "El asedio duró treinta y dos días.", "treinta y dos días"),
    # a date, a year
    ("When do the new library hours begin?", "The new hours begin on March 1, when the branch stays open until 9 p.m.",
     "March 1"),
    ("In what year did Maria Kowalski open her bakery?", "Owner Maria Kowalski, who opened the shop in 2016, won.", "2016"),
    ("¿Cuándo será el primer mercado?", "La gerente anunció que el primer mercado será el 4 de mayo.", "4 de mayo"),
    ("¿En qué año fue declarada Patrimonio de la Humanidad?", "En 1984 fue declarada Patrimonio de la Humanidad.", "1984"),
    # a person: no title, a particle kept, never the question's own name
    ("Who is the director of Northfield General Hospital?", HOSPITAL, "Priya Menon"),
    ("Who cut the ribbon at the opening?", "Mayor Tom Garrity cut the ribbon in front of about 400 residents.", "Tom Garrity"),
    ("Who painted Harbor at Dawn?", 'The work, "Harbor at Dawn" by the Dutch painter Willem de Vries, was found.',
     "Willem de Vries"),
    ("¿Quién es el director del museo?", "El director del museo, el Sr. Ramón Vidal, dijo que volverá a exponerse.",
     "Ramón Vidal"),
    ("¿Quién es el consejero delegado de Nodo Sistemas?",
     "La empresa Nodo Sistemas S.A. abrió una oficina. Su consejero delegado, Pablo Serrano, explicó la elección.",
     "Pablo Serrano"),
    # a place after in/en, or beside the asked place noun
    ("In which city was the painting found?",
     'The work, "Harbor at Dawn" by the painter Willem de Vries, was found in a private collection in Brussels.', "Brussels"),
    ("In which town did two schools close?", "Two schools in the town of Westbrook closed for the day.", "Westbrook"),
    ("¿En qué ciudad desarrolló Gutenberg la imprenta?", "Fue desarrollada por Johannes Gutenberg en Maguncia, Alemania.",
     "Maguncia"),
    # a name after a naming word; the name beside a which-question's noun
    ("What are the small pores that release oxygen called?", "The oxygen is released through small pores called stomata.",
     "stomata"),
    ("¿Cómo se llama la madre de los cachorros?", "Su madre, una hembra de seis años llamada Olvido, llegó en 2021.", "Olvido"),
    ("What is the name of the university's research ship?",
     "Coastal State University launched its new research ship, the RV Halcyon, at a ceremony.", "RV Halcyon"),
    ("Which firm designed the new wing?", "The wing was designed by the architecture firm Hale & Ortiz (based in St. Paul).",
     "Hale & Ortiz"),
    ("During which dynasty were the best-known sections built?", "They were built during the Ming dynasty (1368-1644).",
     "Ming dynasty"),
    ("¿Qué compañía eléctrica restableció el suministro?",
     "La compañía eléctrica Luz del Norte restableció el suministro el sábado.", "Luz del Norte"),
    ("¿Cuál es el volcán más grande de la Tierra?", "El volcán más grande de la Tierra es el Mauna Loa, en Hawái.", "Mauna Loa"),
    # a subject asked: the name right before the question's verb, or after by/por; names listed together
    ("Which composer helped him find a publisher?",
     "In 1877 his music caught the attention of Johannes Brahms, who helped him find a publisher in Berlin.",
     "Johannes Brahms"),
    ("Who founded the university?", "The university was founded in 1364 by Casimir III, then king of Poland.",
     "Casimir III"),
    ("Which countries never accepted the treaty?", "France and England never accepted the treaty, which they saw as unfair.",
     "France and England"),
    ("¿Qué dos países se reparten el lago?", "Desde 1935, Perú y Bolivia se reparten las aguas del lago.", "Perú y Bolivia"),
    ("Which mission first landed people on the Moon?",  # a name beside the asked noun first: not the subject of "landed"
     "Neil Armstrong and Buzz Aldrin, who landed on July 20, 1969, flew the Apollo 11 mission.", "Apollo 11 mission"),
    ("Which crowns divided the new lands?", "The treaty divided the new lands between the Crown of Portugal and the Crown "
     "of Castile.", "Crown of Portugal and the Crown of Castile"),  # a plural noun asks the whole list
    # an attribute asked by its noun: a value of its kind
    ("What is the scientific name of the snow leopard?", "The snow leopard (Panthera uncia) is a large cat.",
     "Panthera uncia"),
    ("¿Cuál es la longitud del Orinoco?", "El Orinoco tiene unos 2.140 kilómetros de recorrido y nace en la Sierra Parima.",
     "2.140 kilómetros"),
    ("What is the river's length?", "The river, which drains 801,000 square kilometres, is 2,850 kilometres long.",
     "2,850 kilometres"),
    ("¿En qué sierra nace el río?", "El Orinoco tiene unos 2.140 kilómetros de recorrido y nace en la Sierra Parima.",
     "Sierra Parima"),  # Spanish writes the kind before the name
    ("Who won the women's race?", "The women's race was won by Ana Ribeiro of Portugal in 2:24:10.", "Ana Ribeiro"),
    # an English question over a Chinese quote: a figure of the asked count, a year
    ("How many jobs will the project create?", SEED_QUOTE, "1000个"),
    ("What was the signing rate?", SEED_QUOTE, "98%"),
    ("How many athletes did the team send?", "中国摔跤队共计26人，其中运动员16人，官员10人。", "16人"),  # 运动员: CC-CEDICT
    ("By which year will the industry be competitive?", "明确至2030年构建具有国际竞争力的产业生态。", "2030年"),
]

NOT_CERTAIN = [
    # (question, quote): no short answer
    ("What will the prize money buy?", "Kowalski would use the prize money of $5,000 to buy a second oven."),  # no kind asked
    ("How many cars can the ferry carry?", "The ferry carries up to 250 passengers per crossing."),  # another noun counted
    ("How much is the painting worth?", "The museum recovered a painting stolen 23 years ago."),  # no money
    ("How long is the ship?", "The ship can stay at sea for many days."),  # no figure
    ("Who is the superintendent of the Greenvale school district?", "The Greenvale school district will replace 30 buses."),
    ("Where will the farmers market move?", "The market will move from the town square to the old railway yard."),
    ("Which firm designed the wing?", "Hale & Ortiz and Brick & Co. bid for the work."),  # no run beside 'firm'
    ("¿Qué comprará con el premio?", "Una panadería de Tolosa ha ganado el Premio Nacional del Pan."),
    ("¿Adónde se trasladará el mercado?", "El mercado de Robledal se trasladará a la antigua estación."),  # 'de' is no place lead
    ("Is the wing open?", HOSPITAL),  # yes/no
    ("How many campuses does the college have?", "山东女子学院图书馆藏书81.6万册。"),  # no count of campuses (校区)
    ("When was the wall built?", "该墙寿命约3-5年。"),  # a span of years is no date
    ("What made Laennec look for another way?", "René Laennec was reluctant to place his ear on the chest."),  # a verb
    ("What replaced the paper tube?", "The paper tube of René Laennec was later replaced by a wooden cylinder."),
    ("What kind of rock is the stone made of?", "The stone, carved under King Ptolemy V, is made of granodiorite."),
    ("Who found the stone?", "It was found in 1799 by soldiers in the Nile Delta."),  # a delta is no person
    ("Roughly how many people live in the area the river drains?", "The river drains an area of 801,000 square "
     "kilometres."),  # an area is no count of people
    ("Which crowns shared the lands?", "The Crown gave them away."),  # the question's own word, in another form
    # an ordinal, "one" as a pronoun and a compound adjective count nothing
    ("How many towers does the wall have?", "The wall was built in the sixteenth century."),
    ("How many towers does the wall have?", "The wall was rebuilt in the twenty-first century."),
    ("How many towers does the wall have?", "It is one of the towers of the wall."),
    ("How long is the trail?", "The trail was opened under a five-year plan."),
]


@pytest.mark.parametrize("question, quote, expected", ANSWERED)
def test_short_answer_of_the_asked_kind(question, quote, expected):
    found = pick(question, [quote])
    assert found is not None and found.text == expected
    assert quote[found.start:found.end] == expected  # offsets into the quote as written


@pytest.mark.parametrize("question, quote", NOT_CERTAIN)
def test_no_short_answer_when_nothing_is_certain_enough(question, quote):
    assert short_answer(question, [quote]) is None


def test_across_languages_only_the_best_quote_is_read():
    assert short_answer("When did he retire?", ["他担任主教。", "1963年，他荣休。"]) is None


def test_a_later_quote_answers_in_latin_script():
    found = pick("Who cut the ribbon?", ["The wing opened on Monday.", "Mayor Tom Garrity cut the ribbon."])
    assert found is not None and (found.quote, found.text) == (1, "Tom Garrity")


def test_the_anaphora_join_and_the_placing_quote_are_not_asked_for_latin_questions():
    # constructions=False is how qa.answer.anaphora.places asks: measured on Chinese questions only
    assert pick("How many beds does the new wing add?", [HOSPITAL], constructions=False) is None


# -- each word of the classes the picker reads -----------------------------------------------------

@pytest.mark.parametrize("word", lexicon.words("person_title") + lexicon.words("title_abbreviation"))
def test_a_title_is_no_part_of_a_name(word):
    assert short_answer("Who opened the shop?", [f"{word} Jane Halloran opened the shop."]) == "Jane Halloran"


@pytest.mark.parametrize("word", [w for w in lexicon.words("name_particle") if w != "&"])
def test_a_particle_inside_a_name_is_kept(word):
    assert short_answer("Who opened the shop?", [f"The shop was opened by Jan {word} Berg in May."]) == f"Jan {word} Berg"


@pytest.mark.parametrize("word", lexicon.words("not_person"))
def test_a_run_holding_an_organisation_word_is_no_person(word):
    assert short_answer("Who opened the shop?", [f"Yesterday Greystone {word.capitalize()} opened the shop."]) is None


@pytest.mark.parametrize("word", lexicon.words("latin_place_lead"))
def test_a_place_follows_its_lead_word(word):
    assert short_answer("Where did it happen?", [f"It happened {word} Westbrook last year."]) == "Westbrook"


@pytest.mark.parametrize("word", lexicon.words("latin_name_lead"))
def test_a_name_follows_its_naming_word(word):
    assert short_answer("What are the pores called?", [f"The leaf has small pores {word} stomata."]) == "stomata"


@pytest.mark.parametrize("word", lexicon.words("month_name"))
def test_a_month_makes_a_date(word):
    assert short_answer("When does it open?", [f"It opens on 4 {word} 2027 at noon."]) == f"4 {word} 2027"


@pytest.mark.parametrize("word", lexicon.words("bound_word"))
def test_a_bound_stays_with_its_figure(word):
    assert short_answer("How many eggs are laid?", [f"The queen lays {word} 900 eggs a day."]) == f"{word} 900 eggs"


@pytest.mark.parametrize("word", lexicon.words("magnitude_word") + lexicon.words("thousand_word"))
def test_a_magnitude_stays_with_its_figure(word):
    assert short_answer("How many people live there?", [f"About 3.1 {word} people live there."]) == f"3.1 {word} people"


@pytest.mark.parametrize("word", lexicon.words("figure_tail"))
def test_a_figure_followed_by_a_word_that_counts_nothing_is_bare(word):
    assert short_answer("How many visitors came?", [f"Numbers grew to 51,300 {word} Monday."]) == "51,300"


# -- numbers written in words: each word, as a count, after a bound, opening a sentence, and in a
# unit asked ("how long": twelve miles); a multiplier after "one" or "a" and after a unit word
@pytest.mark.parametrize("word", lexicon.words("number_word") + lexicon.words("tens_word"))
def test_a_number_word_is_a_figure(word):
    assert short_answer("How many towers does the wall have?", [f"The wall has {word} towers."]) == f"{word} towers"
    assert short_answer("How many towers does the wall have?", [f"{word.capitalize()} towers stand on the wall."]) == \
        f"{word.capitalize()} towers"
    assert short_answer("How many eggs are laid?", [f"The queen lays more than {word} eggs a day."]) == f"more than {word} eggs"
    assert short_answer("How long is the trail?", [f"The trail is {word} miles long."]) == f"{word} miles"


@pytest.mark.parametrize("word", lexicon.words("hundred_word") + lexicon.words("thousand_word") + lexicon.words("magnitude_word")
                         + lexicon.words("dozen_word"))
def test_a_multiplier_counts_after_one_or_a_unit_word(word):
    for lead in lexicon.words("one_word") + lexicon.words("one_article") + ("seven", "siete"):
        assert short_answer("How many towers does the wall have?", [f"The wall has {lead} {word} towers."]) == \
            f"{lead} {word} towers"


def test_a_lone_multiplier_counts_only_if_it_is_a_number_alone():
    # "cien", "mil" are numbers by themselves; "millones", "dozen" are not ("millones de años" counts nothing)
    assert short_answer("¿Cuántos años tiene?", ["Tiene mil años."]) == "mil años"
    assert short_answer("¿Cuántos años tiene?", ["Tiene millones de años."]) is None
    assert short_answer("How many eggs are laid?", ["The queen lays dozen eggs a day."]) is None


@pytest.mark.parametrize("word", lexicon.words("one_word"))
def test_one_alone_is_no_figure_but_after_a_ten_it_is(word):
    assert short_answer("How many towers does the wall have?", [f"The wall has {word} towers."]) is None
    for ten in lexicon.words("tens_word"):
        joined = [f"{ten}-{word}", f"{ten} {word}"] + [f"{ten} {a} {word}" for a in lexicon.words("tens_and")]
        for number in joined:
            assert short_answer("How many towers does the wall have?", [f"The wall has {number} towers."]) == f"{number} towers"


@pytest.mark.parametrize("word", lexicon.words("number_word") + lexicon.words("tens_word"))
def test_a_number_word_carries_the_unit_asked_or_says_a_multiple(word):
    from qa.answer.latin_question import asked
    from qa.answer.short_latin import carries

    how_long = asked("How long is the trail?")
    assert carries(how_long, f"The trail is {word} miles long.")
    assert carries(how_long, f"The trail is {word} times longer than the road.")
    assert not carries(how_long, f"The trail has {word} benches.")


@pytest.mark.parametrize("multiple, money", [
    ("three times longer than the article", False),
    ("twice as long as the article", False),
    ("about five times higher than the old one", False),
    ("twice as heavy", False),
    ("three times larger", False),
    ("twice as much as the first", True),  # a multiple of what was paid
    ("three times the price", True),
])
def test_a_multiple_of_a_size_is_no_sum_of_money(multiple, money):
    from qa.answer.latin_question import asked
    from qa.answer.short_latin import carries

    assert carries(asked("How much did Babbage pay Lovelace?"), f"Her notes were {multiple}.") is money
    assert carries(asked("How long are the notes?"), f"Her notes were {multiple}.")  # any size: a multiple answers


@pytest.mark.parametrize("word", lexicon.words("hundred_and"))
def test_and_joins_a_multiplier_to_a_unit_word(word):
    assert short_answer("How many towers does the wall have?", [f"The wall has two hundred {word} six towers."]) == \
        f"two hundred {word} six towers"
    # ...and no two unit words: two figures, of which the one that carries the noun answers
    assert short_answer("How many towers does the wall have?", [f"The wall has two {word} six towers."]) == "six towers"


# (not "of", "de": they join a count's words, "millones de personas")
@pytest.mark.parametrize("word", [w for w in lexicon.words("figure_tail") + lexicon.words("auxiliary") if w not in ("of", "de")])
def test_a_word_that_ends_a_count_is_no_word_before_its_noun(word):
    assert short_answer("How many visitors came?", [f"Numbers grew to 51,300 {word} visitors."]) != f"51,300 {word} visitors"


UNITS = [w for c in ("length_unit", "area_unit", "time_unit", "weight_unit", "speed_unit", "temperature_unit", "percent_unit",
                      "money_unit", "flow_unit") for w in lexicon.words(c)]


@pytest.mark.parametrize("key", sorted(lexicon.glossary("short_unit")))
def test_a_question_word_asks_its_unit(key):
    units = [w for w in UNITS if re.fullmatch(lexicon.glossary("short_unit")[key], w, re.IGNORECASE)]
    # a unit of one word where there is one; a flow's are of several ("cubic metres per second")
    unit = next((w for w in units if w.isalpha()), None) or next(w for w in units if w.replace(" ", "").isalpha())
    quote = f"It grew by 12 pieces and then by 47 {unit} in all."
    question = f"How much {key} is it?" if key.isascii() else f"¿Cuánto {key} el proyecto?"
    assert short_answer(question, [quote]) == f"47 {unit}"


@pytest.mark.parametrize("word", lexicon.words("measure_noun"))
def test_a_measure_noun_asks_for_a_figure(word):
    question = f"What is the {word} of it?" if word.isascii() else f"¿Qué {word} tiene?"
    assert wanted(question) == "number"


@pytest.mark.parametrize("word", lexicon.words("place_noun"))
def test_a_place_noun_asks_for_a_place(word):
    question = f"In which {word} was it found?" if word.isascii() else f"¿En qué {word} apareció?"
    assert wanted(question) == "place"


@pytest.mark.parametrize("question, kind", [
    ("¿En qué población se fabrica la mayor parte del turrón?", "place"),  # a town
    ("¿Qué población tiene Quito?", "number"),                              # how many live there
    ("¿Cuál es la población de Quito?", "number"),
    ("¿A qué altitud se encuentra Quito?", "number"),                       # a measure: «a qué», not «en qué»
])
def test_a_measure_noun_after_en_que_asks_where(question, kind):
    assert wanted(question) == kind


@pytest.mark.parametrize("word", lexicon.words("latin_copula"))
def test_what_the_asked_noun_is_answers_a_which_question(word):
    question = "Which volcano is the largest?" if word.isascii() else "¿Cuál es el volcán más grande?"
    assert short_answer(question, [f"The biggest volcano by volume {word} Mauna Loa in Hawaii."]) == "Mauna Loa"


@pytest.mark.parametrize("word", lexicon.words("thing_particle"))
def test_a_particle_inside_the_name_of_a_thing_is_kept_but_not_in_a_person_s(word):
    quote = f"The prize went to Jan Berg {word} Portugal, who sailed for the Bank {word} Lisbon."
    assert short_answer("Which bank did he sail for?", [quote]) == f"Bank {word} Lisbon"
    assert short_answer("Who won the prize?", [quote]) == "Jan Berg"


@pytest.mark.parametrize("word", lexicon.words("object_lead"))
def test_a_word_before_an_object_is_a_verb_not_the_kind_asked(word):
    question = f"What replaced {word} Harbor Tower?" if word.isascii() and word not in ("a", "que") else f"¿Qué sustituyó {word} torre?"
    assert wanted(question) in ("which", "") and short_answer(question, ["Harbor Tower was replaced by Mill Point Hall."]) in (
        None, "Mill Point Hall")
    from qa.answer.latin_question import asked
    assert asked(question) is None


@pytest.mark.parametrize("word", lexicon.words("verb_adverb"))
def test_an_adverb_before_the_question_s_verb_is_skipped(word):
    question = f"Which firm {word} designed the hall?" if word.isascii() else f"¿Qué empresa {word} diseñó el salón?"
    quote = "Hale & Ortiz designed the hall in 1990." if word.isascii() else "Hale y Ortiz diseñó el salón en 1990."
    expected = "Hale & Ortiz" if word.isascii() else "Hale y Ortiz"
    assert short_answer(question, [quote]) == expected


@pytest.mark.parametrize("word", lexicon.words("agent_lead"))
def test_a_subject_follows_its_verb_after_the_agent_word(word):
    quote = f"The hall was designed in 1990 {word} Rosa Lindqvist."
    assert short_answer("Who designed the hall?", [quote]) == "Rosa Lindqvist"


@pytest.mark.parametrize("word", lexicon.words("list_and"))
def test_names_listed_together_are_answered_together(word):
    assert short_answer("Which cities joined the league?", [f"Lübeck, Hamburg {word} Bremen joined the league."]) == \
        f"Lübeck, Hamburg {word} Bremen"


@pytest.mark.parametrize("word", lexicon.words("reflexive"))
def test_a_reflexive_before_the_verb_is_skipped(word):
    assert short_answer(f"¿Qué empresa {word} encarga del puerto?", [f"Naviera Sur {word} encarga del puerto desde 2001."]) == \
        "Naviera Sur"


@pytest.mark.parametrize("question, text, figures", [
    # a figure after "every" / «cada» says how often: no duration, no count
    ("How long does a kakapo egg take to hatch?",
     "Breeding happens only every two to four years, and a female usually lays between one and four eggs.", []),
    ("How long does a Komodo dragon egg take to hatch?",
     "Females lay up to 30 eggs, usually in September, and the young, which hatch after about eight months, spend "
     "their first years in trees.", ["eight months"]),
    ("¿Cuánto tiempo dura la incubación?", "La hembra pone huevos cada dos años, y la incubación dura 60 días.", ["60 días"]),
])
def test_a_figure_after_every_says_how_often(question, text, figures):
    from qa.answer.latin_question import asked
    from qa.answer.short_latin import _figures

    found = asked(question)
    assert [text[s:e] for s, e in _figures(found, text)] == figures


def test_how_often_is_answered_by_every():
    """A question asking how often (`q_often`) keeps the figure after "every"."""
    from qa.answer.latin_question import asked
    from qa.answer.short_latin import _figures

    text = "Breeding happens only every two to four years."
    assert [text[s:e] for s, e in _figures(asked("How many years apart does the kakapo breed?"), text)] == ["four years"]


@pytest.mark.parametrize("question, answer", [
    # a modal before the verb asked is no word of what is counted: the verb still asks its unit
    ("¿Cuánto puede medir de alto un ñandú?", "1,5 metros"),
    ("¿Cuánto pueden pesar los machos?", "25 kilogramos"),
])
def test_a_modal_before_the_verb_asked(question, answer):
    quote = "Vive en grupos de 12 a 30 aves, y con hasta 1,5 metros de altura y 25 kilogramos es la mayor ave del continente."
    assert short_answer(question, [quote]) == answer


@pytest.mark.parametrize("question, quote, short", [
    # "number" and «número» are measure nouns: the figure written with the attribute asked
    ("What is titanium's atomic number?",
     "Titanium is a chemical element with the symbol Ti and atomic number 22, a lustrous transition metal.", "22"),
    ("¿Cuál es el número atómico del cobre?",
     "El cobre es un elemento químico de símbolo Cu y número atómico 29, un metal de color rojizo.", "29"),
])
def test_an_atomic_number_is_a_figure(question, quote, short):
    assert short_answer(question, [quote]) == short
