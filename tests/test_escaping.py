"""Spec text in generated code and docs: every escape gives back the text it was given.

Property tests over arbitrary Unicode (surrogates, controls, separators, emoji, the markers that
end comments, docstrings and templates): Python literals evaluate back to the same string
(``ast.literal_eval``); Go literals are compiled into a program that prints their bytes; docstrings
and comments compile; Markdown renders the text literally and cannot swallow what follows it.
"""

from __future__ import annotations

import ast
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.loading.yaml_source import join_surrogates, parse_text
from generator.targets.docs.markdown import cell, code, fence, plain, prose
from generator.targets.go.docs import comment as go_comment
from generator.targets.go.text import go_string
from generator.targets.python.text import comment, docstring, escape_doc, py_str
from generator.targets.python.types import py_literal
from generator.text import display_width, scrub_surrogates, source_code, source_prose, wrap

# Shared cores: no per-example deadline (a slow example is not a failure).
RELAXED = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
TOKENS = [
    '"',
    '"""',
    "'''",
    "\\",
    "\\n",
    "`",
    "```",
    "*/",
    "/*",
    "-->",
    "<!--",
    "{{",
    "}}",
    "{%",
    "#",
    "# mypy: ignore-errors",
    "# type: ignore",
    "fmt: off",
    "//go:generate",
    "\n+build linux\n",
    "|",
    "[x](other.md)",
    "<script>",
    "&amp;",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\x00",
    "\x07",
    "\x7f",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u200d",
    "\u202e",
    "\ud83d\udc4d",  # a surrogate pair, as two code points
    "\ud800",
    "\udfff",
    "👍",
    "👨\u200d👩\u200d👧",
    "\U000e0067",
    "é",
    "e\u0301",
    "日本語",
    " ",
    "  ",
]
ANY_CHAR = st.one_of(st.characters(exclude_categories=()), st.characters(codec=None, categories=["Cs"]))
TEXT = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(ANY_CHAR, max_size=4)), max_size=24).map("".join)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)


# -- Python -----------------------------------------------------------------------------------------
@RELAXED
@given(TEXT)
def test_python_literal_evaluates_to_the_text(text: str) -> None:
    lit = py_str(text)
    assert ast.literal_eval(lit) == text
    assert lit.isprintable() and lit.encode("utf-8")  # no raw control or separator, valid UTF-8


@RELAXED
@given(JSON)
def test_python_literal_of_a_json_value(value: object) -> None:
    assert ast.literal_eval(py_literal(value)) == value


def test_python_literal_of_non_finite_numbers() -> None:
    assert eval(py_literal(float("inf"))) == float("inf")  # noqa: S307 - our own literal
    assert eval(py_literal(float("-inf"))) == float("-inf")  # noqa: S307


def _doc_value(source: str, module: bool) -> str:
    tree = ast.parse(source)
    node = tree if module else tree.body[0]
    assert isinstance(node, (ast.Module, ast.FunctionDef))
    doc = ast.get_docstring(node, clean=False)
    assert doc is not None
    return doc


@RELAXED
@given(TEXT, st.sampled_from([0, 4, 8]))
def test_docstring_compiles_and_keeps_every_character(text: str, indent: int) -> None:
    body = docstring(text, indent)
    if not body:
        assert not text.strip()
        return
    pad = " " * indent
    source = f'{pad}"""{body}"""\n' if indent == 0 else f'def f():\n{pad}"""{body}"""\n'
    doc = _doc_value(source, module=indent == 0)
    # Wrapping may turn a space into a newline plus indentation: compare the words.
    want = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    assert doc.split() == want.split()
    assert body.encode("utf-8")
    if indent == 0:  # a module docstring: mypy reads a line that starts with `# mypy:` as config
        assert not any(ln.startswith("# mypy:") for ln in body.split("\n"))


@RELAXED
@given(TEXT)
def test_escape_doc_round_trips_inside_triple_quotes(text: str) -> None:
    escaped = escape_doc(text)
    if escaped.endswith('"'):
        escaped += " "
        text += " "
    assert ast.literal_eval('"""' + escaped + '"""') == text


@RELAXED
@given(TEXT)
def test_python_comment_is_one_inert_line(text: str) -> None:
    line = comment(text)
    assert len(line.splitlines()) <= 1 and "\x00" not in line
    tree = ast.parse(f"# {line}\nx = 1\n", type_comments=True)
    assert isinstance(tree.body[0], ast.Assign) and tree.body[0].type_comment is None
    assert not tree.type_ignores
    assert not re.match(r"(type|mypy|fmt|noqa|ruff)\b", line, re.I) or line.startswith("Note: ")


# -- Go ---------------------------------------------------------------------------------------------
GO = shutil.which("go") or "/usr/local/go/bin/go"


@RELAXED
@given(TEXT)
def test_go_literal_is_also_json_of_the_text(text: str) -> None:
    lit = go_string(text)
    assert json.loads(lit) == scrub_surrogates(text)
    assert "\\ud8" not in lit.lower() and "\\udc" not in lit.lower()  # never a surrogate escape


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=60))
def test_go_literals_and_comments_compile_and_mean_the_same(
    tmp_path_factory: pytest.TempPathFactory, texts: list[str]
) -> None:
    if not Path(GO).exists():
        pytest.fail("go is not installed")
    root = tmp_path_factory.mktemp("golits")
    comments = "\n".join(ln for t in texts for ln in go_comment(t))
    items = "".join(f"\t\t{go_string(t)},\n" for t in texts)
    (root / "go.mod").write_text("module lits\n\ngo 1.22\n")
    (root / "main.go").write_text(
        'package main\n\nimport "fmt"\n\n'
        f"{comments}\nfunc main() {{\n\tfor _, s := range []string{{\n{items}\t}} {{\n"
        '\t\tfmt.Printf("%x\\n", s)\n\t}\n}\n',
        encoding="utf-8",
    )
    env = dict(os.environ, GOFLAGS="-mod=mod", GOTOOLCHAIN="local", GOPROXY="off", CGO_ENABLED="0")
    env["PATH"] = f"{Path(GO).parent}{os.pathsep}{env.get('PATH', '')}"
    proc = subprocess.run([GO, "run", "."], cwd=root, env=env, capture_output=True, text=True, timeout=240)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split("\n")[:-1] == [scrub_surrogates(t).encode("utf-8").hex() for t in texts]


