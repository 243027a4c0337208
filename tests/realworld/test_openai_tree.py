"""The resource tree and pagination on the full public OpenAI spec.

No name clashes (building the IR would stop on one), call paths where the official SDK has them,
and the list operations that page.  Slow only because the spec is large (a few seconds).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.ir.builder import build_api
from generator.ir.model import Api
from generator.ir.resources import clashes
from generator.loading.spec import load_spec
from generator.targets.go.views import Builder as GoBuilder
from generator.targets.python.views import Builder as PyBuilder

ROOT = Path(__file__).resolve().parents[2]
PUBLIC = ROOT.parent / "shared" / "specs" / "openai-openapi.yaml"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PUBLIC.exists(), reason=f"the shared public spec is not at {PUBLIC}"),
]

# The official SDK pages these, but their responses carry no way to ask for the next page (no
# cursor, offset or page parameter): one page is all there is.
OFFICIAL_ONLY = {"listModels", "retrieveVectorStoreFileContent"}
# These page (a `page` cursor parameter, `next_page` and `has_more` in the response); the official
# SDK returns their first page as a plain object.
OURS_ONLY = {"usage-costs"} | {
    f"usage-{kind}"
    for kind in (
        "audio-speeches",
        "audio-transcriptions",
        "code-interpreter-sessions",
        "completions",
        "embeddings",
        "file-search-calls",
        "images",
        "moderations",
        "vector-stores",
        "web-search-calls",
    )
}


@pytest.fixture(scope="module")
def api() -> Api:
    return build_api(load_spec(PUBLIC))[0]


def call(api: Api) -> dict[str, str]:
    return {op.id: ".".join("_".join(w) for w in op.resource + (op.name,)) for op in api.operations}


def test_no_name_clashes_and_no_operation_id_fallbacks(api: Api) -> None:
    assert clashes(list(api.operations)) == []
    calls = call(api)
    assert len(set(calls.values())) == len(calls) == 288
    # No method is named after its operationId any more (the old fallback): e.g. get_thread_method.
    assert not [c for c in calls.values() if c.endswith(("_method", "_vector_store_file"))]


@pytest.mark.parametrize(
    ("op_id", "expected"),
    [
        ("getMessage", "threads.messages.retrieve"),
        ("listMessages", "threads.messages.list"),
        ("deleteVectorStoreFile", "vector_stores.files.delete"),
        ("GetThreadMethod", "chatkit.threads.retrieve"),
        ("getThread", "threads.retrieve"),
        ("retrieve-project-user", "organization.projects.users.retrieve"),
        ("unassign-project-group-role", "projects.groups.roles.delete"),
        ("cancelRun", "threads.runs.cancel"),
        ("submitToolOuputsToRun", "threads.runs.submit_tool_outputs"),
        ("createThreadAndRun", "threads.create_and_run"),
        ("downloadFile", "files.content.retrieve"),
        ("runGrader", "fine_tuning.alpha.graders.run"),
        ("CreateChatSessionMethod", "chatkit.sessions.create"),
        ("beta_cancelResponse", "beta.responses.cancel"),
    ],
)
def test_call_paths(api: Api, op_id: str, expected: str) -> None:
    assert call(api)[op_id] == expected


def test_the_sdks_render_the_tree(api: Api) -> None:
    py = {r.access for r in PyBuilder(api, "openai_sdk", "OpenAI").build("0").resources}
    assert {"threads.messages", "vector_stores.files", "chatkit.threads", "organization.projects.users"} <= py
    assert "messages" not in py  # no flat leftovers of nested resources
    go = {s.access for s in GoBuilder(api, "openai", "example.com/openai").build("0").services}
    assert {"Threads.Messages", "VectorStores.Files", "Chatkit.Threads", "Organization.Projects.Users"} <= go


def test_paginated_list_operations(api: Api) -> None:
    paged = {op.id: op.pagination for op in api.operations if op.pagination is not None}
    assert len(paged) == 62
    assert all(p.style == "cursor" and p.items == "data" for p in paged.values())
    assert set(paged) >= OURS_ONLY and not OFFICIAL_ONLY & set(paged)
    messages = paged["listMessages"]
    assert (messages.cursor_param, messages.cursor_field, messages.has_more_field, messages.limit_param) == (
        "after",
        "last_id",
        "has_more",
        "limit",
    )
    costs = paged["usage-costs"]
    assert (costs.cursor_param, costs.cursor_field) == ("page", "next_page")
    groups = paged["list-project-groups"]  # a string `next` cursor, items without an id
    assert (groups.cursor_param, groups.cursor_field) == ("after", "next")
    # 62 = the 50 the official SDK also pages + the 11 above + the ?beta=true twin of listInputItems
    assert len(set(paged) - OURS_ONLY - {"beta_listInputItems"}) == 50
