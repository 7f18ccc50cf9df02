#!/usr/bin/env python3
"""A scripted lifter, for reading what `lbtrain next` tells a lifter over 12 weeks (a review
tool, not a test): starts a program on 2026-08-03 with the given `start` options, then day by
day asks `next --date` and, on each session's day, logs every item as the mode says:

  all   as prescribed (reps, the middle of the reserve range, the target load or 20 kg)
  beat  two reps more than prescribed, more in reserve
  miss  three reps fewer, nothing in reserve
  miss2 as prescribed, but three reps fewer with nothing in reserve in two sessions in a row
        (the first two of week 3)
  away  as prescribed, but nothing for three weeks (days 21-41)
  hurt  as prescribed, with back pain 5/10 on loaded work in weeks 3-5 (else 1/10)

Usage: LBTRAIN=build/lbtrain tests/tools/lifter.py NAME MODE START-OPTIONS...
  e.g. tests/tools/lifter.py hurt hurt --goal general --squat-pain --on mon,wed,fri
Writes OUT/NAME.txt (OUT: $LIFTER_OUT, default /tmp/lift): each session day's `next` as text
and what was logged, with any failed command marked "!!". Diff two runs to see what a change
did to the programs."""
import datetime, json, os, subprocess, sys
B = os.environ.get("LBTRAIN", "build/lbtrain")
name, mode, args = sys.argv[1], sys.argv[2], sys.argv[3:]
out_dir = os.environ.get("LIFTER_OUT", "/tmp/lift")
os.makedirs(out_dir, exist_ok=True)
db = f"{out_dir}/{name}.db"
subprocess.run(["rm", "-f", db, db + "-wal", db + "-shm"])
start = datetime.date(2026, 8, 3)
out = open(f"{out_dir}/{name}.txt", "w")
def run(*a, check=True):
    r = subprocess.run([B, *a, "--db", db], capture_output=True, text=True)
    if check and r.returncode != 0:
        out.write(f"!! exit {r.returncode}: {' '.join(a)}\n{r.stderr}\n")
    return r
r = run("start", *args, "--start", str(start), "--weeks", "12")
out.write(r.stdout + r.stderr)
trained = {}
for k in range(84):
    d = start + datetime.timedelta(days=k)
    if mode == "away" and 21 <= k < 42: continue
    r = run("next", "--date", str(d), "--format", "json", check=False)
    if r.returncode != 0:
        out.write(f"== {d} next: exit {r.returncode} {r.stderr}\n"); continue
    plan = json.loads(r.stdout)
    sess = [s for w in plan["weeks"] for s in w["sessions"] if s.get("status") == "next" and s.get("date") == str(d)]
    if not sess: continue
    text = run("next", "--date", str(d), "--color", "never", check=False).stdout
    out.write(f"\n======== {d} (day {k})\n{text}")
    week = k // 7
    trained_in_week = trained.get(week, 0)
    trained[week] = trained_in_week + 1
    for block in sess[0]["blocks"]:
        for it in block["items"]:
            ex = it["exercise"]["id"]; sets = it.get("sets", 1)
            if "reps" in it: n = it["reps"]; suffix = ""
            elif "seconds" in it: n = it["seconds"]; suffix = "s"
            elif "breaths" in it: continue
            else: continue
            loaded = "target_load" in it or ("load" in it and not it["load"].startswith("bodyweight"))
            if mode == "beat" and not suffix: n += 2
            missing = mode == "miss" or (mode == "miss2" and week == 2 and trained_in_week < 2)
            if missing and not suffix: n = max(1, n - 3)
            perf = f"{sets}x{n}{suffix}"
            if loaded:
                tl = it.get("target_load")
                perf += f"@{tl['value']}{tl['unit']}" if tl else "@20kg"
            if "rir" in it and not suffix:
                rir = {"all": (it["rir"]["min"] + it["rir"]["max"]) // 2, "beat": it["rir"]["max"] + 1,
                       "miss": 0}.get(mode, it["rir"]["min"])
                if missing: rir = 0
                elif mode == "miss2": rir = (it["rir"]["min"] + it["rir"]["max"]) // 2
                perf += f" rir{rir}"
            if mode == "hurt":
                perf += " pain 5" if 2 <= week <= 4 and loaded else " pain 1"
            lr = run("log", ex, *perf.split(), "--date", str(d))
            out.write(f"   logged {ex} {perf}: {lr.stdout.strip().splitlines()[0] if lr.stdout.strip() else lr.stderr.strip()}\n")
print(name, "done")
