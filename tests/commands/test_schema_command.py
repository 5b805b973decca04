"""`bounties schema` and `bounties reference`: the committed files are current."""

import json
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.content.schemas import CONTENT_TYPES
from tests.conftest import REPO_ROOT


def test_committed_schemas_are_current(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        [
            "schema",
            "--check",
            "--out",
            str(REPO_ROOT / "schemas"),
            "--submission-out",
            str(REPO_ROOT / "submissions_schema"),
        ]
    )
    assert code == 0, "schemas/ is stale: run `bounties schema`\n" + capsys.readouterr().err


def test_schema_writes_then_check_detects_staleness(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["schema", "--out", str(tmp_path), "--submission-out", str(tmp_path / "s")]) == 0
    assert (tmp_path / "s" / "submission.schema.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == sorted(
        f"{name}.schema.json" for name in CONTENT_TYPES
    )
    program = json.loads((tmp_path / "program.schema.json").read_text())
    assert program["additionalProperties"] is False
    assert "severity" in json.loads((tmp_path / "finding.schema.json").read_text())["required"]
    (tmp_path / "program.schema.json").write_text("{}")
    assert (
        main(["schema", "--check", "--out", str(tmp_path), "--submission-out", str(tmp_path / "s")])
        == 1
    )
    assert "program.schema.json: stale" in capsys.readouterr().err


def test_committed_reference_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    out = REPO_ROOT / "docs" / "content-reference.md"
    code = main(["reference", "--check", "--out", str(out)])
    assert code == 0, "docs/content-reference.md is stale: run `bounties reference`"


def test_reference_documents_every_field() -> None:
    from site_builder.content.reference import reference_markdown

    text = reference_markdown()
    for model in CONTENT_TYPES.values():
        for name in model.model_fields:
            assert f"`{name}`" in text or f".{name}`" in text, name
    assert "| `jailbreak` |" in text
