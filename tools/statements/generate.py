#!/usr/bin/python3
"""Generate the synthetic statement corpus: PDFs with X.truth.json beside each.

  python3 tools/statements/generate.py --out DIR [--seed N] [--set smoke|full|heldout|probe|probe-heldout|bench|scan-smoke|...]
                                       [--bank hdfc ...] [--count N]

Deterministic: the same seed and generator give the same files. See README.md.
"""
import argparse
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import scan  # noqa: E402
import sets  # noqa: E402
import special  # noqa: E402
import statement  # noqa: E402


def generator_hash():
    """SHA-256 over the generator's own sources: a cache key for generated corpora."""
    here = os.path.dirname(os.path.abspath(__file__))
    h = hashlib.sha256()
    for name in sorted(os.listdir(here)):
        if name.endswith(".py") and name != "compare.py":
            with open(os.path.join(here, name), "rb") as f:
                h.update(name.encode() + b"\0" + f.read())
    return h.hexdigest()


def generate(out, seed, set_name, banks=None, count=None, quiet=False):
    os.makedirs(out, exist_ok=True)
    specs = sets.specs(set_name, seed, count)
    if banks:
        specs = [s for s in specs if s.get("bank") in banks or s.get("family") in banks]
    manifest = []
    for spec in specs:
        name = spec["name"]
        if spec.get("special"):
            files = special.make(spec, out)
        elif spec.get("scan") is not None:
            files = [scanned(spec, out)]
        else:
            pdf, truth, _ = statement.make(spec)
            if spec.get("tamper"):
                pdf, truth = special.tamper(spec["tamper"], pdf, truth)
            statement.write(out, name, pdf, truth)
            files = [name]
        manifest.extend(files)
        if not quiet:
            print("generated", ", ".join(f + ".pdf" for f in files), file=sys.stderr)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"set": set_name, "seed": seed, "generator": generator_hash(), "files": manifest}, f, indent=1)
    return manifest


def scanned(spec, out):
    """A statement drawn, then scanned (scan.py) or photographed (spec scan: "photo")."""
    how = spec["scan"]
    base = {k: v for k, v in spec.items() if k not in ("scan", "photo")}
    pdf, truth, _ = statement.make(base)
    seed = "%s/%s" % (spec["seed"], spec["name"])
    if how == "photo":
        pdf, truth = scan.photo(pdf, truth, seed, truth.get("password"), spec.get("photo"))
    else:
        pdf, truth = scan.scan(pdf, truth, seed, how, truth.get("password"))
    statement.write(out, spec["name"], pdf, truth)
    return spec["name"]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--set", default="smoke", choices=sorted(sets.SETS))
    ap.add_argument("--bank", nargs="*", help="only these layouts (hdfc sbi icici axis kotak generic special)")
    ap.add_argument("--count", type=int, help="bench: number of 10-page statements (default 20)")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--print-hash", action="store_true", help="print the generator hash and exit")
    a = ap.parse_args(argv)
    if a.print_hash:
        print(generator_hash())
        return 0
    if not a.out:
        ap.error("--out is required")
    files = generate(a.out, a.seed, a.set, a.bank, a.count, a.quiet)
    print("%d statements in %s" % (len(files), a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
