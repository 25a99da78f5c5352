"""How an English or Spanish sentence says a question's word another way (qa.text.paraphrase): another
form, another word of its class, a value of its kind; and what that does to the answerer's support
and gap checks."""

import pytest

from qa.answer.extractive import answer_extractive
from qa.answer.slots import gaps
from qa.text import lexicon
from qa.text.paraphrase import held, same_word, says, valued
from qa.text.questions import question_terms
from qa.types import Hit


@pytest.mark.parametrize("asked, said, same", [
    ("own", "owner", True),             # the text's word extends the question's
    ("design", "design", True),
    ("designer", "design", True),       # the question's extends a text word of four letters
    ("desarrollo", "desarrollada", True),
    ("incubacion", "incuban", True),
    ("concebir", "con", False),         # ...not of three
    ("art", "ar", False),
    ("invent", "invers", False),        # a shared start of four letters is chance
    ("lead", "led", False),             # irregular forms are the classes' job
    ("nacio", "nacionalismo", False),   # more than four letters after it: another word built on it
    ("nacio", "nacional", True),        # ...up to four (the stems cannot tell nació from nación)
    ("off", "offici", False),           # a stem of three letters: its forms only, not words it starts
    ("sea", "seas", True),
])
def test_same_word(asked, said, same):
    assert same_word(asked, said) is same


