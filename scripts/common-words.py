#!/usr/bin/env python3
"""Regenerates Sources/ActorKnowledge/Knowledge/common-words.tsv from wordfreq (pip install wordfreq==3.1.1)."""
import re, sys, pathlib
import wordfreq

out = pathlib.Path(__file__).resolve().parent.parent / "Sources/ActorKnowledge/Knowledge/common-words.tsv"
header = out.read_text(encoding="utf-8").split("common_word_ar\n")[0] if out.exists() else ""
arabic = re.compile("^[\u0621-\u064A\u0640\u064B-\u0652\u0670]+$")
words = [w for w in wordfreq.top_n_list("ar", 10000) if arabic.match(w)]
out.write_text(header + "common_word_ar\n" + "".join(w + "\n" for w in words), encoding="utf-8")
print(f"{len(words)} words → {out}", file=sys.stderr)
