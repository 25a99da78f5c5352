"""A count or measure asked of one name, given in a clause of another (qa.answer.figure_owner)."""

import pytest

from qa.answer.figure_owner import figure_elsewhere, relative_owner
from qa.text import lexicon
from qa.answer.latin_slots import worded_gaps

_MOHACS = ("The Hungarian king, Louis II, who was only twenty years old, could gather no more than about 25,000 troops, "
           "and command was given to Pál Tomori, the archbishop of Kalocsa, while the reinforcements of John Zápolya, the "
           "voivode of Transylvania, were still several days' march away.")
_CUT = _MOHACS[_MOHACS.index("could gather"):]


@pytest.mark.parametrize("question, quote, expected", [
    ("How many troops did John Zápolya bring to Mohács?", _MOHACS, "hungarian"),
    ("How many troops did John Zápolya bring to Mohács?", _CUT, "hungarian"),  # a cut quote read in its sentence
    ("How many troops did Louis II gather at Mohács?", _MOHACS, ""),  # the figure's clause names him
    ("How many men did Zápolya bring?", "Zápolya arrived late, and he brought 10,000 men.", ""),  # a pronoun: his
    ("How many troops did Suleiman bring?", _MOHACS, ""),  # no clause names the one asked: not read here
    ("When did John Zápolya arrive?", _MOHACS, ""),  # no count asked
    # a speaker's clause: the name is who says it
    ("How many beds does the new east wing of Northfield General Hospital add?",
     "The Northfield General Hospital opened its new east wing on Monday. Hospital director Dr. Priya Menon said the wing "
     "adds 120 beds.", ""),
    ("¿Cuántos soldados trajo Zápolya?", "El rey Luis reunió 25.000 soldados, mientras los refuerzos de Zápolya tardaban.",
     "luis"),
    # a clause of time ("until", «hasta que») has its own subject (es_wiki19's near miss: the Barolo's height)
    ("¿Qué altura tiene el Palacio Salvo?", "Inaugurado en 1923, con sus 100 metros de altura fue durante unos años el "
     "edificio más alto de Sudamérica, hasta que en 1928 lo superó el Palacio Salvo de Montevideo", "sudamerica"),
    ("How tall is the Palacio Salvo?", "At 100 metres it was the tallest building in South America, until in 1928 the "
     "Palacio Salvo overtook it.", "america"),
    ("How tall is the Palacio Salvo?", "At 100 metres it was the tallest building in South America, until in 1928 the "
     "Palacio Salvo, 105 metres tall, overtook it.", ""),
])
def test_figure_elsewhere(question, quote, expected):
    assert figure_elsewhere(question, quote, "Battle of Mohács", _MOHACS if quote == _CUT else quote) == expected


def test_the_slot_checks_read_it():
    gaps = worded_gaps("How many troops did John Zápolya bring to Mohács?", _MOHACS, "", "Battle of Mohács", _MOHACS)
    assert ("elsewhere", "hungarian") in [(g.kind, g.detail) for g in gaps]


GOBI = ("The desert is home to the wild Bactrian camel, of which only about a thousand are thought to survive, and to the "
        "Gobi bear, or mazaalai, a rare brown bear found nowhere else.")


@pytest.mark.parametrize("question, quote, owner", [
    ("How many Gobi bears are thought to be left in the wild?", GOBI, "camel"),
    ("How many wild Bactrian camels survive?", GOBI, ""),  # the clause hangs on the counted noun
    ("How many copies of the Gutenberg Bible survive?", "His most famous work is the Gutenberg Bible, printed in the "
     "1450s, of which about 49 copies survive.", ""),  # the clause names what it counts
    ("How many Gobi bears are left?", "About 40 Gobi bears survive; the camel, of which a thousand remain, is commoner.", ""),
    ("¿Cuántos osos quedan?", "Viven allí camellos, de los cuales quedan unos mil, y osos pardos.", "camellos"),
])
def test_relative_owner(question, quote, owner):
    assert relative_owner(question, quote) == owner


@pytest.mark.parametrize("relative", lexicon.words("count_relative"))
def test_every_relative_counts_the_noun_before_it(relative):
    spanish = relative in lexicon.load("es")["words"]["count_relative"]
    question = "¿Cuántos osos quedan?" if spanish else "How many bears are left?"
    quote = (f"Viven allí camellos, {relative} quedan unos mil, y osos." if spanish
             else f"There live camels, {relative} about a thousand remain, and bears.")
    assert relative_owner(question, quote) == ("camellos" if spanish else "camels")


FALLA = ("Entre sus obras más conocidas figuran la ópera La vida breve, el ballet El amor brujo, cuya Danza ritual del "
         "fuego se interpreta con frecuencia por separado, y El sombrero de tres picos, estrenado en Londres en 1919 por "
         "los Ballets Rusos de Diaghilev con decorados de Pablo Picasso.")


@pytest.mark.parametrize("question, quote, owner", [
    ("¿En qué año se estrenó La vida breve?", FALLA, "ballets"),  # the year is in another work's clause
    ("¿En qué año se estrenó El sombrero de tres picos?", FALLA, ""),
    ("What year did Zápolya arrive?", "In 1526 Louis II fell at Mohács, while John Zápolya was still days away.",
     "louis"),
    ("What year did Zápolya arrive?", "In 1526, while Louis II fell, John Zápolya arrived too late.", ""),
])
def test_a_year_in_another_names_clause(question, quote, owner):
    assert figure_elsewhere(question, quote, "Manuel de Falla", quote) == owner
