#!/usr/bin/env python3
"""Turn wf's and the peers' timings into the peer-benchmark table, checking that answers agree.

    report.py wf.json peers.json --scale province > bench-results/peers-province.md
"""
import argparse, json, sys

def canon(answer):
    """Answers as comparable values: tuples of strings, every number to 3 decimal places
    (wf prints decimals rounded to 3 places; 0 and 0.0 are the same answer)."""
    out = []
    for row in answer:
        out.append(tuple(f"{x:.3f}" if isinstance(x, (int, float)) and not isinstance(x, bool) else str(x) for x in row))
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("wf"); ap.add_argument("peers"); ap.add_argument("--scale", default="")
    a = ap.parse_args()
    wf = json.load(open(a.wf)); peers = json.load(open(a.peers))
    cold = peers.pop("$cold_q5_seconds", {})
    systems = list(peers)
    lines = [f"# wf against its peers, {a.scale} scale", "",
             "Medians of warm runs in one process run each; the ratio is wf's time divided by the peer's",
             "(below 1 means wf is faster). 'agrees' compares every peer's answer with wf's.", ""]
    head = "| question | wf (ms) | " + " | ".join(f"{s} (ms)" for s in systems) + " | " + \
           " | ".join(f"wf/{s}" for s in systems) + " | answers agree |"
    lines += [head, "|" + " --- |" * (head.count("|") - 1)]
    disagreements = 0
    for q, res in wf["questions"].items():
        row = [q, f"{res['seconds'] * 1000:.2f}"]
        ratios, agree = [], []
        for s in systems:
            pq = peers[s]["questions"].get(q)
            if pq is None:
                row.append("–"); ratios.append("–"); continue
            row.append(f"{pq['seconds'] * 1000:.2f}")
            ratios.append(f"{res['seconds'] / pq['seconds']:.3f}" if pq["seconds"] > 0 else "–")
            ok = canon(pq["answer"]) == canon(res["answer"])
            agree.append(f"{s}: {'yes' if ok else 'NO'}")
            disagreements += 0 if ok else 1
        lines.append("| " + " | ".join(row + ratios + [", ".join(agree)]) + " |")
    lines += ["", "| system | load (s) | size on disk (MiB) |", "| --- | --- | --- |",
              f"| wf (open the snapshot; parts are read when first used, in the warm-up run) | {wf['load_seconds']:.3f} | {wf['bytes'] / 1048576:.1f} |"]
    for s in systems:
        lines.append(f"| {s} (load CSV) | {peers[s]['load_seconds']:.3f} | {peers[s]['bytes'] / 1048576:.1f} |")
    if "bandwidth" in wf:
        lines += ["", "Full scans against the memory-bandwidth baseline (a sequential sum over as many bytes as the",
                  "query touches, in the same process):", "", "| question | bytes touched | baseline (ms) | wf / baseline |", "| --- | --- | --- | --- |"]
        for q, b in wf["bandwidth"].items():
            lines.append(f"| {q} | {b['bytes']} | {b['seconds'] * 1000:.2f} | {wf['questions'][q]['seconds'] / b['seconds']:.2f} |")
    if cold:
        lines += ["", "A cold process that opens the stored data and answers q5 (a person by name, with her positions),",
                  "whole-process wall time, median of 3 (the peers run from Python, so Python's start is given too):", "",
                  "| process | seconds |", "| --- | --- |"] + [f"| {k} | {v:.3f} |" for k, v in cold.items()]
    if "extra" in wf:
        lines += ["", "| other figure | value |", "| --- | --- |"] + [f"| {k} | {v} |" for k, v in wf["extra"].items()]
    print("\n".join(lines))
    if disagreements:
        print(f"\n**{disagreements} answers disagree.**")
        sys.exit(1)

if __name__ == "__main__":
    main()