# Every class of `word_class` with a question word and a sentence that says it with another member.
CLASSES = {
    "invent": ("Who created the first stethoscope?", "It was invented in 1816 by René Laennec.", "created"),
    "establish": ("In which city was the federation established?", "The FIVB was founded in Paris.", "established"),
    "obtain": ("Who secured the concession?", "A concession obtained by Ferdinand de Lesseps.", "secured"),
    "lead": ("Which city led the league?", "Its leading city was Lübeck.", "led"),
    "build": ("Who built the bridge?", "The bridge was constructed by Roebling.", "built"),
    "discover": ("Who found the stone?", "The stone was discovered by French soldiers.", "found"),
    "write": ("Who wrote the libretto?", "The libretto was composed by Kvapil.", "wrote"),
    "begin": ("When did the works begin?", "Works started in 1859.", "begin"),
    "leave": ("When did he leave Prague?", "He departed in 1892.", "leave"),
    "take": ("Who took the city?", "The city was captured by the Swedes.", "took"),
    "give": ("Who gave him the title?", "The title was granted by the emperor.", "gave"),
    "rise": ("When did the river rise?", "The river rose in May.", "rise"),
    "fall": ("When did the city fall?", "The city fell in 1453.", "fall"),
    "grow": ("Where does the reed grow?", "The reed grew in the shallows.", "grow"),
    "know": ("What is the lake known for?", "The lake, which everyone knew for its seals.", "known"),
    "bear": ("Where was Dvořák born?", "Dvořák's birth took place in Nelahozeves.", "born"),
    "die": ("When did Tycho die?", "After Tycho's death in 1601.", "die"),
    "speak": ("Which language did he speak?", "He spoke Czech.", "speak"),
    "hold": ("Where has the stone been kept?", "The stone has been held in the British Museum.", "kept"),
    "meet": ("Where did they meet?", "They met in Vienna.", "meet"),
    "sell": ("Who sold the painting?", "The painting was sold by a dealer.", "sold"),
    "teach": ("Who taught him?", "He was taught by his uncle.", "taught"),
    "fight": ("Who fought the war?", "The war was fought by Denmark.", "fought"),
    "flee": ("Where did he flee?", "He fled to Sweden.", "flee"),
    "accept": ("Which countries never accepted the division?", "France never recognised the line.", "accepted"),
    "final": ("In what year was the final Diet held?", "The last Diet met in 1669.", "final"),
    "prey": ("What does the snow leopard prey on?", "It hunts wild sheep and goats.", "prey"),
    "oversee": ("Which official oversaw the building?", "It began under the supervision of Sergei Witte.", "oversaw"),
    "people": ("How many people lost their homes?", "It left 70,000 inhabitants homeless.", "people"),
    "think": ("How many whales are thought to be alive?", "A population estimated at 10,000.", "thought"),
    "today": ("How many whales are alive today?", "The species is now listed as endangered.", "today"),
    "tributary": ("Which river feeds into the Irrawaddy?", "Its tributary, the Chindwin, joins it.", "feeds into"),
    "largest": ("Which is the biggest tributary of the Irrawaddy?", "The Chindwin is its largest tributary.", "biggest"),
    "afluente": ("¿De qué río es tributario el Cauca?", "El Cauca es el principal afluente del Magdalena.", "tributario"),
    "idear": ("¿Quién ideó el submarino?", "Un submarino diseñado por Isaac Peral.", "ideó"),
    "fundar": ("¿Quién fundó la ciudad?", "La ciudad fue establecida por Heredia.", "fundó"),
    "comandar": ("¿Quién comandó la defensa?", "La flota, al mando del almirante Vernon.", "comandó"),
    "construir": ("¿Quién construyó el fuerte?", "El fuerte fue edificado por los españoles.", "construyó"),
    "botar": ("¿Cuándo se botó el buque?", "El buque fue lanzado al agua en 1888.", "botó"),
    "nacer": ("¿Dónde nació Falla?", "Su ciudad natal es Cádiz.", "nació"),
    "morir": ("¿Cuándo murió Falla?", "Falla falleció en 1946.", "murió"),
    "descubrir": ("¿Quién descubrió la cueva?", "La cueva fue hallada por un pastor.", "descubrió"),
    "escribir": ("¿Quién escribió la ópera?", "La ópera la compuso Falla.", "escribió"),
    "obtener": ("¿Qué obtuvo la liga?", "La liga consiguió privilegios.", "obtuvo"),
    "moverse": ("¿Qué usaba para moverse?", "Baterías que movían dos motores.", "moverse"),
    "parte": ("¿Qué porción de la cuenca pertenece a Venezuela?", "Tres cuartas partes de su cuenca.", "porción"),
    "castillo": ("¿Cuál es la fortaleza más grande?", "El castillo de San Felipe domina la bahía.", "fortaleza"),
    "barco": ("¿Qué longitud tenía la nave?", "El buque medía 22 metros.", "nave"),
    "decorado": ("¿Quién diseñó la escenografía?", "Con decorados de Pablo Picasso.", "escenografía"),
    "exhibir": ("¿Dónde puede verse hoy el submarino?", "El submarino se exhibe en el Museo Naval.", "verse"),
    "persona": ("¿Cuántas personas visitan el museo?", "Recibe un millón de visitantes al año.", "personas"),
    "cumbre": ("¿Quién subió a la cima?", "Nadie coronó la cumbre hasta 1872.", "cima"),
    "llegar": ("¿Quién llegó primero al polo?", "Amundsen alcanzó el polo en 1911.", "llegó"),
    "envergadura": ("¿Qué tamaño alcanzan sus alas extendidas?", "Con una envergadura de 3 metros.", "alas extendidas"),
    "usar": ("¿Qué utilizaba el submarino?", "El submarino funcionaba con baterías.", "utilizaba"),
    "candidatura": ("¿Quién presentó la candidatura?", "A propuesta conjunta de Argentina y Uruguay.", "candidatura"),
    "terremoto": ("¿Qué edificios aguantan los sismos?", "Los edificios soportan terremotos.", "sismos"),
    "resistir": ("¿Por qué han aguantado los muros?", "Los muros resisten los terremotos.", "aguantado"),
    "único": ("¿Qué río es el único emisario?", "Solo el Desaguadero lo drena.", "único"),
    "ordenar": ("¿Qué rey ordenó construir el palacio?", "El palacio fue mandado edificar por Felipe II.", "ordenó"),
    "empezar": ("¿Cómo empezó la batalla?", "La batalla comenzó cuando el ejército cruzó el río.", "empezó"),
    "rendición": ("¿Quién firmó la rendición?", "El general firmó la capitulación.", "rendición"),
    "incendiar": ("¿Quiénes prendieron fuego a la cripta?", "Unos anarquistas incendiaron la cripta.", "prendieron fuego"),
    "proceder": ("¿De qué palabra deriva el término?", "Su nombre procede del latín.", "deriva"),
    "color": ("¿Qué da el tono amarillo?", "El color amarillo se obtiene con azafrán.", "tono"),
    "proteger": ("¿Qué hizo el gobierno para salvar la especie?", "Creó una reserva para protegerla.", "salvar"),
    "significar": ("¿Qué significa la palabra?", "Suele traducirse como «monstruo de agua».", "significa"),
    "descender": ("¿Qué animal desciende de la vicuña?", "Es el antepasado salvaje de la alpaca.", "desciende"),
    "tener": ("¿Cuántos arcos tiene el acueducto?", "La arquería cuenta con 167 arcos.", "tiene"),
    "abandonar": ("¿Qué motivó su salida de España?", "Al estallar la guerra abandonó España.", "salida"),
}


