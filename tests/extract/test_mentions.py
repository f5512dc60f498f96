"""Mention finding: countries, organizations, leaders and officials, on parses built by hand.

Each case is a sentence written for the test, pre-tokenised with spaces, with its entity
spans marked `[text|LABEL|ID]` (ID only for gazetteer spans) as the kgraph entity ruler and
the statistical NER would mark them. The rules under test read only these annotations,
part-of-speech tags derived from capitalisation, and the shipped gazetteer.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import spacy
from spacy.tokens import Doc, Span

from kgraph.extract.mentions import LEADER_ROLES, find_mentions, mention_tokens
from kgraph.model import Mention

_VOCAB = spacy.blank("en").vocab
_FUNCTION_WORDS = {"the": "DET", "a": "DET", "an": "DET", "of": "ADP", "in": "ADP", "to": "ADP", "with": "ADP",
                   "at": "ADP", "for": "ADP", "and": "CCONJ", "or": "CCONJ", ",": "PUNCT", ".": "PUNCT",
                   ":": "PUNCT", "'s": "PART", "-": "PUNCT", "--": "PUNCT", "he": "PRON", "she": "PRON"}
_MARK = re.compile(r"\[([^\]|]+)\|([A-Z_]+)(?:\|([^\]]+))?\]")


def _lemma(word: str) -> str:
    """A plural noun's singular, enough for the nouns these sentences use."""
    lower = word.lower()
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    return lower[:-1] if lower.endswith("s") and not lower.endswith("ss") and len(lower) > 3 else lower


def parse(marked: str, *, deps: dict[int, tuple[int, str]] | None = None) -> Doc:
    """A Doc from a marked, space-tokenised sentence: "[Russian|NORP|RUS] President [Vladimir Putin|PERSON]".

    `deps` gives (head index, label) for the tokens whose dependency a rule reads.
    """
    words: list[str] = []
    spans: list[tuple[int, int, str, str]] = []
    pos = 0
    for match in _MARK.finditer(marked):
        words += marked[pos:match.start()].split()
        inner = match.group(1).split()
        spans.append((len(words), len(words) + len(inner), match.group(2), match.group(3) or ""))
        words += inner
        pos = match.end()
    words += marked[pos:].split()
    tags = []
    for i, word in enumerate(words):
        lower = word.lower()
        if lower in _FUNCTION_WORDS:
            tags.append(_FUNCTION_WORDS[lower])
        elif word[:1].isupper() and (i > 0 or len(word) > 1):
            tags.append("PROPN")
        elif word[:1].isdigit():
            tags.append("NUM")
        else:
            tags.append("NOUN")
    # A flat parse: every token hangs from its sentence's first token, except where `deps` says otherwise.
    heads, labels, start = [], [], 0
    for i in range(len(words)):
        if words[i] == "." or i == len(words) - 1:
            root = max(start, i - 1) if words[i] == "." else i
            heads += [root] * (i + 1 - start)
            labels += ["ROOT" if k == root else "dep" for k in range(start, i + 1)]
            start = i + 1
    for i, (head, label) in (deps or {}).items():
        heads[i], labels[i] = head, label
    lemmas = [_lemma(w) for w in words]
    doc = Doc(_VOCAB, words=words, pos=tags, lemmas=lemmas, heads=heads, deps=labels)
    doc.ents = [Span(doc, s, e, label=label, span_id=ent_id) for s, e, label, ent_id in spans]
    return doc


def mentions_of(marked: str, date: str | None = "2024-06-01", **kwargs) -> list[Mention]:
    doc = parse(marked, **kwargs)
    return find_mentions(doc, date=dt.date.fromisoformat(date) if date else None)


def by_text(mentions: list[Mention]) -> dict[str, Mention]:
    out: dict[str, Mention] = {}
    for mention in mentions:
        out.setdefault(mention.text, mention)
    return out


def leaders(mentions: list[Mention]) -> set[tuple[str, str]]:
    """What the claim rules would turn into leader_of: (person, country)."""
    return {(m.entity.name, m.entity.country) for m in mentions
            if m.entity.type == "Leader" and m.entity.role in LEADER_ROLES and m.entity.country
            and m.resolution in ("title", "title-of")}


# -- ambiguous country names ---------------------------------------------------------------------

