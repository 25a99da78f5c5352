"""A name asked of one the quote never names, or never mentions (qa.answer.namings)."""

import pytest

from qa.answer.namings import unnamed_one
from qa.answer.slots import gaps
from qa.text import lexicon

NAVAS = ("Como los almohades dominaban el paso de la Losa, según la tradición un pastor de la zona guió a los cristianos "
         "por un sendero desconocido que les permitió atravesar la sierra.")
POTOSI = ("En sus entrañas se descubrió en 1545 uno de los mayores yacimientos de plata, según la tradición gracias a un "
          "pastor indígena llamado Diego Huallpa.")
CROQUET = ("Croquet was played at the Olympic Games only once, in Paris in 1900, when all the competitors were French "
           "and a single paying spectator is said to have attended.")
NOETHER = "She died in April 1935, a few days after an operation to remove a tumour, at the age of 53."

# (question, quote, the gap: "" when the one asked is named or may be)
CASES = [
    ("¿Cómo se llamaba el pastor que guió a los cristianos por la sierra?", NAVAS, "pastor"),
    ("What was the name of the single paying spectator at the 1900 Olympic croquet?", CROQUET,
     "single paying spectator"),
    ("¿Cómo se llamaba el rico indiano con quien estuvo casada Roser Segimon?",
     "por encargo del empresario Pere Milà y de su esposa, Roser Segimon, viuda de un rico indiano.", "rico indiano"),
    # never mentioned at all
    ("What was the name of the surgeon who removed Emmy Noether's tumour?", NOETHER, "surgeon"),
    # not said, but the text names something by a naming word: it may be what is asked
    ("¿Cómo se llamaba el hecho de llegar a adulto sin pasar por la metamorfosis?",
     "el ajolote alcanza la madurez sexual sin sufrir la metamorfosis, un fenómeno llamado neotenia", ""),
    # named after it, before it, or mentioned definitely (it may be named elsewhere)
    ("¿Cómo se llamaba el pastor que descubrió la plata?", POTOSI, ""),
    ("¿Cómo se llamaba la roca fundida bajo la superficie?", "Bajo la superficie estaba el magma, una roca fundida.", ""),
    ("What was the name of the ferry?", "The ferry Mary Ellen sank in the bay.", ""),
    ("What was the name of the river?", "The Chindwin was a river of Myanmar.", ""),
    ("What was the name of the shepherd?", "A shepherd of the area guided the army, and Alfonso VIII won.", ""),
    # the present asks a kind's term, often given after an indefinite phrase: not read
    ("What is the name of the green pigment?", "Leaves hold a green pigment that absorbs light.", ""),
    ("¿Cómo se llama el pastor que guió a los cristianos por la sierra?", NAVAS, ""),
    ("What was the name of the ship?", "They sailed in a ship, the Mayflower, in 1620.", ""),
    ("What was the name of the ship?", "They sailed in a small ship named the Mayflower.", ""),
    # no name asked
    ("Who guided the Christians through the mountains?", NAVAS, ""),
    # a possessive names whose one is asked ("Rozhestvensky's flagship"): a text never saying it misses it
    ("What was the name of Rozhestvensky's flagship at Tsushima?",
     "The Russian Second Pacific Squadron, commanded by Admiral Zinovy Rozhestvensky, had left the Baltic in October 1904.",
     "flagship"),
    ("What was the name of Rozhestvensky's flagship?", "Rozhestvensky flew his flag in the flagship Knyaz Suvorov.", ""),
    # a relative asked (kin_word): a definite mention named nowhere beside it is another's relative
    ("¿Cómo se llamaba la esposa de Joaquín Sorolla?", "fue criado por sus tíos, un cerrajero y su esposa, que lo enviaron "
     "a estudiar dibujo en la escuela de artesanos y luego en la Academia de San Carlos.", "esposa"),
    ("¿Cómo se llamaba la esposa de Joaquín Sorolla?", "En 1888 se casó con su esposa Clotilde García del Castillo.", ""),
    ("¿Cómo se llamaba la esposa de Joaquín Sorolla?", "Clotilde García del Castillo, su esposa, posó para él.", ""),
    ("What was the name of his wife?", "In 1888 he married; his wife was a painter.", "wife"),
    ("What was the name of his wife?", "His wife, Anne Isabella Milbanke, left him in 1816.", ""),
]


@pytest.mark.parametrize("question, quote, gap", CASES)
def test_unnamed_one(question, quote, gap):
    assert unnamed_one(question, quote, "") == gap


def test_the_slot_checks_refuse_it():
    found = gaps(CASES[0][0], NAVAS, "", "Navas de Tolosa\n" + NAVAS)
    assert any(g.kind == "focus" and "pastor" in g.detail for g in found)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_indefinite_article_leads_a_phrase(language):
    words = lexicon.load(language)["words"]["indefinite_article"]
    assert words and all(w.isalpha() and w == w.lower() for w in words)


@pytest.mark.parametrize("word", [w for w in lexicon.words("kin_word")  # "son" is a Spanish stop word (they are)
                                  if w not in lexicon.words("stop_word")])
def test_every_relative_is_a_person_to_be_named(word):
    spanish = word in lexicon.load("es")["words"]["kin_word"]
    question = f"¿Cómo se llamaba el {word} de Sorolla?" if spanish else f"What was the name of his {word}?"
    quote = f"Vivía con su {word}, que era pintor." if spanish else f"He lived with his {word}, who was a painter."
    assert unnamed_one(question, quote, "") == word
    named = f"Vivía con su {word} Ana." if spanish else f"He lived with his {word} Anne."
    assert unnamed_one(question, named, "") == ""
