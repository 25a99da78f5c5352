"""qa.text.sentences: where sentences end in English, Spanish and Chinese text, and every
abbreviation and sentence opener of the lexicon checked through the splitter."""

from __future__ import annotations

import pytest

from qa.text import lexicon
from qa.text.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split_sentences(text)]


CASES = [
    # (text, its sentences)
    ("Hospital director Dr. Priya Menon said the wing adds 120 beds. It opened on Monday.",
     ["Hospital director Dr. Priya Menon said the wing adds 120 beds.", "It opened on Monday."]),
    ("Mr. and Mrs. Holloway moved to St. Paul in 2019. They left in 2021.",
     ["Mr. and Mrs. Holloway moved to St. Paul in 2019.", "They left in 2021."]),
    ("The project cost $1,000.50 per bed, i.e. 3.5 times more. The state paid.",
     ["The project cost $1,000.50 per bed, i.e. 3.5 times more.", "The state paid."]),
    ("Workers do the work, e.g. building comb. Drones do not.", ["Workers do the work, e.g. building comb.",
                                                                 "Drones do not."]),
    ("The U.S. Army built it. It was built in the U.S. The wing opened later.",
     ["The U.S. Army built it.", "It was built in the U.S.", "The wing opened later."]),
    ("J. K. Rowling wrote it. John F. Kennedy read it.", ["J. K. Rowling wrote it.", "John F. Kennedy read it."]),
    ("See No. 5 on the map. In 2019. 2020 was next.", ["See No. 5 on the map.", "In 2019.", "2020 was next."]),
    ("Brightline Systems Inc. opened an office. Apples, pears, etc. The list ends.",
     ["Brightline Systems Inc. opened an office.", "Apples, pears, etc.", "The list ends."]),
    ('"We can finally treat patients," Dr. Menon said. "It is ready." Then she left.',
     ['"We can finally treat patients," Dr. Menon said.', '"It is ready."', "Then she left."]),
    ('"Is it ready?" she asked. "Yes!" He smiled.', ['"Is it ready?" she asked.', '"Yes!"', "He smiled."]),
    ("The wing (designed in St. Paul) opened. (It cost $48.5 million.) Residents came.",
     ["The wing (designed in St. Paul) opened.", "(It cost $48.5 million.)", "Residents came."]),
    ("It opens at 5:45 a.m. on weekdays. The last ferry leaves at 9 p.m. The fare is $3.",
     ["It opens at 5:45 a.m. on weekdays.", "The last ferry leaves at 9 p.m.", "The fare is $3."]),
    # Spanish
    ("La directora, la Dra. Lucía Ferrer, atenderá a 22.000 vecinos. El centro abre hoy.",
     ["La directora, la Dra. Lucía Ferrer, atenderá a 22.000 vecinos.", "El centro abre hoy."]),
    ("El alcalde, el Sr. Andrés Molina, vive en EE. UU. El centro costó 6,8 millones.",
     ["El alcalde, el Sr. Andrés Molina, vive en EE. UU.", "El centro costó 6,8 millones."]),
    ("Las obreras trabajan, p. ej. construir panales. Los zánganos no.",
     ["Las obreras trabajan, p. ej. construir panales.", "Los zánganos no."]),
    ("La oficina está en la Avda. del Río. Nodo Sistemas S.A. abrió el miércoles.",
     ["La oficina está en la Avda. del Río.", "Nodo Sistemas S.A. abrió el miércoles."]),
    ('"Por fin", dijo. ¿Vendrá el lunes? Sí, a las 6.15 h. Después, nada.',
     ['"Por fin", dijo.', "¿Vendrá el lunes?", "Sí, a las 6.15 h.", "Después, nada."]),
    # an abbreviation written with spaces: its inner stop never ends («a.» before «C»), its last one
    # ends before a sentence opener only
    ("Fue fundada en el año 25 a. C. por orden del emperador Augusto. Hoy es Patrimonio.",
     ["Fue fundada en el año 25 a. C. por orden del emperador Augusto.", "Hoy es Patrimonio."]),
    ("Murió en el año 44 a. C. El imperio siguió.", ["Murió en el año 44 a. C.", "El imperio siguió."]),
    ("Se casó con Ana. Con ella tuvo tres hijos.", ["Se casó con Ana.", "Con ella tuvo tres hijos."]),
    # an abbreviation that is an English word too ends a sentence but before a figure
    ("It formed some 30 million years ago. More than 300 rivers flow into it.",
     ["It formed some 30 million years ago.", "More than 300 rivers flow into it."]),
    ("Lo dice el art. 5 de la ley. Nada más.", ["Lo dice el art. 5 de la ley.", "Nada más."]),
    # Chinese: as it always was, including a Latin stop inside Chinese text
    ("他说：“好。”然后走了。增长5.6%，达340.4亿元。", ["他说：“好。”", "然后走了。", "增长5.6%，达340.4亿元。"]),
    # ... but a Latin initial's stop before a capital or a Chinese character (a translation's English
    # name), where a word's stop still ends
    ("前称H. F. Verwoerd机场。位于南非。", ["前称H. F. Verwoerd机场。", "位于南非。"]),
    ("出自橡胶公司 B. F. 古德里奇（B. F. Goodrich），该公司创造了这个词。多年来如此。",
     ["出自橡胶公司 B. F. 古德里奇（B. F. Goodrich），该公司创造了这个词。", "多年来如此。"]),
    ("他去了USA. 然后回来了。", ["他去了USA.", "然后回来了。"]),
    ("第一行\n第二行。", ["第一行", "第二行。"]),
    # Chinese as a translation writes it: half-width stops, straight quotes
    ('他说: "好." 然后走了. 增长 5.6%, 达 340.4 亿元.', ['他说: "好."', "然后走了.", "增长 5.6%, 达 340.4 亿元."]),
    ('他说:"好."然后走了.', ['他说:"好."', "然后走了."]),
    ("普拉.蔻德出生于S.K.母亲家。", ["普拉.蔻德出生于S.K.母亲家。"]),  # a stop without a closer parts no words
    # a semicolon inside brackets separates the items of an aside; outside them it ends as before
    ("牛车水（；）是新加坡的唐人街。它位于欧南区。", ["牛车水（；）是新加坡的唐人街。", "它位于欧南区。"]),
    ("卡希卡提亚（学名：Dacrycarpus；毛利语：kahikatea）是一种树；它很高。",
     ["卡希卡提亚（学名：Dacrycarpus；毛利语：kahikatea）是一种树；", "它很高。"]),
    ("The tree (Latin: Dacrycarpus; Maori: kahikatea) is tall. It grows fast.",
     ["The tree (Latin: Dacrycarpus; Maori: kahikatea) is tall.", "It grows fast."]),
    ("他说（见下文。）然后走了。", ["他说（见下文。）", "然后走了。"]),  # a full stop still ends
]