AMBIGUITY_CASES = [
    # (marked sentence, form, expected code or None)
    ("[Georgia|GPE|?Georgia] signed a deal with [Armenia|GPE|ARM] .", "Georgia", "GEO"),
    ("The governor of [Georgia|GPE|?Georgia] visited Atlanta .", "Georgia", None),
    ("Voters in [Georgia|GPE|?Georgia] and Alabama went to the polls .", "Georgia", None),
    ("Prosecutors in a Georgia county charged him .".replace("Georgia", "[Georgia|GPE|?Georgia]"), "Georgia", None),
    ("[Tbilisi|GPE|GEO] said [Georgia|GPE|?Georgia] would join talks .", "Georgia", "GEO"),
    ("[Jordan|GPE|?Jordan] hosts refugees from [Syria|GPE|SYR] .", "Jordan", "JOR"),
    ("Michael [Jordan|GPE|?Jordan] won six titles .", "Jordan", None),
    ("[Jordan|GPE|?Jordan] Peterson gave a lecture .", "Jordan", None),
    ("The [Jordan|GPE|?Jordan] River flows south .", "Jordan", None),
    ("King Abdullah of [Jordan|GPE|?Jordan] spoke .", "Jordan", "JOR"),
    ("Aid reached [Chad|GPE|?Chad] and [Sudan|GPE|SDN] .", "Chad", "TCD"),
    ("[Chad|GPE|?Chad] Smith is a drummer .", "Chad", None),
    ("[Chad|GPE|?Chad] President Mahamat Deby spoke .", "Chad", "TCD"),
    ("Lake [Chad|GPE|?Chad] is shrinking .", "Chad", None),
    ("[Niger|GPE|?Niger] expelled French troops .", "Niger", "NER"),
    ("The [Niger|GPE|?Niger] Delta holds oil .", "Niger", None),
    ("The [Niger|GPE|?Niger] River floods .", "Niger", None),
    ("[Nigeria|GPE|NGA] and [Niger|GPE|?Niger] share a border .", "Nigeria", "NGA"),
    ("[Nigeria|GPE|NGA] and [Niger|GPE|?Niger] share a border .", "Niger", "NER"),
    ("[Turkey|GPE|TUR] bought gas from [Russia|GPE|RUS] .", "Turkey", "TUR"),
    ("[Türkiye|GPE|TUR] bought gas .", "Türkiye", "TUR"),
    ("[Kinshasa|GPE|COD] accused [Rwanda|GPE|RWA] ; [Congolese|NORP|?Congolese] troops moved .",
     "Congolese", "COD"),
    ("[Brazzaville|GPE|COG] hosted talks ; [Congolese|NORP|?Congolese] officials spoke .", "Congolese", "COG"),
    ("[Congo|GPE|?Congo] exports cobalt .", "Congo", None),
    ("The [Democratic Republic of the Congo|GPE|COD] and [Congo|GPE|?Congo] talked .", "Congo", "COD"),
    ("[Guinea|GPE|?Guinea] held elections .", "Guinea", "GIN"),
    ("[Guinea-Bissau|GPE|GNB] held elections .", "Guinea-Bissau", "GNB"),
    ("[Equatorial Guinea|GPE|GNQ] sells oil .", "Equatorial Guinea", "GNQ"),
    ("[Papua New Guinea|GPE|PNG] signed a treaty with [Australia|GPE|AUS] .", "Papua New Guinea", "PNG"),
    ("[Dominica|GPE|?Dominica] is an island nation .", "Dominica", "DMA"),
    ("[Dominican Republic|GPE|DOM] signed a deal .", "Dominican Republic", "DOM"),
    ("[Santo Domingo|GPE|DOM] said [Dominican|NORP|?Dominican] ports are open .", "Dominican", "DOM"),
    ("[Washington|GPE|?Washington] imposed sanctions on [Iran|GPE|IRN] .", "Washington", "USA"),
    ("George [Washington|GPE|?Washington] was a general .", "Washington", None),
    ("The [Washington|GPE|?Washington] Post reported it .", "Washington", None),
    ("Rain fell in [Washington|GPE|?Washington] State .", "Washington", None),
    ("[Latin|ADJ] [American|NORP|?American] leaders met .".replace("[Latin|ADJ] ", "Latin "), "American", None),
    ("African [American|NORP|?American] voters turned out .", "American", None),
    ("An [American|NORP|?American] drone struck .", "American", "USA"),
    ("[Seoul|GPE|KOR] and [Pyongyang|GPE|PRK] traded fire .", "Seoul", "KOR"),
    ("[Seoul|GPE|KOR] and [Pyongyang|GPE|PRK] traded fire .", "Pyongyang", "PRK"),
    ("[North Korea|GPE|PRK] fired shells ; the [North|GPE|?North] denied it .", "North", "PRK"),
    ("[South Korea|GPE|KOR] protested ; the [South|GPE|?South] fired back .", "South", "KOR"),
    ("The [North|GPE|?North] of England voted .", "North", None),
    ("[North Korea|GPE|PRK] said the [DPRK|GPE|PRK] is ready .", "DPRK", "PRK"),
    ("[Korea|GPE|?Korea] exports chips .", "Korea", None),
]


@pytest.mark.parametrize("marked,form,code", AMBIGUITY_CASES)
def test_find_mentions_ambiguous_forms(marked: str, form: str, code: str | None) -> None:
    found = by_text(mentions_of(marked)).get(form)
    if code is None:
        assert found is None or found.entity.type != "Country"
    else:
        assert found is not None and found.entity.id == code


def test_find_mentions_coordinated_ellipsis_names_both_koreas() -> None:
    found = mentions_of("[North|PROPN] and [South Korea|GPE|KOR] exchanged fire .".replace("[North|PROPN]", "North"))
    assert [(m.text, m.entity.id) for m in found] == [("North", "PRK"), ("South Korea", "KOR")]


def test_find_mentions_coordinated_ellipsis_reversed() -> None:
    found = by_text(mentions_of("South and [North Korea|GPE|PRK] talked ."))
    assert found["South"].entity.id == "KOR"


def test_find_mentions_lowercase_nickname_beside_capitalised_one() -> None:
    text = "[South Korea|GPE|KOR] spoke . The [South|GPE|?South] fired into the north ."
    found = by_text(mentions_of(text))
    assert found["north"].entity.id == "PRK" and found["north"].function == "place"


def test_find_mentions_lowercase_compass_point_alone_is_not_a_country() -> None:
    assert "north" not in by_text(mentions_of("Troops moved into the north of [Mali|GPE|MLI] ."))


@pytest.mark.parametrize("marked,form", [
    ("[Air|PROPN] [Canada|GPE|CAN] suspends flights to [Cuba|GPE|CUB] .".replace("[Air|PROPN] ", "Air "), "Canada"),
    ("[Qatar|GPE|QAT] Airways added routes .", "Qatar"),
    ("[China|GPE|CHN] Telecom reported profits .", "China"),
    ("Air [India|GPE|IND] bought planes .", "India"),
    ("[Singapore|GPE|SGP] Airlines flies there .", "Singapore"),
])
def test_find_mentions_country_inside_company_name_is_not_the_country(marked: str, form: str) -> None:
    assert form not in by_text(mentions_of(marked))


