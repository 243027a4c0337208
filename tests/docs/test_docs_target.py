"""The docs target's pieces: the SDK call syntax, the error-class table, escaping, trees and links."""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

import markdown
import pytest
from docs_helpers import REPO, docs_options

from generator.pipeline import build, generate
from generator.targets.docs.markdown import cell, code, plain, prose
from generator.targets.python.snippets import PythonSnippets, error_class, snippet

CHATKIT = REPO / "spec" / "chatkit.yaml"
SPECS = REPO / "tests" / "fixtures" / "specs"


@pytest.fixture(scope="module")
def docs() -> dict[str, str]:
    return generate(CHATKIT, ["docs"], docs_options()).files["docs"]


def _html(md: str) -> str:
    return markdown.markdown(md, extensions=["tables", "fenced_code", "toc"])


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        ("400", "BadRequestError"),
        ("401", "AuthenticationError"),
        ("403", "PermissionDeniedError"),
        ("404", "NotFoundError"),
        ("409", "ConflictError"),
        ("422", "UnprocessableEntityError"),
        ("429", "RateLimitError"),
        ("500", "InternalServerError"),
        ("503", "InternalServerError"),
        ("5XX", "InternalServerError"),
        ("418", "APIStatusError"),
        ("4XX", "APIStatusError"),
        ("default", "APIStatusError"),
    ],
)
def test_error_class(status: str, cls: str) -> None:
    assert error_class(status) == cls


def test_error_classes_exist_in_the_runtime() -> None:
    sys.path.insert(0, str(REPO / "generated" / "python"))
    import chatkit

    for status in ("400", "401", "403", "404", "409", "422", "429", "500", "418"):
        cls = getattr(chatkit, error_class(status))
        assert issubclass(cls, chatkit.APIStatusError)


def test_calls_use_the_sdk_signature() -> None:
    """Every keyword the docs show for a call is a parameter of the generated SDK method."""
    sys.path.insert(0, str(REPO / "generated" / "python"))
    import chatkit

    _spec, api, _w = build(CHATKIT)
    snippets = PythonSnippets(api, {"package": "chatkit", "client_name": "ChatKit"})
    client = chatkit.ChatKit(api_key="x", base_url="http://127.0.0.1:9")
    for op in api.operations:
        call = snippets.call(op)
        m = re.fullmatch(r"client\.(\w+)\.(\w+)\((.*)\)", call)
        assert m, call
        params = inspect.signature(getattr(getattr(client, m.group(1)), m.group(2))).parameters
        for arg in m.group(3).split(", "):
            if arg != "...":
                assert arg.removesuffix("=...") in params, (call, list(params))
    cancel = next(op for op in api.operations if op.name == ("cancel",))
    assert snippets.call(cancel) == "client.sessions.cancel(session_id)"


def test_snippet_interface() -> None:
    _spec, api, _w = build(CHATKIT)
    create = next(op for op in api.operations if op.name == ("create",))
    text = snippet(
        api, create, {"user": "u", "workflow": {"id": "w"}}, {}, {"package": "acme", "client_name": "Acme"}
    )
    assert text.splitlines()[0] == "from acme import Acme"
    assert 'client.sessions.create(user="u", workflow={"id": "w"})' in text
    assert "ACME_API_KEY" in text
    compile(text, "<snippet>", "exec")


def test_cancel_page(docs: dict[str, str]) -> None:
    page = docs["reference/operations/sessions-cancel.md"]
    assert page.startswith("# Cancel chat session\n\n`POST /chatkit/sessions/{session_id}/cancel`\n")
    assert "- `session_id`: `string` (required)" in page
    assert "| `404` | The session or workflow does not exist. | `chatkit.NotFoundError` |" in page
    # The returned model as a tree down to its leaves, each model linked to its page.
    assert '- `status`: [`ChatSessionStatus`](../models/ChatSessionStatus.md) (`"active"` | ' in page
    assert "        - `recent_threads`: `integer` or `null` (required, nullable)" in page
    assert "(map of `string` | `boolean` | `number`) or `null`" in page
    assert (
        'curl -X POST "${CHATKIT_BASE_URL:-https://api.openai.com/v1}/chatkit/sessions/cksess_123/cancel"'
        in page
    )
    assert "-H 'OpenAI-Beta: chatkit_beta=v1'" in page


