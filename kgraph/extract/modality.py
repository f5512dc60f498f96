"""Modality of a claim: asserted, negated, future or hedged, read off the dependency parse.

The claim rules hand over the claim's trigger, a verb ("signed", "invest") or a noun
("partner", "sanctions", "agreement"). `modality_of` climbs from the trigger to the verbs that
govern it and inspects their auxiliaries, negations, adverbs and lemmas, and the trigger's own
determiners and adjectives.

When signals combine, the strongest wins in this order: negated > hedged > future > asserted.
"will not sign" is negated; "will probably sign" and "may sign next year" are hedged, since
an uncertain future claim is better flagged as uncertain; "plans to sign" is future.

"would" is future in reported speech ("he said Turkey would buy the jets") and hedged
(conditional) everywhere else ("Turkey would buy the jets if ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["ASSERTED", "FUTURE", "HEDGED", "NEGATED", "copular_modality", "modality_of"]

ASSERTED = "asserted"
NEGATED = "negated"
FUTURE = "future"
HEDGED = "hedged"
# Strongest first: the first modality found among the signals is the claim's modality.
_PRECEDENCE: tuple[str, ...] = (NEGATED, HEDGED, FUTURE)

# --- how far to climb ---------------------------------------------------------------------

# A noun or verb in one of these relations takes its modality from its head:
# objects and complements ("signed [an agreement]"), prepositional attachment ("talks on
# [a deal]"), modifiers inside a noun phrase ("[trade] partner"), subjects ("[sanctions] will
# be imposed"), open clausal complements ("plans to [sign]") and coordination.
_NOMINAL_LINK_DEPS: frozenset[str] = frozenset(
    {"dobj", "obj", "iobj", "dative", "attr", "oprd", "pobj", "pcomp", "prep", "compound", "amod", "nmod",
     "appos", "nsubj", "nsubjpass", "npadvmod", "acomp", "agent", "conj", "nummod", "quantmod"}
)
# Open clausal complements share their subject with the governing verb ("refused to [join]").
_OPEN_CLAUSE_DEPS: frozenset[str] = frozenset({"xcomp"})
# A finite clause reported by a verb ("denied that Iran [supplied] drones"): only the
# reporting verb's meaning carries over, not its own tense or negation.
_REPORTED_CLAUSE_DEPS: frozenset[str] = frozenset({"ccomp"})
# Subjects and passive agents: a verb says nothing about whether its subject exists.
_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
# An infinitival clause modifying a noun ("plans to [join]", "the treaty to be [signed]").
_INFINITIVAL_NOUN_DEPS: frozenset[str] = frozenset({"acl", "relcl"})

# --- word lists ---------------------------------------------------------------------------

# Negating particles and adverbs attached to a verb ("did not sign", "never joined").
_NEGATION_WORDS: frozenset[str] = frozenset({"not", "n't", "never", "no", "neither", "nor", "nt"})
# Determiners that negate the noun they quantify ("no agreement was reached").
_NEGATIVE_DETERMINERS: frozenset[str] = frozenset({"no", "neither", "nor"})
# Verbs whose complement or object is not the case ("denied supplying", "refused to join").
_NEGATING_VERBS: frozenset[str] = frozenset(
    {"deny", "refuse", "reject", "decline", "fail", "rebuff", "veto"}
)
# Prepositions that negate their object ("left without [signing]").
_NEGATING_PREPOSITIONS: frozenset[str] = frozenset({"without", "instead"})

# Prepositions of circumstance: what they introduce has happened or holds, whatever the
# clause around them plans ("will meet amid tensions", "threatens X after imposing sanctions").
_CIRCUMSTANCE_PREPOSITIONS: frozenset[str] = frozenset({"after", "following", "amid", "amidst", "despite", "since",
                                                        "due", "because"})
# Prepositions of an occasion: what the clause denies did not happen during it, but the occasion
# did ("did not sign a deal during the visit"); a future clause still makes it future.
_OCCASION_PREPOSITIONS: frozenset[str] = frozenset({"during", "at"})

# Modal auxiliaries of the future ("will sign", "'ll sign", "won't" = "wo" + "n't").
_FUTURE_AUX: frozenset[str] = frozenset({"will", "shall", "'ll", "wo", "ll"})
# Verbs that announce a future act through an infinitive or an object ("plans to invest").
_FUTURE_VERBS: frozenset[str] = frozenset(
    {"plan", "intend", "aim", "seek", "set", "schedule", "prepare", "pledge", "promise", "vow", "commit",
     "decide", "agree", "go", "be", "propose", "undertake", "resolve", "threaten", "mean"}
)
# Future verbs that take a noun object too ("plans a visit", "scheduled talks").
_FUTURE_VERBS_WITH_OBJECT: frozenset[str] = frozenset(
    {"plan", "schedule", "prepare", "propose", "promise", "pledge", "threaten", "plot"})
# Nouns that announce a future act ("plans to", "a decision to", "the bid to").
_FUTURE_NOUNS: frozenset[str] = frozenset(
    {"plan", "intention", "intent", "aim", "goal", "pledge", "promise", "commitment", "decision", "bid", "target", "roadmap"}
)
# Words of getting ready for an event, which has not happened yet ("prepares for talks").
_PREPARATION_WORDS: frozenset[str] = frozenset({"prepare", "preparation", "ready", "readiness"})
# Nouns for an act offered or proposed, not yet done ("an aid offer", "a proposal of talks").
_OFFER_NOUNS: frozenset[str] = frozenset({"offer", "proposal"})
# Texts proposed for a vote: what one of them does, it does once passed into law.
_BILL_NOUNS: frozenset[str] = frozenset({"bill", "draft", "motion", "amendment", "proposal", "legislation"})
# Adjectives of a future act ("planned visit", "upcoming talks", "due to sign", "poised to").
_FUTURE_ADJECTIVES: frozenset[str] = frozenset(
    {"planned", "upcoming", "forthcoming", "future", "proposed", "due", "ready", "prepared", "poised", "scheduled",
     "coming", "imminent"}
)

# Modal auxiliaries of possibility, obligation and condition ("may impose", "could join").
_HEDGE_AUX: frozenset[str] = frozenset({"may", "might", "could", "can", "should", "must", "ought", "would", "'d"})
# Verbs of expectation, deliberation and wish ("is expected to sign", "considering sanctions").
_HEDGE_VERBS: frozenset[str] = frozenset(
    {"expect", "consider", "hope", "mull", "weigh", "explore", "study", "eye", "want", "wish", "contemplate",
     "envisage", "envision", "anticipate", "predict", "forecast", "project", "estimate", "doubt", "suggest",
     "need", "try", "attempt", "speculate", "rumor", "rumour", "allege"}
)
# Reporting verbs that hedge only in the passive ("is said to have signed").
_PASSIVE_HEDGE_VERBS: frozenset[str] = frozenset({"say", "believe", "report", "think", "understand", "claim", "see", "know"})
# Nouns that make a claim a possibility ("discussed the possibility of signing").
_HEDGE_NOUNS: frozenset[str] = frozenset(
    {"possibility", "prospect", "prospects", "option", "idea", "proposal", "chance", "likelihood", "potential",
     "hope", "feasibility", "rumour", "rumor", "speculation", "consideration", "expectation", "openness",
     "willingness"}
)
# Nouns of a threat: what they are "of" has not happened ("the threat of an attack"); what they
# list as examples has ("threats such as the war").
_THREAT_NOUNS: frozenset[str] = frozenset({"threat", "risk", "danger", "fear", "spectre", "specter"})
# Adjectives that make a claim a possibility ("a possible deal", "is likely to invest").
_HEDGE_ADJECTIVES: frozenset[str] = frozenset(
    {"possible", "potential", "likely", "unlikely", "probable", "alleged", "reported", "rumoured", "rumored",
     "expected", "willing", "eager", "keen", "hypothetical", "tentative", "mooted", "prospective", "interested"}
)
# Adverbs that hedge the verb they modify ("reportedly signed", "probably will").
_HEDGE_ADVERBS: frozenset[str] = frozenset(
    {"reportedly", "possibly", "probably", "perhaps", "maybe", "likely", "allegedly", "potentially", "apparently",
     "supposedly", "presumably", "purportedly", "conceivably", "seemingly", "ostensibly"}
)
# Subordinators of a condition or an open question ("if they sign", "whether to join").
_CONDITIONAL_MARKERS: frozenset[str] = frozenset({"if", "unless", "whether", "provided"})
# Verbs of permission: the act they let happen has their modality ("won't allow X to buy").
_PERMISSION_VERBS: frozenset[str] = frozenset({"allow", "permit", "let", "authorize", "authorise"})
# Verbs of saying that turn a conditional "would" into reported future ("said it would sign").
_REPORTING_VERBS: frozenset[str] = frozenset(
    {"say", "announce", "tell", "state", "report", "confirm", "add", "note", "declare", "insist", "indicate",
     "reveal", "write", "disclose", "explain", "stress", "emphasize", "emphasise", "reiterate", "assure", "promise",
     "pledge", "vow", "warn", "signal", "agree", "decide"}
)


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _forms(token: Token) -> set[str]:
    """The lemma and plausible base forms of `token`, in case the lemmatizer slips ("hopes" -> "hop")."""
    lower = token.text.lower()
    forms = {_lemma(token), lower}
    if lower.endswith(("s", "d")):
        forms.add(lower[:-1])
    if lower.endswith(("es", "ed")):
        forms.add(lower[:-2])
    if lower.endswith("ing"):
        forms.update({lower[:-3], lower[:-3] + "e"})
    return forms


def _conditional(clause: Token) -> bool:
    """An adverbial clause of condition: "unless X pays", "if talks fail"."""
    for mark in clause.children:
        if mark.dep_ == "mark" and mark.text.lower() in ("if", "unless"):
            before = clause.doc[mark.i - 1].text.lower() if mark.i > 0 else ""
            return before not in ("even", "as", "only")
    return False


def _is_negation(token: Token) -> bool:
    """A negating particle: the dependency label "neg", or "not"/"n't"/"never" under another label."""
    if token.text.lower() == "not" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("only", "just", "merely"):
        return False  # "not only a neighbour but also an ally" affirms both
    return token.dep_ == "neg" or (token.text.lower() in _NEGATION_WORDS and token.dep_ in {"advmod", "neg", "preconj"})


def _present(verb: Token) -> bool:
    """A verb in the present tense, itself or through its auxiliary ("is reached", "signs")."""
    return verb.tag_ in ("VBZ", "VBP") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _is_infinitive(token: Token) -> bool:
    """A verb marked by infinitival "to" ("to sign", "to be signed"; not "in response to resumed
    clashes", where the parser takes the participle for an infinitive)."""
    if token.tag_ in ("VBN", "VBD") and not any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("be", "have", "been")
                                               for c in token.children):
        return False
    return any(child.dep_ == "aux" and child.text.lower() == "to" for child in token.children)