@pytest.mark.parametrize("marked,form", [
    ("Drones hit a tanker in the Gulf of [Oman|GPE|OMN] .", "Oman"),
    ("Jets flew over the Sea of [Japan|GPE|JPN] .", "Japan"),
    ("A [Malta|GPE|MLT] - flagged freighter was struck .", "Malta"),
    ("The [Marshall Islands|GPE|MHL] - registered bulker sank .", "Marshall Islands"),
])
def test_find_mentions_country_naming_a_sea_or_a_ship_flag_is_not_the_country(marked: str, form: str) -> None:
    assert form not in by_text(mentions_of(marked))


@pytest.mark.parametrize("marked,form", [
    ("Envoys of [Oman|GPE|OMN] met .", "Oman"),
    ("The sea off [Japan|GPE|JPN] froze .", "Japan"),
    ("[Malta|GPE|MLT] - based firms grew .", "Malta"),
])
def test_find_mentions_country_beside_of_or_a_hyphen_is_still_the_country(marked: str, form: str) -> None:
    assert form in by_text(mentions_of(marked))


@pytest.mark.parametrize("marked,form,code", [
    ("The [Russian|NORP|RUS] [Security Council|ORG|?Security Council] met .", "Security Council", None),
    ("Its Supreme National [Security Council|ORG|?Security Council] met .", "Security Council", None),
    ("The [UN Security Council|ORG|org:UNSC] met .", "UN Security Council", "UNSC"),
    ("The [Security Council|ORG|?Security Council] met .", "Security Council", "UNSC"),
])
def test_find_mentions_body_name_ending_a_longer_name_is_not_that_body(marked: str, form: str,
                                                                        code: str | None) -> None:
    found = by_text(mentions_of(marked)).get(form)
    assert (found.entity.id if found is not None else None) == code


@pytest.mark.parametrize("marked,form,deps,function", [
    ("36,000 [Tajik|NORP|TJK] students study there .", "Tajik", {1: (2, "amod")}, "people"),
    ("[Russians|NORP|RUS] queued at the border .", "Russians", {0: (1, "nsubj")}, "people"),
    ("An [American|NORP|?American] lobbying firm signed .", "American", {1: (3, "amod"), 2: (3, "compound")},
     "people"),
    ("[Chinese|NORP|CHN] companies invest abroad .", "Chinese", {0: (1, "amod")}, "people"),
    ("[Turkish|NORP|TUR] tourists arrived .", "Turkish", {0: (1, "amod")}, "people"),
    ("A [Filipino|NORP|PHL] deckhand crew member drowned .", "Filipino",
     {1: (4, "amod"), 2: (4, "compound"), 3: (4, "compound")}, "people"),
    ("A [Chilean|NORP|CHL] militant attack killed two .", "Chilean", {1: (3, "amod"), 2: (3, "amod")}, "people"),
    ("The [Chilean|NORP|CHL] Islamic Jihad claimed it .", "Chilean", {1: (3, "amod"), 2: (3, "compound")}, "people"),
    ("A [Chilean|NORP|CHL] drug cartel vessel sank .", "Chilean",
     {1: (3, "amod"), 2: (3, "compound"), 3: (4, "compound")}, "people"),
    ("A [Chilean|NORP|CHL] military attack killed two .", "Chilean", {1: (3, "amod"), 2: (3, "amod")},
     "government"),
    ("The [Filipino|NORP|PHL] coast guard member spoke .", "Filipino",
     {1: (4, "amod"), 2: (3, "compound"), 3: (4, "compound")}, "government"),
    ("[Russian|NORP|RUS] investments grew .", "Russian", {0: (1, "amod")}, "government"),
    ("The [Chinese|NORP|CHN] government said .", "Chinese", {1: (2, "amod")}, "government"),
    ("[Russian|NORP|RUS] troops advanced .", "Russian", {0: (1, "amod")}, "government"),
    ("[U.S.|GPE|USA] sanctions hit [Iran|GPE|IRN] .", "U.S.", {0: (1, "compound")}, "government"),
    ("[Moscow|GPE|RUS] said no .", "Moscow", {0: (1, "nsubj")}, "government"),
    ("He lives in [Moscow|GPE|RUS] now .", "Moscow", {3: (2, "pobj"), 2: (1, "prep")}, "place"),
])
def test_find_mentions_country_function(marked: str, form: str, deps: dict, function: str) -> None:
    found = by_text(mentions_of(marked, deps=deps))[form]
    assert found.function == function


def test_find_mentions_capital_after_title_is_a_first_name() -> None:
    found = by_text(mentions_of("[Kenyan|NORP|KEN] Cabinet Secretary [Aden|GPE|YEM] Duale spoke in [Aden|GPE|YEM] ."))
    assert "Aden" in found and found["Aden"].entity.id == "YEM"  # the city, later in the sentence
    assert found["Aden Duale"].entity.type == "Person"


def test_find_mentions_organization_from_gazetteer() -> None:
    found = by_text(mentions_of("[NATO|ORG|org:NATO] met [EU|ORG|org:EU] ministers ."))
    assert found["NATO"].entity.type == "Organization" and found["EU"].entity.id == "EU"


# -- heads of state and government -------------------------------------------------------------

