#!/usr/bin/env python3
"""Python reference pipeline for the actorgraph benchmark: what a user would write in Python.

Finds actors from an alias list in Arabic news, builds a sentence co-occurrence graph and draws it to SVG,
in one process: the baseline for actorgraph's throughput, not a replacement (no disambiguation, no relations).

Steps (all timed together, wall clock):
  1. Inputs: files or directories (walked recursively in name order; hidden files skipped). `.txt` is one
     article; `.json` a JSON array of objects (or one object); `.jsonl`/`.ndjson` one object per line;
     `.zip` archives of such JSON files (e.g. SaudiNewsNet). The article text is `--text-field`
     (default `content`); records whose text is missing or blank are skipped.
  2. Normalisation for matching: Arabic diacritics (U+064B-U+065F, U+0670) and tatweel removed;
     أ إ آ ٱ -> ا, ى -> ي, ة -> ه, ئ -> ي, ؤ -> و; Arabic-Indic and Persian digits -> ASCII.
  3. Aliases: a TSV with header `alias id type` (`actorgraph-bench aliases > aliases.tsv`), normalised the
     same way; an alias that normalises to several ids (e.g. عمان: Oman / Amman) is dropped. A
     pyahocorasick automaton holds each alias and its forms with the proclitics و ب ل ف وال بال لل
     (for aliases starting with ال also the contracted لل form: العراق -> للعراق). A match counts only at
     word boundaries (no Arabic/Latin letter just before or after); overlapping matches are resolved
     leftmost-longest, and a plain alias wins over a prefixed form of another one.
  4. Sentences split at . ! ? ؟ ; ؛ and newlines; each pair of distinct actors in a sentence adds 1 to
     the weight of their edge (networkx.Graph); node attribute `mentions` counts matches.
  5. Drawing: the top 150 nodes by weighted degree, pygraphviz, `sfdp` above 60 nodes, else `dot`, SVG;
     straight edges unless `--splines` (actorgraph's DOT uses splines=true; routing them is slow in sfdp).

Output, one line on stdout (MB = 10^6 bytes; nodes/edges of the whole graph; stderr gets the time split):
  python_reference bytes=<UTF-8 bytes of article text> documents=<n> seconds=<s> MB_per_s=<..> nodes=<n> edges=<n>

Usage:
  scripts/bench/setup_venv.sh && .build/release/actorgraph-bench aliases > /tmp/aliases.tsv
  .venv-bench/bin/python scripts/bench/reference_pipeline.py --aliases /tmp/aliases.tsv --output /tmp/g.svg DIR
"""
import argparse
import csv
import io
import itertools
import json
import math
import os
import re
import sys
import time
import zipfile
from collections import Counter, defaultdict

import ahocorasick
import networkx as nx

# Step 2: one str.translate table for all of the normalisation.
NORMALISE = str.maketrans(
    {**{chr(c): None for c in list(range(0x064B, 0x0660)) + [0x0670, 0x0640]},
     "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ئ": "ي", "ؤ": "و",
     **{chr(0x0660 + d): str(d) for d in range(10)}, **{chr(0x06F0 + d): str(d) for d in range(10)}})
PREFIXES = ("و", "ب", "ل", "ف", "وال", "بال", "لل")
SENTENCE_SPLIT = re.compile(r"[.!?؟;؛\n]+")
READABLE = (".txt", ".json", ".jsonl", ".ndjson", ".zip")


def normalise(text):
    return text.translate(NORMALISE)


def is_letter(c):
    """Arabic or Latin letter (after normalisation no diacritics are left between letters)."""
    return c.isalpha() and (c <= "\u024f" or "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f"
                            or "\u08a0" <= c <= "\u08ff" or "\ufb50" <= c <= "\ufdff" or "\ufe70" <= c <= "\ufeff")


# Step 1: reading.
def texts_from_records(records, field):
    for obj in records:
        if isinstance(obj, dict) and isinstance(obj.get(field), str) and obj[field].strip():
            yield obj[field]


def texts_from_data(name, data, field):
    lower = name.lower()
    if lower.endswith(".txt"):
        text = data.decode("utf-8-sig", errors="replace")
        if text.strip():
            yield text
    elif lower.endswith(".json"):
        parsed = json.loads(data.decode("utf-8-sig"))
        yield from texts_from_records(parsed if isinstance(parsed, list) else [parsed], field)
    elif lower.endswith((".jsonl", ".ndjson")):
        lines = data.decode("utf-8-sig").splitlines()
        yield from texts_from_records((json.loads(line) for line in lines if line.strip()), field)
    elif lower.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in sorted(archive.namelist()):
                if member.lower().endswith(READABLE[:-1]):
                    yield from texts_from_data(member, archive.read(member), field)


