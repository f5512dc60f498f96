"""Trigger words: the rows of the trigger table and the one matcher that reads them.

A trigger is a word that signals a relation ("sanctions", "partner", "signed"). The table
(trigger_table.py) lists them as rows, PETRARCH-style: the words, their part of speech,
the relation, the kind (how a possessor or subject is read), the direction, the
modifiers a word needs or must not have, and named vetoes (vetoes.py). `TriggerTable`
is the generic matcher: for each word it tries the rows of its lemma in table order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from ..relations import NameEnum, Relation
from .syntax import lemma_of, modifier_lemmas

# A named predicate of one word (vetoes.py).
Test = Callable[[Token], bool]

# The parts of speech of the table's rows: nouns (common and proper) and verbs.
NOUN = "noun"
VERB = "verb"


class Kind(NameEnum):
    """How a trigger's parties are read off the parse; written first in each claim's rule."""

    ACTION = "action"  # a noun of what a party does: its possessor is the agent ("Russia's investments")
    RELATIONAL = "relational"  # a noun of a role played for another: its possessor is the other ("X's partner")
    VERB = "verb"  # a verb: its subject acts on its object
    ENERGY = "energy"  # energy supplied or needed ("supplies gas to X", "X's gas needs")
    ARMS = "arms"  # arms or military aid supplied: supplier -> buyer, directed although the relation is not
    FUNDING = "funding"  # money given to help ("provided $20 million to help refugees in X")
    LISTING = "listing"  # a country's firms or people added to a blacklist: a sanction
    DELISTING = "delisting"  # ... removed from one: a sanction lifted


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that signals a relation, how its parties are read, and whether its object acts
    on its subject (`reversed`: "X imports from Y" is Y's export to X)."""

    token: Token
    relation: Relation
    kind: Kind
    reversed: bool = False


@dataclass(frozen=True, slots=True)
class TriggerRow:
    """One row of the trigger table.

    Attributes:
        words: the lemmas (lower case) the row is about.
        pos: NOUN (common or proper noun) or VERB.
        relation: the relation signalled; None for a head noun whose relation comes from its
            modifiers ("strategic partner", "trade ties": the table's modifier rows).
        kind: how the trigger's parties are read.
        reverse: whether the object acts on the subject ("imports", "hosts"), or a test of
            the word that says so.
        when: conditions for the row to apply; when one fails, the word's next row is tried.
        requires: modifiers of which the word needs one ("concessional loan"); without one
            it is no trigger.
        excludes: modifiers that make the word no trigger ("the drug trade").
        unless: vetoes: a word one of them finds is no trigger (and no later row is tried).
    """

    words: frozenset[str]
    pos: str
    relation: Relation | None
    kind: Kind
    reverse: bool | Test = False
    when: tuple[Test, ...] = ()
    requires: frozenset[str] | None = None
    excludes: frozenset[str] = frozenset()
    unless: tuple[Test, ...] = ()


@dataclass(frozen=True, slots=True)
class ModifierRow:
    """A modifier that gives a head noun its relation: "strategic" + "partner" is strategic_partner."""

    modifiers: frozenset[str]
    heads: frozenset[str]
    relation: Relation


def row(words: str | Iterable[str], pos: str, relation: Relation | None, kind: Kind, *,
        reverse: bool | Test = False, when: tuple[Test, ...] = (), requires: Iterable[str] | None = None,
        excludes: Iterable[str] = (), unless: tuple[Test, ...] = ()) -> TriggerRow:
    """A table row; `words` may be one string of space-separated lemmas."""
    return TriggerRow(_words(words), pos, relation, kind, reverse, when,
                      frozenset(requires) if requires is not None else None, frozenset(excludes), unless)


def modifier_row(modifiers: str | Iterable[str], heads: str | Iterable[str], relation: Relation) -> ModifierRow:
    """A modifier row; `modifiers` and `heads` may be strings of space-separated lemmas."""
    return ModifierRow(_words(modifiers), _words(heads), relation)


