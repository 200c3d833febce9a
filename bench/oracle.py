#!/usr/bin/env python3
"""The formula oracle: how many formulas a lesson folder holds and how many of them parse, as
Litmus reads them beside Debian's pandoc (the count) and Debian's KaTeX (the parse).

    python3 bench/oracle.py LESSON_FOLDER_OR_FILE... [--build DIR] [--show-differences]

For each lesson, Litmus's `inspect --json` gives its dialect and formulas, and `litmus-bench tex
--errors` the TeX errors of each (macros carried through the lesson, as KaTeX's are). pandoc reads the same text with the reader options of that dialect
(bench/oracle_count.lua adds what the dialect renders as math and pandoc's reader does not), and
KaTeX renders every formula Litmus found (lesson macros carry over from one formula to the next).
Prints one line per lesson and a summary: formulas Litmus / pandoc, files that agree, and the share
of the formulas KaTeX renders that Litmus parses without an error.

Needs python3, pandoc and katex (apt-get install pandoc katex) and node; a missing tool's figures are
reported as skipped.
"""

import argparse
import collections
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXTENSIONS = (".md", ".markdown", ".qmd", ".rmd", ".ipynb")

# pandoc's reader for each dialect. The Jupyter family reads CommonMark-like text; pandoc's own
# Markdown is the reader that knows `\(…\)` (jupyter, d2l) and `\\(…\\)` (kramdown). MyST's fences
# (```{code-cell}) are CommonMark's, which commonmark_x reads. Quarto is pandoc's Markdown.
READERS = {
    "jupyter": "markdown+tex_math_single_backslash",
    "d2l": "markdown+tex_math_single_backslash",
    "kramdown": "markdown+tex_math_double_backslash",
    "myst": "commonmark_x",
    "quarto": "markdown",
}

KATEX_SCRIPT = r"""
const katex = require(process.env.KATEX_MODULE || "katex");
const lessons = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const out = lessons.map(formulas => {
  const macros = {};
  return formulas.map(f => {
    try {
      katex.renderToString(f.latex, {displayMode: f.display, throwOnError: true, macros, globalGroup: true,
                                     output: "mathml", strict: "ignore"});
      return null;
    } catch (error) {
      return String(error.message).split("\n")[0];
    }
  });
});
console.log(JSON.stringify(out));
"""


def lesson_files(paths):
    for path in paths:
        if os.path.isdir(path):
            for root, _, names in os.walk(path):
                for name in sorted(names):
                    if name.lower().endswith(EXTENSIONS) and name != "SOURCES.md":
                        yield os.path.join(root, name)
        else:
            yield path


def run_json(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if not result.stdout.strip():
        raise RuntimeError(f"{' '.join(command)} printed nothing: {result.stderr.strip()[:300]}")
    return json.loads(result.stdout)


def markdown_text(path):
    """The text pandoc reads: a notebook's markdown cells, one after another."""
    if path.lower().endswith(".ipynb"):
        with open(path, encoding="utf-8") as handle:
            notebook = json.load(handle)
        cells = []
        for cell in notebook.get("cells", []):
            if cell.get("cell_type") == "markdown":
                source = cell.get("source", "")
                cells.append("".join(source) if isinstance(source, list) else source)
        return "\n\n".join(cells)
    with open(path, encoding="utf-8-sig") as handle:
        return handle.read()


def prepared(text, dialect):
    """The text with what pandoc would misread as a delimiter made plain: `\\$` is a dollar sign
    (pandoc's text would show it as a `$` that the relaxed rule could pair), and MyST's `%`
    comment lines are not shown."""
    text = text.replace("\\$", "\\textdollar{}")
    if dialect == "myst":
        text = "\n".join("" if line.startswith("%") else line for line in text.split("\n"))
    return text


def pandoc_formulas(text, dialect):
    with tempfile.NamedTemporaryFile("w", suffix=".md", delete=False, encoding="utf-8") as handle:
        handle.write(text)
        name = handle.name
    try:
        result = subprocess.run(
            ["pandoc", "-f", READERS[dialect], "-t", "native", "-M", f"litmus-dialect={dialect}",
             "--lua-filter", os.path.join(HERE, "oracle_count.lua"), name],
            capture_output=True, text=True)
    finally:
        os.unlink(name)
    lines = [line for line in result.stderr.split("\n") if line.startswith(("display\t", "inline\t"))]
    return [line.split("\t", 1)[1].strip() for line in lines]


def katex_failures(lessons, node):
    """For each lesson's formulas, KaTeX's error message or None."""
    module = os.environ.get("KATEX_MODULE", "/usr/share/nodejs/katex")
    with tempfile.TemporaryDirectory() as directory:
        data = os.path.join(directory, "formulas.json")
        script = os.path.join(directory, "katex.js")
        with open(data, "w", encoding="utf-8") as handle:
            json.dump(lessons, handle)
        with open(script, "w", encoding="utf-8") as handle:
            handle.write(KATEX_SCRIPT)
        result = subprocess.run([node, script, data], capture_output=True, text=True,
                                env={**os.environ, "KATEX_MODULE": module})
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip()[:300])
    return json.loads(result.stdout)


