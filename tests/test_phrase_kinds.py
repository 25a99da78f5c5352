"""qa.answer.phrase_kinds: the closed-class words that tell the phrase answering a why, a condition or
a means, and a question asking its verb's subject (lexicon data: en.toml, es.toml `cut_*`,
`subject_word`, `aside_preposition`)."""

from __future__ import annotations

import pytest

from qa.answer.phrase_kinds import (asks_subject, ends_relative, kind_cues, linked, names_kind, opens_aside, opens_predicate,
                                    opens_relative, opens_setting)


@pytest.mark.parametrize("question, phrase, cue", [
    ("Why was the bridge closed?", "to repair its piers after the flood", True),
    ("Why was the bridge closed?", "because its piers had cracked", True),
    ("Why was the bridge closed?", "and it was reopened to the public in May", False),  # "to" before an article
    ("Why was the bridge closed?", "from Monday to Thursday", False),  # "to" before a name
    ("What is the purpose of the valve?", "which lets the steam escape", True),
    ("What was the canal used for?", "so that barges could reach the mills", True),
    ("On what condition did the town surrender?", "unless an army came within three miles", True),
    ("How did the engineers drain the marsh?", "by digging a network of ditches", True),
    ("How did the engineers drain the marsh?", "in the spring of 1820", False),
    ("¿Por qué se cerró el puente?", "porque sus pilares se habían agrietado", True),
    ("¿Por qué se cerró el puente?", "para reparar sus pilares", True),
    ("¿Por qué se cerró el puente?", "para el tráfico de la ciudad", False),
    ("¿Con qué condición se rindió la villa?", "a menos que llegara un ejército", True),
    # a cause said by a preposition of its own (en.toml, es.toml cut_reason)
    *[("Why was the mountain listed?", f"{lead} its role as a source of inspiration", True)
      for lead in ("as a result of", "on account of", "in recognition of", "in honour of", "in honor of", "in memory of")],
    *[("¿Por qué se cerró el puente?", f"{lead} la riada del año anterior", True)
      for lead in ("como consecuencia de", "a raíz de", "en reconocimiento a", "en reconocimiento de", "en honor a",
                   "en honor de", "en memoria de")],
    ("¿Cómo drenaron los ingenieros el pantano?", "mediante una red de acequias", True),
])
def test_a_phrase_says_the_cause_condition_or_means_asked(question, phrase, cue):
    assert kind_cues(question, [phrase], [0]) == [cue]


@pytest.mark.parametrize("question", ["When was the bridge closed?", "Who built the bridge?", "¿Cuándo se cerró el puente?"])
def test_a_question_asking_a_kind_of_span_reads_no_phrase_kind(question):
    assert kind_cues(question, ["because its piers had cracked"], [0]) is None


def test_a_cue_before_the_start_given_does_not_count():
    assert kind_cues("Why was the bridge closed?", ["because of the flood the bridge was closed"], [20]) == [False]


@pytest.mark.parametrize("question, subject", [
    ("What gives the mountain its pyramid shape?", True),
    ("What made kabaddi popular?", True),  # an irregular past (verb_forms)
    ("¿Qué provocó la caída del imperio?", True),
    ("¿Qué demostró Cajal sobre el sistema nervioso?", False),  # a name after the verb may be its subject
    ("Which river flows through the city?", False),
    ("What kind of stone was used?", False),
])
def test_a_question_asks_the_subject_of_its_verb(question, subject):
    assert asks_subject(question) is subject


@pytest.mark.parametrize("phrase, predicate", [
    ("give it the shape of a pyramid,", True),
    ("turned it into one of the most watched sports", True),
    ("considerado el padre de la neurociencia", True),
    ("better known as Ada Lovelace,", False),  # an aside's participle
    ("built in 1850 by the town,", False),
    ("he began sending letters", False),
    ("and it is one of the peaks", False),
    ("which point towards the compass,", False),
    ("the founder of the dynasty,", False),
    ("Vienna, Bratislava and Budapest", False),
])
def test_a_phrase_opens_with_a_verb_going_on_from_its_subject(phrase, predicate):
    assert opens_predicate(phrase) is predicate


@pytest.mark.parametrize("phrase, setting", [
    ("Since 1994, when the waterway reopened,", True),
    ("During the Second World War,", True),
    ("Desde 1998, cuando el ferrocarril reabrió,", True),
    ("The river rises in the hills,", False),
    ("Sinceramente, nadie lo sabe,", False),  # a word that starts with one is not one
])
def test_a_sentence_s_first_phrase_opens_its_setting(phrase, setting):
    assert opens_setting(phrase) is setting


@pytest.mark.parametrize("phrase, aside", [
    ("a professional competition among city teams,", True),
    ("la mayor ciudad del país,", True),
    ("turned it into a sport,", False),
])
def test_an_article_opens_an_aside(phrase, aside):
    assert opens_aside(phrase) is aside


@pytest.mark.parametrize("phrase, relative", [
    ("whose harbour silted up,", True),
    ("cuyo puerto se cegó,", True),
    # a relative word after a preposition (en.toml, es.toml `relative_after_preposition`)
    ("after which the town was rebuilt in stone,", True),
    ("of whom only two returned,", True),
    ("en la que murieron cien mineros,", True),
    ("del que es el principal afluente,", True),   # «del» is «de el» (`preposition_article`)
    ("al que llaman el Viejo,", True),
    ("por lo cual fue desterrado,", True),
    # a preposition before a conjunction or another word opens no relative clause
    ("para que nadie la viera,", False),
    ("hasta que llegó el invierno,", False),
    ("after that the town was rebuilt,", False),
    ("in the town of Arles,", False),
])
def test_a_phrase_opens_a_relative_clause(phrase, relative):
    assert opens_relative(phrase, after_preposition=True) is relative
    if not phrase.startswith(("whose", "cuyo")):
        assert not opens_relative(phrase)  # a preposition first: read only when asked (`linked`)


