#!/usr/bin/env bash
# Speed of `report --json`, measured as whole-process runs against `cat` printing the same
# bytes: the ordinary (dynamic) release build and the static one we distribute
# (scripts/dist.sh), for a curated role and a reference occupation, and a generated 900-role
# dataset built in through AI_EXPOSURE_DATA_DIR. Also peak memory (max RSS) and instruction
# counts. Results: target/bench/results.md.
#
# usage: scripts/bench.sh [RUNS]   (default 1000 runs per command)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-1000}"

if ! command -v hyperfine >/dev/null; then
    echo "installing hyperfine (Debian package)" >&2
    apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
fi

bench=target/bench
mkdir -p "$bench"
cargo build --release --locked
static=$(scripts/dist.sh | tail -1)
python3 scripts/generate_dataset.py 900 "$bench/data900"
AI_EXPOSURE_DATA_DIR="$PWD/$bench/data900" cargo build --release --locked --target-dir "$bench/build900"

bundled=target/release/ai-exposure
large="$bench/build900/release/ai-exposure"
"$bundled" report --role backend --level junior --json >"$bench/report.json"
"$bundled" report --role economists --level mid --json >"$bench/reference.json"
"$large" report --role backend-developer --level junior --json >"$bench/report900.json"
# The 900-role report differs only in its adjacent roles (the copies share skills).
echo "report sizes: $(wc -c <"$bench/report.json") bytes bundled, $(wc -c <"$bench/report900.json") bytes with 900 roles" >&2
echo "roles built in: $("$bundled" roles --json | grep -c '"soc_code"') bundled, $("$large" roles --json | grep -c '"soc_code"') large" >&2

hyperfine -N --warmup 100 --runs "$runs" --export-markdown "$bench/results.md" --export-json "$bench/results.json" \
    -n "cat (curated report, $(wc -c <"$bench/report.json") bytes)" "cat $bench/report.json" \
    -n "report --json, curated (dynamic)" "$bundled report --role backend --level junior --json" \
    -n "report --json, curated (static)" "$static report --role backend --level junior --json" \
    -n "cat (reference report, $(wc -c <"$bench/reference.json") bytes)" "cat $bench/reference.json" \
    -n "report --json, reference (dynamic)" "$bundled report --role economists --level mid --json" \
    -n "report --json, reference (static)" "$static report --role economists --level mid --json" \
    -n "report --json, 900 roles (dynamic)" "$large report --role backend-developer --level junior --json"

python3 - "$bench/results.json" <<'PY' | tee -a "$bench/results.md"
import json, sys
results = json.load(open(sys.argv[1]))["results"]
cat = None
for r in results:
    if r["command"].startswith("cat"):
        cat = r["median"]
    print(f"median {r['command']}: {r['median'] * 1000:.2f} ms ({r['median'] / cat:.2f}x the cat above it)")
PY

for binary in "$bundled" "$static" "$large"; do
    rss=$(/usr/bin/time -f %M "$binary" report --role backend-developer --level junior --json 2>&1 >/dev/null)
    echo "peak memory, $binary: ${rss} KB" | tee -a "$bench/results.md"
done
rss=$(/usr/bin/time -f %M cat "$bench/report.json" 2>&1 >/dev/null)
echo "peak memory, cat: ${rss} KB" | tee -a "$bench/results.md"

# Instruction counts are repeatable where wall time is noisy: the same binary and input
# always count the same.
if command -v valgrind >/dev/null; then
    for binary in "$bundled" "$static" "$large"; do
        count=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" report --role backend-developer --level junior --json 2>&1 >/dev/null | sed -n 's/.*refs: *//p')
        echo "instructions, $binary: $count" | tee -a "$bench/results.md"
    done
    count=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null cat "$bench/report.json" 2>&1 >/dev/null | sed -n 's/.*refs: *//p')
    echo "instructions, cat: $count" | tee -a "$bench/results.md"
fi

# A 1,000-person workshop: summary only, and with every handout written (2,000 files), side by
# side with `cp -r` of the same output into a fresh folder: writing the handouts should cost
# little more than copying them.
python3 - "$bench/roster1000.csv" <<'PY'
import json, random, subprocess, sys
roles = [r["id"] for r in json.loads(subprocess.run(["target/release/ai-exposure", "roles", "--json"], capture_output=True, text=True).stdout)]
random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("name,role,level\n")
    for i in range(1000):
        f.write(f"Person {i},{random.choice(roles)},{random.choice(['junior', 'mid', 'senior', 'lead'])}\n")
PY
python3 - "$bench/roster1000-12roles.csv" <<'PY'
import random, sys
roles = ["nurse", "cashier", "backend", "accountant", "electrician", "teacher assistant",
         "customer service representative", "line cook", "janitor", "paralegal", "welder", "receptionist"]
