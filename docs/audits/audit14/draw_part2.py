"""Usage: draw_part2.py OLD.jsonl NEW.jsonl CORPUS.jsonl

Audit 14 part 2: the asserted edges of today's corpus output that the output audited in part 1
(rev b4a19dc) did not have, in part 1's blind format (no rule, no confidence), with the claim's
status where it has one. Also: which part-1 claims are kept today."""
import json, sys
from pathlib import Path

HERE = str(Path(__file__).parent)
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
old, new = asserted(sys.argv[1]), asserted(sys.argv[2])
items = {}
for line in open(sys.argv[3]):
    r = json.loads(line); items[r["id"]] = r
added = [new[k] for k in sorted(new.keys() - old.keys())]
with open(HERE + "/sample-part2.jsonl", "w") as f:
    for n, c in enumerate(added, 1):
        it = items[c["doc"]]
        row = {"n": n, "doc": c["doc"], "date": it["date"], "relation": c["relation"], "subject": c["subject"]["name"],
               "object": c["object"]["name"], "sentence": c["evidence"]["text"], "item_text": it["text"],
               "topic": it.get("topic", "")}
        if c.get("status"):
            row["status"] = c["status"]
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print("part 2 sample:", len(added))
# part-1 claims kept today
S = [json.loads(l) for l in open(HERE + "/sample-part1.jsonl")]
J = {json.loads(l)["n"]: json.loads(l) for l in open(HERE + "/judgements-part1.jsonl")}
def skey(s):
    pair = tuple(sorted((s["subject"], s["object"]))) if s["relation"] in SYM else (s["subject"], s["object"])
    return (s["doc"], s["relation"], pair)
kept = [s["n"] for s in S if skey(s) in new]
json.dump({"kept": kept}, open(HERE + "/part1-kept.json", "w"))
from collections import Counter
def tally(ns):
    c = Counter()
    for n in ns:
        j = J[n]; c[j["verdict"]] += 1
        if j["verdict"] == "call": c["lean_" + str(j["lean"])] += 1
    return c
print("part 1 kept today:", len(kept), dict(tally(kept)))
print("part 1 removed:", len(S) - len(kept), dict(tally([s["n"] for s in S if s["n"] not in kept])))