def test_index_page(docs: dict[str, str]) -> None:
    index = docs["reference/index.md"]
    assert index.startswith("# ChatKit API\n")
    assert "| `OpenAI-Beta` | `chatkit_beta=v1` | every operation |" in index
    assert (
        "| [`sessions.create`](operations/sessions-create.md) | `POST` | `/chatkit/sessions` "
        "| `client.sessions.create(user=..., workflow=..., ...)` |"
    ) in index
    assert "| [`ChatSessionStatus`](models/ChatSessionStatus.md) | enum |" in index


def test_model_pages_link_back(docs: dict[str, str]) -> None:
    upload = docs["reference/models/ChatSessionFileUpload.md"]
    assert "- [`sessions.cancel`](../operations/sessions-cancel.md) (response)" in upload
    assert "- [`ChatSessionChatKitConfiguration`](../models/ChatSessionChatKitConfiguration.md)" in upload
    params = docs["reference/models/SessionCreateParams.md"]
    assert "- [`sessions.create`](../operations/sessions-create.md) (request)" in params
    models = {Path(p).stem for p in docs if p.startswith("reference/models/")}
    for text in docs.values():
        for target in re.findall(r"\]\((?:\.\./)?models/([^)]+)\.md\)", text):
            assert target in models


def test_recursive_models_stop() -> None:
    files = generate(SPECS / "recursion.yaml", ["docs"], {}).files["docs"]
    tree = files["reference/models/TreeNode.md"]
    assert "[`TreeNode`](../models/TreeNode.md)" in tree
    assert len(tree) < 5000


def test_package_option_reaches_the_snippets() -> None:
    """The docs see each SDK target's own options, through the target contract."""
    files = generate(CHATKIT, ["docs"], {"python": {"package": "acme"}, "go": {"module": "x.test/acme"}})
    page = files.files["docs"]["reference/operations/sessions-cancel.md"]
    assert "from acme import Client" in page
    assert '"x.test/acme"' in page


@pytest.mark.parametrize(
    ("text", "shown", "hidden"),
    [
        ("a <b>bold</b> and `<code>`", ["&lt;b&gt;bold&lt;/b&gt;", "<code>&lt;code&gt;</code>"], ["<b>"]),
        ("fenced:\n\n```\n<x> | y\n```", ["&lt;x&gt; | y"], []),
    ],
)
def test_prose_shows_html_as_text(text: str, shown: list[str], hidden: list[str]) -> None:
    html = _html(prose(text))
    for s in shown:
        assert s in html
    for s in hidden:
        assert s not in html


def test_table_cells_keep_pipes_and_code() -> None:
    md = "| a | b |\n| --- | --- |\n| " + cell("x | y `p|q` <z>\n\nsecond paragraph") + " | end |\n"
    html = _html(md)
    assert html.count("<td>") == 2, html
    assert "x | y <code>p|q</code> &lt;z&gt;" in html
    assert "second paragraph" not in html


def test_code_and_plain_survive_markdown() -> None:
    assert _html(code("a``b")) == "<p><code>a``b</code></p>"
    assert _html(code("`x")) == "<p><code>`x</code></p>"
    assert _html(plain("a_b*c* <d> [e](f) |")) == "<p>a_b*c* &lt;d&gt; [e](f) |</p>"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"python": "chatkit"}, "must be a table"),
        ({"python": {"package": "Not-Valid"}}, "not a valid lower-case module name"),
        ({"docs": {"languages": ["cobol"]}}, "'cobol' is not an SDK target"),
        ({"docs": {"colour": "red"}}, "has no option 'colour'"),
    ],
)
def test_bad_options_are_usage_errors(options: dict[str, object], message: str) -> None:
    from generator.errors import UsageError

    with pytest.raises(UsageError, match=message):
        generate(CHATKIT, ["docs"], options)  # type: ignore[arg-type]
