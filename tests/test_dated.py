"""A year a quote gives dates what the question asks only in a clause saying something of it
(qa.answer.dated): a year set apart, in a clause of its own, dates another thing."""

import pytest

from qa.answer.dated import misdated
from qa.answer.slots import gaps

CUSCO = ("Los conquistadores españoles al mando de Francisco Pizarro entraron en Cusco en noviembre de 1533 y la "
         "refundaron como ciudad española en 1534, aunque la capital del virreinato se estableció más tarde en Lima, "
         "junto a la costa.")
AMEGHINO = ("Su teoría de que la especie humana se había originado en la Pampa fue rechazada por la ciencia posterior, "
            "pero sus trabajos sentaron las bases de la paleontología sudamericana, y desde 1902 hasta su muerte dirigió "
            "el Museo Nacional de Buenos Aires.")
BRAVO = ("Sus aguas se reparten entre los dos países según un tratado firmado en 1944, y para almacenarlas se "
         "construyeron grandes embalses, como los de las presas de La Amistad y Falcón.")
NOETHER = ("Born in Erlangen, she first qualified to teach English and French but chose instead to attend mathematics "
           "lectures at the local university, and she completed a doctorate there in 1907.")
BAIKAL = "Baikal was declared a UNESCO World Heritage Site in 1996, and its surface usually freezes from January to May."

IRRAWADDY = ("Because the valley was for centuries the country's main highway, royal capitals such as Ava, Amarapura "
             "and Mandalay were all founded on its banks, and in the colonial era the Irrawaddy Flotilla Company, a "
             "Scottish-owned firm established in 1865, ran what was once the largest fleet of river steamers in the world.")

JACQUARD = ("It is named after Joseph Marie Jacquard (1752–1834), a weaver's son from Lyon who built on earlier "
            "attempts by Basile Bouchon, Jean-Baptiste Falcon and Jacques de Vaucanson and demonstrated his own "
            "mechanism at an industrial exhibition in Paris in 1801.")

# (question, quote, the gap: "" when the year dates what is asked)
CASES = [
    ("¿En qué año se fundó Lima?", CUSCO, "year of fundó Lima"),
    ("¿En qué año propuso Ameghino que el ser humano se había originado en la Pampa?", AMEGHINO,
     "year of propuso Ameghino ser humano había originado Pampa"),
    ("¿En qué año se construyó la presa de La Amistad?", BRAVO, "year of construyó presa Amistad"),
    # the year's clause says the verb ("established"), of another it names
    ("In which year was the city of Mandalay founded?", IRRAWADDY, "year of city Mandalay founded"),
    ("In which year was the Irrawaddy Flotilla Company founded?", IRRAWADDY, ""),
    # a joiner between lower-case words starts a clause; a life span dates a person, not an event
    ("In which year did Basile Bouchon build his loom?", JACQUARD, "year of Basile Bouchon build loom"),
    # the year's clause says the verb and only a place ("in Paris"), no other subject
    ("In which year did Jacquard demonstrate his mechanism?", JACQUARD, ""),
    # the year's clause says a word of the question: it dates it
    ("¿En qué año dirigió Ameghino el Museo Nacional?", AMEGHINO, ""),
    ("¿En qué año se refundó Cusco?", CUSCO, ""),
    ("¿En qué año se firmó el tratado de las aguas?", BRAVO, ""),
    ("In which year did Emmy Noether complete her doctorate?", NOETHER, ""),
    # a year the question writes dates nothing asked; a when-question may be answered by months
    ("When is the lake usually covered in ice?", BAIKAL, ""),
    ("In which year after 1996 did the lake freeze?", BAIKAL, ""),
    # no year at all is another check's (qa.answer.values)
    ("¿En qué año se fundó Lima?", "La capital del virreinato se estableció más tarde en Lima.", ""),
]


@pytest.mark.parametrize("question, quote, gap", CASES)
def test_misdated(question, quote, gap):
    assert misdated(question, quote, quote) == gap


def test_the_slot_checks_refuse_it():
    found = gaps(CASES[0][0], CUSCO, "", "Cusco\n" + CUSCO)
    assert any(g.kind == "value" and "Lima" in g.detail for g in found)


def test_a_quote_cut_to_a_clause_is_read_in_its_sentence():
    quote = "y la refundaron como ciudad española en 1534"
    assert misdated("¿En qué año se fundó Lima?", quote, "Cusco\n" + CUSCO) == "year of fundó Lima"
