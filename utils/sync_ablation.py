#!/usr/bin/python3
"""Removes each sync instruction of a compiled plan, one at a time, and counts
how many removals the emulator's sanitizer catches.

  sync_ablation.py ASCEND_RUN PLAN.mlir --input NAME=FILE.npy... [--min-caught F]

PLAN.mlir is an isa.plan in text form (ascend-compile --emit isa). Every
isa.set_flag, isa.wait_flag and isa.barrier line is deleted in turn; the
mutant runs on ascend-run and counts as caught when it fails (race, hazard,
deadlock, unbalanced flags, uninitialized read). Uncaught removals are
listed: they are syncs the sanitizer considers unnecessary for this input.
Exits non-zero when the caught fraction is below --min-caught.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile

SYNC = re.compile(r"^\s*isa\.(set_flag|wait_flag|barrier)\b")


def main():
    p = argparse.ArgumentParser()
    p.add_argument("ascend_run")
    p.add_argument("plan")
    p.add_argument("--input", action="append", default=[])
    p.add_argument("--min-caught", type=float, default=0.0)
    args = p.parse_args()
    lines = open(args.plan).read().split("\n")
    syncs = [i for i, line in enumerate(lines) if SYNC.match(line)]
    inputs = [a for spec in args.input for a in ("--input", spec)]
    base = subprocess.run([args.ascend_run, args.plan] + inputs,
                          capture_output=True, text=True)
    if base.returncode != 0:
        print("the unmodified plan fails:\n" + base.stderr)
        return 1
    caught, missed = 0, []
    kinds = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i in syncs:
            mutant = os.path.join(tmp, "mutant.mlir")
            with open(mutant, "w") as f:
                f.write("\n".join(lines[:i] + lines[i + 1:]))
            run = subprocess.run([args.ascend_run, mutant] + inputs,
                                 capture_output=True, text=True)
            if run.returncode != 0:
                caught += 1
                m = re.search(r"(race between blocks|race|same-pipe hazard|"
                              r"deadlock|unbalanced flags|sets a flag|"
                              r"nothing has written)", run.stderr)
                kind = m.group(1) if m else "other error"
                kinds[kind] = kinds.get(kind, 0) + 1
            else:
                missed.append(f"line {i + 1}: {lines[i].strip()}")
    total = len(syncs)
    print(f"sync ablation: {caught} of {total} removals caught by the sanitizer")
    for kind, n in sorted(kinds.items()):
        print(f"  {kind}: {n}")
    for m in missed:
        print(f"  not caught: {m}")
    if total and caught / total < args.min_caught:
        print(f"caught fraction {caught / total:.2f} is below {args.min_caught}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