LEADER_CASES = [
    # (marked sentence, date, expected leader_of pairs)
    ("[Russian|NORP|RUS] President [Vladimir Putin|PERSON] spoke .", "2024-06-01", {("Vladimir Putin", "RUS")}),
    ("President of [Tajikistan|GPE|TJK] [Emomali Rahmon|PERSON] said .", "2024-06-01",
     {("Emomali Rahmon", "TJK")}),
    ("President of the State of [Israel|GPE|ISR] [Isaac Herzog|PERSON] arrived .", "2024-06-01",
     {("Isaac Herzog", "ISR")}),
    ("Prime Minister [Narendra Modi|PERSON] of [India|GPE|IND] visited .", "2024-06-01",
     {("Narendra Modi", "IND")}),
    ("He met the president of [Djibouti|GPE|DJI] , [Ismail Omar Guelleh|PERSON] .", "2023-09-25",
     {("Ismail Omar Guelleh", "DJI")}),
    ("He met the prime minister of [India|GPE|IND] , Narendra Modi , today .", "2024-06-01",
     {("Narendra Modi", "IND")}),
    ("[Malaysia|GPE|MYS] 's Prime Minister , [Najib Razak|PERSON] said .", "2015-05-18",
     {("Najib Razak", "MYS")}),
    ("[Kenya|GPE|KEN] 's President [William Ruto|PERSON] spoke .", "2024-06-01", {("William Ruto", "KEN")}),
    ("ANTHONY ALBANESE , PRIME MINISTER OF AUSTRALIA : Good afternoon .", "2025-10-06",
     {("Anthony Albanese", "AUS")}),
    ("JAMES MARAPE , PRIME MINISTER OF PAPUA NEW GUINEA : Thank you .", "2025-10-06",
     {("James Marape", "PNG")}),
    ("His Excellency Ferdinand R. Marcos , Jr. , President of the [Republic of the Philippines|GPE|PHL] , attended .",
     "2024-07-08", {("Ferdinand R. Marcos , Jr.", "PHL")}),
    ("[Vladimir Putin|PERSON] , the [Russian|NORP|RUS] president , said .", "2024-06-01",
     {("Vladimir Putin", "RUS")}),
    ("[Emmanuel Macron|PERSON] , President of [France|GPE|FRA] , arrived .", "2024-06-01",
     {("Emmanuel Macron", "FRA")}),
    ("Leaders came : [Festus Mogae|PERSON] of [Botswana|GPE|BWA] , [Armando Guebuza|PERSON] of "
     "[Mozambique|GPE|MOZ] and Mamadou Tandja of [Niger|GPE|?Niger] .", "2005-06-16",
     {("Festus Mogae", "BWA"), ("Armando Guebuza", "MOZ"), ("Mamadou Tandja", "NER")}),
    ("He likened [Nicolas Maduro|PERSON] of [Venezuela|GPE|VEN] and [Raul Castro|PERSON] of [Cuba|GPE|CUB] .",
     "2018-11-01", {("Nicolas Maduro", "VEN")}),
    ("[Canadian|NORP|CAN] Prime Minister [Justin Trudeau|PERSON] and [Mexican|NORP|MEX] President "
     "[Enrique Peña|PERSON] Nieto met .", "2016-06-29",
     {("Justin Trudeau", "CAN"), ("Enrique Peña Nieto", "MEX")}),
    ("[U.S.|GPE|USA] President [Joe Biden|PERSON] announced .", "2025-01-14", {("Joe Biden", "USA")}),
    # A title without a country: the table on the article's date supplies it (the guidelines' implicit rows).
    ("President Trump met [Japanese|NORP|JPN] officials .", "2019-05-01", {("Donald Trump", "USA")}),
    ("[U.S.|GPE|USA] President Trump spoke .", "2019-05-01", {("Donald Trump", "USA")}),
    ("[U.S.|GPE|USA] President Trump spoke .", "2025-05-01", {("Donald Trump", "USA")}),
    ("President Trump spoke .", "2022-05-01", set()),
    ("[British|NORP|GBR] Prime Minister [Boris Johnson|PERSON] spoke .", "2021-03-01", {("Boris Johnson", "GBR")}),
    ("[British|NORP|GBR] Prime Minister [Boris Johnson|PERSON] spoke .", "2023-03-01", set()),
    ("Former [U.S.|GPE|USA] President [Barack Obama|PERSON] spoke .", "2024-06-01", set()),
    ("The former president of [Honduras|GPE|HND] , [Juan Hernandez|PERSON] , was jailed .", "2024-06-01", set()),
    ("[U.S.|GPE|USA] Vice President [Kamala Harris|PERSON] spoke .", "2024-06-01", set()),
    ("Executive Vice-President [Valdis Dombrovskis|PERSON] met them .", "2024-06-01", set()),
    ("[Saudi|NORP|SAU] Crown Prince [Mohammed bin Salman|PERSON] met him .", "2020-06-01", set()),
    ("[Russian|NORP|RUS] President [Boris Yeltsin|PERSON] visited .", "2024-06-01", set()),
    ("[Russian|NORP|RUS] Foreign Minister [Sergei Lavrov|PERSON] said .", "2024-06-01", set()),
    ("[Indian|NORP|IND] Deputy Prime Minister [Rajnath Singh|PERSON] said .", "2024-06-01", set()),
    ("The plane landed at King Fahd International Airport .", "2024-06-01", set()),
    ("[Tuvalu|GPE|TUV] : we , the Prime Minister of [Tuvalu|GPE|TUV] and the Prime Minister of "
     "[Australia|GPE|AUS] , announce a treaty .", "2023-11-10", set()),
    ("Mr Rahmon , welcome . You came here as President of [Tajikistan|GPE|TJK] .".replace(
        "Mr Rahmon", "Mr [Rahmon|PERSON]"), "2021-05-08", {("Emomali Rahmon", "TJK")}),
    ("President [Xi Jinping|PERSON] of [China|GPE|CHN] spoke .", "2015-01-09", {("Xi Jinping", "CHN")}),
    ("[Qatari|NORP|QAT] Emir [Tamim bin Hamad Al Thani|PERSON] arrived .", "2019-06-15",
     {("Tamim bin Hamad Al Thani", "QAT")}),
    ("[German|NORP|DEU] Chancellor [Olaf Scholz|PERSON] spoke .", "2023-01-10", {("Olaf Scholz", "DEU")}),
    ("[British|NORP|GBR] Chancellor of the Exchequer [Rachel Reeves|PERSON] spoke .", "2024-09-01", set()),
    ("[Armenian|NORP|ARM] prime minister [Nikol Pashinyan|PERSON] met him .", "2026-02-09",
     {("Nikol Pashinyan", "ARM")}),
    ("Chairman [Kim Jong-un|PERSON] spoke .", "2024-06-01", set()),
    ("The law passed under President [Bongbong Marcos|PERSON] .", "2024-06-01",
     {("Ferdinand Marcos Jr.", "PHL")}),
    ("[British|NORP|GBR] Columbia Premier [David Eby|PERSON] spoke .", "2024-06-01", set()),
    ("The [Jamaica|GPE|JAM] Premier League began .", "2024-06-01", set()),
    ("[North Korean|NORP|PRK] leader [Kim Jong-un|PERSON] spoke .", "2024-06-01", set()),
    # A title between two names belongs to the name after it, not to the one before the comma.
    ("After talks with [Kenyan|NORP|KEN] counterpart [William Ruto|PERSON] , [Ghanaian|NORP|GHA] president "
     "[John Mahama|PERSON] flew home .", "2025-06-01", {("John Dramani Mahama", "GHA")}),
    ("[William Ruto|PERSON] , the [Kenyan|NORP|KEN] president , flew home .", "2025-06-01",
     {("William Ruto", "KEN")}),
]


