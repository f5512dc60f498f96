"""The parties of a trigger: each party's role (roles.py) passed through a chain of named filters.

`find_parties` gives every party of the sentence its grammatical role, then runs the
role through `ROLE_FILTERS`, in order, as spaCy's span ruler runs its `ents_filter`:
each filter sees the party, its role so far (None: no part) and the trigger, and returns
the role it keeps, gives or takes away. A finding about who is no party becomes one
more filter here (or a predicate of nonparties.py), tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..model import Entity
from ..relations import Relation
from . import lexicon as lx
from .context import ArticleContext, Sentence
from .nonparties import names_a_city, names_affiliation, no_party
from .roles import Role, assign_role
from .syntax import acted_on, lemma_of
from .triggers import Kind, Trigger

Party = tuple[Entity, Token]
# A role filter: (party, its role so far, trigger, article) -> the role it keeps (None: no part).
RoleFilter = Callable[[Party, Role | None, Trigger, ArticleContext], Role | None]


@dataclass
class Parties:
    """A trigger's parties sorted by what they are to it."""

    agents: list[Party] = field(default_factory=list)
    others: list[Party] = field(default_factory=list)
    co_parties: list[Party] = field(default_factory=list)
    sources: list[Party] = field(default_factory=list)
    ahead: list[Party] = field(default_factory=list)
    # subjects that cite a measure whose owner it names ("X cites U.S. tariffs"): no side of it
    citers: list[Party] = field(default_factory=list)
    # of the agents and others: the possessors and modifiers of the trigger noun, and the subjects of its clause
    mods: list[Party] = field(default_factory=list)
    subjects: list[Party] = field(default_factory=list)

    @classmethod
    def of(cls, roles: Sequence[tuple[Party, Role]], kind: Kind) -> Parties:
        """Parties from their roles. A possessor or modifier is the other party of a relational
        noun ("Tajikistan's partner") and the agent of any other ("Russia's investments"); the
        subject of the clause is an agent."""
        parties = cls()
        buckets = {Role.AGENT: parties.agents, Role.OTHER: parties.others, Role.CO: parties.co_parties,
                   Role.SOURCE: parties.sources, Role.AHEAD: parties.ahead, Role.CITER: parties.citers}
        for party, role in roles:
            if role == Role.MOD:
                parties.mods.append(party)
                role = Role.OTHER if kind == Kind.RELATIONAL else Role.AGENT
            elif role == Role.SUBJECT:
                parties.subjects.append(party)
                role = Role.AGENT
            buckets[role].append(party)
        return parties


def ranked_after(party: Party, role: Role | None, trigger: Trigger, ctx: ArticleContext) -> Role | None:
    """"second, following China", "after China": the party ranks one place ahead (the party
    itself follows the word, not the owner of what does: "following Turkey's pause")."""
    node = party[1]
    for _ in range(3):
        if node.head == node or node.dep_ not in ("pobj", "dobj", "conj", "compound", "appos", "npadvmod"):
            return role
        node = node.head
        if node.lower_ in lx.RANK_AHEAD_WORDS:
            return Role.AHEAD
    return role


def named_place(party: Party, role: Role | None, trigger: Trigger, ctx: ArticleContext) -> Role | None:
    """"at the Chad-Sudan border", "a Syrian town": a place, not a party; but what an attack
    strikes ("struck a Lebanese town") is the town's country struck."""
    head = party[1]
    if head.dep_ not in ("compound", "amod", "nmod") or lemma_of(head.head) not in lx.PLACE_NOUNS:
        return role
    struck = trigger.relation == Relation.CONFLICT and head.head in acted_on(trigger.token, lx.ON_AGAINST)
    return Role.OTHER if struck else None


def instrument_title(party: Party, role: Role | None, trigger: Trigger, ctx: ArticleContext) -> Role | None:
    """"the United Nations Convention on the Law of the Sea": a body in an instrument's title."""
    head = party[1]
    if head.dep_ == "compound" and head.head.is_title and lemma_of(head.head) in lx.INSTRUMENT_NAMES:
        return None
    return role


def affiliated(party: Party, role: Role | None, trigger: Trigger, ctx: ArticleContext) -> Role | None:
    """"strikes on Iran-backed militias": the militias are the target, not Iran."""
    return None if role in (Role.OTHER, Role.CO) and names_affiliation(party[1]) else role


def not_a_party(party: Party, role: Role | None, trigger: Trigger, ctx: ArticleContext) -> Role | None:
    """A name that is no party whatever its role (nonparties.no_party): a mediator, "non-NATO", ..."""
    return None if no_party(party[1], trigger, ctx) else role


def theatre_of_war(party: Party, role: Role | None, trigger: Trigger, ctx: ArticleContext) -> Role | None:
    """"the Iran war", "the Syrian war": a modifier of "war" names where it is fought, not who
    attacks (a possessor does: "Russia's war")."""
    if role == Role.MOD and trigger.relation == Relation.CONFLICT and lemma_of(trigger.token) == "war" \
            and party[1].dep_ != "poss":
        return None
    return role


def summit_body(party: Party, role: Role | None, trigger: Trigger, ctx: ArticleContext) -> Role | None:
    """"the CICA summit": an organization modifying a meeting is its venue, not a party."""
    if role == Role.MOD and trigger.relation == Relation.MEETING and party[0].type == "Organization":
        return None
    return role


def city_named(party: Party, role: Role | None, trigger: Trigger, ctx: ArticleContext) -> Role | None:
    """"the Ottawa Treaty", "the Minsk agreements", "the Washington talks": a city naming the act."""
    head = party[1]
    mention = ctx.index.get(head.i)
    if role == Role.MOD and mention is not None and head.dep_ == "compound" and names_a_city(mention, ctx):
        return None
    return role


ROLE_FILTERS: tuple[RoleFilter, ...] = (ranked_after, named_place, instrument_title, affiliated, not_a_party,
                                        theatre_of_war, summit_body, city_named)


def find_parties(trigger: Trigger, sentence: Sentence, ctx: ArticleContext,
                 filters: Sequence[RoleFilter] | None = None) -> Parties:
    """The parties of a trigger: each party's grammatical role, passed through `filters`
    (ROLE_FILTERS when not given)."""
    filters = ROLE_FILTERS if filters is None else filters
    roles: list[tuple[Party, Role]] = []
    for party in ctx.parties_in(sentence.span):
        role = assign_role(party[1], trigger, sentence, ctx)
        for keep in filters:
            role = keep(party, role, trigger, ctx)
        if role is not None:
            roles.append((party, role))
    return Parties.of(roles, trigger.kind)