def test_every_word_class_is_tested():
    assert set(CLASSES) | set(IRREGULAR_ES) == set(lexicon.glossary("word_class"))


@pytest.mark.parametrize("question, sentence, word", CLASSES.values(), ids=list(CLASSES))
def test_a_word_is_held_by_another_of_its_class(question, sentence, word):
    assert says(sentence, word, question)
    assert not says("The weather was mild all year.", word, question)


@pytest.mark.parametrize("base, listed", list(lexicon.glossary("verb_forms").items()))
def test_every_irregular_form_is_held_for_its_base_and_the_base_for_it(base, listed):
    for form in listed.split("|"):
        assert says(f"They {form} it there.", base, f"Did they {base} it there?")
        assert says(f"They {base} it there.", form, f"Had they {form} it there?")
        assert not says("The weather was mild all year.", form, f"Had they {form} it there?")


# Every attribute of `value_of` with a question and a sentence giving a value of its kind beside
# another of the question's words.
VALUES = {
    "length": ("What is the length of the Danube?", "The Danube flows roughly 2,850 kilometres."),
    "elevation": ("What is the elevation of Kibo?", "Kibo rises to 5,895 metres."),
    "altitude": ("What is the altitude of the lake?", "The lake lies at 3,812 metres."),
    "height": ("What is the height of the tower?", "The tower stands 324 metres."),
    "distance": ("What is the distance to the coast?", "The coast is 40 miles away."),
    "depth": ("What is the depth of Baikal?", "Baikal reaches 1,642 metres."),
    "width": ("What is the width of the canal?", "The canal is 205 metres across."),
    "wingspan": ("What is the wingspan of the condor?", "The condor spans 3 metres."),
    "diameter": ("What is the diameter of the dome?", "The dome is some 31 metres across."),
    "radius": ("What is the radius of the crater?", "The crater spreads 2 kilometres from its centre."),
    "circumference": ("What is the circumference of the wall?", "The wall runs 6 kilometres."),
    "perimeter": ("What is the perimeter of the fort?", "The fort extends 900 metres."),
    "thickness": ("What is the thickness of the ice?", "The ice reaches 3 metres."),
    "breadth": ("What is the breadth of the strait?", "The strait narrows to 14 kilometres."),
    "area": ("What is the area of the square?", "The square covers 4 hectares."),
    "weight": ("What is the weight of an adult penguin?", "An adult penguin weighs 40 kilograms."),
    "mass": ("What is the mass of the stone?", "The stone weighs 760 kilograms."),
    "duration": ("What is the duration of the dive?", "A dive lasts 20 minutes."),
    "temperature": ("What is the temperature of the water?", "The water stays at 4 degrees."),
    "total": ("What is the total of the budget?", "The budget came to 4,500 dollars."),
    "date": ("On what date was the canal opened?", "The canal opened on 17 November 1869."),
    "year": ("In what year was the last Diet held?", "The last Diet met in 1669."),
    "scientific name": ("What is the scientific name of the snow leopard?", "The snow leopard (Panthera uncia) hunts."),
    "longitud": ("¿Qué longitud tenía la nave?", "La nave medía 22 metros."),
    "altitud": ("¿A qué altitud está el lago?", "El lago está a 3.812 metros."),
    "altura": ("¿Qué altura tiene la torre?", "La torre mide 97 metros."),
    "distancia": ("¿Qué distancia hay hasta la costa?", "La costa está a 40 kilómetros."),
    "profundidad": ("¿Qué profundidad tiene el lago?", "El lago llega a 281 metros."),
    "anchura": ("¿Qué anchura tiene el río?", "El río alcanza 22 kilómetros."),
    "tamaño": ("¿Qué tamaño alcanzan sus alas?", "Sus alas llegan a 3 metros."),
    "envergadura": ("¿Qué envergadura tiene el cóndor?", "El cóndor llega a 3 metros."),
    "eslora": ("¿Qué eslora tenía el submarino?", "El submarino medía 22 metros."),
    "diámetro": ("¿Qué diámetro tiene la cúpula?", "La cúpula mide 42 metros."),
    "radio": ("¿Qué radio tiene el cráter?", "El cráter se extiende 2 kilómetros."),
    "circunferencia": ("¿Qué circunferencia tiene la muralla?", "La muralla recorre 6 kilómetros."),
    "perímetro": ("¿Qué perímetro tiene el recinto?", "El recinto abarca 900 metros."),
    "grosor": ("¿Qué grosor tiene el hielo?", "El hielo alcanza 3 metros."),
    "espesor": ("¿Qué espesor tiene la capa?", "La capa alcanza 40 metros."),
    "ancho": ("¿Qué ancho tiene el canal?", "El canal alcanza 205 metros."),
    "largo": ("¿Qué largo tiene el puente?", "El puente alcanza 1.280 metros."),
    "superficie": ("¿Qué superficie tiene el lago?", "El lago ocupa 8.300 kilómetros cuadrados."),
    "peso": ("¿Qué peso alcanza el cóndor?", "El cóndor llega a 15 kilogramos."),
    "duración": ("¿Qué duración tiene la incubación?", "La incubación es de 58 días."),
    "tiempo": ("¿Cuánto tiempo dura la incubación?", "Los padres incuban durante 58 días."),
    "temperatura": ("¿Qué temperatura tiene el agua?", "El agua está a 10 grados."),
    "fecha": ("¿En qué fecha se fundó Cartagena?", "Cartagena fue fundada el 1 de junio de 1533."),
    "año": ("¿En qué año se botó el buque?", "El buque fue botado en 1888."),
    "nombre científico": ("¿Cuál es el nombre científico del cóndor?", "El cóndor andino (Vultur gryphus) vuela."),
    # en.toml's life_span: a person's years in brackets say when and where they were born and died
    "born": ("Where was Ada Lovelace born?", "Ada Lovelace (London, 1815 – Marylebone, 1852) wrote notes."),
    "died": ("In what year did Kepler die?", "Johannes Kepler (1571–1630) was an astronomer."),
    "nació": ("¿En qué ciudad nació Falla?",
              ("Manuel de Falla (Cádiz, 23 de noviembre de 1876 – Alta Gracia, 1946) fue un compositor.")),
    "nacido": ("¿Dónde había nacido Cajal?", "Ramón y Cajal (Petilla de Aragón, 1852 – Madrid, 1934) fue médico."),
    "murió": ("¿Dónde murió Falla?", "Manuel de Falla (Cádiz, 1876 – Alta Gracia, 1946) fue un compositor."),
    "falleció": ("¿Cuándo falleció Cajal?", "Ramón y Cajal (1852–1934) fue un médico."),
    # the adjective or verb of a how-question
    "tall": ("How tall is the tower?", "The tower stands 324 metres."),
    "high": ("How high is Kibo?", "Kibo rises to 5,895 metres."),
    "long": ("How long is the canal?", "The canal runs 193 kilometres."),
    "far": ("How far does the Danube flow?", "The Danube flows roughly 2,850 kilometres."),
    "deep": ("How deep is Baikal?", "Baikal reaches 1,642 metres."),
    "wide": ("How wide is the canal?", "The canal is 205 metres across."),
    "heavy": ("How heavy can a whale become?", "A whale can reach 190 tonnes."),
    # "how much" with a noun of extent: an area or a distance
    "much land": ("How much land does the Gobi take up?", "The Gobi covers about 1.3 million square kilometres."),
    "much ground": ("How much ground can the bird cover in a day?", "The bird walks as far as 30 kilometres a day."),
    "much territory": ("How much territory did the empire hold?", "The empire held 5 million square kilometres."),
    "much space": ("How much space does the park occupy?", "The park occupies 40 hectares."),
    "much terrain": ("How much terrain does the reserve span?", "The reserve spans 120 kilometres."),
    "many protons": ("How many protons does a gold atom have?", "Gold is an element with atomic number 79."),
    "weigh": ("How much does an adult penguin weigh?", "An adult penguin reaches 40 kilograms."),
    "mide": ("¿Cuánto mide el cóndor?", "El cóndor llega a 3 metros."),
    "miden": ("¿Cuánto miden sus alas?", "Sus alas llegan a 3 metros."),
    "pesa": ("¿Cuánto pesa el cóndor?", "El cóndor llega a 15 kilogramos."),
    "pesan": ("¿Cuánto pesan los machos?", "Los machos llegan a 15 kilogramos."),
}


