#!/usr/bin/env python3
"""Builds a measurement workload for ingest/dedup/catalog from the arXiv OAI sample (CC0, ../shared/eval).

Writes affiliation-page files (the format ingest-service parses today): an institution line, then one
"Abstract:" record per line. Every 10th record is copied into a second file as well (an exact duplicate for
dedup to merge), and one file holds a large share of all records, so a single file transaction is big.
With copies > 1 the whole set is repeated with every abstract made distinct (a variant marker appended), for
a larger catalog; the exact duplicates stay duplicates within their copy.
Usage: make-workload.py <arxiv_data.csv> <out-dir> [records-per-file] [copies]
"""
import csv
import os
import sys

def main():
    source, out = sys.argv[1], sys.argv[2]
    per_file = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    copies = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    os.makedirs(out, exist_ok=True)
    with open(source, newline="", encoding="utf-8") as f:
        abstracts = [" ".join(row["abstract"].split()) for row in csv.DictReader(f) if row.get("abstract", "").strip()]
    abstracts = [a if c == 0 else f"{a} (variant {c})" for c in range(copies) for a in abstracts]
    big = abstracts[: len(abstracts) // 2]
    rest = abstracts[len(abstracts) // 2:]
    files = [("big-000.txt", big)]
    files += [(f"batch-{i:03d}.txt", rest[i * per_file:(i + 1) * per_file])
              for i in range((len(rest) + per_file - 1) // per_file)]
    dups = abstracts[::10]
    files.append(("duplicates-000.txt", dups))
    total = 0
    for name, records in files:
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("Measurement Institute\n")
            for text in records:
                f.write("Abstract:" + text + "\n")
        total += len(records)
    print(f"{len(files)} files, {total} records, {len(set(abstracts))} distinct abstracts")

if __name__ == "__main__":
    main()
