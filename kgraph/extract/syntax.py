"""Dependency-tree helpers the claim rules share: lemmas, governing verbs, paths between tokens.

Pure functions of spaCy tokens; the grammatical-function sets name the dependency labels
the rules read (spaCy's English labels, ClearNLP style).
"""

from __future__ import annotations

from spacy.tokens import Token

from . import lexicon as lx

# Dependency labels by grammatical function.
SUBJECT_DEPS = frozenset({"nsubj", "csubj", "expl"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod", "appos", "nummod"})
# Clause boundaries: a party below one of these belongs to another clause.
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "xcomp", "parataxis", "relcl", "acl", "csubj", "conj", "pcomp"})
# The path from an agent up to its clause may pass only through these: "Russia", "the
# Russian government", "Russia and China", "the president of Russia", "officials from China".
DIRECT_DEPS = frozenset({"compound", "poss", "amod", "nmod", "conj", "appos", "flat", "case"})


def lemma_of(token: Token) -> str:
    """A token's lemma in lower case (its lower-cased text when the pipeline set no lemma)."""
    return token.lemma_.lower() if token.lemma_ else token.lower_


def modifier_lemmas(token: Token) -> list[str]:
    """Lemmas of a noun's adjectival and compound modifiers, with their conjuncts."""
    out = []
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod"):
            out.append(lemma_of(child))
            out.extend(lemma_of(c) for c in child.conjuncts)  # "advanced, integrated and comprehensive"
            out.extend(lemma_of(c) for c in child.children if c.dep_ in ("amod", "compound"))
    # "trading and economic partner": the parser may attach "economic" as a conjunct of "trading".
    if token.dep_ == "conj":
        out.extend(lemma_of(c) for c in token.head.children if c.dep_ in ("amod", "compound"))
    return out


def object_has(verb: Token, words: frozenset[str]) -> bool:
    """Whether the verb's object (or a prepositional object) names one of `words`. ("bought US
    energy worth $5 billion": the parser may hang the object under "worth".)"""
    for child in verb.children:
        if child.dep_ in ("dobj", "attr", "nsubjpass", "prep", "dative") or (
                child.dep_ in ("ccomp", "xcomp", "acomp", "oprd") and child.lower_ == "worth"):
            if any(lemma_of(t) in words or t.lower_ in words for t in child.subtree):
                return True
    return False


def predicate_of(token: Token) -> Token:
    """The lowest verb governing a trigger (the trigger itself when it is a verb)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head != node:
        node = node.head
    return node


def edge_into(token: Token, target: Token) -> Token | None:
    """The child of `target` on the path up from `token`, or None if `token` is not below it."""
    node = token
    while node.head != node:
        if node.head == target:
            return node
        node = node.head
    return None


def has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in verb.children)


def clause_free(path_start: Token, edge: Token) -> bool:
    """No clause boundary between a party and the edge it attaches by."""
    node = path_start
    while node != edge:
        if node.dep_ in CLAUSE_DEPS and node.dep_ != "conj":
            return False
        node = node.head
    return True


def acted_on(act: Token, preps: frozenset[str]) -> list[Token]:
    """What an act is done to, as the text names it: the object of a verb ("struck militants"),
    of one of `preps` on the act ("strikes on X", "a blockade of X"), or of a participle
    "targeting" ("strikes targeting X")."""
    objects = [c for c in act.children if c.dep_ == "dobj"] if act.pos_ in ("VERB", "AUX") else []
    for child in act.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ in ("acl", "advcl") and lemma_of(child) == "target":
            objects += [g for g in child.children if g.dep_ == "dobj"]
    return objects


def prep_between(party: Token, top: Token, preps: frozenset[str] | None = None) -> bool:
    """Whether the path from a party up to `top` passes a preposition (one of `preps` if given)."""
    node = party
    while node != top and node.head != node:
        if node.dep_ == "prep" and (preps is None or node.lower_ in preps):
            return True
        node = node.head
    return False


def hyphenated_word(name: Token) -> Token | None:
    """The word a hyphen joins to a name, or to the last of the names coordinated with it
    ("Iran-backed" -> backed; "UK and US-mediated" -> mediated, for both names)."""
    doc = name.doc
    i = name.i + 1
    while i + 1 < len(doc) and i <= name.i + 6:
        if doc[i].text in ("-", "–", "—") and not doc[i].whitespace_ and not doc[i - 1].whitespace_:
            return doc[i + 1]
        # only across names ("the country and the Algeria-backed front": the country is not backed)
        if not (name.is_title or name.is_upper) or not (
                doc[i].lower_ in ("and", ",") or doc[i].is_title or doc[i].is_upper):
            return None
        i += 1
    return None


def first_conjunct(token: Token) -> Token:
    """The first item of the coordination a token is in ("X, Y and Z": X), else the token."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def conjunct_of(token: Token, head: Token) -> bool:
    """Whether `token` is coordinated with `head` ("X, Y and Z": Y and Z with X)."""
    node = token
    while node.dep_ == "conj" and node.head != node:
        node = node.head
        if node == head:
            return True
    return False


def heads_phrase(party: Token, edge: Token) -> bool:
    """Whether a party heads the phrase attached by `edge`, up to modifiers and coordination."""
    node = party
    while node != edge:
        if node.dep_ in DIRECT_DEPS:
            node = node.head
            continue
        if node.dep_ == "pobj" and node.head.lower_ in ("of", "from", "including") and (
                lemma_of(node.head.head) in lx.PERSON_NOUNS or lemma_of(node.head.head) in lx.AGENT_HOLDERS):
            node = node.head.head
            continue
        return False
    return True


def prep_depth(party: Token, edge: Token) -> int:
    """How many prepositions lie between a party and the edge it attaches by (the edge excluded)."""
    depth, node = 0, party.head
    while node != edge and node.head != node:
        if node.dep_ == "prep":
            depth += 1
        node = node.head
    return depth


def within_respect_phrase(prep: Token) -> bool:
    """Whether a preposition is the "of" of "in terms of", "in the field of", "in the area of"."""
    noun = prep.head
    return prep.lower_ == "of" and lemma_of(noun) in lx.RESPECT_NOUNS and noun.dep_ == "pobj" \
        and noun.head.lower_ == "in"


def designation_in_respect(noun: Token) -> Token | None:
    """What a copula says its subject is, in the respect `noun` names: in "Britain was Russia's
    leading partner in terms of investments" (or "... partner in investment"), "partner" (or
    the first of its conjuncts); None when the noun is no such respect."""
    prep = noun.head
    if noun.dep_ == "pobj" and within_respect_phrase(prep):
        prep = prep.head.head  # "in [terms of] investments"
    if noun.dep_ != "pobj" or prep.lower_ != "in":
        return None
    if lemma_of(prep.head) in lx.COPULAS:  # the parser may hang the phrase on the copula
        return next((c for c in prep.head.children if c.dep_ == "attr"), None)
    named = first_conjunct(prep.head)  # "trade and economic partner in investment"
    return named if named.dep_ == "attr" and lemma_of(named.head) in lx.COPULAS else None
