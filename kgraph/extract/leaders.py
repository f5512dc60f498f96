"""leader_of claims: each current head of state or government named with a title, or by full
name in an article that names their country."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..model import Claim
from ..relations import Relation
from . import lexicon as lx
from .attributes import evidence_of
from .context import ArticleContext
from .mentions import LEADER_ROLES
from .modality import modality_of
from .syntax import lemma_of


def leader_claims(ctx: ArticleContext, acting: set[tuple[int, str]] = frozenset()) -> list[Claim]:
    """leader_of for each current head of state or government named with a title ("President
    of Russia Vladimir Putin"), or named in full without one in an article that names their
    country, where the sentence presents them in office: the dated leaders table says they
    hold it on the article's date, and the guidelines read such a name as the country's leader.

    `acting` holds (sentence start, country id) for each party of another claim: an untitled
    leader whose country is a party in their sentence acts for it ("Dmitry Medvedev met the
    President of Argentina", "sanctions on Alexander Lukashenko").
    """
    claims: dict[tuple[str, str], Claim] = {}
    named = {m.entity.id for m in ctx.mentions if m.entity.type == "Country"}
    for mention in sorted(ctx.mentions, key=lambda m: m.resolution not in ("title", "title-of")):
        person = mention.entity
        if person.type != "Leader" or not person.country or person.role not in LEADER_ROLES:
            continue
        titled = mention.resolution in ("title", "title-of")
        if not titled and not (mention.resolution == "table" and " " in mention.text.strip()
                               and person.country in named):
            continue
        key = (person.id, person.country)
        if key in claims:
            continue
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or _leaves_office(span.root) or not titled and (
                _not_yet_or_no_longer(span) or not _presented_in_office(span, ctx, acting)):
            continue
        sent = span.sent
        in_sentence = any(ctx.index.get(t.i) is not None and ctx.index[t.i].entity.id == person.country
                          for t in sent)
        claims[key] = Claim(
            doc=ctx.doc_id, relation=str(Relation.LEADER_OF), subject=person,
            object=ctx.gaz.country_entity(person.country),
            evidence=evidence_of(sent), rule="leader-title" if titled else "leader-named", date=ctx.date,
            confidence=0.95 if titled else 0.8, implied=not titled and not in_sentence,
            resolution=None if titled or in_sentence else "document",
        )
    return list(claims.values())


def _presented_in_office(name: Span, ctx: ArticleContext, acting: set[tuple[int, str]]) -> bool:
    """Whether a sentence presents a leader it names without a title as holding their office, as
    the guidelines ask ("named together with a country"): not a passing mention in a court case,
    a campaign or an election lost ("Donald Trump's bid to overturn the ruling", "victory over
    Viktor Orban")."""
    person = ctx.index[name.root.i].entity if name.root.i in ctx.index else None
    country = person.country if person is not None else None
    return (_office_words_by(name, ctx) or _named_to_office(name) or _holds_power_of(name)
            or _speaker_label(name) or (name.sent.start_char, country or "") in acting)


def _first_conjunct(name: Token) -> Token:
    """The first name of a list of names ("presidents X and Y": X), whose words speak for all."""
    while name.dep_ == "conj" and name.head != name and name.head.pos_ == "PROPN":
        name = name.head
    return name


def _office_words_by(name: Span, ctx: ArticleContext) -> bool:
    """An office word or a country right before the name or in its apposition: "incumbent X",
    "Chinese leader X", "co-presidents X and Y", "Brazil's X", "X, the prime minister", "the
    prime ministers of A and B, X and Y"."""
    head = _first_conjunct(name.root)
    doc = name.doc
    i = min(name.start, head.i) - 1  # the words of the first name are passed over as PROPN
    while i >= name.sent.start and (doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "PART", "DET") or doc[i].text in ("-", "–")):
        if doc[i].lower_ in lx.OFFICE_WORDS or _is_country(doc[i], ctx):
            return True  # the words of the phrase right before the name
        i -= 1
    near = [t for c in head.children if c.dep_ in ("appos", "poss", "compound", "amod", "nmod") for t in c.subtree]
    if head.dep_ == "appos":
        near.append(head.head)  # "the prime minister, X"
    return any(t.lower_ in lx.OFFICE_WORDS or _is_country(t, ctx) for t in near if not name.start <= t.i < name.end)


def _is_country(token: Token, ctx: ArticleContext) -> bool:
    mention = ctx.index.get(token.i)
    return mention is not None and mention.entity.type == "Country"


def _named_to_office(name: Span) -> bool:
    """The office the sentence names the person to, or in, near the name: "appoints X as prime
    minister", "X is re-appointed Prime Minister of Japan", "the nomination of X as prime
    minister", "to swear in X for a third term as president"."""
    node = _first_conjunct(name.root)
    for _ in range(3):
        for child in node.children:
            if child.dep_ in ("attr", "oprd") and child.lower_ in lx.OFFICE_WORDS:
                return True
            if child.dep_ == "prep" and child.lower_ == "as" and any(
                    t.lower_ in lx.OFFICE_WORDS for t in child.subtree):
                return True
        if node.head == node:
            break
        node = node.head
    return False


def _holds_power_of(name: Span) -> bool:
    """The name owns or qualifies a noun of governing power: "X's government", "the X
    administration", "the cabinet of X", "during the presidency of X", "X's envoy"."""
    head = _first_conjunct(name.root)
    if head.dep_ in ("poss", "compound") and lemma_of(head.head) in lx.GOVERNANCE_NOUNS:
        return True
    return head.dep_ == "pobj" and head.head.lower_ == "of" and lemma_of(head.head.head) in lx.GOVERNANCE_NOUNS


def _speaker_label(name: Span) -> bool:
    """A transcript's speaker label: the name opens the sentence and a colon follows it."""
    doc = name.doc
    return name.start == name.sent.start and name.end < len(doc) and doc[name.end].text == ":"


def _not_yet_or_no_longer(name: Span) -> bool:
    """Whether the words just before or after an untitled name say the person does not hold
    the office the table gives them: "President-Elect of X NAME", "former president NAME",
    "NAME, the prime minister-designate"."""
    doc = name.doc
    words = []
    i = name.start - 1
    while i >= name.sent.start and (doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "ADP") or doc[i].text in ("-", "–")):
        words.append(doc[i].lower_)  # the title phrase right before the name
        i -= 1
    words += [t.lower_ for c in name.root.children if c.dep_ == "appos" for t in c.subtree]
    return any(w.endswith(lx.NOT_IN_OFFICE_WORDS) or w in lx.NOT_IN_OFFICE_WORDS for w in words)


def _leaves_office(name: Token) -> bool:
    """Whether a titled leader is the one leaving office in the sentence, as a fact.

    "X resigns", "X steps down", "X was ousted", "succeeds the removed X", "the dismissal
    of X", "X's government collapsed" (but not "X will resign", "calls for X to resign",
    "demands the resignation of X" or "X dismisses his minister").
    """
    while name.dep_ in ("compound", "appos", "flat") and name.head != name:
        name = name.head  # "Prime Minister X": the phrase's head
    if any(c.dep_ == "amod" and (lemma_of(c) in lx.REMOVAL_VERBS or c.lower_ in lx.REMOVED_WORDS)
           for c in name.children):
        return True  # "the removed X", "ousted president X"
    head = name.head
    dep = name.dep_
    if dep in ("poss", "compound") and lemma_of(head) in lx.GOVERNANCE_NOUNS and head.dep_ == "nsubj" \
            and lemma_of(head.head) in lx.FALLING_VERBS:
        head, dep = head.head, "nsubj"  # "after X's administration collapsed": X left with it
    if dep == "pobj" and head.lower_ == "as" and head.head.pos_ in ("VERB", "AUX"):
        # "X resigns as Prime Minister of Y": the title is the role left
        head = head.head
        dep = next((c.dep_ for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), "")
    if dep == "nsubj":
        leaving = lemma_of(head) in lx.LEAVING_VERBS | lx.FALLING_VERBS or lemma_of(head) == "step" and any(
            c.dep_ == "prt" and c.lower_ in ("down", "aside") for c in head.children)
    elif dep == "nsubjpass":
        leaving = lemma_of(head) in lx.REMOVAL_VERBS
    elif dep == "pobj" and head.lower_ == "of" and lemma_of(head.head) in lx.REMOVAL_NOUNS:
        head = head.head
        leaving = True
    elif dep == "dobj":
        leaving = lemma_of(head) in lx.REMOVAL_VERBS | lx.DEFEAT_VERBS  # "replacing X", "defeated X"
    else:
        return False
    if not leaving or head.tag_ == "VB" or any(c.tag_ == "TO" for c in head.children):
        return False  # "to resign", "to be removed": asked for or planned
    if any(lemma_of(a) in lx.PROPOSAL_VERBS | lx.DEMAND_VERBS for a in head.ancestors if a.pos_ == "VERB"):
        return False  # "demanding the resignation of X"
    return modality_of(head) == "asserted"
