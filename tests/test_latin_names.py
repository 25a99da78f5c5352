"""The names an English or Spanish question is about (qa.answer.latin_slots: `unnamed`, `ungrounded`)
and the sentence before a quote across chunks (qa.answer.extractive: a chunk's first sentence leans
on the article's sentence before it)."""

import pytest

from qa.answer.extractive import answer_extractive
from qa.answer.latin_slots import spelled_out, ungrounded, unnamed
from qa.text.paraphrase import plain
from qa.text import lexicon
from qa.types import Hit


def chunk(text: str, start: int, article: str = "valpo", title: str = "Valparaíso", n: int = 0) -> Hit:
    return Hit(chunk_id=f"{article}:{n}", text=text, score=1.0 / (n + 1), source=f"{article}.txt", title=title,
               article_id=article, start=start, end=start + len(text), rank=n + 1, dense=0.8)


LEAD = "Valparaíso es una ciudad y puerto de Chile, a orillas del océano Pacífico."
FOUNDED = "Fue fundada en 1536 por el capitán Juan de Saavedra, miembro de la expedición de Almagro."


def test_a_chunk_leans_on_the_sentence_before_it_in_another_chunk():
    lead, founded = chunk(LEAD, 0), chunk(FOUNDED, len(LEAD) + 1, n=1)
    answer = answer_extractive("¿Quién fundó la ciudad?", [founded, lead], 0.25)
    assert not answer.refused and "Saavedra" in answer.answer


@pytest.mark.parametrize("hits", [
    [chunk(FOUNDED, len(LEAD) + 1, n=1)],                                         # the lead was not retrieved
    [chunk(FOUNDED, len(LEAD) + 1, n=1), chunk(LEAD, 0, article="other", n=0)],   # another article's
    [chunk(FOUNDED, 0, n=1), chunk(LEAD, len(FOUNDED) + 1, n=0)],                 # the sentence after it
])
def test_no_sentence_before_it_no_ciudad(hits):
    assert answer_extractive("¿Quién fundó la ciudad?", hits, 0.25).refused


def bits(terms: tuple[str, ...], *absent: str) -> int:
    return sum(1 << i for i, t in enumerate(terms) if t in absent)


@pytest.mark.parametrize("question, terms, absent, names", [
    ("¿Dónde nace el Duero?", ("nace", "duero"), ("duero",), ["Duero"]),
    ("¿Dónde nace el río Tajo?", ("nace", "río", "tajo"), ("tajo",), ["Tajo"]),
    ("In which year did Tolstoy die?", ("year", "tolstoy", "die"), ("tolstoy",), ["Tolstoy"]),
    ("¿Dónde nace el Ebro?", ("nace", "ebro"), (), []),                                   # the articles name it
    ("¿Qué pirata atacó la ciudad en el siglo XVI?", ("pirata", "atacó", "ciudad", "siglo", "xvi"), ("xvi",), []),
    # a name a preposition leads qualifies another word, which the articles may say otherwise
    ("¿A qué distancia de la capital de Ecuador está el volcán?", ("distancia", "capit", "ecuador", "volcán"),
     ("ecuador",), []),
    ("Why were the tusks so valuable in the Middle Ages?", ("tusk", "valuabl", "middl", "age"), ("middl", "age"), []),
    ("¿Dónde nace el Orinoco?", ("nace", "orinoco"), ("nace",), []),                      # a lower-case word is no name
    # a route's ends are what the question is about: a name "from" / "to" leads is checked
    ("What is the distance from the Moon to Mars?", ("distanc", "moon", "mar"), ("mar",), ["Mars"]),
    ("¿Qué distancia hay desde Quito hasta Zembla?", ("distancia", "quito", "zembla"), ("zembla",), ["Zembla"]),
    # a name joined to the one before it by "of" / «de» is part of it, no qualifier: the University of
    # Salamanca is asked of, not a university's (the seed-probe's Salamanca, Valladolid)
    ("Who founded the University of Salamanca?", ("found", "univers", "salamanca"), ("salamanca",), ["Salamanca"]),
    ("¿Quién fundó la Universidad de Valladolid?", ("fundó", "universidad", "valladolid"), ("valladolid",),
     ["Valladolid"]),
    ("¿Quién construyó el Palacio Real de la Zembla?", ("construyó", "palacio", "real", "zembla"), ("zembla",),
     ["Zembla"]),
    ("What is the capital of Zembla?", ("capit", "zembla"), ("zembla",), []),            # after a lower-case word
    ("Who led the Franks of Zembla?", ("led", "frank", "zembla"), ("zembla",), ["Zembla"]),
    ("Who led the Franks in Zembla?", ("led", "frank", "zembla"), ("zembla",), []),     # "in" joins no name
])
def test_unnamed(question, terms, absent, names):
    assert unnamed(question, terms, bits(terms, *absent)) == names