@pytest.mark.parametrize("noun, question, sentence", [
    # a noun of extent is asked as an extent only after "how much": "which land" asks the land
    ("land", "Which land did the king grant to the abbey?", "The abbey received 40 hectares."),
    ("ground", "Who owned the ground where the abbey stands?", "The abbey covers 4 hectares."),
    # ... and an extent is a length or an area, not any figure
    ("land", "How much land does the Gobi take up?", "The Gobi is home to 1,000 families."),
    # a count of protons is the atomic number, not any figure beside the element
    ("protons", "How many protons does a gold atom have?", "Gold has 34 known isotopes."),
])
def test_a_noun_of_extent_is_no_value_outside_how_much(noun, question, sentence):
    assert not says(sentence, noun, question)


def test_every_value_kind_is_tested():
    assert set(VALUES) == set(lexicon.glossary("value_of"))


@pytest.mark.parametrize("noun, question, sentence", [(k, *v) for k, v in VALUES.items()], ids=list(VALUES))
def test_an_attribute_is_held_by_a_value_of_its_kind(noun, question, sentence):
    assert says(sentence, noun, question)
    # a value of its kind said of something the question does not name is no value of its attribute
    assert not says("Nobody could say it, though the figure 2,850 was printed.", noun, question)


@pytest.mark.parametrize("question, text, words", [
    ("In which city was the international federation established?", "He lived in New York City.", ["citi"]),
    ("Which city led the league?", "Its leading city was Lübeck.", ["citi", "led"]),
    ("¿Cuánto tiempo dura la incubación?", "Los padres incuban durante 58 días.", ["tiempo", "dura", "incubación"]),
    ("What is the total length of the Danube?", "The Danube flows 2,850 kilometres.", ["total", "length", "danub"]),
    ("What is the length of the new terminal?", "The runway would be 2,800 meters long.", []),
    # a bracket with one year is no life span
    ("Where was Dvořák born?", "Dvořák (a Czech composer) wrote nine symphonies from 1880 to 1893.", ["dvořák"]),
])
def test_support_counts_the_words_a_sentence_says_otherwise(question, text, words):
    terms = tuple(question_terms(question))
    mask = held(question, terms, text)
    assert [t for i, t in enumerate(terms) if mask >> i & 1] == words