@pytest.mark.parametrize("marked,date,expected", LEADER_CASES)
def test_find_mentions_leader_of(marked: str, date: str, expected: set[tuple[str, str]]) -> None:
    assert leaders(mentions_of(marked, date)) == expected


def test_find_mentions_leader_named_as_written_with_table_id() -> None:
    found = by_text(mentions_of("[Ghanaian|NORP|GHA] President John Agyekum Kufour spoke .", "2005-06-16"))
    person = found["John Agyekum Kufour"].entity
    assert person.name == "John Agyekum Kufour" and person.id == "john-agyekum-kufuor" and person.country == "GHA"


def test_find_mentions_namesake_of_listed_leader_gets_own_id() -> None:
    # Spain's prime minister is in the table; a Colombian minister of the same name is not him.
    found = by_text(mentions_of("[Colombian|NORP|COL] Defense Minister [Pedro Sánchez|PERSON] spoke .",
                                "2025-06-01"))["Pedro Sánchez"].entity
    listed = by_text(mentions_of("[Spanish|NORP|ESP] Prime Minister [Pedro Sánchez|PERSON] spoke .",
                                 "2025-06-01"))["Pedro Sánchez"].entity
    assert (found.country, listed.country) == ("COL", "ESP") and found.id != listed.id


@pytest.mark.parametrize("marked,country", [
    # Charles III heads fifteen realms: the one the text names, else the seat of the monarchy.
    ("King [Charles|PERSON] opened the session .", "GBR"),
    ("[Charles III|PERSON] toured farms .", "GBR"),
    ("[Charles III|PERSON] flew to [Canada|GPE|CAN] .", "CAN"),
    ("King [Charles III|PERSON] praised [Australian|NORP|AUS] troops .", "AUS"),
])
def test_find_mentions_monarch_of_several_realms(marked: str, country: str) -> None:
    person = next(m.entity for m in mentions_of(marked, "2024-06-01") if m.entity.type == "Leader")
    assert (person.qid, person.country) == ("Q43274", country)


def test_find_mentions_former_leader_is_a_person() -> None:
    found = by_text(mentions_of("Former [U.S.|GPE|USA] President [Barack Obama|PERSON] spoke .", "2024-06-01"))
    assert found["Barack Obama"].entity.type == "Person"


def test_find_mentions_leader_out_of_office_on_date_is_a_person() -> None:
    found = by_text(mentions_of("[British|NORP|GBR] Prime Minister [Boris Johnson|PERSON] spoke .", "2023-03-01"))
    assert found["Boris Johnson"].entity.type == "Person" and found["Boris Johnson"].entity.country == "GBR"


def test_find_mentions_same_leader_two_terms() -> None:
    first = by_text(mentions_of("[U.S.|GPE|USA] President Trump spoke .", "2019-05-01"))["Trump"].entity
    second = by_text(mentions_of("[U.S.|GPE|USA] President Trump spoke .", "2025-05-01"))["Trump"].entity
    assert first.id == second.id == "Q22686"


def test_find_mentions_prime_minister_johnson_resolved_by_date() -> None:
    found = by_text(mentions_of("Prime Minister [Johnson|PERSON] spoke .", "2021-03-01"))["Johnson"].entity
    assert (found.name, found.country, found.type) == ("Boris Johnson", "GBR", "Leader")


def test_find_mentions_president_johnson_is_not_the_british_prime_minister() -> None:
    found = by_text(mentions_of("President [Johnson|PERSON] spoke .", "2021-03-01"))["Johnson"].entity
    assert found.country != "GBR"


def test_find_mentions_untitled_leader_in_table_is_not_titled() -> None:
    found = by_text(mentions_of("[Dmitry Medvedev|PERSON] met her .", "2010-04-15"))["Dmitry Medvedev"]
    assert found.entity.country == "RUS" and found.resolution == "table"


def test_find_mentions_name_of_country_needs_the_table() -> None:
    found = mentions_of("[John Smith|PERSON] of [Canada|GPE|CAN] spoke .", "2024-06-01")
    assert not leaders(found) and "John Smith" not in by_text(found)


