"""The per-student feedback pages of `./workbook grade`: one HTML page per graded notebook.

A page shows the points and the verdict of each exercise at the top, then the notebook as it ran:
markdown cells as plain text, each code cell that ran (for a checker, the teacher's copy, which is
the one that ran) with its text outputs and errors, and after the last cell of each exercise a box
with its result, hint and points.

Everything in a page that a student wrote or printed is HTML-escaped, and no output is taken as
HTML: rich outputs (plots, tables) are named, not shown, and the grader's sealed lines are left
out. The page loads nothing (no script, no CDN) and says so to the browser with a
Content-Security-Policy that refuses scripts, so a page stays inert even if escaping were missed.
"""
import hashlib
import html
import os
import re

SHOWN_CHARACTERS = 20_000   # per cell: a flood is cut, the page stays readable
ANSI = re.compile(r"\x1b\[[0-9;]*m")
STYLE = """
body { font-family: sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
pre { white-space: pre-wrap; word-break: break-word; margin: 0; padding: .5rem; }
.cell { margin: 1rem 0; } .source { background: #f4f4f4; } .output { border-left: 3px solid #ccc; }
.error { border-left: 3px solid #c00; color: #900; } .markdown { color: #444; border-left: 3px solid #eee; }
.label { font-size: .8rem; color: #666; }
.verdict { margin: 1rem 0; padding: .6rem; border: 2px solid; }
.passed { border-color: #2a2; } .failed, .error-result, .timed-out { border-color: #c00; } .not-checked { border-color: #888; }
"""


def escaped(text):
    return html.escape(str(text), quote=True)


def shortened(text):
    if len(text) <= SHOWN_CHARACTERS:
        return text
    return text[:SHOWN_CHARACTERS] + f"\n... ({len(text) - SHOWN_CHARACTERS} characters more, not shown)"


def without_seals(text):
    """The text without the grader's sealed verdict lines (a display of the checker's cell)."""
    return "".join(line for line in text.splitlines(keepends=True) if "WORKBOOK-SEAL" not in line)


def output_html(output):
    """One output as escaped text; an error in red; a rich output named but not shown."""
    kind = output.get("output_type")
    if kind == "stream":
        text = without_seals(output.get("text", ""))
        return f'<pre class="output">{escaped(shortened(text))}</pre>' if text.strip() else ""
    if kind == "error":
        text = ANSI.sub("", f"{output.get('ename', 'error')}: {output.get('evalue', '')}")
        return f'<pre class="output error">{escaped(shortened(text))}</pre>'
    data = output.get("data", {})
    plain = data.get("text/plain")
    plain = without_seals(plain if isinstance(plain, str) else "".join(plain or []))
    others = sorted(mime for mime in data if mime != "text/plain")
    parts = [f'<pre class="output">{escaped(shortened(plain))}</pre>'] if plain.strip() else []
    if others:
        parts.append(f'<p class="label">[not shown here: {escaped(", ".join(others))} output]</p>')
    return "".join(parts)


def verdict_html(row):
    css = row["result"].replace(" ", "-").replace("error", "error-result")
    return (f'<div class="verdict {css}"><b>Exercise {row["exercise"]}: {escaped(row["result"])}</b> '
            f'({row["points"]:g} of {row["out_of"]:g} points)<br>{escaped(row["detail"])}</div>')


def page(entry, submission, steps, last_step):
    """The page of one graded notebook: entry is its grades.json entry; submission, steps and
    last_step what grade.py planned and ran (submission and steps may be None when it could not run)."""
    rows = "".join(f'<tr><td>{row["exercise"]}</td><td>{escaped(row["result"])}</td>'
                   f'<td>{row["points"]:g} / {row["out_of"]:g}</td><td>{escaped(row["detail"])}</td></tr>'
                   for row in entry["exercises"])
    parts = [f'<h1>{escaped(entry["notebook"])}: {escaped(entry["student"])}</h1>',
             f'<p><b>{entry["points"]:g} of {entry["out_of"]:g} points.</b> Run: {escaped(entry["run"])} '
             f'({entry["seconds"]:.1f} s).</p>',
             '<table><tr><th>exercise</th><th>result</th><th>points</th><th>detail (the checker\'s hint)</th></tr>'
             f'{rows}</table>', '<h2>Your notebook as it ran</h2>']
    verdict_after = {}
    for row in entry["exercises"]:
        verdict_after.setdefault(last_step.get(row["exercise"], len(steps or []) - 1), []).append(row)
    shown_markdown = set()

    def markdown_before(limit):
        for index in range(limit):
            cell = submission.cells[index]
            if cell.cell_type == "markdown" and index not in shown_markdown:
                shown_markdown.add(index)
                parts.append(f'<div class="cell"><pre class="markdown">{escaped(shortened(cell.source))}</pre></div>')

    for position, step in enumerate(steps or []):
        if step.student_index is not None:
            markdown_before(step.student_index)
        if step.exercise is not None:
            label = f"the teacher's checker of exercise {step.exercise} (this copy is the one that ran)"
        else:
            label = f"cell {step.student_index + 1}" + ("" if step.ran else " (did not run)")
        outputs = "".join(output_html(output) for output in step.outputs)
        parts.append(f'<div class="cell"><p class="label">{escaped(label)}</p>'
                     f'<pre class="source">{escaped(shortened(step.source))}</pre>{outputs}</div>')
        parts.extend(verdict_html(row) for row in verdict_after.pop(position, []))
    if submission is not None:
        markdown_before(len(submission.cells))
    for rows_left in verdict_after.values():
        parts.extend(verdict_html(row) for row in rows_left)
    title = escaped(f"{entry['student']}: {entry['notebook']}")
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>{title}</title><style>{STYLE}</style></head>\n<body>\n" + "\n".join(parts) + "\n</body></html>\n")


def safe_name(text):
    """A file name of letters, digits, '.', '_' and '-', never hidden or '..': the text itself when it
    is one, else its safe characters and a hash of it (so that 'a<b' and 'a>b' stay apart)."""
    name = re.sub(r"[^A-Za-z0-9._-]", "_", text).lstrip(".")
    if name == text:
        return name
    return f"{name}-{hashlib.sha256(text.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"


_written = set()   # pages of this run: a second notebook of the same student and name gets its own


def write(folder, entry, submission, steps, last_step):
    """Writes folder/<student>/<notebook>.html (…-2.html and on for a second one of the same names); returns its path."""
    notebook = entry["notebook"][:-len(".ipynb")] if entry["notebook"].endswith(".ipynb") else entry["notebook"]
    stem, number = os.path.join(folder, safe_name(entry["student"]), safe_name(notebook)), 1
    path = stem + ".html"
    while os.path.abspath(path) in _written:
        number += 1
        path = f"{stem}-{number}.html"
    _written.add(os.path.abspath(path))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(page(entry, submission, steps, last_step))
    return path


def write_index(folder, graded):
    """folder/index.html: every student's notebooks, points and a link to each page."""
    rows = "".join(f'<tr><td>{escaped(e["student"])}</td><td><a href="{escaped(os.path.relpath(e["feedback"], folder))}">'
                   f'{escaped(e["notebook"])}</a></td><td>{e["points"]:g} / {e["out_of"]:g}</td></tr>'
                   for e in graded if e.get("feedback"))
    with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
                f"<title>Feedback</title><style>{STYLE}</style></head>\n<body><h1>Feedback pages</h1>"
                f"<table><tr><th>student</th><th>notebook</th><th>points</th></tr>{rows}</table></body></html>\n")