def test_a_value_in_a_phrase_stands_beside_the_terms_of_its_sentence():
    # qa.answer.clauses reads a long sentence's phrases: the value is in one, the river in another
    question = "¿Cuál es la longitud del Orinoco?"
    terms = tuple(question_terms(question))
    phrase = "con unos 2.140 kilómetros de recorrido,"
    assert held(question, terms, phrase) == 0
    beside = 1 << terms.index("orinoco")
    assert [t for i, t in enumerate(terms) if held(question, terms, phrase, beside) >> i & 1] == ["longitud"]


@pytest.mark.parametrize("question, word, sentence, holds", [
    # en.toml's length_value: a unit followed by cuadrados or cúbicos says an area or a volume
    ("¿A qué altitud está el lago?", "altitud", "El lago está a 3.812 metros.", True),
    ("¿A qué altitud está el lago?", "altitud", "El lago ocupa 8.560 kilómetros cuadrados.", False),
    ("¿Qué longitud tiene el lago?", "longitud", "El lago guarda 23.600 kilómetros cúbicos de agua.", False),
])
def test_a_length_is_no_area(question, word, sentence, holds):
    assert says(sentence, word, question) is holds


@pytest.mark.parametrize("question, quote, found", [
    ("What is the total length of the Danube?", "The Danube flows roughly 2,850 kilometres to the Black Sea.", []),
    ("What is the length of the new terminal at Cedar Falls airport?",
     "The airport will build a new terminal. The runway would be 2,800 meters long.", [("focus", "length")]),
    ("Who came up with the game of volleyball?", "The game was devised in 1895 by William G. Morgan.", []),
    # (and a quote that names no one answers no who-question: qa.answer.doers)
    ("Who designed the new terminal?", "The new terminal opened in 2022, con una inversión.",
     [("event", "designed"), ("focus", "Who designed")]),
    ("¿Quién diseñó la nueva terminal?", "La nueva terminal, abierta en 2022, con los ferris.",
     [("event", "diseñó"), ("focus", "Quién diseñó")]),
])
def test_gaps_read_the_same_paraphrases(question, quote, found):
    assert [(g.kind, g.detail) for g in gaps(question, quote, "")] == found


