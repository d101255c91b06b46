"""Checks on executed notebooks: what the book shows must be reproducible and what its prose says must be shown.

Usage:
  notebook_claims.py prose EXECUTED_DIR
      every number a markdown cell quotes (with a decimal point or a %) appears in the notebook's outputs,
      within the rounding shown, or literally in one of its code cells (a setting such as 0.01)
  notebook_claims.py same FIRST_DIR SECOND_DIR
      two executions of the same notebooks give the same outputs, digit for digit, apart from lines
      that report time, speed or memory
  notebook_claims.py thresholds EXECUTED_DIR
      the results the chapters promise (perplexity, accuracies, ...) are reached
  notebook_claims.py paste NOTEBOOK_DIR
      no code cell ends in a bare expression, so every cell compiles pasted into a plain program

Exit status 1 with one line per problem, naming notebook, cell and the text involved.
"""
import glob
import hashlib
import html
import json
import os
import re
import sys

# --- what a line that reports time, speed or memory looks like (masked before comparing runs) ---------------
TIMING = re.compile(
    r"\d\s*(?:ns|µs|us|ms|s|sec|secs|seconds?|min|minutes?|h)\b(?![-\w])"   # 1.2 s, 35 ms, 2 seconds
    r"|/\s*(?:s|sec|second|epoch)\b"                                           # sequences/s, s/epoch
    r"|per (?:second|epoch)\b"
    r"|\b(?:KiB|MiB|GiB|kB|MB|GB)\b"                                           # memory
    r"|\bGFLOPS\b",
    re.IGNORECASE)
PLOT_ID = re.compile(r"plot[0-9a-f]{32}")
TAGS = re.compile(r"<[^>]+>")


def notebooks_in(folder):
    return sorted(glob.glob(os.path.join(folder, "*.ipynb")))


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def text_of(value):
    return "".join(value) if isinstance(value, list) else str(value)


def output_texts(output):
    """The readable texts of one output: stream text, text/plain, HTML without tags (scripts dropped)."""
    if output.get("output_type") == "stream":
        return [text_of(output.get("text", ""))]
    if output.get("output_type") == "error":
        return [output.get("ename", "") + ": " + output.get("evalue", "")]
    data = output.get("data", {})
    texts = []
    if "text/plain" in data:
        texts.append(text_of(data["text/plain"]))
    if "text/html" in data:
        page = re.sub(r"<script.*?</script>", " ", text_of(data["text/html"]), flags=re.DOTALL)
        texts.append(html.unescape(TAGS.sub(" ", page)))
    return texts


# --- 1. numbers in prose ---------------------------------------------------------------------------------
# A quoted result: 2.13, −0.40, 1,234.5, 40%, 0.5%. A version (2.7.1) or a section (§5.2) is not a result.
QUOTED = re.compile(r"(?<![\w.§/])([-−]?\d{1,3}(?:,\d{3})*(?:\.\d+)?|[-−]?\d+(?:\.\d+)?)(%?)(?![\w.]\d|\.\d)")
VERSIONED = re.compile(r"\b(?:DJL|PyTorch|Java|JDK|Tablesaw|plotly\.js|Python|IJava|JJava|jjava-jupyter|libtorch|"
                       r"statsmodels|numpy|Maven|Debian|version|release)\s+$")
NUMBER = re.compile(r"[-−]?\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][-+]?\d+)?")


