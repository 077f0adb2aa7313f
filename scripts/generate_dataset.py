#!/usr/bin/env python3
"""Writes a synthetic dataset of N roles for benchmarks: the bundled catalogues plus copies of
the bundled roles under new ids (no aliases, so they cannot collide). Structurally valid, so
`build.rs` accepts it; not content anyone should read.

usage: scripts/generate_dataset.py N OUT_DIR
"""
import pathlib
import re
import shutil
import sys

count, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
data = pathlib.Path(__file__).resolve().parent.parent / "data"
if out.exists():
    shutil.rmtree(out)
(out / "roles").mkdir(parents=True)
for name in ("dataset.toml", "skills.toml", "sources.toml"):
    shutil.copy(data / name, out / name)
templates = sorted((data / "roles").glob("*.toml"))
for i in range(count):
    template = templates[i % len(templates)]
    text = template.read_text()
    role_id = template.stem if i < len(templates) else f"{template.stem}-v{i}"
    text = re.sub(r'^id = "[^"]*"', f'id = "{role_id}"', text, count=1, flags=re.M)
    if role_id != template.stem:
        text = re.sub(r"^aliases = \[[^\]]*\]", "aliases = []", text, count=1, flags=re.M)
    (out / "roles" / f"{role_id}.toml").write_text(text)
print(f"wrote {count} roles to {out}")
