"""Print a sentence's parse in the compact spec of the hand-built-parse rule tests.

    .venv/bin/python scripts/parse_spec.py "Chile imports gas from Bolivia."

Each token is "word/dep/head/lemma/POS" plus, where the rules read them, "#TAG" (verb
forms, plural nouns, relative pronouns, "to"), "@TYPE" (ORG, MONEY, PERSON, NORP),
"=ID" (a mention of a country or organization; a leader's or official's country) and "_"
(no space after). See tests/extract/parses.py. The real model's parse is only a start:
check it is the parse the rule under test is meant for, and correct it by hand if not.
"""

from __future__ import annotations

import sys

READ_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD", "NNS", "NNPS", "WDT", "WP", "TO"})
READ_ENTS = frozenset({"ORG", "MONEY", "PERSON", "NORP"})


def spec_of(text: str) -> str:
    """The spec of one sentence (or of several, one line each)."""
    from kgraph.extract.mentions import find_mentions, mention_tokens
    from kgraph.extract.pipeline import load_pipeline

    doc = load_pipeline()(text)
    mentions = doc._.kg_mentions if doc._.kg_mentions is not None else find_mentions(doc)
    index = mention_tokens(doc, mentions)
    lines = []
    for sent in doc.sents:
        tokens = []
        for token in sent:
            fields = [token.text, token.dep_, str(token.head.i - sent.start), token.lemma_, token.pos_]
            if token.tag_ in READ_TAGS:
                fields.append("#" + token.tag_)
            if token.ent_type_ in READ_ENTS:
                fields.append("@" + token.ent_type_)
            mention = index.get(token.i)
            if mention is not None and mention.function != "people":
                entity = mention.entity
                code = entity.id if entity.type in ("Country", "Organization") else entity.country
                if code:
                    fields.append("=" + code + (":capital" if mention.resolution == "capital" else ""))
            if not token.whitespace_ and token.i + 1 < sent.end:
                fields.append("_")
            tokens.append("/".join(fields))
        lines.append(" ".join(tokens))
    return "\n".join(lines)


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        print(spec_of(argument))