def prose_without_exempt_parts(markdown):
    """Markdown minus LaTeX, code, links' addresses, HTML tags and citations' years."""
    text = re.sub(r"\$\$.*?\$\$", " ", markdown, flags=re.DOTALL)
    text = re.sub(r"\$[^$\n]+\$", " ", text)
    text = re.sub(r"```.*?```", " ", text, flags=re.DOTALL)
    text = re.sub(r"`[^`\n]+`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"<[^>]+>", " ", text)
    return text


def quoted_numbers(markdown):
    """(token, value, decimals, percent) for each number with a decimal point or a %."""
    found = []
    for match in QUOTED.finditer(prose_without_exempt_parts(markdown)):
        token, percent = match.group(1), match.group(2) == "%"
        if "." not in token and not percent:
            continue
        before = match.string[max(0, match.start() - 1):match.start()]
        after = match.string[match.end():match.end() + 2]
        if re.match(r"\.\d", after) or before.isalpha():   # 2.7.1, v1.5: versions
            continue
        if VERSIONED.search(match.string[max(0, match.start() - 24):match.start()]):   # DJL 0.36
            continue
        clean = token.replace(",", "").replace("−", "-")
        decimals = len(clean.split(".")[1]) if "." in clean else 0
        found.append((match.group(0), float(clean), decimals, percent))
    return found


def numbers_in(texts):
    values = set()
    for text in texts:
        for token in NUMBER.findall(text):
            try:
                values.add(float(token.replace(",", "").replace("−", "-")))
            except ValueError:
                pass
    return values


def shown(value, decimals, percent, output_values):
    tolerance = 0.5 * 10 ** -decimals + 1e-9
    candidates = [(value, tolerance)]
    if percent:
        candidates.append((value / 100, tolerance / 100))   # 40% may be printed as 0.40
    return any(abs(abs(shown_value) - abs(candidate)) <= within
               for candidate, within in candidates for shown_value in output_values)


def in_code(token, value, percent, code):
    literals = [token.lstrip("-−").rstrip("%")]
    if percent:
        literals += [f"{value / 100:g}", f"{value / 100:.2f}"]   # 70% split written as 0.7 or 0.70
    return any(re.search(r"(?<![\w.])" + re.escape(literal) + r"(?![\w.]\d)", code) for literal in literals)


def check_prose(folder):
    problems = []
    for path in notebooks_in(folder):
        nb = load(path)
        name = os.path.basename(path)
        outputs = [t for cell in nb["cells"] for o in cell.get("outputs", []) for t in output_texts(o)]
        output_values = numbers_in(outputs)
        code = "\n".join(text_of(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
        for index, cell in enumerate(nb["cells"]):
            if cell["cell_type"] != "markdown":
                continue
            for token, value, decimals, percent in quoted_numbers(text_of(cell["source"])):
                if in_code(token, value, percent, code):
                    continue   # a setting the code uses (a learning rate, a 70% split), not a result
                if not shown(value, decimals, percent, output_values):
                    problems.append(f"{name} cell {index}: the prose quotes {token}, which no output of the notebook shows")
    return problems


# --- 2. same seed, same digits ---------------------------------------------------------------------------
def comparable(output):
    """One output as comparable lines: timing lines masked, plot ids masked, images hashed."""
    lines = []
    if output.get("output_type") == "stream":
        lines += text_of(output.get("text", "")).splitlines()
    elif output.get("output_type") == "error":
        lines.append("error " + output.get("ename", "") + ": " + output.get("evalue", ""))
    else:
        data = output.get("data", {})
        if "text/plain" in data and "<table" in text_of(data.get("text/html", "")):
            data = {"text/plain": masked_table(text_of(data["text/plain"]))}   # the HTML shows the same table
        for mime in sorted(data):
            value = data[mime]
            if mime.startswith("image/"):
                lines.append(f"{mime} sha1 " + hashlib.sha1(text_of(value).encode()).hexdigest())
            elif mime == "text/html" and "plotly.js v" in text_of(value):
                lines.append("text/html plotly.js library")   # sent once per session; its text is not a result
            elif isinstance(value, (dict, list)) and mime.endswith("json"):
                lines.append(mime + " " + json.dumps(value, sort_keys=True))
            else:
                lines += [mime + " " + line for line in PLOT_ID.sub("plotID", text_of(value)).splitlines()]
    title = text_of(output.get("data", {}).get("text/plain", "")).split("\n", 1)[0]
    if TIMING.search(title):
        return ["<a table of times, speeds or memory>"]   # its title says so; every row is a measurement
    return ["<time, speed or memory>" if TIMING.search(line) else line for line in lines]


TIME_HEADER = re.compile(TIMING.pattern + r"|\b(?:s|ms|seconds?)\s*/|\bspeed\b|\btime\b", re.IGNORECASE)


def masked_table(plain):
    """A printed table with its columns of times or speeds masked (their header says so) and spaces collapsed
    (a wider number elsewhere re-centres the title and re-pads every row)."""
    lines = plain.splitlines()
    header = next((i for i, line in enumerate(lines) if line.count("|") >= 2), None)
    timed = set()
    if header is not None:
        timed = {k for k, name in enumerate(lines[header].split("|")) if TIME_HEADER.search(name)}
    shown = []
    for i, line in enumerate(lines):
        if header is not None and i > header and line.count("|") >= 2:
            line = "|".join("<t>" if k in timed or TIMING.search(cell) else cell for k, cell in enumerate(line.split("|")))
        shown.append("---" if set(line.strip()) == {"-"} else " ".join(line.split()))
    return "\n".join(shown)


def coalesced(outputs):
    """A cell's outputs with consecutive texts of one stream joined, as Jupyter shows them: where a batch of
    output ended is the kernel's timing, not the notebook's result."""
    joined = []
    for output in outputs:
        if (joined and output.get("output_type") == "stream" and joined[-1].get("output_type") == "stream"
                and joined[-1].get("name") == output.get("name")):
            joined[-1] = dict(joined[-1], text=text_of(joined[-1].get("text", "")) + text_of(output.get("text", "")))
        else:
            joined.append(output)
    return joined


def check_same(first, second):
    problems = []
    second_names = {os.path.basename(p) for p in notebooks_in(second)}
    for path in notebooks_in(first):
        name = os.path.basename(path)
        if name not in second_names:
            problems.append(f"{name}: not in {second}")
            continue
        a, b = load(path)["cells"], load(os.path.join(second, name))["cells"]
        if len(a) != len(b):
            problems.append(f"{name}: {len(a)} cells in one run, {len(b)} in the other")
            continue
        for index, (cell_a, cell_b) in enumerate(zip(a, b)):
            lines_a = [line for o in coalesced(cell_a.get("outputs", [])) for line in comparable(o)]
            lines_b = [line for o in coalesced(cell_b.get("outputs", [])) for line in comparable(o)]
            if lines_a != lines_b:
                for line_a, line_b in zip(lines_a + ["<nothing>"] * len(lines_b), lines_b + ["<nothing>"] * len(lines_a)):
                    if line_a != line_b:
                        problems.append(f"{name} cell {index} differs between two runs:\n    first:  {line_a[:300]}"
                                        f"\n    second: {line_b[:300]}")
                        break
    return problems


# --- 3. cells that paste --------------------------------------------------------------------------------
def without_comments(code):
    """Java code without /* */ and // comments (a // inside a string literal stays)."""
    code = re.sub(r"/\*.*?\*/", "", code, flags=re.DOTALL)
    lines = []
    for line in code.splitlines():
        kept = re.match(r'^((?:[^"/]|"(?:[^"\\]|\\.)*"|/(?!/))*)//.*$', line)
        lines.append(kept.group(1) if kept else line)
    return "\n".join(lines).strip()


def check_paste(folder):
    """Every code cell ends in a statement or a block: a bare final expression (shown by the kernel) would not
    compile when pasted into a program, and would show nothing there."""
    problems = []
    for path in notebooks_in(folder):
        for index, cell in enumerate(load(path)["cells"]):
            code = without_comments(text_of(cell["source"])) if cell["cell_type"] == "code" else ""
            if code and not code.startswith("%") and not code.endswith((";", "}")):
                problems.append(f"{os.path.basename(path)} cell {index} ends in a bare expression "
                                f"(…{code[-60:]!r}): show it with Displays.display(...); or System.out.println(...);")
    return problems


# --- 4. what the chapters promise ------------------------------------------------------------------------
# notebook, what, a pattern whose groups are the numbers (the last match counts), the condition on them, the promise
PROMISES = [
    ("10-character-language-model.ipynb", "the LSTM's held-out perplexity",
     r"(?m)^held-out perplexity (\d+\.\d+)$", lambda v: v <= 4.5, "≤ 4.5"),
    ("13-attention.ipynb", "attention's sequence accuracy at length 8",
     r"sequence accuracy at length 8: attention (\d\.\d+)", lambda v: v >= 0.9, "≥ 0.9"),
    ("13-attention.ipynb", "attention's sequence accuracy at length 12",
     r"sequence accuracy at length 12: attention (\d\.\d+)", lambda v: v >= 0.8, "≥ 0.8"),
    ("13-attention.ipynb", "attention's lead over no attention at length 12 (attention, no attention)",
     r"sequence accuracy at length 12: attention (\d\.\d+), no attention (\d\.\d+)",
     lambda attention, plain: attention - plain >= 0.3, "a lead of at least 0.3"),
]


def check_thresholds(folder):
    problems = []
    for notebook, what, pattern, holds, bound in PROMISES:
        path = os.path.join(folder, notebook)
        if not os.path.exists(path):
            problems.append(f"{notebook}: not executed, cannot check {what}")
            continue
        texts = [t for c in load(path)["cells"] for o in c.get("outputs", []) for t in output_texts(o)]
        values = [tuple(float(g) for g in m.groups()) for t in texts for m in re.finditer(pattern, t)]
        if not values:
            problems.append(f"{notebook}: no output matches /{pattern}/ ({what})")
        elif not holds(*values[-1]):
            shown = values[-1][0] if len(values[-1]) == 1 else values[-1]
            problems.append(f"{notebook}: {what} is {shown}, promised {bound}")
    return problems


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("prose", "same", "thresholds", "paste"):
        sys.exit(__doc__)
    mode = sys.argv[1]
    if mode == "prose":
        problems = check_prose(sys.argv[2])
    elif mode == "same":
        problems = check_same(sys.argv[2], sys.argv[3])
    elif mode == "paste":
        problems = check_paste(sys.argv[2])
    else:
        problems = check_thresholds(sys.argv[2])
    for problem in problems:
        print("FAIL " + problem)
    if not problems:
        print(f"ok   {mode}: {len(notebooks_in(sys.argv[2]))} notebooks")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
