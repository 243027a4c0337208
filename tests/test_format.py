"""Batch formatting gives what formatting each file alone gives, and a broken file is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.format import FormatError, format_python, format_python_many

SOURCES = {
    "a.py": '"""A."""\nimport sys\nimport os\nx = {  "k" :1}\n',
    "pkg/b.py": "from .z import b\nfrom .a import a\ndef f( x ):\n  return x\n",
    "c.py": "y=[1,\n2]\n",
}


def test_many_equals_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OASGEN_CACHE_DIR", str(tmp_path / "one"))
    alone = {name: format_python(src, name) for name, src in SOURCES.items()}
    monkeypatch.setenv("OASGEN_CACHE_DIR", str(tmp_path / "many"))
    assert format_python_many(SOURCES) == alone
    assert alone["a.py"].index("import os") < alone["a.py"].index("import sys")  # imports sorted
    assert format_python_many(SOURCES) == alone  # now from the cache


def test_a_broken_file_in_a_batch_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OASGEN_CACHE_DIR", str(tmp_path))
    with pytest.raises(FormatError, match=r"generator bug: broken\.py is not valid Python"):
        format_python_many(SOURCES | {"broken.py": "def f(:\n    pass\n"})
