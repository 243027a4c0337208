"""Auto-paging list methods, over real HTTP: every style of tests/fixtures/specs/pagination.yaml.

Each style is scripted with several pages on the scripted server (the last page, an empty page,
an error on page 3), sync and async; then against Prism.  The SDK is generated from the fixture.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.python.conftest import generated_sdk
from tests.servers.scripted import Reply, ScriptedServer

SPEC = Path(__file__).resolve().parents[1] / "fixtures" / "specs" / "pagination.yaml"


@pytest.fixture(scope="module")
def sdk_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ModuleType, Path]]:
    out = tmp_path_factory.mktemp("paging")
    with generated_sdk(SPEC, out, "pets", "Pets") as module:
        yield module, out / "python"


@pytest.fixture(scope="module")
def sdk(sdk_dir: tuple[ModuleType, Path]) -> ModuleType:
    return sdk_dir[0]


@dataclass(frozen=True)
class Style:
    """One paging style: its method, the page replies, and what each item reads as."""

    resource: str
    page: Callable[[ScriptedServer, list[str], int, bool], Reply]  # (server, items, page index, last)
    item: Callable[[str], dict[str, str]]
    read: Callable[[Any], str]
    queries: list[list[tuple[str, str]]]  # what pages 1, 2, 3 were requested with (kwargs: limit 2)
    kwargs: dict[str, int]


def _cursor(server: ScriptedServer, items: list[str], i: int, last: bool) -> Reply:
    return Reply(json={"object": "list", "data": [{"id": x, "name": x} for x in items], "has_more": not last})


def _token(server: ScriptedServer, items: list[str], i: int, last: bool) -> Reply:
    return Reply(
        json={"items": [{"name": x} for x in items], "next_page_token": None if last else f"t{i + 2}"}
    )


def _offset(server: ScriptedServer, items: list[str], i: int, last: bool) -> Reply:
    return Reply(json={"results": [{"sku": x} for x in items], "total": 5 if last else 100})


def _pages(server: ScriptedServer, items: list[str], i: int, last: bool) -> Reply:
    return Reply(json={"data": [{"name": x} for x in items], "total_pages": i + 1 if last else 100})


def _link(server: ScriptedServer, items: list[str], i: int, last: bool) -> Reply:
    nxt = (
        f'<{server.url}/v1/visits?per_page=2&page={i + 2}>; rel="next", <{server.url}/v1/visits>; rel="first"'
    )
    return Reply(json=[{"day": x} for x in items], headers={} if last else {"Link": nxt})


def _treats(server: ScriptedServer, items: list[str], i: int, last: bool) -> Reply:
    return Reply(json={"treats": [{"flavor": x} for x in items], "resume_at": None if last else f"r{i + 2}"})


STYLES = {
    "cursor": Style(
        "pets",
        _cursor,
        lambda x: {"id": x},
        lambda p: p.name,
        [[("limit", "2")], [("limit", "2"), ("after", "b")], [("limit", "2"), ("after", "d")]],
        {"limit": 2},
    ),
    "cursor-token": Style(
        "owners",
        _token,
        lambda x: {"name": x},
        lambda o: o.name,
        [
            [("page_size", "2")],
            [("page_size", "2"), ("page_token", "t2")],
            [("page_size", "2"), ("page_token", "t3")],
        ],
        {"page_size": 2},
    ),
    "offset": Style(
        "toys",
        _offset,
        lambda x: {"sku": x},
        lambda t: t.sku,
        [[("limit", "2")], [("limit", "2"), ("offset", "2")], [("limit", "2"), ("offset", "4")]],
        {"limit": 2},
    ),
    "page": Style(
        "vets",
        _pages,
        lambda x: {"name": x},
        lambda v: v.name,
        [[("per_page", "2")], [("per_page", "2"), ("page", "2")], [("per_page", "2"), ("page", "3")]],
        {"per_page": 2},
    ),
    "link": Style(
        "visits",
        _link,
        lambda x: {"day": x},
        lambda v: v.day,
        [[("per_page", "2")], [("per_page", "2"), ("page", "2")], [("per_page", "2"), ("page", "3")]],
        {"per_page": 2},
    ),
    "declared": Style(
        "treats",
        _treats,
        lambda x: {"flavor": x},
        lambda t: t.flavor,
        [[("take", "2")], [("take", "2"), ("from", "r2")], [("take", "2"), ("from", "r3")]],
        {"take": 2},
    ),
}
PAGES = [["a", "b"], ["c", "d"], ["e"]]


def client(sdk: ModuleType, server: ScriptedServer, asynchronous: bool = False) -> Any:
    cls = sdk.AsyncPets if asynchronous else sdk.Pets
    return cls(base_url=server.url + "/v1", max_retries=0)


def script(server: ScriptedServer, style: Style, pages: list[list[str]]) -> None:
    server.script(*(style.page(server, items, i, i == len(pages) - 1) for i, items in enumerate(pages)))


def _queries(server: ScriptedServer) -> list[list[tuple[str, str]]]:
    assert all(r.url_path.startswith("/v1/") and r.method == "GET" for r in server.requests)
    return [sorted(r.query) for r in server.requests]


@pytest.mark.parametrize("name", STYLES)
def test_iterating_yields_every_item_across_pages(
    sdk: ModuleType, scripted_server: ScriptedServer, name: str
) -> None:
    style = STYLES[name]
    script(scripted_server, style, PAGES)
    with client(sdk, scripted_server) as c:
        page = getattr(c, style.resource).list(**style.kwargs)
        assert isinstance(page, sdk._pagination.SyncPage)
        assert [style.read(x) for x in page] == ["a", "b", "c", "d", "e"]
    assert _queries(scripted_server) == [sorted(q) for q in style.queries]


@pytest.mark.parametrize("name", STYLES)
def test_async_iteration(sdk: ModuleType, scripted_server: ScriptedServer, name: str) -> None:
    style = STYLES[name]
    script(scripted_server, style, PAGES)

    async def run() -> list[str]:
        async with client(sdk, scripted_server, asynchronous=True) as c:
            page = await getattr(c, style.resource).list(**style.kwargs)
            assert isinstance(page, sdk._pagination.AsyncPage)
            return [style.read(x) async for x in page]

    assert asyncio.run(run()) == ["a", "b", "c", "d", "e"]
    assert _queries(scripted_server) == [sorted(q) for q in style.queries]


@pytest.mark.parametrize("name", STYLES)
def test_an_error_on_page_3_surfaces_when_iteration_reaches_it(
    sdk: ModuleType, scripted_server: ScriptedServer, name: str
) -> None:
    style = STYLES[name]
    first, second = (style.page(scripted_server, PAGES[i], i, False) for i in (0, 1))
    scripted_server.script(first, second, Reply(500, json={"error": {"message": "boom"}}))
    seen: list[str] = []
    with client(sdk, scripted_server) as c:
        page = getattr(c, style.resource).list(**style.kwargs)
        with pytest.raises(sdk.InternalServerError, match="boom"):
            for item in page:
                seen.append(style.read(item))
    assert seen == ["a", "b", "c", "d"] and len(scripted_server.requests) == 3


@pytest.mark.parametrize("name", ["cursor", "offset", "page", "link", "declared"])
def test_an_empty_page_ends_the_list(sdk: ModuleType, scripted_server: ScriptedServer, name: str) -> None:
    style = STYLES[name]
    # Each page says there is more, but the second has no items: iteration stops there.
    empty = style.page(scripted_server, [], 1, False)
    scripted_server.script(style.page(scripted_server, ["a"], 0, False), empty, empty)
    with client(sdk, scripted_server) as c:
        page = getattr(c, style.resource).list(**style.kwargs)
        assert [style.read(x) for x in page] == ["a"]
        assert page.has_next_page()
        empty = page.next_page()
        assert empty.data == [] and not empty.has_next_page()
    assert len(scripted_server.requests) == 3  # iteration (2) and next_page() (1)


def test_a_single_last_page(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    script(scripted_server, STYLES["cursor"], [["a", "b"]])
    with client(sdk, scripted_server) as c:
        page = c.pets.list()
        assert [p.id for p in page] == ["a", "b"]
        assert not page.has_next_page()
        with pytest.raises(sdk.APIError, match="no next page"):
            page.next_page()
    assert len(scripted_server.requests) == 1


def test_page_fields_data_and_next_page(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    script(scripted_server, STYLES["cursor"], PAGES[:2])
    with client(sdk, scripted_server) as c:
        first = c.pets.list(limit=2)
        assert [type(p) for p in first.data] == [sdk.Pet, sdk.Pet] and first.data[0].id == "a"
        assert first.has_more is True and first.object == "list"  # the page's own fields
        assert first.response.status_code == 200
        assert first.has_next_page()
        second = first.next_page()
        assert [p.id for p in second.data] == ["c", "d"] and second.has_more is False
        assert not second.has_next_page()
        assert [p.id for p in second] == ["c", "d"]  # iterating a later page starts there
        with pytest.raises(AttributeError, match="no attribute 'nope'"):
            first.nope  # noqa: B018
    assert [r.query for r in scripted_server.requests] == [[("limit", "2")], [("limit", "2"), ("after", "b")]]


def test_a_server_that_repeats_a_cursor_does_not_loop(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    token = Reply(json={"items": [{"name": "a"}], "next_page_token": "same"})
    scripted_server.script(token, token)
    with client(sdk, scripted_server) as c:
        assert [o.name for o in c.owners.list()] == ["a", "a"]
    assert len(scripted_server.requests) == 2


def test_pagination_turned_off_returns_the_model(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    scripted_server.script(Reply(json={"data": [{"id": "a", "name": "a"}], "has_more": True}))
    with client(sdk, scripted_server) as c:
        result = c.snapshots.list()
    assert not isinstance(result, sdk._pagination.SyncPage) and result.has_more is True


def test_raw_response_of_a_list_is_the_first_page(sdk: ModuleType, scripted_server: ScriptedServer) -> None:
    script(scripted_server, STYLES["cursor"], [["a"]])
    with client(sdk, scripted_server) as c:
        raw = c.pets.with_raw_response.list()
    assert raw.status_code == 200 and [p.id for p in raw.parse().data] == ["a"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('<https://x.test/a?page=2>; rel="next"', "https://x.test/a?page=2"),
        ('<https://x.test/1>; rel="prev", <https://x.test/3>; rel=next', "https://x.test/3"),
        ('<https://x.test/3>; title="a, b"; rel="last next"', "https://x.test/3"),
        ('<https://x.test/1>; rel="prev"', None),
        ("", None),
        (None, None),
    ],
)
def test_link_header_parsing(sdk: ModuleType, header: str | None, expected: str | None) -> None:
    assert sdk._pagination.next_link(header) == expected


def test_a_relative_next_link_resolves_against_the_request(
    sdk: ModuleType, scripted_server: ScriptedServer
) -> None:
    scripted_server.script(
        Reply(json=[{"day": "mon"}], headers={"Link": '</v1/visits?cursor=2>; rel="next"'}), Reply(json=[])
    )
    with client(sdk, scripted_server) as c:
        assert [v.day for v in c.visits.list()] == ["mon"]
    assert scripted_server.requests[1].path == "/v1/visits?cursor=2"


def test_user_code_over_pages_type_checks(sdk_dir: tuple[ModuleType, Path], tmp_path: Path) -> None:
    user = tmp_path / "user.py"
    user.write_text(
        "from pets import Pet, Pets, AsyncPets\n"
        "from pets._pagination import SyncPage, AsyncPage\n\n"
        "def names(client: Pets) -> list[str]:\n"
        "    page: SyncPage[Pet] = client.pets.list(limit=2)\n"
        "    first: list[Pet] = page.data\n"
        "    if page.has_next_page():\n"
        "        page = page.next_page()\n"
        "    return [p.name for p in page] + [p.id for p in first]\n\n"
        "async def anames(client: AsyncPets) -> list[str]:\n"
        "    page: AsyncPage[Pet] = await client.pets.list()\n"
        "    return [p.name async for p in page]\n\n"
        "def wrong(client: Pets) -> list[int]:\n"
        "    return [p.name for p in client.pets.list()]\n",
        encoding="utf-8",
    )
    mypy = Path(sys.executable).with_name("mypy")
    proc = subprocess.run(
        [str(mypy), "--strict", "--no-incremental", str(user)],
        cwd=sdk_dir[1],
        capture_output=True,
        text=True,
        env={"MYPYPATH": str(sdk_dir[1]), "PATH": "/usr/bin:/bin"},
    )
    errors = [line for line in proc.stdout.splitlines() if ": error:" in line]
    # Exactly the deliberate mistake: items are typed, so a str is not an int.
    wrong = user.read_text(encoding="utf-8").splitlines().index("def wrong(client: Pets) -> list[int]:") + 2
    assert len(errors) == 1 and f"user.py:{wrong}:" in errors[0] and "str" in errors[0], proc.stdout


# -- Prism --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("resource", ["pets", "owners", "toys", "vets", "visits", "treats"])
def test_every_style_against_prism(sdk: ModuleType, prism_pagination_url: str, resource: str) -> None:
    with sdk.Pets(base_url=prism_pagination_url, max_retries=0) as c:
        page = getattr(c, resource).list()
        assert isinstance(page, sdk._pagination.SyncPage)
        items = list(page)  # Prism answers every page alike: iteration must still end
        assert len(items) >= len(page.data) and all(type(x).__name__ in dir(sdk) for x in items)


def test_async_against_prism(sdk: ModuleType, prism_pagination_url: str) -> None:
    async def run() -> list[Any]:
        async with sdk.AsyncPets(base_url=prism_pagination_url, max_retries=0) as c:
            page = await c.pets.list(limit=3)
            return [p async for p in page]

    pets = asyncio.run(run())
    assert pets and all(isinstance(p, sdk.Pet) and isinstance(p.id, str) for p in pets)
