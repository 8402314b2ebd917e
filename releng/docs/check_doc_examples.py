#!/usr/bin/env python3
"""Runs the code examples of the user documentation and checks them (issue 14: docs that run anywhere).

    python3 releng/docs/check_doc_examples.py [--panelkit CMD] [--keep] [FILE.md ...]

Default files: README.md, docs/*.md and workflows/**/*.md. Each Markdown file runs in a fresh temporary folder
(nothing beside the clone is used; ``./panelkit`` there is CMD, default the repository's launcher), its code
blocks in order, so a block can use the files an earlier block of the same page wrote:

* a block with ``$ `` prompts: every command runs (``\\`` continues a line, so do the lines of an unfinished
  command) and its standard output and error must equal the lines shown under it (a line ``...`` stands for
  any number of lines, a line ending in ``...`` for any line that starts like it);
* a ```` ```sh ```` block without prompts runs as one bash script that must exit 0 (its output is not
  compared), unless it needs what a fresh clone does not have (Maven, KNIME, Python scripts of the repository,
  a Hub) or is a synopsis (``[--option]``), see SKIP;
* other blocks (synopses, output, Java, CSV) are not run.

Also fails when a code block of those files mentions ``../shared`` (the project's folder beside the clone,
which users do not have). Exit 0 when all is well, else 1 with the differences.
"""
import argparse
import difflib
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# sh blocks that need more than a clone and a JDK: not run
SKIP = re.compile(r"\./mvnw|run-knime-batch|knime |python3 |curl |Rscript|\[--")


def blocks(text):
    """(info string, body, line number) of every fenced code block."""
    out = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)```(.*)$", lines[i])
        if m:
            info = m.group(2).strip()
            start = i + 1
            j = start
            while j < len(lines) and not re.match(r"^\s*```\s*$", lines[j]):
                j += 1
            out.append((info, "\n".join(lines[start:j]), start + 1))
            i = j + 1
        else:
            i += 1
    return out


def prompt_steps(body):
    """[(command, expected output lines)] of a block with $ prompts."""
    steps = []
    lines = body.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith("$ "):
            cmd = lines[i][2:]
            # continuation lines: after a trailing backslash, or while the command is incomplete ({ ... })
            while i + 1 < len(lines) and not lines[i + 1].startswith("$ ") and (
                    cmd.endswith("\\") or not complete(cmd)):
                i += 1
                cmd = cmd + "\n" + lines[i]
            expected = []
            i += 1
            while i < len(lines) and not lines[i].startswith("$ "):
                expected.append(lines[i])
                i += 1
            while expected and expected[-1] == "":
                expected.pop()
            steps.append((cmd, expected))
        else:
            i += 1
    return steps


def complete(cmd):
    """True when bash can parse cmd as a whole command."""
    return subprocess.run(["bash", "-n", "-c", cmd], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL).returncode == 0


def matches(expected, got):
    """Documented output against printed output: a line '...' stands for any number of lines, a line ending in
    '...' for any line starting with what precedes it."""
    if not expected:
        return not got
    e = expected[0]
    if e.strip() == "...":
        return any(matches(expected[1:], got[i:]) for i in range(len(got) + 1))
    if not got:
        return False
    if e.endswith("...") and got[0].startswith(e[:-3]):
        return matches(expected[1:], got[1:])
    return e == got[0] and matches(expected[1:], got[1:])


def run(script, cwd, env):
    p = subprocess.run(["bash", "-c", script], cwd=cwd, env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=600)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--panelkit", default=os.path.join(ROOT, "panelkit"),
                    help="command that ./panelkit stands for (default: the repository's launcher)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folders")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    files = a.files or (["README.md"] + sorted(glob.glob("docs/*.md", root_dir=ROOT))
                        + sorted(glob.glob("workflows/**/*.md", root_dir=ROOT, recursive=True)))
    problems = []
    compared = scripts = skipped = 0
    for f in files:
        text = open(os.path.join(ROOT, f), encoding="utf-8").read()
        work = tempfile.mkdtemp(prefix="panelkit-doc-")
        shim = os.path.join(work, "panelkit")
        with open(shim, "w") as s:
            s.write("#!/usr/bin/env bash\nexec %s \"$@\"\n" % a.panelkit)
        os.chmod(shim, 0o755)
        env = dict(os.environ)
        env.pop("PANELKIT_SHARED", None)
        for info, body, line in blocks(text):
            where = "%s:%d" % (f, line)
            if "../shared" in body:
                problems.append("%s: code block uses ../shared" % where)
            if re.search(r"^\$ ", body, re.M):
                for cmd, expected in prompt_steps(body):
                    code, out = run(cmd, work, env)
                    got = out.rstrip("\n").split("\n") if out.strip() else []
                    got = [g.rstrip() for g in got]
                    exp = [e.rstrip() for e in expected]
                    compared += 1
                    if not matches(exp, got):
                        diff = "\n".join(difflib.unified_diff(exp, got, "documented", "printed", lineterm=""))
                        problems.append("%s: output of\n  $ %s\ndiffers (exit %d):\n%s" % (where, cmd, code, diff))
            elif info in ("sh", "bash", "shell"):
                if SKIP.search(body):
                    skipped += 1
                    continue
                code, out = run("set -e\n" + body, work, env)
                scripts += 1
                if code != 0:
                    problems.append("%s: sh block failed (exit %d):\n%s\n--- output\n%s" % (where, code, body, out))
        if a.keep:
            print("kept", work)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("doc examples: %d documented outputs compared, %d sh blocks run, %d skipped, %d problems"
          % (compared, scripts, skipped, len(problems)))
    for p in problems:
        print("\n" + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
