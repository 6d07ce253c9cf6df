"""Code the 84 PolNeAR dev texts, time the event coder against the whole pipeline, and draw
the precision sample: 100 events, shuffled with a fixed seed (20240). Judging is by hand:
add verdict (true/false) and reason to each row and save as sample.jsonl."""
import sys, json, random, time, datetime as dt
from pathlib import Path
# run from the repo root: .venv/bin/python eval/events_precision/sample_events.py
from parley.analyse import Analyzer
from parley.read import article_from_text
an = Analyzer()
comp = an.nlp.get_pipe("parley_events")
files = sorted(Path("/work/shared/data/polnear/dev/text").glob("*.txt"))
arts = []
for f in files:
    pub = dt.date.fromisoformat(f.name.split("_")[1])
    a = article_from_text(f.read_text(encoding="utf-8"), published=pub)
    arts.append(a.model_copy(update={"id": f.stem}))
t0 = time.time()
docs = list(an.nlp.pipe(an._make_doc(a) for a in arts))
total = time.time() - t0
t1 = time.time()
for d in docs:
    comp.match(d)
ev_time = time.time() - t1
print(f"parse+pipeline {total:.1f}s, event coding {ev_time:.2f}s ({100*ev_time/total:.1f}%)", file=sys.stderr)
rows = []
for a, d in zip(arts, docs):
    actors = d._.actors.actors
    name = lambda ref: None if ref is None else ([actors[r].name if r in actors else r for r in ref] if isinstance(ref, list) else (actors[ref].name if ref in actors else ref))
    for e in d._.events:
        rows.append({"article": a.id, "evidence": a.text[e.evidence[0]:e.evidence[1]], "source": name(e.source),
                     "target": name(e.target), "cameo": e.cameo, "plover": e.plover.type, "modality": e.modality,
                     "reported_by": name(e.reported_by)})
print(len(rows), "events in", len(arts), "articles", file=sys.stderr)
random.Random(20240).shuffle(rows)
sample = rows[:100]
with open("eval/events_precision/sample_unjudged.jsonl", "w") as f:
    for i, r in enumerate(sample):
        f.write(json.dumps({"n": i + 1, **r}, ensure_ascii=False) + "\n")
json.dump({"events": len(rows), "articles": len(arts), "parse_s": total, "events_s": ev_time}, open("eval/events_precision/run_stats.json", "w"))