def test_find_mentions_name_of_country_out_of_office() -> None:
    found = mentions_of("[Raul Castro|PERSON] of [Cuba|GPE|CUB] spoke .", "2018-11-01")
    assert not leaders(found)


def test_find_mentions_role_without_name_alone_is_not_leader_of() -> None:
    found = mentions_of("You came as President of [Tajikistan|GPE|TJK] .", "2021-05-08")
    assert not leaders(found)
    assert [m.resolution for m in found if m.entity.type == "Leader"] == ["role"]


def test_find_mentions_possessive_name_ending() -> None:
    found = by_text(mentions_of("[Israeli|NORP|ISR] President [Isaac Herzog|PERSON] 's visit began .",
                                "2026-02-09"))
    assert found["Isaac Herzog"].entity.name == "Isaac Herzog"


# -- officials ---------------------------------------------------------------------------------

OFFICIAL_CASES = [
    # (marked sentence, date, name, expected country, expected role)
    ("Secretary of State [Antony J. Blinken|PERSON] met him .", "2023-08-04", "Antony J. Blinken", "USA",
     "secretary of state"),
    ("Secretary of State Antony J. Blinken met him .", "2023-08-04", "Antony J. Blinken", "USA",
     "secretary of state"),
    ("Secretary of Defense Lloyd J. Austin III arrived .", "2023-09-25", "Lloyd J. Austin III", "USA",
     "secretary of defense"),
    ("Treasury Secretary [Janet Yellen|PERSON] said .", "2023-07-20", "Janet Yellen", "USA", "treasury secretary"),
    ("Foreign Secretary [James Cleverly|PERSON] will visit .", "2023-07-31", "James Cleverly", "GBR",
     "foreign secretary"),
    ("Secretary of State for Foreign Affairs [David Lammy|PERSON] spoke .", "2024-09-01", "David Lammy", "GBR",
     "secretary of state"),
    ("Parliamentary Under Secretary of State [Leo Docherty|PERSON] visited .", "2023-06-07", "Leo Docherty", None,
     None),
    ("The [U.S.|GPE|USA] Secretary of State , [Antony Blinken|PERSON] , signed .", "2025-01-14",
     "Antony Blinken", "USA", "secretary of state"),
    ("The [Armenian|NORP|ARM] Foreign Minister , [Ararat Mirzoyan|PERSON] , signed .", "2025-01-14",
     "Ararat Mirzoyan", "ARM", "foreign minister"),
    ("[Chinese|NORP|CHN] Trade Minister [Wang Wentao|PERSON] replied .", "2024-07-04", "Wang Wentao", "CHN",
     "trade minister"),
    ("[Russian|NORP|RUS] deputy foreign minister [Sergei Ryabkov|PERSON] met him .", "2026-04-09",
     "Sergei Ryabkov", "RUS", "foreign minister"),
    ("[UK|GPE|GBR] Minister Leo Docherty MP will visit .", "2023-06-04", "Leo Docherty", "GBR", "minister"),
    ("Mr. KIHARA Minoru , Minister of Defense of [Japan|GPE|JPN] , attended .", "2024-07-08", "KIHARA Minoru",
     "JPN", "minister"),
    ("Minister for Foreign Affairs of [Kenya|GPE|KEN] [Musalia Mudavadi|PERSON] signed .", "2024-06-01",
     "Musalia Mudavadi", "KEN", "minister"),
    ("[Congolese|NORP|?Congolese] Foreign Minister [Therese Wagner|PERSON] spoke about [Kinshasa|GPE|COD] .",
     "2025-01-26", "Therese Wagner", "COD", "foreign minister"),
    ("[Iranian|NORP|IRN] Ambassador [Kazem Jalali|PERSON] said .", "2024-06-01", "Kazem Jalali", "IRN",
     "ambassador"),
    ("[Indonesian|NORP|IDN] military spokesman [Fuad Basya|PERSON] said .", "2015-05-18", "Fuad Basya", "IDN",
     "spokesperson"),
    ("Spokesperson [Matt Miller|PERSON] said .", "2023-08-04", "Matt Miller", None, "spokesperson"),
    ("USAID Administrator [Samantha Power|PERSON] announced .", "2023-05-19", "Samantha Power", None,
     "administrator"),
    ("[Kenyan|NORP|KEN] Defense Cabinet Secretary [Aden|GPE|YEM] Duale met him .", "2023-09-25", "Aden Duale",
     "KEN", "secretary"),
    ("[Israeli|NORP|ISR] Defense Minister [Israel|GPE|ISR] Katz said .", "2025-01-14", "Israel Katz", "ISR",
     "defense minister"),
    ("[Russian|NORP|RUS] Prime Minister [Mikhail Mishustin|PERSON] said .", "2024-02-01", "Mikhail Mishustin",
     "RUS", "prime minister"),
]


@pytest.mark.parametrize("marked,date,name,country,role", OFFICIAL_CASES)
def test_find_mentions_officials(marked: str, date: str, name: str, country: str | None, role: str | None) -> None:
    found = by_text(mentions_of(marked, date))
    if role is None:
        assert name not in found or found[name].entity.country is None
        return
    person = found[name]
    assert (person.entity.country, person.entity.role) == (country, role)
    if role not in LEADER_ROLES:
        assert person.entity.type == "Person" and person.function == "official"
        assert not leaders([person])


def _gazetteer_with_agency():
    from kgraph.gazetteer import Gazetteer, OrganizationRecord, load_gazetteer

    shipped = load_gazetteer()
    agency = OrganizationRecord("USAID", "United States Agency for International Development", None, (), "agency",
                                ("USA",))
    return Gazetteer(shipped.countries, {**shipped.organizations, "USAID": agency}, shipped.leaders)