def _is_passive(token: Token) -> bool:
    return any(child.dep_ in {"auxpass", "nsubjpass"} for child in token.children)


def _own_signals(token: Token, reported: bool) -> set[str]:
    """Modality signals carried by a verb or noun's own dependents.

    `reported` is true when `token` is the clause a reporting verb governs, so a
    "would" there is reported future.
    """
    signals: set[str] = set()
    for child in token.children:
        lemma = _lemma(child)
        # negation of the predicate: "did not sign", "never joined", "is no longer a partner"
        if _is_negation(child) or (child.dep_ == "advmod" and any(_is_negation(grand) for grand in child.children)):
            signals.add(NEGATED)
        # a negative determiner on a noun: "no agreement", "no plans"
        elif child.dep_ in {"det", "advmod"} and child.text.lower() in _NEGATIVE_DETERMINERS:
            signals.add(NEGATED)
        # auxiliaries of the future: "will sign", "'ll join"
        elif child.dep_ in {"aux", "auxpass"} and (lemma in _FUTURE_AUX or child.text.lower() in _FUTURE_AUX):
            signals.add(FUTURE)
        # "would" reported by a verb of saying is the future of the past: "said it would sign"
        elif child.dep_ == "aux" and child.text.lower() in {"would", "'d"} and reported:
            signals.add(FUTURE)
        # modal auxiliaries of possibility and condition: "may impose", "could join", "would buy"
        elif child.dep_ in {"aux", "auxpass"} and (lemma in _HEDGE_AUX or child.text.lower() in _HEDGE_AUX):
            signals.add(HEDGED)
        # hedging adverbs: "reportedly signed", "will probably join"
        elif child.dep_ == "advmod" and child.text.lower() in _HEDGE_ADVERBS:
            signals.add(HEDGED)
        # a condition or an open question: "if they sign", "whether to join"
        elif child.dep_ == "mark" and child.text.lower() in _CONDITIONAL_MARKERS:
            signals.add(HEDGED)
        # a time still to come: "until an agreement is reached" (not "until a truce was signed")
        elif child.dep_ == "mark" and child.text.lower() in ("until", "till", "before") and _present(token):
            signals.add(FUTURE)
        # a clause under a condition: "suspends supplies unless X pays", "will halt aid if ..."
        # (not "even if", "as if": a concession or a comparison)
        elif child.dep_ == "advcl" and _conditional(child):
            signals.add(HEDGED)
        # adjectives of a noun: "a possible deal" (hedged), "the planned visit" (future), also
        # before a modifier of it: "possible Iran-U.S. talks" (parsed with "possible" on "Iran")
        elif child.dep_ == "amod" or (child.dep_ in {"compound", "nmod"} and child.i < token.i):
            words = {child.text.lower()} if child.dep_ == "amod" else {
                g.text.lower() for g in child.children if g.dep_ == "amod" and g.i < child.i}
            if words & _HEDGE_ADJECTIVES:
                signals.add(HEDGED)
            elif words & _FUTURE_ADJECTIVES:
                signals.add(FUTURE)
    return signals


