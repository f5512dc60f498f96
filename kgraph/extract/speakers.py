"""Who says what: quotations, transcript speaker labels and reported speech.

A sentence inside a quotation belongs to the quotation's speaker, who may be named in
the same sentence ("... ,” Putin said."), before the quotation ("Rahmon said: “...”"),
or a sentence or two after it. In transcripts, a paragraph opening with a label
("President of Russia Vladimir Putin: ...") belongs to that person until the next label.
Reported speech ("Rahmon said Russia is ...") gives the subject of the speech verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..model import Entity, Mention

# Verbs that introduce what someone said.
SPEECH_VERBS = frozenset({
    "say", "tell", "state", "note", "stress", "underscore", "underline", "emphasize", "emphasise", "add",
    "indicate", "announce", "declare", "remark", "point", "insist", "claim", "assert", "affirm", "explain",
    "confirm", "reiterate", "observe", "comment", "highlight", "mention", "write", "tweet", "argue", "warn",
    "acknowledge", "recall", "report", "describe", "praise", "welcome", "call", "conclude", "continue",
})
# Verbs of a speech act whose content is the claim ("X condemns the blockade", "X accused Y of
# exporting gold"): their subject makes the claim, as a speech verb's does.
SPEECH_ACT_VERBS = frozenset({"condemn", "criticize", "criticise", "denounce", "accuse", "blame", "rebuke"})
# Straight and curly double quotes, and guillemets.
_QUOTE = re.compile(r"[“\"«]([^“”\"«»]{3,}?)[”\"»]", re.DOTALL)
# A paragraph that opens a quotation and does not close it: by the convention for quoting
# several paragraphs, each opens with a quotation mark and only the last closes.
_OPEN_PARAGRAPH = re.compile(r"^[“\"«][^“”\"«»\n]{3,}$", re.MULTILINE)
# Nouns of a text someone gives out ("released the following statement:").
_STATEMENT_NOUNS = frozenset({"statement", "remarks", "remark", "message", "address", "speech"})
# A transcript label: a short line head ending in a colon ("Vladimir Putin: ...").
_LABEL = re.compile(r"^(?P<label>[A-Z][^\n:]{2,90}?)(?:\s*\([^)\n]*\))?:\s", re.MULTILINE)
_FIRST_PERSON = frozenset({"we", "our", "us", "ours", "ourselves"})
# "I", "my": the speaker's country too, when the speaker holds an office ("I welcome my friend").
_FIRST_PERSON_SINGULAR = frozenset({"i", "me", "my", "myself"})


# A release that is one person's words, as its title or source line says: "Remarks by
# Secretary Janet L. Yellen at ...", "Statement by President Ursula von der Leyen".
# A capital letter: ASCII, Latin-1 or Latin Extended-A ("Šefčovič", "Østergaard").
_NAME_WORD = r"(?:[A-ZÀ-ÖØ-ÞĀ-ž][\w.’'-]*|von|van|der|den|de|del|da|dos|al|bin|ibn|la|le|of)"
_BYLINE = re.compile(r"\b(?:[Rr]emarks|[Ss]tatement|[Ss]peech|[Aa]ddress|[Kk]eynote|[Oo]p-[Ee]d|[Mm]essage)"
                     rf"\s+by\s+(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,8}})")
# Titles before the name ("Secretary of State", "President", "Mr."): not part of it.
_BYLINE_TITLES = frozenset({
    "president", "vice", "secretary", "general", "prime", "minister", "foreign", "deputy", "chancellor",
    "commissioner", "high", "representative", "ambassador", "state", "treasury", "defense", "defence",
    "king", "queen", "emir", "sheikh", "dr", "mr", "ms", "mrs", "of", "us", "u.s", "uk", "eu",
})


def byline_name(*texts: str | None) -> str | None:
    """The person whose words a release is, from its title or source line; None if not one person's.

    Examples:
        >>> byline_name("Remarks by Secretary of State Michael R. Pompeo at the Signing")
        'Michael R. Pompeo'
        >>> byline_name(None, "a statement by President Ursula von der Leyen at the press conference")
        'Ursula von der Leyen'
        >>> byline_name("Remarks by Commissioner Šefčovič following the Council")
        'Commissioner Šefčovič'
        >>> byline_name("Press statement by the Secretary of State") is None
        True

    A surname alone keeps its title ("President Biden"): the title says that it is a person.
    """
    for text in texts:
        match = _BYLINE.search(text or "")
        if match is None:
            continue
        words = match.group("name").split()
        titles = []
        while words and words[0].lower().rstrip(".") in _BYLINE_TITLES:
            titles.append(words.pop(0))
        if "of" in words:  # "William Ruto of Kenya"
            words = words[:words.index("of")]
        while words and words[-1][0].islower():
            words.pop()
        if len(words) == 1 and titles:
            return " ".join([titles[-1], *words])
        if words:
            return " ".join(words)
    return None


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    speaker: Mention | None


def _person_or_actor(token: Token, index: dict[int, Mention]) -> Mention | None:
    """The mention a speech verb's subject refers to: a person first, else a country or
    organization, else any named source the model found ("KCNA", "the State Department")."""
    best = None
    for t in token.subtree:
        mention = index.get(t.i)
        if mention is None:
            continue
        if mention.entity.type in ("Leader", "Person"):
            return mention
        best = best or mention
    if best is not None:
        # "U.S. Trade Representative Robert Lighthizer": the person the model finds, not the office
        person = next((t for t in token.subtree if t.ent_type_ == "PERSON"), None)
        return (_named_source(person) if person is not None else None) or best
    return _named_source(token)


def _named_source(token: Token) -> Mention | None:
    """A speaker the gazetteer does not know: the PERSON or ORG entity heading a phrase."""
    doc = token.doc
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG") and ent.start <= token.i < ent.end or (
                ent.label_ in ("PERSON", "ORG") and ent.root.i == token.i):
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            kind = "Person" if ent.label_ == "PERSON" else "Organization"
            slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
            return Mention(text, ent.start_char, ent.end_char, Entity(type=kind, id=slug, name=text),
                           "model", "source")
    return None


def according_to(sent: Span, index: dict[int, Mention]) -> Mention | None:
    """"according to AFP": the source a sentence names."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
            for obj in token.doc[token.i + 1].children:
                if obj.dep_ == "pobj":
                    return _person_or_actor(obj, index)
    return None