@pytest.mark.parametrize("question, terms, ground, titles, names", [
    ("¿Quién firmó la rendición de Granada?", ("firmó", "rendición", "granada"),
     "Batalla de Ayacucho\nEl general Canterac firmó la capitulación.", (), ["Granada"]),
    ("¿De dónde viene el nombre del gazpacho?", ("vien", "nombr", "gazpacho"),
     "Ebro\nDe ese nombre procede el de la península.", ("Gazpacho", "Ebro"), ["gazpacho"]),
    ("¿De dónde viene el nombre del gazpacho?", ("vien", "nombr", "gazpacho"),
     "Gazpacho\nSu nombre viene del latín.", ("Gazpacho", "Ebro"), []),
    ("¿Quién comandó la defensa frente a Vernon?", ("comandó", "defensa", "frent", "vernon"),
     "Cartagena\nLa flota, al mando del almirante Edward Vernon.", (), []),
    ("¿Qué oficios aprendió Cajal?", ("oficio", "aprendió", "cajal"),
     "Santiago Ramón y Cajal\nSu padre lo puso de aprendiz de barbero.", (), []),            # the title grounds it
])
def test_ungrounded(question, terms, ground, titles, names):
    assert ungrounded(question, terms, 0, ground, titles) == names


@pytest.mark.parametrize("question, terms, ground, names", [
    # Spanish writes a country's people in lower case by its name's start (all but two letters, five at least)
    ("¿Cómo se llama el río en Portugal?", ("llama", "río", "portugal"),
     "Duero\nDesemboca junto a la ciudad portuguesa de Oporto.", []),
    ("¿Cómo se llama el río en Portugal?", ("llama", "río", "portugal"),
     "Duero\nDesemboca junto a la ciudad de Oporto, en el puerto.", ["Portugal"]),
    ("¿Quién gobernaba Perú?", ("gobernaba", "perú"), "Quito\nEl virrey del Perú residía en Lima.", []),
    ("¿Quién gobernaba Perú?", ("gobernaba", "perú"), "Quito\nEl virrey de Nueva Granada.", ["Perú"]),
    # a capitalised word so starting is another name
    ("¿Quién gobernaba Francia?", ("gobernaba", "francia"), "Quito\nLa fundó Francisco Pizarro.", ["Francia"]),
    ("¿Quién gobernaba Francia?", ("gobernaba", "francia"), "Quito\nLa fundó un marino francés.", []),
])
def test_ungrounded_spanish_by_the_names_start(question, terms, ground, names):
    assert ungrounded(question, terms, 0, plain(ground), written=ground) == names


@pytest.mark.parametrize("question, terms, ground, english, names", [
    # a country by another of its names (`name_alias`)
    ("Where did Noether work after she moved to America?", ("work", "move", "america"),
     "emmy noether\nshe emigrated to the united states, where she took a post", True, []),
    ("Where did Noether work after she moved to America?", ("work", "move", "america"),
     "emmy noether\nshe emigrated to canada, where she took a post", True, ["America"]),
    ("¿Quién gobernaba Holanda?", ("gobernaba", "holanda"), "x\nen los paises bajos gobernaba guillermo", False, []),
    # Spanish «América» is the continent: no alias
    ("¿Adónde viajó en América?", ("viajó", "américa"), "x\nviajó a estados unidos en 1950", False, ["América"]),
])
def test_ungrounded_by_another_name_of_the_country(question, terms, ground, english, names):
    assert ungrounded(question, terms, 0, ground, english=english) == names