def copular_modality(verb: Token) -> str | None:
    """What a form of "be" says of its subject: "is imminent" (future), "is possible" (hedged)."""
    if _lemma(verb) != "be":
        return None
    said = {c.text.lower() for c in verb.children if c.dep_ == "acomp"}
    if said & _HEDGE_ADJECTIVES:
        return HEDGED
    if said & _FUTURE_ADJECTIVES:
        return FUTURE
    return None


def _governor_signals(governor: Token, dep: str, child: Token) -> set[str]:
    """Signals a governing word lends to the dependent `child` it was reached from by `dep`."""
    signals: set[str] = set()
    if _negates(governor, dep):
        signals.add(NEGATED)
    # what a subject is said to be: "an attack is imminent" (future), "a deal is possible" (hedged)
    if dep == "nsubj" and (said := copular_modality(governor)) is not None:
        signals.add(said)
    if _hedges(governor, dep, child):
        signals.add(HEDGED)
    if _puts_ahead(governor, dep, child):
        signals.add(FUTURE)
    return signals


def _negates(governor: Token, dep: str) -> bool:
    """Whether a governing word denies what hangs from it by `dep`."""
    forms = _forms(governor)
    lemma = _lemma(governor)
    clausal = dep in _OPEN_CLAUSE_DEPS or dep in _REPORTED_CLAUSE_DEPS or dep in {"pcomp", "dobj", "obj", "acl"}
    verbal = _is_verbal(governor)
    # verbs that deny their complement: "refused to join", "denied supplying", "rejected the deal"
    if verbal and forms & _NEGATING_VERBS and (clausal or dep in _NOMINAL_LINK_DEPS) and dep not in _SUBJECT_DEPS:
        return True
    # a phrasal verb of exclusion: "ruled out sanctions"
    if verbal and lemma == "rule" and any(c.dep_ == "prt" and c.text.lower() == "out" for c in governor.children) \
            and dep not in _SUBJECT_DEPS:
        return True
    # "has yet to ratify": not done so far
    if lemma == "have" and dep in _OPEN_CLAUSE_DEPS and any(c.text.lower() == "yet" for c in governor.children):
        return True
    # prepositions that negate their object: "without signing", "without an agreement"
    return governor.text.lower() in _NEGATING_PREPOSITIONS