def input_files(paths):
    for path in paths:
        if os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [os.path.join(root, f) for f in files if not f.startswith(".") and f.lower().endswith(READABLE)]
            yield from sorted(found)
        else:
            yield path


def read_texts(paths, field):
    for path in input_files(paths):
        with open(path, "rb") as f:
            yield from texts_from_data(path, f.read(), field)


# Step 3: aliases and the automaton.
def build_automaton(alias_file):
    ids_of, label = defaultdict(set), {}
    with open(alias_file, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            alias = " ".join(normalise(row["alias"]).split())
            if alias:
                ids_of[alias].add(row["id"])
                label.setdefault(row["id"], row["alias"])
    plain = {alias: next(iter(ids)) for alias, ids in ids_of.items() if len(ids) == 1}
    forms = {}
    for alias, actor in plain.items():
        variants = [p + alias for p in PREFIXES] + (["لل" + alias[2:]] if alias.startswith("ال") else [])
        for form in variants:
            if form not in plain:
                forms.setdefault(form, actor)
    forms.update(plain)
    automaton = ahocorasick.Automaton()
    for form, actor in forms.items():
        automaton.add_word(form, (len(form), actor))
    automaton.make_automaton()
    return automaton, label


def actors_in(sentence, automaton):
    """Actor ids matched at word boundaries, leftmost-longest, in order of occurrence."""
    found = []
    for end, (length, actor) in automaton.iter(sentence):
        start = end - length + 1
        if (start == 0 or not is_letter(sentence[start - 1])) and (end + 1 == len(sentence) or not is_letter(sentence[end + 1])):
            found.append((start, -length, actor))
    found.sort()
    kept, reach = [], -1
    for start, neg_length, actor in found:
        if start > reach:
            kept.append(actor)
            reach = start - neg_length - 1
    return kept


def main():
    parser = argparse.ArgumentParser(description="Python reference actor co-occurrence pipeline (benchmark baseline).")
    parser.add_argument("inputs", nargs="+", help="files or directories (.txt, .json, .jsonl, .zip)")
    parser.add_argument("--aliases", required=True, help="TSV alias/id/type with a header")
    parser.add_argument("--output", required=True, help="SVG file to write")
    parser.add_argument("--text-field", default="content", help="JSON field holding the article text")
    parser.add_argument("--splines", action="store_true", help="curved edges routed around nodes, as actorgraph's DOT")
    args = parser.parse_args()

    started = time.perf_counter()
    automaton, label = build_automaton(args.aliases)
    total_bytes = documents = 0
    mentions, pairs = Counter(), Counter()
    for text in read_texts(args.inputs, args.text_field):
        documents += 1
        total_bytes += len(text.encode("utf-8"))
        for sentence in SENTENCE_SPLIT.split(normalise(text)):
            found = actors_in(sentence, automaton)
            mentions.update(found)
            pairs.update(itertools.combinations(sorted(set(found)), 2))
    graph = nx.Graph()
    graph.add_nodes_from((actor, {"mentions": n}) for actor, n in mentions.items())
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in pairs.items())
    built = time.perf_counter()

    # Step 5: drawing the 150 nodes of highest weighted degree.
    degree = dict(graph.degree(weight="weight"))
    top = sorted(graph.nodes, key=lambda n: (-degree[n], -mentions[n], n))[:150]
    drawing = nx.nx_agraph.to_agraph(graph.subgraph(top))
    # overlap=scale: Debian's Graphviz has no GTS, so overlap=false (prism) is not available.
    drawing.graph_attr.update(overlap="scale", outputorder="edgesfirst", splines="true" if args.splines else "")
    for node in drawing.nodes():
        node.attr.update(label=label.get(str(node), str(node)), tooltip=f"{node}: {mentions[str(node)]} mentions")
    for edge in drawing.edges():
        edge.attr["penwidth"] = f"{1 + math.log(float(edge.attr['weight'])):.2f}"
    drawing.layout(prog="sfdp" if len(top) > 60 else "dot")
    drawing.draw(args.output, format="svg")
    seconds = time.perf_counter() - started

    print(f"python_reference bytes={total_bytes} documents={documents} seconds={seconds:.3f} "
          f"MB_per_s={total_bytes / 1e6 / seconds:.2f} nodes={graph.number_of_nodes()} edges={graph.number_of_edges()}")
    print(f"python_reference_split read_match_graph_s={built - started:.3f} render_s={seconds - (built - started):.3f} "
          f"drawn_nodes={len(top)} drawn_edges={drawing.number_of_edges()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