@pytest.mark.parametrize("language, name", [(lang, name) for lang in ("en", "es")
                                            for name in lexicon.glossary("name_alias", lang)])
def test_every_country_alias_grounds_its_name(language, name):
    from qa.answer.latin_slots import _aliased

    first = lexicon.glossary("name_alias", language)[name].split("|")[0]
    assert _aliased(name.title(), f"x\nin {first} in 1900")



@pytest.mark.parametrize("word, written, expected", [
    ("GAA", "The modern rules were drawn up by the Gaelic Athletic Association, founded in 1884", True),
    ("NASA", "It was launched by the National Aeronautics and Space Administration in 1990.", True),
    ("ONU", "Fue aprobada por la Organización de las Naciones Unidas en 1948.", True),
    ("GAA", "The modern rules were drawn up by the Gaelic association of athletes", False),  # lower case
    ("FIFA", "The modern rules were drawn up by the Gaelic Athletic Association", False),
    ("TV", "Tall Vessels sailed by.", False),  # two letters: too many pairs spell one
    ("TV", "It was watched on television by 60 million people.", True),  # WordNet: TV, television
    ("TV", "It was heard on the radio by 60 million people.", False),
    ("Gaa", "the Gaelic Athletic Association", False),  # no acronym
])
def test_spelled_out(word, written, expected):
    assert spelled_out(word, written) is expected


def test_an_acronym_spelled_out_by_the_grounding_is_grounded():
    q = "In which building was the GAA set up?"
    terms = ("build", "gaa", "set", "up")
    ground = "Hurling\nThe modern rules were drawn up by the Gaelic Athletic Association, founded in 1884."
    assert ungrounded(q, terms, 0, ground.lower(), english=True) == ["GAA"]
    assert ungrounded(q, terms, 0, ground.lower(), english=True, written=ground) == []


@pytest.mark.parametrize("question, terms, ground, names", [
    # the Jagiellonian University's founder is no answer for Vienna's (Vienna is in another article)
    ("Who founded the University of Vienna?", ("found", "univers", "vienna"),
     "Kraków\nThe Jagiellonian University, founded by Casimir III the Great in 1364.", ["Vienna"]),
    ("Who founded the University of Vienna?", ("found", "univers", "vienna"),
     "Vienna\nIts university was founded by Rudolf IV in 1365.", []),
    # English capitalises adjectives: a name's first four letters stand for it (Swedish: Sweden)
    ("Which Swedish king founded the city?", ("swedish", "king", "found", "citi"),
     "Gothenburg\nIt was founded by Gustavus Adolphus of Sweden in 1621.", []),
    ("Which Swedish king founded the city?", ("swedish", "king", "found", "citi"),
     "Bergen\nIt was founded by Olaf Kyrre of Norway in 1070.", ["Swedish"]),
    ("What is Wu's hometown?", ("wu", "hometown"), "Chien-Shiung Wu\nBorn in Liuhe.", []),  # a possessive
])
def test_ungrounded_english(question, terms, ground, names):
    assert ungrounded(question, terms, 0, ground, english=True) == names


@pytest.mark.parametrize("word", sorted(set(lexicon.words("name_preposition")) - set(lexicon.words("route_preposition"))))
def test_every_name_preposition_leads_a_qualifying_name(word):
    """Each preposition of `name_preposition` keeps a name it leads from refusing the question, but a
    route's ends (`route_preposition`)."""
    assert unnamed(f"¿Qué hay {word} Zembla?", ("zembla",), 1) == []
    assert unnamed("¿Qué hace Zembla?", ("zembla",), 1) == ["Zembla"]


@pytest.mark.parametrize("word", lexicon.words("route_preposition"))
def test_every_route_preposition_leads_a_name_asked(word):
    assert unnamed(f"¿Qué hay {word} Zembla?", ("zembla",), 1) == ["Zembla"]