@pytest.mark.parametrize("phrase, ends", [
    ("esconde entre sus figuras un pequeño caracol sobre una hoja que,", True),
    ("was an Austrian physicist who,", True),
    ("a town on the river where", True),
    ("la catedral que se alza sobre la plaza,", False),  # the relative clause goes on inside the phrase
    ("which stands on the cape,", False),
])
def test_a_phrase_ends_with_a_relative_word(phrase, ends):
    assert ends_relative(phrase) is ends


@pytest.mark.parametrize("phrase, question, names", [
    ("el guiso que los pastores preparaban en el monte,", "¿Qué guiso preparaban los pastores?", True),
    ("un plato castellano de origen medieval", "¿De qué plato medieval deriva el cocido?", True),
    ("the dish that the shepherds cooked,", "Which dish did the shepherds cook?", True),
    ("the dishes that the shepherds cooked,", "Which dish did the shepherds cook?", True),  # a plural
    ("el guiso que los pastores preparaban,", "¿Qué plato preparaban los pastores?", False),  # another kind
    ("el guiso que los pastores preparaban,", "¿Cuándo preparaban guiso los pastores?", False),  # no which-question
    ("cocinaban el guiso en el monte,", "¿Qué guiso preparaban los pastores?", False),  # no article first
    # a which-question asking a place names its kind too («¿En qué pueblo…?», "In which town…")
    ("un pequeño pueblo de la provincia,", "¿En qué pueblo trabajó como médico?", True),
    ("a small town in the north,", "In which town did he work as a doctor?", True),
    ("a small village in the north,", "In which town did he work as a doctor?", False),  # another kind
])
def test_a_phrase_names_the_kind_a_which_question_asks(phrase, question, names):
    assert names_kind(phrase, question) is names


@pytest.mark.parametrize("question, relative", [
    ("¿De qué río es tributario el Cauca?", [False, True]),  # names a kind: the noun before the clause
    ("¿Cuánto mide el Cauca?", [False, False]),               # the clause itself says it
])
def test_a_relative_clause_after_a_preposition_speaks_of_the_phrase_before_for_a_kind_asked(question, relative):
    texts = ["hasta desembocar en el Magdalena,", "del que es el principal afluente"]
    assert linked(texts, [0, 0b1], question, False)[0] == relative


@pytest.mark.parametrize("texts, masks, cued, relative, appositive", [
    # a phrase after one ending in a relative word speaks of it, when no phrase holds the kind asked
    (["guarda un pequeño caracol que,", "según la tradición, concede un deseo"], [0, 0b1], False, [False, True], [False, False]),
    (["guarda un pequeño caracol que,", "según la tradición, concede un deseo"], [0, 0b1], True, [False, False], [False, False]),
    # an appositive of the kind asked speaks of the phrase before, unless that one says the question's words
    (["lo relacionan con la caldereta,", "el guiso que los pastores preparaban"], [0, 0b1], False, [False, False], [False, True]),
    (["la caldereta de los pastores,", "el guiso que preparaban"], [0b1, 0], False, [False, False], [False, False]),
])
def test_linked(texts, masks, cued, relative, appositive):
    assert linked(texts, masks, "¿Qué guiso preparaban los pastores?", cued) == (relative, appositive)


@pytest.mark.parametrize("question, phrases, cues", [
    # a cause asked: the phrase before one saying what follows from it says it
    ("Why are there chains on the arms of the town?", ["the guards broke the chains of the gate,", "and hence the chains on its arms."],
     [True, False]),
    ("Why is the river red?", ["iron washes out of the hills,", "which is why the water turns red."], [True, False]),
    ("Why is the river red?", ["iron washes out of the hills,", "thus the water is red."], [True, False]),
    ("¿Por qué hay cadenas en el escudo?", ["rompieron la guardia de esclavos encadenados,", "y de ahí las cadenas del escudo."],
     [True, False]),
    ("¿Por qué es rojo el río?", ["el hierro baja de los montes,", "por eso el agua es roja."], [True, False]),
    ("¿Por qué es rojo el río?", ["el hierro baja de los montes,", "por lo tanto el agua es roja."], [True, False]),
    ("Why is the river red?", ["iron washes out of the hills,", "so the water is red."], [True, False]),
    ("Why is the river red?", ["iron washes out of the hills,", "so far the water is red."], [False, False]),
    # («de modo que» says a purpose too: the phrase with it is read as one, `cut_reason`)
    ("¿Por qué es rojo el río?", ["el hierro baja de los montes,", "de modo que el agua es roja."], [True, True]),
    ("¿Por qué es rojo el río?", ["el hierro baja de los montes,", "por lo que el agua es roja."], [True, True]),
    # ...not for a condition or a means asked, nor after a phrase that only names the word
    ("How did the town get its chains?", ["the guards broke the chains of the gate,", "and hence the chains on its arms."],
     [False, False]),
    ("Why is the river red?", ["iron washes out of the hills,", "the hence of the old texts."], [False, False]),
])
def test_a_cause_is_said_before_what_follows_from_it(question, phrases, cues):
    assert kind_cues(question, phrases, [0] * len(phrases)) == cues
