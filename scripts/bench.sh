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

# A 1,000-person workshop: summary only, and with every handout written (2,000 files).
python3 - "$bench/roster1000.csv" <<'PY'
import json, random, subprocess, sys
roles = [r["id"] for r in json.loads(subprocess.run(["target/release/ai-exposure", "roles", "--json"], capture_output=True, text=True).stdout)]
random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("name,role,level\n")
    for i in range(1000):
        f.write(f"Person {i},{random.choice(roles)},{random.choice(['junior', 'mid', 'senior', 'lead'])}\n")
PY
hyperfine -N --warmup 3 --runs 20 --export-markdown "$bench/workshop.md" \
    -n "workshop, 1,000 people, summary only" "$bundled workshop --roster $bench/roster1000.csv" \
    -n "workshop, 1,000 people, with handouts" "$bundled workshop --roster $bench/roster1000.csv --out $bench/workshop-out"
cat "$bench/workshop.md"
