import csv, glob, collections, sys
R = sys.argv[1] if len(sys.argv) > 1 else '/tmp/i9s-run/results'
rows = collections.defaultdict(lambda: collections.defaultdict(list))
arms = collections.defaultdict(collections.Counter)
for f in sorted(glob.glob(R + '/*.csv')):
    s = f.split('/')[-1].split('-')[0]
    for r in csv.DictReader(open(f)):
        rows[(s, r['head'], r['strategy'])][int(r['labels'])].append(float(r['accuracy']))
        if r.get('arm'):
            arms[(s, r['head'])][r['arm']] += 1
for s in [x for x in ['mail', 'fashion'] if any(k[0] == x for k in list(rows))]:
    target = sum(rows[(s, 'supervised', 'random')][600]) / 3
    print(f"\n{s}: target = supervised random @600 = {target:.3f}")
    print("| head | strategy | 30 | 150 | 300 | 600 | labels to target | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for head in ['supervised', 'spreading', 'self-training', 'auto']:
        for st in ['random', 'margin', 'adaptive']:
            c = rows.get((s, head, st)); c = {k: v for k, v in (c or {}).items() if v}
            if not c:
                continue
            m = {k: sum(v) / len(v) for k, v in c.items()}
            reach = next((k for k in sorted(m) if m[k] >= target - 1e-9), None)
            print(f"| {head} | {st} | " + " | ".join(f"{m[k]:.3f}" for k in (30, 150, 300, 600)) +
                  f" | {reach if reach else 'not reached'} | {reach / 600:.2f} |" if reach else
                  f"| {head} | {st} | " + " | ".join(f"{m[k]:.3f}" for k in (30, 150, 300, 600)) + " | not reached | – |")
for k, v in arms.items():
    print(k, dict(v))