@pytest.mark.parametrize("text, expected", CASES)
def test_sentences_end_where_a_reader_says(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("title", lexicon.words("title_abbreviation"))
def test_title_never_ends_a_sentence(title):
    # "The" opens sentences, yet after a title it is a name's first word ("Dr. The Nguyen").
    assert sentences(f"They met {title} The Nguyen there. Then they left.") == [
        f"They met {title} The Nguyen there.", "Then they left."]


@pytest.mark.parametrize("abbreviation", lexicon.words("abbreviation"))
def test_abbreviation_ends_a_sentence_only_before_an_opener(abbreviation):
    assert len(sentences(f"It was {abbreviation} Northfield later.")) == 1
    assert len(sentences(f"It was {abbreviation} The wing opened.")) == 2


@pytest.mark.parametrize("abbreviation", lexicon.words("figure_abbreviation"))
def test_figure_abbreviation_goes_on_only_before_a_figure(abbreviation):
    assert len(sentences(f"Véase el {abbreviation} 5 del texto.")) == 1
    assert len(sentences(f"It formed some 30 million years {abbreviation} More than 300 rivers flow into it.")) == 2


@pytest.mark.parametrize("abbreviation", lexicon.words("spaced_abbreviation"))
def test_spaced_abbreviation_ends_a_sentence_only_at_its_last_stop_before_an_opener(abbreviation):
    assert len(sentences(f"Fue fundada en el año 25 {abbreviation} Augusto la amplió.")) == 1
    assert len(sentences(f"Fue fundada en el año 25 {abbreviation} El foro es posterior.")) == 2


@pytest.mark.parametrize("opener", lexicon.words("sentence_opener"))
def test_sentence_opener_after_an_initial_starts_a_sentence(opener):
    word = opener[0].upper() + opener[1:]
    assert sentences(f"Built in the U.S. {word} wing opened.") == ["Built in the U.S.", f"{word} wing opened."]


def test_offsets_honour_start_and_end():
    text = "Skip this. Dr. Menon said so. Not this."
    spans = split_sentences(text, 11, 29)
    assert [text[s.start:s.end] for s in spans] == ["Dr. Menon said so."]
