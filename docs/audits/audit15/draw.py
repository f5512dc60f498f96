"""Usage: draw.py BASE.jsonl NEW.jsonl CORPUS.jsonl OUT.jsonl [SEED]

Audit 15: every asserted edge (document, relation, pair) of NEW (kgraph extract on the corpus
today) that BASE (the output at 76e591d, before issue 16) did not have, in a blind format (no
rule, no confidence), shuffled with a fixed seed so the reader meets them in no rule's order."""
import json, random, sys

SYM = {"ally", "strategic_partner", "agreement", "military_cooperation", "meeting", "trade_partner", "dispute"}


def key(c):
    s, o = c["subject"]["name"], c["object"]["name"]
    pair = tuple(sorted((s, o))) if c["relation"] in SYM else (s, o)
    return (c["doc"], c["relation"], pair)


def asserted(path):
    out = {}
    for line in open(path):
        c = json.loads(line)
        if c["modality"] == "asserted":
            out.setdefault(key(c), c)
    return out


base, new = asserted(sys.argv[1]), asserted(sys.argv[2])
items = {}
for line in open(sys.argv[3]):
    r = json.loads(line)
    items[r["id"]] = r
added = [new[k] for k in sorted(new.keys() - base.keys())]
random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 16).shuffle(added)
with open(sys.argv[4], "w") as f:
    for n, c in enumerate(added, 1):
        it = items[c["doc"]]
        row = {"n": n, "doc": c["doc"], "date": it["date"], "relation": c["relation"], "subject": c["subject"]["name"],
               "object": c["object"]["name"], "sentence": c["evidence"]["text"], "item_text": it["text"]}
        if c.get("status"):
            row["status"] = c["status"]
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print("sample:", len(added))