def litmus_errors(lessons, bench):
    """For each lesson's formulas, Litmus's first TeX error or None."""
    with tempfile.TemporaryDirectory() as directory:
        data = os.path.join(directory, "formulas.json")
        with open(data, "w", encoding="utf-8") as handle:
            json.dump(lessons, handle)
        return run_json([bench, "tex", "--errors", data])


def normalised(latex):
    return " ".join(latex.split())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--build", default=os.path.join(HERE, "..", ".build", "release"),
                        help="the folder holding the litmus and litmus-bench executables")
    parser.add_argument("--show-differences", action="store_true",
                        help="list the formulas one side finds and the other does not, and KaTeX's renders Litmus does not parse")
    arguments = parser.parse_args()

    pandoc = shutil.which("pandoc")
    node = shutil.which("node") or shutil.which("nodejs")
    files = list(lesson_files(arguments.paths))
    rows = []
    for path in files:
        outline = run_json([os.path.join(arguments.build, "litmus"), "inspect", "--json", path])
        dialect = outline["dialect"]
        counted = pandoc_formulas(prepared(markdown_text(path), dialect), dialect) if pandoc else None
        rows.append({"path": path, "dialect": dialect, "source": outline["dialect_source"],
                     "math": outline["math"], "pandoc": counted})

    formulas = [[{"latex": f["latex"], "display": f["display"]} for f in row["math"]] for row in rows]
    errors = litmus_errors(formulas, os.path.join(arguments.build, "litmus-bench"))
    katex = None
    if node and os.path.exists(os.environ.get("KATEX_MODULE", "/usr/share/nodejs/katex")):
        katex = katex_failures(formulas, node)

    agree = 0
    totals = collections.Counter()
    print(f"{'lesson':58} {'dialect':16} {'litmus':>6} {'pandoc':>6} {'katex ok':>8} {'parsed':>6}")
    for index, row in enumerate(rows):
        litmus = len(row["math"])
        counted = row["pandoc"]
        rendered = parsed = 0
        failures = []
        for number, formula in enumerate(row["math"]):
            if katex is not None and katex[index][number] is None:
                rendered += 1
                error = errors[index][number]
                if error:
                    failures.append((formula, error))
                else:
                    parsed += 1
        totals.update(litmus=litmus, pandoc=len(counted or []), rendered=rendered, parsed=parsed)
        same = counted is not None and len(counted) == litmus
        agree += same
        name = os.path.basename(row["path"])[:58]
        print(f"{name:58} {row['dialect'] + ' (' + row['source'][:3] + ')':16} {litmus:6} "
              f"{len(counted) if counted is not None else '-':>6} {rendered if katex else '-':>8} "
              f"{parsed if katex else '-':>6}{'' if same else '  ≠'}")
        if arguments.show_differences:
            mine = collections.Counter(normalised(f["latex"]) for f in row["math"])
            theirs = collections.Counter(normalised(latex) for latex in counted or [])
            for latex, count in (mine - theirs).items():
                print(f"    only litmus ×{count}: {latex[:110]}")
            for latex, count in (theirs - mine).items():
                print(f"    only pandoc ×{count}: {latex[:110]}")
            for formula, error in failures:
                print(f"    {formula['line']}:{formula['column']} katex renders, litmus: {error}"
                      f" in {normalised(formula['latex'])[:80]}")
    print()
    print(json.dumps({
        "files": len(rows), "files_agreeing_with_pandoc": agree if pandoc else None,
        "formulas_litmus": totals["litmus"], "formulas_pandoc": totals["pandoc"] if pandoc else None,
        "katex_renders": totals["rendered"] if katex else None,
        "litmus_parses_of_those": totals["parsed"] if katex else None,
        "parsed_share": round(totals["parsed"] / totals["rendered"], 5) if katex and totals["rendered"] else None,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