random.seed(12)
with open(sys.argv[1], "w") as f:
    f.write("name,role,level\n")
    for i in range(1000):
        f.write(f"Person {i},{random.choice(roles)},{random.choice(['junior', 'mid', 'senior', 'lead'])}\n")
PY
hyperfine -N --warmup 3 --runs 20 --export-markdown "$bench/workshop.md" \
    -n "workshop, 1,000 people, summary only" "$bundled workshop --roster $bench/roster1000.csv"
cat "$bench/workshop.md"
# Handouts cost what the file system makes files cost, and on a shared machine that drifts by
# several times within a minute; so the workshop and `cp -r` of its own output run in turns,
# and the ratio is the median of 21 pairs. Every run writes into a folder of its own, removed
# only after all pairs: ext4 slows down creating files where thousands were just deleted, which
# would measure the previous run's clean-up. Two rooms: 1,000 people spread over every role and
# level (few share a handout), and 1,000 in twelve roles (most do).
python3 - "$bundled" "$bench" <<'PY' | tee -a "$bench/results.md"
import shutil, statistics, subprocess, sys, time
bundled, bench = sys.argv[1], sys.argv[2]
def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start
for roster, room in [("roster1000.csv", "every role and level"), ("roster1000-12roles.csv", "twelve roles")]:
    out = f"{bench}/workshop-out"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([bundled, "workshop", "--roster", f"{bench}/{roster}", "--out", out], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pairs = []
    for i in range(21):
        workshop = timed([bundled, "workshop", "--roster", f"{bench}/{roster}", "--out", f"{bench}/runs/workshop-{i}"])
        copy = timed(["cp", "-r", out, f"{bench}/runs/copy-{i}"])
        pairs.append((workshop, copy))
    shutil.rmtree(f"{bench}/runs")
    workshop = statistics.median(w for w, _ in pairs)
    copy = statistics.median(c for _, c in pairs)
    ratio = statistics.median(w / c for w, c in pairs)
    print(f"workshop with handouts, 1,000 people in {room}: {workshop * 1000:.0f} ms; cp -r of its output: {copy * 1000:.0f} ms; ratio {ratio:.2f}x (median of 21 pairs)")
PY

# Problems located in one pass: an answers file with 20,000 unknown skills, and an overlay
# whose 8,000 tasks cite an unknown source.
python3 - "$bench" <<'PY'
import os, sys
bench = sys.argv[1]
with open(f"{bench}/many-problems.toml", "w") as f:
    f.write('format_version = 1\nrole = "backend"\nlevel = "junior"\nskills = [\n')
    for i in range(20000):
        f.write(f'  "unknown-{i}",\n')
    f.write(']\n[shares]\nwrite-production-code = 1.0\n')
os.makedirs(f"{bench}/many-tasks/roles", exist_ok=True)
with open(f"{bench}/many-tasks/roles/many-tasks.toml", "w") as f:
    f.write('id = "many-tasks"\ntitle = "Many tasks"\nfamily = "software"\nsoc_code = "15-1252.00"\nsummary = "A role with 8,000 tasks."\n')
    for i in range(8000):
        f.write(f'\n[[tasks]]\nid = "task-{i}"\ntitle = "Task {i}"\nexposure = "low"\nmode = "augmentation"\nrationale = "Rationale {i}."\nsources = ["no-such-source"]\nonet_none = "generated"\n')
    for level in ["junior", "mid", "senior", "lead"]:
        f.write(f'\n[levels.{level}]\nnote = "n"\n[levels.{level}.shares]\ntask-0 = 1.0\n')
PY
hyperfine -N --warmup 1 --runs 5 -i --export-markdown "$bench/problems.md" \
    -n "report --answers, 20,000 unknown skills" "$bundled report --answers $bench/many-problems.toml" \
    -n "validate, 8,000 tasks citing an unknown source" "$bundled validate $bench/many-tasks"
cat "$bench/problems.md" | tee -a "$bench/results.md"

# Memory and time as the room grows (summary only): peak RSS should grow by one small record
# per person, time linearly. The 450,000-row roster is just under the 10 MB input limit.
for people in 10000 100000 450000; do
    python3 - "$bench/roster$people.csv" "$people" <<'PY'
import random, sys
path, people = sys.argv[1], int(sys.argv[2])
roles = ["nurse", "cook", "backend", "cashier", "welder", "teller", "paralegal", "janitor"]
random.seed(people)
with open(path, "w") as f:
    f.write("name,role,level\n")
    for i in range(people):
        f.write(f"P{i},{random.choice(roles)},{random.choice(['junior', 'mid', 'senior', 'lead'])}\n")
PY
    measured=$(/usr/bin/time -f "%M %e" "$bundled" workshop --roster "$bench/roster$people.csv" 2>&1 >/dev/null | tail -1)
    echo "workshop, $people people, summary only: peak RSS $(echo "$measured" | cut -d' ' -f1) KB, $(echo "$measured" | cut -d' ' -f2) s" | tee -a "$bench/results.md"
done
