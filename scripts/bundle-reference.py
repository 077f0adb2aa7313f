#!/usr/bin/env python3
"""Copies the published reference datasets into data/reference/, for the build to bundle.

Occupation-level files and licences are copied byte for byte. The Eloundou task labels are
derived: the task statements in full_labelset.tsv are O*NET's text, which we may not bundle,
so only the task ID, its O*NET-SOC code, its type and the two exposure labels are kept.

usage: scripts/bundle-reference.py [SOURCE_DIR]   (default ../shared/reference-data)
"""
import csv
import shutil
import sys
from pathlib import Path

root = Path(__file__).resolve().parent.parent
source = Path(sys.argv[1] if len(sys.argv) > 1 else root.parent / "shared" / "reference-data")
target = root / "data" / "reference"

VERBATIM = [
    "eloundou-2023/occ_level.csv",
    "eloundou-2023/LICENSE",
    "microsoft-2025/soc_ai_applicability_scores.csv",
    "microsoft-2025/LICENSE.txt",
    "microsoft-2025/NOTICE.md",
    "bls-ep-2022-32/occupation_table_1_7.csv",
    "bls-soc-2018-titles/direct_match_titles.csv",
]

for name in VERBATIM:
    (target / name).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / name, target / name)

with open(source / "eloundou-2023/full_labelset.tsv", newline="", encoding="utf-8") as tsv, open(
    target / "eloundou-2023/task_labels.csv", "w", newline="", encoding="utf-8"
) as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["task_id", "onet_soc_code", "task_type", "human_exposure_agg", "gpt4_exposure"])
    rows = []
    for row in csv.DictReader(tsv, delimiter="\t"):
        task_id = int(float(row["Task ID"]))
        rows.append(
            (task_id, row["O*NET-SOC Code"], row["Task Type"], row["human_exposure_agg"], row["gpt4_exposure"])
        )
    rows.sort()
    writer.writerows(rows)
print(f"wrote {target}")
