"""The docs by resource: nested navigation and index sections; "How to iterate" on paged lists."""

from __future__ import annotations

from pathlib import Path

import yaml
from docs_helpers import REPO, write_docs

SPECS = REPO / "tests" / "fixtures" / "specs"


def test_navigation_nests_by_resource(tmp_path: Path) -> None:
    files = write_docs(SPECS / "resources.yaml", tmp_path)
    nav = yaml.safe_load(files["mkdocs.yml"])["nav"]
    operations = next(entry["Operations"] for entry in nav if "Operations" in entry)
    threads = next(e["threads"] for e in operations if "threads" in e)
    assert {"Create a thread": "operations/threads-create.md"} in threads
    messages = next(e["messages"] for e in threads if isinstance(e, dict) and "messages" in e)
    assert {"Retrieve a message": "operations/threads-messages-retrieve.md"} in messages
    chatkit = next(e["chatkit"] for e in operations if "chatkit" in e)
    assert chatkit == [
        {
            "threads": [
                {
                    "List ChatKit threads (not the same resource as /threads)": (
                        "operations/chatkit-threads-list.md"
                    )
                }
            ]
        }
    ]
    index = files["reference/index.md"]
    sections = [line for line in index.split("\n") if line.startswith("### ")]
    assert sections[:3] == ["### `threads`", "### `threads.messages`", "### `threads.runs`"]
    assert "### `chatkit.threads`" in sections and "### `chatkit`" not in sections  # no empty sections
    assert "`client.threads.messages.retrieve(thread_id, message_id)`" in index
    assert "`client.Threads.Messages.Get(ctx, threadID, messageID)`" in index


def test_paged_lists_say_how_to_iterate(tmp_path: Path) -> None:
    files = write_docs(SPECS / "pagination.yaml", tmp_path)
    pets = files["reference/operations/pets-list.md"]
    assert "## How to iterate" in pets
    assert "sends the `id` of its last item as `after`" in pets and "`has_more` is false" in pets
    assert "for pet in client.pets.list():" in pets
    assert "range client.Pets.ListAutoPaging(ctx, " in pets
    visits = files["reference/operations/visits-list.md"]
    assert "`Link` response header" in visits
    owners = files["reference/operations/owners-list.md"]
    assert "sends its `next_page_token` as `page_token`" in owners
    assert "## How to iterate" not in files["reference/operations/snapshots-list.md"]  # turned off
    chatkit = write_docs(REPO / "spec" / "chatkit.yaml", tmp_path / "chatkit")
    assert not [p for p, text in chatkit.items() if "## How to iterate" in text]