def _hedges(governor: Token, dep: str, child: Token) -> bool:
    """Whether a governing word makes what hangs from it by `dep` uncertain."""
    forms = _forms(governor)
    verbal = _is_verbal(governor)
    # expectation, deliberation and wish: "is expected to sign", "considering sanctions"
    if verbal and forms & _HEDGE_VERBS and dep not in _SUBJECT_DEPS | {"prep"}:
        return True
    # a passive verb of saying or believing: "is said to have signed", "is believed to fund"
    if verbal and forms & _PASSIVE_HEDGE_VERBS and dep in _OPEN_CLAUSE_DEPS and _is_passive(governor):
        return True
    # nouns and adjectives of possibility: "the possibility of signing", "is likely to invest"
    if forms & _HEDGE_NOUNS or governor.text.lower() in _HEDGE_NOUNS or governor.text.lower() in _HEDGE_ADJECTIVES:
        if dep in _OPEN_CLAUSE_DEPS or dep in _INFINITIVAL_NOUN_DEPS or dep in {"prep", "pcomp", "pobj"}:
            return True
    # "the threat of an attack", "the risk of sanctions"
    return _lemma(governor) in _THREAT_NOUNS and dep == "prep" and child.text.lower() == "of"


def _puts_ahead(governor: Token, dep: str, child: Token) -> bool:
    """Whether a governing word puts what hangs from it by `dep` in the future."""
    forms = _forms(governor)
    verbal = _is_verbal(governor)
    # future verbs with an infinitive: "plans to invest", "agreed to launch", "is to be signed", "is going to"
    if verbal and forms & _FUTURE_VERBS and dep in _OPEN_CLAUSE_DEPS and _is_infinitive(child):
        return True
    # future verbs with a gerund: "plan on overthrowing the president", "aims at building"
    if verbal and forms & _FUTURE_VERBS and dep == "prep" and child.text.lower() in ("on", "at") \
            and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in child.children):
        return True
    # future verbs with an object: "plans a visit", "scheduled talks", "talks are planned"
    if verbal and forms & _FUTURE_VERBS_WITH_OBJECT and dep in {"dobj", "obj", "nsubjpass"}:
        return True
    # "ahead of a visit", "in the run-up to the summit", "prepares for talks": the event has not
    # happened yet
    if dep == "pobj" and ((governor.text.lower() == "of" and governor.head.text.lower() == "ahead") or (
            governor.text.lower() == "to" and governor.head.text.lower() in ("run-up", "runup", "lead-up")) or (
            governor.text.lower() in ("for", "of") and _lemma(governor.head) in _PREPARATION_WORDS)):
        return True
    # future nouns and adjectives with an infinitive: "plans to join", "a decision to lift", "ready to sign"
    if (forms & _FUTURE_NOUNS or governor.text.lower() in _FUTURE_ADJECTIVES) \
            and dep in _INFINITIVAL_NOUN_DEPS | _OPEN_CLAUSE_DEPS and _is_infinitive(child):
        return True
    # a bill is not yet a law ("a bill imposing sanctions"); an offer or a proposal of the act is
    # not the act ("a $100 million aid offer", "an offer of aid")
    if not verbal and ((forms & _BILL_NOUNS and dep == "acl") or (
            forms & _OFFER_NOUNS and dep in {"compound", "prep", "nmod"})):
        return True
    # an infinitival modifier of any other noun: "the treaty to be signed next week"
    return dep in _INFINITIVAL_NOUN_DEPS and _is_infinitive(child) and governor.pos_ in {"NOUN", "PROPN", "PRON"}