def test_a_paraphrased_question_is_answered_and_its_near_miss_refused():
    danube = Hit(chunk_id="c0", text="The Danube is the second-longest river in Europe, flowing roughly 2,850 kilometres "
                 "from the Black Forest to the Black Sea. The Danube Delta shelters more than 300 species of birds.",
                 score=1.0, source="danube.txt", title="Danube", article_id="a", start=0, end=200, rank=1, dense=0.8)
    length = answer_extractive("What is the total length of the Danube?", [danube], threshold=0.25)
    assert not length.refused and "2,850 kilometres" in length.answer
    fish = answer_extractive("How many kinds of fish live in the Danube?", [danube], threshold=0.25)
    assert fish.refused


@pytest.mark.parametrize("question, text, holds", [
    # en.toml's day_mention and month_mention: the dates a "what date" / "which month" question wants
    ("On what date was the waterway opened?", "It opened on 17 November 1869.", True),
    ("On what date was the waterway opened?", "It opened on November 17, 1869.", True),
    ("On what date was the waterway opened?", "It opened in 1869.", False),        # a year is no date
    ("Which month did the works begin?", "Works began in April 1859.", True),
    ("Which month did the works begin?", "Works began in 1859.", False),
])
def test_an_english_date_is_the_type_a_date_question_wants(question, text, holds):
    from qa.text.questions import has_answer_type, question_type

    wants, measure = question_type(question, dimension=True)
    assert has_answer_type(text, wants, measure, question) is holds


def test_a_word_sharing_a_class_members_start_is_not_that_member():
    # "commemorate" is no form of "commence" (en.toml's begin class leaves it out for that)
    assert not says("A stone column was erected to commemorate the disaster.", "start",
                    "Where did the Great Fire of London start?")


@pytest.mark.parametrize("text", [
    # en.toml's reason_mention, each wording: the motive or cause a why-question wants
    "The line closed because the bridge failed.",
    "The line closed due to a flood.",
    "The gates were raised so that ships could pass.",
    "The canal was dug in order to shorten the route.",
    "The canal was dug so as to shorten the route.",
    "He was a director who wanted a gentler pastime.",
    "He moved to Paris, wishing to study with Dukas.",
    "He moved to Paris, hoping to study with Dukas.",
    "The line closed as a result of the flood.",
    "The delay was caused by a strike.",
])
def test_an_english_reason_is_the_type_a_why_question_wants(text):
    from qa.text.questions import has_answer_type, question_type

    wants, measure = question_type("Why did the line close?", dimension=True)
    assert has_answer_type(text, wants, measure, "Why did the line close?")
    assert not has_answer_type("The line closed in 1901.", wants, measure, "Why did the line close?")


# A Spanish question's words are compared by their Spanish stems too; an English question's are not.
@pytest.mark.parametrize("question, sentence, word, is_held", [
    ("¿Quién dirigió la reconstrucción de los arcos?", "Los arcos no se reconstruyeron hasta 1490.", "reconstrucción", True),
    ("¿Quién hizo la traducción?", "Suele traducirse como «monstruo de agua».", "traducción", True),
    ("¿Cuál es la obra del conjunto defensivo?", "La ciudad, defendida por Blas de Lezo.", "defensivo", True),
    # stemmed as written: without its accent nació would be "naci", the start of "nacionalismo"
    ("¿En qué ciudad nació Falla?", "Una figura del nacionalismo musical.", "nació", False),
    # a stem under four letters is no word's form: «salida» and «sal» are both "sal"
    ("¿Qué motivó la salida?", "Pan, aceite y sal.", "salida", False),
    # an English question is not read with the Spanish stemmer
    ("Who made the translation?", "Suele traducirse como «monstruo de agua».", "translation", False),
])
def test_spanish_stems(question, sentence, word, is_held):
    terms = tuple(question_terms(question))
    bit = next(i for i, t in enumerate(terms) if word.startswith(t) or t.startswith(word[:4]))
    assert bool(held(question, terms, sentence) >> bit & 1) is is_held