@RELAXED
@given(TEXT, st.sampled_from(["", "\t"]))
def test_go_comment_lines_are_line_comments(text: str, indent: str) -> None:
    for ln in go_comment(text, indent, name="Thing"):
        assert ln.startswith(indent + "//") and "\n" not in ln and "\r" not in ln
        assert not ln.startswith(indent + "//go:") and "\x00" not in ln and "\ufeff" not in ln
        assert not ln[len(indent) + 2 :].strip().startswith("+build")
        assert ln.encode("utf-8")


# -- Markdown ---------------------------------------------------------------------------------------
def _render(md: str) -> str:
    return markdown.markdown(md, extensions=["tables"])


def _text_of(html_text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", html_text))


@RELAXED
@given(TEXT)
def test_plain_text_renders_literally(text: str) -> None:
    out = plain(text)
    assert "\n" not in out
    assert " ".join(_text_of(_render(out)).split()) == " ".join(source_prose(text).split())


@RELAXED
@given(TEXT)
def test_code_span_renders_literally(text: str) -> None:
    rendered = _render(code(text))
    spans = re.findall(r"<code>(.*?)</code>", rendered, re.S)
    assert len(spans) == 1
    want = source_code(text).replace("\n", "\\n").replace("\t", "\\t")
    assert html.unescape(spans[0]).strip() == want.strip()


@RELAXED
@given(TEXT, st.sampled_from(["json", "python", "go", "bash"]))
def test_fence_holds_the_text(text: str, lang: str) -> None:
    rendered = markdown.markdown(fence(text, lang) + "\n\nAFTER", extensions=["fenced_code"])
    assert rendered.endswith("<p>AFTER</p>")


@RELAXED
@given(TEXT)
def test_prose_cannot_swallow_the_page_or_inject_html(text: str) -> None:
    rendered = markdown.markdown(prose(text) + "\n\nAFTER", extensions=["fenced_code", "tables"])
    assert rendered.endswith("<p>AFTER</p>")
    assert "<script" not in rendered and "<!--" not in rendered


@RELAXED
@given(TEXT, st.booleans())
def test_table_cell_stays_one_cell(text: str, as_code: bool) -> None:
    rendered = _render(f"| a | b |\n| --- | --- |\n| {code(text) if as_code else cell(text)} | END |\n")
    assert re.search(r"<td>END</td>\s*</tr>", rendered)
    assert rendered.count("<td>") == 2


def test_relative_links_in_descriptions_are_text() -> None:
    out = prose(
        "See [the `x` guide](other.md), ![i](p.png), [a](#n) and [web](https://e.com/a).\n\n[r]: x.md"
    )
    rendered = _render(out)
    assert 'href="https://e.com/a"' in rendered
    assert "other.md" in rendered and 'href="other.md"' not in rendered and "<img" not in rendered
    assert 'href="#n"' not in rendered and 'href="x.md"' not in rendered


# -- shared text rules ------------------------------------------------------------------------------
@RELAXED
@given(TEXT)
def test_source_text_has_nothing_hidden(text: str) -> None:
    for out in (source_prose(text), source_code(text)):
        out.encode("utf-8")  # valid UTF-8: no lone surrogate
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff\u202a-\u202e\u2066-\u2069]", out)
    assert not re.search("[\r\u2028\u2029\x85]", source_prose(text))


@RELAXED
@given(st.text(st.sampled_from("ab 👍日"), max_size=40), st.integers(4, 20))
def test_wrap_respects_display_width(text: str, width: int) -> None:
    text = " ".join(text.split())
    lines = wrap(text, width, "  ")
    assert " ".join(" ".join(lines).split()) == text
    for ln in lines:
        assert display_width(ln) <= width or " " not in ln.strip()


# -- the loader -------------------------------------------------------------------------------------
@RELAXED
@given(TEXT)
def test_json_surrogate_escapes_load(text: str) -> None:
    """JSON writers escape emoji as surrogate pairs; lone halves become U+FFFD (see the loader)."""
    doc = json.dumps({"key" + text: text, "after": 1})  # ensure_ascii: every non-ASCII char escaped
    loaded = parse_text(doc, "x.json", Path("x.json"))
    assert loaded.data == {"key" + join_surrogates(text): join_surrogates(text), "after": 1}
    assert loaded.positions["/after"] == (1, doc.index('"after"') + 1 + len('"after": '))


@RELAXED
@given(TEXT)
def test_json_raw_characters_load(text: str) -> None:
    """A .json file may hold raw in its strings what YAML refuses (DEL, C1) or folds (NEL, U+2028)."""
    text = scrub_surrogates(text)  # a file holds UTF-8: no lone surrogate can be in it
    doc = json.dumps({"k": text, "after": [1]}, ensure_ascii=False)
    loaded = parse_text(doc, "x.json", Path("x.json"))
    assert loaded.data == {"k": text, "after": [1]}