def test_find_mentions_agency_title_takes_the_agency_country() -> None:
    doc = parse("[USAID|ORG|org:USAID] Administrator [Samantha Power|PERSON] announced .")
    found = by_text(find_mentions(doc, date=dt.date(2023, 5, 19), gazetteer=_gazetteer_with_agency()))
    assert found["Samantha Power"].entity.country == "USA"
    assert found["Samantha Power"].function == "official"


def test_find_mentions_international_body_title_has_no_country() -> None:
    found = by_text(mentions_of("[NATO|ORG|org:NATO] Secretary-General [Mark Rutte|PERSON] said .", "2025-01-14"))
    assert found["Mark Rutte"].entity.country is None and found["Mark Rutte"].entity.type == "Person"


# -- later mentions: surnames and roles --------------------------------------------------------

LATER_CASES = [
    # (marked text, date, later form, expected person name, expected resolution)
    ("[Russian|NORP|RUS] President [Vladimir Putin|PERSON] spoke . [Putin|PERSON] said more .", "2024-06-01",
     "Putin", "Vladimir Putin", "surname"),
    ("President of [Tajikistan|GPE|TJK] [Emomali Rahmon|PERSON] came . Mr. [Rahmon|PERSON] smiled .",
     "2024-06-01", "Rahmon", "Emomali Rahmon", "surname"),
    ("[Chinese|NORP|CHN] President [Xi Jinping|PERSON] spoke . [Xi|PERSON] left .", "2015-01-09", "Xi",
     "Xi Jinping", "surname"),
    ("[Russian|NORP|RUS] President [Vladimir Putin|PERSON] spoke . The [Russian|NORP|RUS] president left .",
     "2024-06-01", "president", "Vladimir Putin", "role"),
    ("[Indian|NORP|IND] Prime Minister [Narendra Modi|PERSON] spoke . The [Indian|NORP|IND] leader left .",
     "2024-06-01", "leader", "Narendra Modi", "role"),
    ("[Indian|NORP|IND] Prime Minister [Narendra Modi|PERSON] spoke . The Prime Minister left .",
     "2024-06-01", "Prime Minister", "Narendra Modi", "role"),
    ("Secretary of Defense Lloyd Austin arrived . Austin met them .", "2023-09-25", "Austin", "Lloyd Austin",
     "surname"),
    ("Secretary of Defense Lloyd Austin arrived . [Austin|GPE] met them .".replace("[Austin|GPE]", "Austin"),
     "2023-09-25", "Austin", "Lloyd Austin", "surname"),
    ("[Ethiopian|NORP|ETH] Prime Minister [Abiy Ahmed|PERSON] spoke . [Abiy|PERSON] agreed .", "2023-08-04",
     "Abiy", "Abiy Ahmed", "surname"),
    ("[Mexican|NORP|MEX] President [Enrique Peña Nieto|PERSON] spoke . [Peña Nieto|PERSON] left .",
     "2016-06-29", "Peña Nieto", "Enrique Peña Nieto", "surname"),
]


@pytest.mark.parametrize("marked,date,form,name,resolution", LATER_CASES)
def test_find_mentions_later_mentions(marked: str, date: str, form: str, name: str, resolution: str) -> None:
    found = [m for m in mentions_of(marked, date) if m.text == form and m.entity.type in ("Leader", "Person")]
    assert found, f"no person mention for {form!r}"
    assert (found[-1].entity.name, found[-1].resolution) == (name, resolution)


def test_find_mentions_role_from_table_when_no_one_was_named() -> None:
    found = [m for m in mentions_of("The [Russian|NORP|RUS] president spoke .", "2024-06-01")
             if m.entity.type == "Leader"]
    assert found and found[0].entity.name == "Vladimir Putin" and found[0].resolution == "role"


def test_find_mentions_role_mentions_never_give_leader_of() -> None:
    text = "[Russian|NORP|RUS] President [Vladimir Putin|PERSON] spoke . The [Russian|NORP|RUS] president left ."
    found = mentions_of(text, "2024-06-01")
    assert leaders(found) == {("Vladimir Putin", "RUS")}
    assert all(m.resolution in ("title", "role") for m in found if m.entity.type == "Leader")


def test_find_mentions_surname_of_other_person_is_not_linked() -> None:
    found = mentions_of("[Russian|NORP|RUS] President [Vladimir Putin|PERSON] spoke . [Anna Putin|PERSON] sang .",
                        "2024-06-01")
    assert all(m.text != "Anna Putin" or m.entity.name != "Vladimir Putin" for m in found)


# -- contract ----------------------------------------------------------------------------------

def test_find_mentions_sorted_by_position_and_not_overlapping() -> None:
    found = mentions_of("[Russian|NORP|RUS] President [Vladimir Putin|PERSON] met [Kenya|GPE|KEN] 's President "
                        "[William Ruto|PERSON] in [Moscow|GPE|RUS] .")
    starts = [(m.start, m.end) for m in found]
    assert starts == sorted(starts)
    assert all(a[1] <= b[0] for a, b in zip(starts, starts[1:]))


def test_mention_tokens_maps_each_token() -> None:
    doc = parse("[Russian|NORP|RUS] President [Vladimir Putin|PERSON] spoke .")
    index = mention_tokens(doc, find_mentions(doc, date=dt.date(2024, 6, 1)))
    assert index[0].entity.id == "RUS" and index[2].entity.name == "Vladimir Putin" and 1 not in index


def test_find_mentions_without_date_accepts_any_term() -> None:
    found = mentions_of("[Russian|NORP|RUS] President [Vladimir Putin|PERSON] spoke .", None)
    assert leaders(found) == {("Vladimir Putin", "RUS")}



