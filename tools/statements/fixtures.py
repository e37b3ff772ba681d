"""Synthetic statements on the fly, for other tests (issues 5 and 6).

    import sys; sys.path.insert(0, "tools/statements")
    import fixtures
    pdf, truth = fixtures.statement(bank="hdfc", months=3, password=None, seed=7)
    path, truth = fixtures.write_statement("/tmp/x", "s1", bank="sbi", months=6)
    files = fixtures.special("duplicate", "/tmp/x", seed=3)   # names of the files written

bank: hdfc, sbi, icici, axis, kotak, coop (unknown bank), coop_drcr (one amount column + Dr/Cr),
coop_od (overdraft, balances with a Dr/Cr suffix), or any family of README.md (pnb, canara, dbs,
paytm, foreign_uk, ...; the HTML ones need chromium). Any key of statement.DEFAULTS may be passed
(bounces=True, od_limit=..., start="2024-01-01", tamper="producer"|"moddate"|"incremental"|
"balance", font=..., page="A4-landscape", enc="rc4"|"aes256"). truth is the X.truth.json dict
(parse's field names plus labels per transaction and tampered/expect_error per statement).

Works under any python3: when reportlab is not importable (e.g. a pyenv python), the work is
done by Debian's /usr/bin/python3 in a subprocess.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SYSTEM_PYTHON = "/usr/bin/python3"


def _in_process():
    try:
        import reportlab  # noqa: F401
        return True
    except ImportError:
        return False


def write_statement(out_dir, name, bank="hdfc", months=1, password=None, seed=1, **kw):
    """Writes out_dir/name.pdf and name.truth.json; returns (pdf path, truth dict)."""
    os.makedirs(out_dir, exist_ok=True)
    spec = dict(kw, name=name, bank=bank, months=months, password=password, seed=seed)
    if password and not spec.get("enc"):
        spec["enc"] = "rc4"
    if _in_process():
        if HERE not in sys.path:
            sys.path.insert(0, HERE)
        import special
        import statement
        pdf, truth, _ = statement.make(spec)
        if spec.get("tamper"):
            pdf, truth = special.tamper(spec["tamper"], pdf, truth)
        statement.write(out_dir, name, pdf, truth)
    else:
        _subprocess(["statement", out_dir, json.dumps(spec)])
    with open(os.path.join(out_dir, name + ".truth.json")) as f:
        return os.path.join(out_dir, name + ".pdf"), json.load(f)


def statement(bank="hdfc", months=1, password=None, seed=1, **kw):
    """(pdf bytes, truth dict) of one synthetic statement."""
    with tempfile.TemporaryDirectory() as d:
        path, truth = write_statement(d, "statement", bank, months, password, seed, **kw)
        with open(path, "rb") as f:
            return f.read(), truth


def special(kind, out_dir, seed=1, name=None, **base):
    """Special files: image, truncated, garbage, not_pdf, empty, wrong_password, duplicate
    (writes NAME_overlap_a/b and NAME_exact_a/b). Returns the names written (without .pdf)."""
    os.makedirs(out_dir, exist_ok=True)
    spec = {"special": kind, "name": name or kind, "seed": seed,
            "base": dict({"bank": "hdfc", "months": 2, "density": 20}, **base)}
    if _in_process():
        if HERE not in sys.path:
            sys.path.insert(0, HERE)
        import special as sp
        return sp.make(spec, out_dir)
    return json.loads(_subprocess(["special", out_dir, json.dumps(spec)]))


def _subprocess(args):
    r = subprocess.run([SYSTEM_PYTHON, os.path.abspath(__file__)] + args, capture_output=True, text=True)
    if r.returncode:
        raise RuntimeError("fixture generation failed: " + r.stderr[-2000:])
    return r.stdout


def _main(argv):
    what, out_dir, spec = argv[0], argv[1], json.loads(argv[2])
    if what == "statement":
        name = spec.pop("name")
        write_statement(out_dir, name, **spec)
    else:
        print(json.dumps(special(spec["special"], out_dir, spec["seed"], spec["name"], **spec["base"])))


if __name__ == "__main__":
    _main(sys.argv[1:])