@pytest.mark.parametrize("question, valued_terms", [
    ("In what year were the devils let loose on the island?", {"year"}),
    ("How long is the river?", {"long"}),
    ("¿Cuál es la longitud del río?", {"longitud"}),
    ("When was the castle built?", set()),  # no attribute noun: nothing a value says
    ("Who built the castle?", set()),
])
def test_the_terms_a_value_of_their_kind_says(question, valued_terms):
    terms = tuple(question_terms(question))
    assert {t for i, t in enumerate(terms) if valued(question, terms) >> i & 1} == valued_terms


@pytest.mark.parametrize("noun, question, sentence, said", [
    # a value naming an attribute of another sense of length after it says that one
    ("diámetro", "¿Cuál es el diámetro de la cúpula?", "La cúpula alcanza unos 80 metros de altura.", False),
    ("profundidad", "¿Cuál es la profundidad de la cúpula?", "La cúpula alcanza unos 80 metros de altura.", False),
    ("height", "What is the height of the tower?", "The tower is 30 metres in diameter.", False),
    ("depth", "What is the depth of the lake?", "The lake is 40 kilometres in length.", False),
    ("height", "What is the height of the dome?", "A dome some 31 metres across covers the hall.", False),
    # ... one of the same sense, none, or a word that is no attribute, still says the asked one
    ("altura", "¿Qué altura tiene el Cotopaxi?", "El Cotopaxi, con sus 5.897 metros de altitud, es alto.", True),
    ("longitud", "¿Qué longitud tenía la nave?", "La nave medía 22 metros de eslora.", True),
    ("diámetro", "¿Cuál es el diámetro de la cúpula?", "La cúpula mide unos 42 metros.", True),
    ("length", "What is the length of the canal?", "The canal runs 193 kilometres in Egypt.", True),
    ("length", "What is the length of the canal?", "The canal is 193 kilometres long.", True),
    ("elevation", "What is the elevation of Kibo?", "Kibo is 5,895 metres high.", True),
])
def test_a_value_naming_another_sense_of_length_is_no_value_of_this_one(noun, question, sentence, said):
    assert says(sentence, noun, question) is said



# es.toml's irregular verbs (word_class): each form says the verb's preterite, asked
IRREGULAR_ES = ["hacer", "deshacer", "poner", "proponer", "imponer", "suponer", "disponer", "oponer", "decir", "predecir",
                "traer", "abrir", "cubrir", "volver", "devolver", "resolver", "imprimir", "tuvo", "mantener", "detener",
                "contener", "sostener", "pedir", "seguir", "elegir", "servir", "medir", "caer", "huir"]


@pytest.mark.parametrize("verb", IRREGULAR_ES)
def test_an_irregular_spanish_verb_is_said_in_each_of_its_forms(verb):
    from qa.text import lexicon

    members = lexicon.glossary("word_class", "es")[verb].split("|")
    asked = members[1] if members[0].endswith("r") else members[0]  # the preterite: «hizo», «puso»
    question = f"¿Quién {asked} la obra?"
    for form in members:
        assert says(f"La obra la {form} Juan de Colonia en 1480.", asked, question), form


@pytest.mark.parametrize("question, sentence", [
    ("¿Quién hizo el puente?", "El puente se levantó hace 3.000 años."),     # hace: ago
    ("¿Quién dijo la frase?", "La frase aparece en dicha carta."),           # dicha: the said one
    ("¿Quién puso la piedra?", "La piedra ocupa el puesto más alto."),       # puesto: a post
    ("¿Quién hizo las agujas?", "Las agujas fueron diseñadas por Juan."),   # another verb
])
def test_a_word_that_only_looks_like_an_irregular_form_says_nothing(question, sentence):
    verb = question.split()[1]
    assert not says(sentence, verb, question)


@pytest.mark.parametrize("verb, forms", list(lexicon.glossary("short_verb_forms", "es").items()))
def test_every_short_irregular_form_says_the_others(verb, forms):
    from qa.text.paraphrase import short_form_said

    members = forms.split("|")
    for asked in members:
        assert short_form_said(f"La obra fue {members[-1] if asked != members[-1] else members[0]} en 1900.", asked, "es")


@pytest.mark.parametrize("text, verb, expected", [
    ("su existencia fue dada a conocer en 1535", "dio", True),
    ("su existencia fue conocida en 1535", "dio", False),
    ("el obispo diocesano lo anunció", "dio", False),  # the start of another word is no form
    ("la ciudad lo vio nacer", "dio", False),           # another short verb's form
])
def test_a_short_irregular_verb_is_said_word_for_word(text, verb, expected):
    from qa.text.paraphrase import short_form_said

    assert short_form_said(text, verb, "es") is expected