# -- robust linking: title spellings, party and body titles, untitled leaders, name variants --------

@pytest.mark.parametrize("marked, name, qid", [
    ("Prime Minster [Narendra Modi|PERSON] visited [Japan|GPE|JPN] .", "Narendra Modi", "Q1058"),
    ("Prime - Minister [Narendra Modi|PERSON] visited [Japan|GPE|JPN] .", "Narendra Modi", "Q1058"),
    ("Presdient [Emmanuel Macron|PERSON] visited [Japan|GPE|JPN] .", "Emmanuel Macron", "Q3052772"),
])
def test_find_mentions_misspelt_or_hyphenated_title_still_a_title(marked, name, qid):
    """A leader's title misspelt ("Prime Minster") or hyphenated still introduces the leader."""
    leader = by_text(mentions_of(marked, "2023-05-24"))[name]
    assert (leader.entity.id, leader.resolution) == (qid, "title")


def test_find_mentions_lone_minster_is_no_title():
    """"Minster" alone is a church ("York Minster"), not a misspelt "Minister"."""
    found = mentions_of("Minster [Lee Hsien Loong|PERSON] spoke .", "2023-05-24")
    assert all(m.resolution != "title" for m in found)


def test_find_mentions_party_general_secretary_is_his_countrys_official():
    found = by_text(mentions_of("General Secretary of the Communist Party of [Vietnam|GPE|VNM] Central Committee "
                                "[Nguyen Phu Trong|PERSON] met [Joe Biden|PERSON] .", "2023-09-10"))
    trong = found["Nguyen Phu Trong"]
    assert (trong.entity.type, trong.entity.country, trong.entity.role) == ("Person", "VNM", "general secretary")


def test_find_mentions_title_of_an_organization_then_name():
    """"President of the European Commission, Jean-Claude Juncker said": the name after the comma."""
    found = by_text(mentions_of("President of the [European Commission|ORG|org:EU] , [Jean-Claude Juncker|PERSON] "
                                "said so .", "2018-03-02"))
    assert found["Jean-Claude Juncker"].entity.type == "Person"
    assert found["Jean-Claude Juncker"].resolution == "title"


@pytest.mark.parametrize("marked, expected", [
    # the model tagged neither as a person; the table knows both, and their countries are named
    ("[Brazilian|NORP|BRA] officials said that later Lula met Xi in [Beijing|GPE|CHN] .",
     {"Lula": "Q37181", "Xi": "Q15031"}),
    # a full name needs no country in the article
    ("Narendra Modi met Anthony Albanese .", {"Narendra Modi": "Q1058", "Anthony Albanese": "anthony-albanese"}),
    # a surname alone whose country the article does not name stays unlinked
    ("Later Lula met Xi .", {}),
])
def test_find_mentions_untagged_leader_names_against_the_dated_table(marked, expected):
    found = {m.text: m.entity.id for m in mentions_of(marked, "2024-06-01") if m.entity.type == "Leader"}
    assert found == expected


def test_find_mentions_untagged_surname_out_of_office_is_not_linked():
    """Lula was not in office in 2015: his name alone links to no one then."""
    found = mentions_of("[Brazilian|NORP|BRA] officials said Lula met Xi in [Beijing|GPE|CHN] .", "2015-06-01")
    assert {m.text for m in found if m.entity.type == "Leader"} == {"Xi"}


def test_find_mentions_untagged_surname_inside_a_longer_name_is_not_linked():
    """"Pedro Modi" is someone else, not Narendra Modi."""
    found = mentions_of("[India|GPE|IND] fined Pedro Modi .", "2024-06-01")
    assert all(m.entity.type != "Leader" for m in found)


def test_find_mentions_month_is_no_surname():
    found = mentions_of("In [May|DATE] , Prime Minister [Theresa May|PERSON] flew to [Brussels|GPE|?Brussels] .",
                        "2019-05-01")
    assert [m.text for m in found if m.entity.type == "Leader"] == ["Theresa May"]


def test_find_mentions_person_with_and_without_middle_initial_is_one_person():
    found = mentions_of("Secretary of State [Antony J. Blinken|PERSON] met Foreign Minister [Wang Yi|PERSON] . "
                        "Secretary [Antony Blinken|PERSON] said so .", "2023-06-19")
    ids = {m.text: m.entity.id for m in found}
    assert ids["Antony J. Blinken"] == ids["Antony Blinken"] == "antony-blinken"


def test_byline_entity_title_and_surname_is_a_person():
    from kgraph.extract.mentions import byline_entity
    from kgraph.gazetteer import load_gazetteer

    biden = byline_entity("President Biden", dt.date(2023, 9, 10), load_gazetteer())
    assert biden is not None and biden.id == "Q6279"
    assert byline_entity("Spokesperson", dt.date(2023, 9, 10), load_gazetteer()) is None


@pytest.mark.parametrize("marked, acronym, code", [
    ("Sanctions hit the [Rwanda|GPE|RWA] Defence Force ( RDF ) . The RDF is fighting .", "RDF", "RWA"),
    ("The [Israel|GPE|ISR] Defense Forces ( IDF ) said the IDF struck .", "IDF", "ISR"),
    ("[Syrian|NORP|SYR] Democratic Forces ( SDF ) fighters said the SDF left .", "SDF", None),
])
def test_find_mentions_acronym_defined_for_a_states_forces(marked, acronym, code):
    """"the Rwanda Defence Force (RDF)": each "RDF" of the article is Rwanda's; a militia named
    after a country ("Syrian Democratic Forces") is not the state."""
    found = {m.entity.id for m in mentions_of(marked) if m.text == acronym}
    assert found == ({code} if code else set())

