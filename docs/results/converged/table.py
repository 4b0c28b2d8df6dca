# Markdown tables of the converged-head runs: python3 table.py DIR (files SET-INITIAL-HEAD.csv from querent simulate)
import csv, glob, collections, sys
R = sys.argv[1]
# rows[(set, initial, head, strategy)][labels][seed] = accuracy
rows = collections.defaultdict(lambda: collections.defaultdict(dict))
for f in sorted(glob.glob(R + '/*.csv')):
    s, init = f.split('/')[-1].split('-')[:2]
    for r in csv.DictReader(open(f)):
        rows[(s, init, r['head'], r['strategy'])][int(r['labels'])][int(r['seed'])] = float(r['accuracy'])
def mean(d, seeds):
    return sum(d[x] for x in seeds) / len(seeds)
def target_of(s):
    t = rows[(s, 'random', 'supervised', 'random')][600]
    return mean(t, sorted(t))
def complete_seeds(c):
    return sorted(set.intersection(*[set(v) for v in c.values()])) if c else []
def reach(m, target):
    return next((k for k in sorted(m) if m[k] >= target - 1e-9), None)
def table(s, title):
    target = target_of(s)
    out = [f"| {title} | initial | 30 | 150 | 300 | 600 | labels to {target:.3f} | ratio |", "|---|---|---|---|---|---|---|---|"]
    for init in ['random', 'typiclust']:
        for st in ['random', 'margin', 'badge', 'adaptive']:
            c = rows.get((s, init, 'supervised', st))
            if not c: continue
            seeds = complete_seeds(c)
            m = {k: mean(v, seeds) for k, v in c.items()}
            r = reach(m, target)
            cells = " | ".join(f"{m[k]:.3f}" for k in (30, 150, 300, 600))
            out.append(f"| supervised, {st} | {init} | {cells} | " + (f"{r} | {r/600:.2f} |" if r else "not reached | – |"))
    return target, "\n".join(out)
def auto_table(s, title):
    target = target_of(s)
    out = [f"| {title} | initial | seeds | 30 | 150 | 300 | 600 | labels to {target:.3f} | ratio | supervised @600, same seeds | worst auto − supervised (every round) |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for init in ['random', 'typiclust']:
        for st in ['random', 'margin', 'badge', 'adaptive']:
            a = rows.get((s, init, 'auto', st)); sup = rows.get((s, init, 'supervised', st))
            if not a or not sup: continue
            seeds = complete_seeds(a)
            if not seeds: continue
            m = {k: mean(v, seeds) for k, v in a.items()}
            ms = {k: mean(v, seeds) for k, v in sup.items()}
            r = reach(m, target)
            worst = min(m[k] - ms[k] for k in m)
            at = min(m, key=lambda k: m[k] - ms[k])
            cells = " | ".join(f"{m[k]:.3f}" for k in (30, 150, 300, 600))
            out.append(f"| auto, {st} | {init} | {','.join(map(str, seeds))} | {cells} | " + (f"{r} | {r/600:.2f}" if r else "not reached | –")
                       + f" | {ms[600]:.3f} | " + (f"{100*worst:+.1f} points at {at} |" if worst < 0 else "never below |"))
    return target, "\n".join(out)
if __name__ == '__main__':
    for s, title in [('mail', 'mailing lists (MiniLM)'), ('fashion', 'Fashion-MNIST (PCA-64)')]:
        print(table(s, title)[1]); print(); print(auto_table(s, title)[1]); print()