def test_a_short_irregular_form_closes_a_spanish_event_gap():
    from qa.answer.latin_slots import worded_gaps

    q = "¿Quién dio noticia por primera vez del archipiélago?"
    said = "y su existencia fue dada a conocer en 1535 por fray Tomás de Berlanga, obispo de Panamá"
    assert [g.kind for g in worded_gaps(q, said, "")] == []
    assert [g.kind for g in worded_gaps(q, said.replace("dada a conocer", "conocida"), "")] == ["event"]


@pytest.mark.parametrize("language, key", [(lang, key) for lang in ("en", "es")
                                           for key in lexicon.glossary("converse_asked", lang)])
def test_every_converse_verb_is_said_by_each_of_its_phrases(language, key):
    from qa.text.paraphrase import converse_said

    said = lexicon.glossary("converse_said", language)[key].split("|")
    for asked in lexicon.glossary("converse_asked", language)[key].split("|"):
        for phrase in said:
            assert converse_said(f"It was {phrase} a neighbour in 1900.", asked, language)


@pytest.mark.parametrize("question, text, kinds", [
    # the buyer is named after "sold to"; "X sold it" names only the seller
    ("Who bought the grain that was shipped to Gdańsk?", "rye was floated to Gdańsk to be sold to Dutch merchants.", []),
    ("Who bought the grain that was shipped to Gdańsk?", "Polish nobles sold the grain that was shipped to Gdańsk.", ["event"]),
    ("Who defeated the Spanish Armada?", "The Spanish Armada was defeated by the English fleet under Howard.", []),
    ("Who defeated the Spanish Armada?", "The Spanish Armada fought the English fleet under Howard.", ["event"]),
    # a converse of another's transaction: the sentence must write the question's names
    ("Who taught Blaise Pascal mathematics?", "Evangelista Torricelli, a pupil of Galileo, built the first barometer.", ["event"]),
    ("Who taught Blaise Pascal mathematics?", "Blaise Pascal was a pupil of his father.", []),
    ("¿Quién compró el cuadro de Goya?", "El cuadro de Goya fue vendido a un coleccionista suizo en 1990.", []),
    ("¿Quién compró el cuadro de Goya?", "El cuadro de Goya fue vendido por un coleccionista suizo en 1990.", ["event"]),
])
def test_a_converse_phrase_closes_an_event_gap(question, text, kinds):
    from qa.answer.latin_slots import worded_gaps

    assert [g.kind for g in worded_gaps(question, text, "") if g.kind == "event"] == kinds


@pytest.mark.parametrize("question, text, kinds", [
    ("Who took command of the Swedish army after the battle?",
     "Wallenstein withdrew, while command of the Swedish army passed to Bernhard of Saxe-Weimar.", []),
    ("Who took command of the Swedish army after the battle?", "Wallenstein withdrew, and the Swedish army went home.", ["event"]),
    # a concrete object is no event the light verb only carries
    ("Who took the photograph of the Swedish army?", "The photograph of the Swedish army was printed in 1900.", ["event"]),
    ("¿Quién tomó el mando del ejército sueco?", "el mando del ejército sueco pasó a Bernardo de Sajonia-Weimar", []),
    ("¿Quién tomó el mando del ejército sueco?", "el ejército sueco pasó a Bernardo de Sajonia-Weimar", ["event"]),
])
def test_a_light_verb_is_said_by_its_object(question, text, kinds):
    from qa.answer.latin_slots import worded_gaps

    assert [g.kind for g in worded_gaps(question, text, "") if g.kind == "event"] == kinds


@pytest.mark.parametrize("language, verbs, objects", [(lang, v, o) for lang in ("en", "es")
                                                       for v, o in lexicon.glossary("light_verb", lang).items()])
def test_every_light_verb_is_said_by_each_of_its_objects(language, verbs, objects):
    from qa.answer.restated import light_object

    for verb in verbs.split("|"):
        for obj in objects.split("|"):
            assert light_object(verb, f" the {obj} of it", f"the {obj} passed to him", language)
            assert not light_object(verb, f" the {obj} of it", "it passed to him", language)