def speaks(verb: Token) -> bool:
    """A verb of saying or a speech act, not "add" with a thing added ("has added entities")."""
    lemma = verb.lemma_.lower()
    return lemma in SPEECH_VERBS | SPEECH_ACT_VERBS and not (
        lemma == "add" and any(c.dep_ == "dobj" for c in verb.children))


def speech_subject(verb: Token, index: dict[int, Mention]) -> Mention | None:
    """The speaker of a speech verb or a speech act: its nominal subject ("He" the person the
    sentence before was about), or the agent of "according to"."""
    if not speaks(verb):
        return None
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") or (child.dep_ == "agent"):
            found = _person_or_actor(child, index) or _pronoun_source(child, index)
            if found is not None:
                return found
    return None


def _pronoun_source(pronoun: Token, index: dict[int, Mention]) -> Mention | None:
    """"Bolton blamed Cuba ... . He said ...": a "he" or "she" the linker left alone (it links
    only people it knows, named alone) is the person who is the subject of the sentence before,
    named as fully as the article names them."""
    doc = pronoun.doc
    if pronoun.lower_ not in ("he", "she") or pronoun.sent.start == 0:
        return None
    before = doc[pronoun.sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    mention = index.get(subject.i)
    if mention is not None:
        return mention if mention.entity.type in ("Leader", "Person") else None
    person = next((e for e in doc.ents if e.label_ == "PERSON" and e.start <= subject.i < e.end), None)
    surname = person[-1].text if person is not None else subject.text if subject.pos_ == "PROPN" else ""
    # the fullest name the article gives the person ("Peter Navarro" for a later "Navarro",
    # which the model may tag otherwise)
    full = max((e for e in doc.ents if e.label_ == "PERSON" and e[-1].text == surname and e.end <= subject.i + 1),
               key=len, default=person)
    return _named_source(full.root) if full is not None else None


def _speaker_in(tokens: Span | list[Token], index: dict[int, Mention], lo: int, hi: int) -> Mention | None:
    """A speech verb outside the quotation [lo, hi) in these tokens, and its subject."""
    for token in tokens:
        if lo <= token.idx < hi:
            continue
        if token.pos_ in ("VERB", "AUX") or token.lemma_.lower() in SPEECH_VERBS:
            found = speech_subject(token, index)
            if found is not None:
                return found
    return None


def find_quotes(doc: Doc, index: dict[int, Mention]) -> list[Quote]:
    """Quotations in the article and their speakers."""
    quotes = []
    sents = list(doc.sents)
    for match in _QUOTE.finditer(doc.text):
        lo, hi = match.span()
        # Sentences touching the quotation's end, then up to two sentences after it, then its start.
        after = [s for s in sents if s.end_char > hi - 1][:3]
        before = [s for s in sents if s.start_char <= lo < s.end_char]
        speaker = None
        for sent in after[:1] + before + after[1:]:
            speaker = _speaker_in(sent, index, lo, hi)
            if speaker is not None:
                break
        quotes.append(Quote(lo, hi, speaker))
    return quotes + _open_paragraphs(doc, index, quotes)


def _open_paragraphs(doc: Doc, index: dict[int, Mention], closed: list[Quote]) -> list[Quote]:
    """Paragraphs of a quotation of several paragraphs (each opens with a quotation mark and does
    not close), spoken by whoever speaks the quotation that closes the run, else by the one whose
    words the paragraph before the run announces ("Lighthizer released the following statement:")."""
    found = []
    for match in _OPEN_PARAGRAPH.finditer(doc.text):
        lo, hi = match.span()
        if any(q.start <= lo < q.end for q in closed):
            continue
        later = next((q for q in closed if q.start >= hi), None)
        speaker = later.speaker if later is not None and _adjoining(doc.text, hi, later.start) else None
        found.append(Quote(lo, hi, speaker or _announced_before(doc, index, lo)))
    return found


def _adjoining(text: str, end: int, start: int) -> bool:
    """Whether only open quotation paragraphs lie between two points of the text."""
    between = [p for p in text[end:start].split("\n") if p.strip()]
    return all(p.lstrip()[:1] in "“\"«" for p in between)


def _announced_before(doc: Doc, index: dict[int, Mention], char: int) -> Mention | None:
    """The speaker a sentence ending in a colon announces before a quotation run, skipping the
    run's earlier paragraphs: "X said:", "X released the following statement:"."""
    paragraphs = doc.text[:char].rstrip("\n").split("\n")
    while paragraphs and (not paragraphs[-1].strip() or paragraphs[-1].lstrip()[:1] in "“\"«"):
        paragraphs.pop()
    if not paragraphs or not paragraphs[-1].rstrip().endswith(":"):
        return None
    end = len("\n".join(paragraphs).rstrip())
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return None
    root = span[0].sent.root
    if not (speaks(root) or any(c.dep_ == "dobj" and c.lemma_.lower() in _STATEMENT_NOUNS for c in root.children)):
        return None
    # a person first ("Washington, DC – X released ...": the dateline may be parsed as a subject)
    found = [m for c in root.children if c.dep_ in ("nsubj", "nsubjpass") if (m := _person_or_actor(c, index))]
    return next((m for m in found if m.entity.type in ("Leader", "Person")), found[0] if found else None)


def find_labels(doc: Doc, index: dict[int, Mention]) -> list[tuple[int, Mention]]:
    """Transcript speaker labels: (character where the turn starts, the speaker)."""
    labels = []
    for match in _LABEL.finditer(doc.text):
        lo, hi = match.span("label")
        people = [m for i, m in index.items() if lo <= doc[i].idx < hi and m.entity.type in ("Leader", "Person")]
        if people:
            labels.append((lo, people[-1]))
    return labels


class SpeakerMap:
    """Answers "who says this sentence?" for every sentence of one article."""

    def __init__(self, doc: Doc, index: dict[int, Mention]) -> None:
        self.doc = doc
        self.index = index
        self.quotes = find_quotes(doc, index)
        self.labels = find_labels(doc, index)

    def quote_at(self, char: int) -> Quote | None:
        return next((q for q in self.quotes if q.start <= char < q.end), None)

    def in_quote(self, token: Token) -> bool:
        return self.quote_at(token.idx) is not None

    def label_at(self, char: int) -> Mention | None:
        current = None
        for start, mention in self.labels:
            if start <= char:
                current = mention
        return current

    def speaker_of(self, sent: Span, trigger: Token | None = None) -> tuple[Mention | None, str]:
        """The speaker of a sentence (or of the quotation holding `trigger`) and how it was found."""
        char = trigger.idx if trigger is not None else sent.start_char
        quote = self.quote_at(char)
        if quote is not None and quote.speaker is not None:
            return quote.speaker, "quotation"
        # Reported speech: the trigger sits in the complement of a speech verb.
        if trigger is not None:
            # the trigger itself when it is a speech act ("X condemns the blockade"), not a word
            # that may also say ("concluded that ..." is no agreement concluded)
            acts = [trigger] if trigger.lemma_.lower() in SPEECH_ACT_VERBS else []
            for ancestor in (*acts, *trigger.ancestors):
                if ancestor.lemma_.lower() in SPEECH_ACT_VERBS and according_to(sent, self.index) is not None:
                    break  # "which, according to AFP, the UN has criticised": AFP reports the act
                if speaks(ancestor):
                    found = speech_subject(ancestor, self.index)
                    if found is not None:
                        return found, "reported"
        if trigger is not None and quote is None:
            found = self.adjacent_speaker(sent, trigger) or according_to(sent, self.index)
            if found is not None:
                return found, "reported"
        label = self.label_at(char)
        if label is not None and quote is None:
            return label, "transcript"
        if quote is not None:
            return None, "quotation"
        return None, ""

    def adjacent_speaker(self, sent: Span, trigger: Token | None) -> Mention | None:
        """"CLAIM, NAME said" / "said NAME": a speech verb right after or before a person,
        read off word order because the parser often mis-attaches such tails."""
        for verb in sent:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in SPEECH_VERBS or (
                    trigger is not None and verb.i <= trigger.i):
                continue
            if self.quote_at(verb.idx) is not None:
                continue
            for i in (verb.i - 1, verb.i + 1):
                mention = self.index.get(i)
                if mention is not None and mention.entity.type in ("Leader", "Person"):
                    return mention
        return None

    def first_person_country(self, token: Token) -> Entity | None:
        """"we", "our", "us" inside a quotation or a transcript turn: the speaker's country.
        "I", "my" too when the speaker is a leader or an official, who speaks for the state."""
        singular = token.lower_ in _FIRST_PERSON_SINGULAR
        if token.lower_ not in _FIRST_PERSON and not singular:
            return None
        speaker, how = self.speaker_of(token.sent, token)
        if speaker is None or how not in ("quotation", "transcript"):
            return None
        if singular and not (speaker.entity.type == "Leader" or speaker.entity.role):
            return None
        return speaker.entity