def _reported(dep: str, governor: Token) -> bool:
    """A clause a verb reports, whose own tense and negation are not the report's: not what a
    verb of permission lets happen ("will not allow X to receive fuel": none is received)."""
    return dep in _REPORTED_CLAUSE_DEPS and _lemma(governor) not in _PERMISSION_VERBS


def _in_reported_clause(token: Token) -> bool:
    """A clause that a verb of saying governs: "(he said) Turkey [would buy] the jets"."""
    return token.dep_ in _REPORTED_CLAUSE_DEPS and _lemma(token.head) in _REPORTING_VERBS


def _is_verbal(token: Token) -> bool:
    """A verb or auxiliary; an untagged token counts, so that hand-built parses need no tags."""
    return token.pos_ in {"VERB", "AUX", ""}


def _climb(trigger: Token) -> list[tuple[Token, str, Token]]:
    """The governing words above the trigger, as (governor, dep, child) steps, nearest first.

    Climbing stops at the root, at a relative clause, at any relation that does not pass
    modality on, and just after a reporting verb (its own tense and negation belong to the
    report, not to the claim).
    """
    steps: list[tuple[Token, str, Token]] = []
    current = trigger
    seen = {trigger.i}
    while current.head.i != current.i and current.head.i not in seen:
        dep = current.dep_
        head = current.head
        if dep in _INFINITIVAL_NOUN_DEPS:
            # only an infinitival clause takes the noun's modality: "plans to join", not "the deal signed
            # in May"; and what a bill does ("a bill imposing sanctions")
            if not _is_infinitive(current) and not (dep == "acl" and _lemma(head) in _BILL_NOUNS):
                break
        elif dep == "conj":
            # a conjoined verb with its own auxiliary or subject has its own modality: "signed and will ratify"
            if any(child.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass", "neg"} for child in current.children):
                break
        elif dep not in _NOMINAL_LINK_DEPS and dep not in _OPEN_CLAUSE_DEPS and dep not in _REPORTED_CLAUSE_DEPS:
            break
        if dep == "prep" and current.text.lower() in _CIRCUMSTANCE_PREPOSITIONS:
            break  # "threatens sanctions after announcing restrictions": the restrictions are real
        steps.append((head, dep, current))
        seen.add(head.i)
        if _reported(dep, head):
            break
        current = head
    return steps


def modality_of(token: Token, stop: Token | None = None) -> str:
    """The modality of the claim whose trigger is `token`.

    Args:
        token: The claim's trigger in a parsed Doc: a verb ("signed") or a noun ("sanctions")
            attached to a verb.
        stop: A governor whose signals, and those above it, do not count.

    Returns:
        "asserted", "negated", "future" or "hedged"; with several signals, negated beats
        hedged, which beats future.

    Examples:
        >>> from spacy.tokens import Doc
        >>> from spacy.vocab import Vocab
        >>> doc = Doc(Vocab(), words=["Berlin", "will", "not", "impose", "sanctions"],
        ...           heads=[3, 3, 3, 3, 3], deps=["nsubj", "aux", "neg", "ROOT", "dobj"],
        ...           lemmas=["Berlin", "will", "not", "impose", "sanction"])
        >>> modality_of(doc[4])
        'negated'
        >>> doc = Doc(Vocab(), words=["Japan", "may", "sign", "the", "deal"],
        ...           heads=[2, 2, 2, 4, 2], deps=["nsubj", "aux", "ROOT", "det", "dobj"],
        ...           lemmas=["Japan", "may", "sign", "the", "deal"])
        >>> modality_of(doc[2])
        'hedged'
    """
    steps = _climb(token)
    signals = _own_signals(token, reported=_in_reported_clause(token))
    occasion = False
    for governor, dep, child in steps:
        if governor == stop:
            break
        occasion = occasion or (dep == "prep" and child.text.lower() in _OCCASION_PREPOSITIONS)
        above = _governor_signals(governor, dep, child)
        reported = _reported(dep, governor)
        if not reported:  # the reporting verb's own auxiliaries and negation belong to the report
            above |= _own_signals(governor, reported=_in_reported_clause(governor))
        signals |= above - {NEGATED} if occasion else above
        if reported:
            break
    for modality in _PRECEDENCE:
        if modality in signals:
            return modality
    return ASSERTED