def _words(words: str | Iterable[str]) -> frozenset[str]:
    return frozenset(words.split() if isinstance(words, str) else words)


def part_of_speech(token: Token) -> str | None:
    """The table's part of speech of a word: NOUN for nouns and names, VERB for verbs."""
    if token.pos_ in ("NOUN", "PROPN"):
        return NOUN
    return VERB if token.pos_ == "VERB" or token.pos_ == "AUX" and token.lemma_.lower() == "be" else None


class TriggerTable:
    """The rows of the trigger table, indexed by lemma, and the matcher that reads them.

    For each word of a sentence, the rows of its lemma and part of speech are tried in
    table order; the first whose conditions hold decides: the word is a trigger of the
    row's relation unless a modifier it requires is missing, one it excludes is there, or
    one of its vetoes (or of `word_vetoes`) finds something. A word no row decides is no
    trigger. `claim_vetoes` keep a trigger (it still counts as one of its sentence) from
    stating a claim.
    """

    def __init__(self, rows: Iterable[TriggerRow], modifier_rows: Iterable[ModifierRow] = (), *,
                 word_vetoes: tuple[Test, ...] = (),
                 claim_vetoes: dict[Relation, tuple[Test, ...]] | None = None) -> None:
        self.rows = tuple(rows)
        self.modifier_rows = tuple(modifier_rows)
        self.word_vetoes = word_vetoes
        self.claim_vetoes = claim_vetoes or {}
        self._index: dict[tuple[str, str], list[TriggerRow]] = {}
        for trigger_row in self.rows:
            for word in sorted(trigger_row.words):
                self._index.setdefault((word, trigger_row.pos), []).append(trigger_row)

    def rows_for(self, lemma: str, pos: str) -> list[TriggerRow]:
        """The rows about one lemma, in table order."""
        return self._index.get((lemma, pos), [])

    def find(self, sent: Span) -> list[Trigger]:
        """Every trigger in a sentence, in text order."""
        return [trigger for token in sent for trigger in self.triggers_of(token)]

    def triggers_of(self, token: Token) -> list[Trigger]:
        """The triggers one word gives (several for "strategic and economic partner")."""
        pos = part_of_speech(token)
        rows = self.rows_for(lemma_of(token), pos) if pos is not None else []
        if not rows or any(veto(token) for veto in self.word_vetoes):
            return []
        for trigger_row in rows:
            if all(condition(token) for condition in trigger_row.when):
                return self._apply(trigger_row, token)
        return []

    def _apply(self, trigger_row: TriggerRow, token: Token) -> list[Trigger]:
        modifiers = set(modifier_lemmas(token))
        if trigger_row.requires is not None and not modifiers & trigger_row.requires:
            return []
        if modifiers & trigger_row.excludes or any(veto(token) for veto in trigger_row.unless):
            return []
        reverse = trigger_row.reverse if isinstance(trigger_row.reverse, bool) else trigger_row.reverse(token)
        if trigger_row.relation is not None:
            return [Trigger(token, trigger_row.relation, trigger_row.kind, reverse)]
        lemma = lemma_of(token)
        relations = {m.relation for m in self.modifier_rows if lemma in m.heads and modifiers & m.modifiers}
        return [Trigger(token, relation, trigger_row.kind, reverse) for relation in sorted(relations)]

    def states_no_claim(self, trigger: Trigger) -> bool:
        """Whether a claim veto of the trigger's relation finds something."""
        return any(veto(trigger.token) for veto in self.claim_vetoes.get(trigger.relation, ()))

    def action_noun_relation(self, lemma: str) -> Relation | None:
        """The relation an action noun signals by itself (its row without conditions), if any.

        Examples:
            >>> from kgraph.extract.trigger_table import TABLE
            >>> TABLE.action_noun_relation("tariff"), TABLE.action_noun_relation("partner")
            (<Relation.TARIFF: 'tariff'>, None)
        """
        return next((r.relation for r in self.rows_for(lemma, NOUN)
                     if r.kind is Kind.ACTION and not r.when and r.relation is not None), None)
