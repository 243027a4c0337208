"""Go files per resource: which file each declaration goes in, file names, the line budget."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

from test_go import GO_BIN, MODULE, run

from generator.pipeline import generate
from generator.targets.go.layout import Stems, chunk_names, pack, resource_stem

SPEC = textwrap.dedent("""\
    openapi: 3.1.0
    info: {title: Layout, version: "1"}
    paths:
      /threads:
        post:
          operationId: createThread
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {$ref: "#/components/schemas/Thread"}}}
      /threads/{thread_id}/messages:
        get:
          operationId: listMessages
          parameters:
            - {name: thread_id, in: path, required: true, schema: {type: string}}
            - {name: order, in: query, schema: {type: string, enum: [asc, desc]}}
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema: {type: array, items: {$ref: "#/components/schemas/Message"}}
      /threads/{thread_id}/runs:
        get:
          operationId: listRuns
          parameters:
            - {name: thread_id, in: path, required: true, schema: {type: string}}
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {$ref: "#/components/schemas/Owner"}}}
      /errors:
        get:
          operationId: listErrors
          responses:
            "200":
              description: ok
              content: {application/json: {schema: {$ref: "#/components/schemas/Owner"}}}
    components:
      schemas:
        Thread:
          type: object
          required: [id, owner]
          properties:
            id: {type: string}
            owner: {$ref: "#/components/schemas/Owner"}
        Message:
          type: object
          required: [status, author]
          properties:
            status: {type: string, enum: [new, read]}
            author: {$ref: "#/components/schemas/Author"}
        Author:
          type: object
          properties:
            name: {type: string}
        Owner:
          type: object
          properties:
            name: {type: string}
        Unused:
          type: object
          properties:
            x: {type: integer}
    """)


def declared(files: dict[str, str]) -> dict[str, str]:
    """Go type name -> the file declaring it."""
    return {
        name: rel
        for rel, text in files.items()
        if rel.endswith(".go")
        for name in re.findall(r"^type (\w+) ", text, re.M)
    }


def test_files_follow_the_resource_tree(tmp_path: Path) -> None:
    spec = tmp_path / "layout.yaml"
    spec.write_text(SPEC)
    files = generate(spec, ["go"], {"go": {"module": MODULE}}).files["go"]
    where = declared(files)
    # A resource's service is in its own file; a sub-resource's too.
    assert where["ThreadService"] == "threads.go" and where["ThreadMessageService"] == "threadsmessages.go"
    assert where["ThreadRunService"] == "threadsruns.go"
    # errors.go is the runtime's: the resource named errors takes the next free stem.
    assert where["ErrorService"] == "errors2.go" and "type Error struct" in files["errors.go"]
    assert "errors2_test.go" in files and "func TestErrorsList(" in files["errors2_test.go"]
    # Types used by one resource (and its sub-resources) go beside it; an inline enum goes
    # with the model or operation it is found in; shared and unused types go in models.go.
    assert where["Thread"] == "threads_models.go"
    assert where["Message"] == where["MessageStatus"] == where["Author"] == "threadsmessages_models.go"
    assert where["ThreadMessageListOrder"] == "threadsmessages_models.go"
    assert where["Owner"] == where["Unused"] == "models.go"
    assert "func TestModelMessageRoundTrip(" in files["threadsmessages_models_test.go"]
    assert "func TestModelOwnerRoundTrip(" in files["models_test.go"]
    assert "func TestThreadsMessagesList(" in files["threadsmessages_test.go"]
    # Every file's imports are exactly what it uses (go vet fails on an unused one).
    out = tmp_path / "go"
    for rel, text in files.items():
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        (out / rel).write_text(text)
    run([GO_BIN, "vet", "./..."], out)
    run([GO_BIN, "test", "-count=1", "-run", "^Test(Model|Enum|Threads|Errors)", "./..."], out)


def test_file_names_and_the_line_budget() -> None:
    assert resource_stem("threads.messages") == "threadsmessages"
    assert resource_stem("vector_stores.file_batches") == "vectorstoresfilebatches"
    assert resource_stem("élan.__") == "lan" and resource_stem("..") == "api"
    stems = Stems({"errors", "client_test".removesuffix("_test")})
    assert [stems.of(g) for g in ("errors", "client", "a.b", "ab", "a.b")] == [
        "errors2",
        "client2",
        "ab",
        "ab2",
        "ab",
    ]
    assert [Stems(set()).of(g) for g in ("fuzz", "models", "config")] == ["fuzz2", "models2", "config2"]
    assert pack([3, 3, 3, 9, 1], budget=6) == [[0, 1], [2], [3], [4]]
    assert pack([], budget=6) == []
    assert chunk_names("models", 3) == ["models", "models_2", "models_3"]
