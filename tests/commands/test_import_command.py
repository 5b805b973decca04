"""`bounties import PROGRAM FILE`: our JSON/CSV layout and HackerOne's JSON into finding files
that validate, every bad record an error at its position, nothing written on any error, with
`--dry-run`, or over an existing file without `--update`; and only what may be published is."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from site_builder.cli import main
from site_builder.site.generate import generate_site
from tests.conftest import AS_OF, FIXTURES, REPO_ROOT, Tree

IMPORTS = FIXTURES / "imports"
HEADER = "id,title,severity,category,status,submitted"


def run(capsys: pytest.CaptureFixture[str], tree: Tree, *args: str) -> tuple[int, str]:
    code = main(["import", *args, "--root", str(tree.root)])
    return code, capsys.readouterr().err


def snapshot(tree: Tree) -> dict[str, str]:
    return {
        str(path.relative_to(tree.root)): path.read_text(encoding="utf-8")
        for path in sorted(tree.root.rglob("*"))
        if path.is_file()
    }


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def write_json(tmp_path: Path, data: Any, name: str = "input.json") -> str:
    return write(tmp_path, name, json.dumps(data))


def add_non_disclosure_program(tree: Tree) -> None:
    """Program `hush`: demo's twin under the non-disclosure policy, taking reports by mail."""
    program = tree.read("demo/program.yml").replace("coordinated", "secret")
    channel = "submit:\n  channel: external\n  url: mailto:reports@demo.test\n"
    tree.write("hush/program.yml", program + channel + "  instructions: Mail us the report.\n")
    assert tree.errors() == []


def public_pages(tree: Tree) -> dict[str, str]:
    content, problems = tree.validate()
    assert [p for p in problems if p.is_error] == []
    pages, _ = generate_site(content, AS_OF)
    return {page.src_uri: page.body for page in pages}


@pytest.mark.parametrize("name", ["findings.csv", "findings.json"])
def test_our_layout_imports_and_validates(
    tree: Tree, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, err = run(capsys, tree, "demo", str(IMPORTS / name))
    assert code == 0, err
    assert "created programs/demo/findings/PORTAL-7.md" in err
    assert "2 created" in err
    content, problems = tree.validate()
    assert problems == []
    by_id = {f.id: f.finding for f in content.findings}
    assert (by_id["PORTAL-7"].status, by_id["PORTAL-7"].reward) == ("fixed", 4000)
    assert by_id["PORTAL-7"].hunters == ["alice"]
    assert (by_id["PORTAL-8"].status, by_id["PORTAL-8"].disclose_on) == ("triaged", None)


def test_csv_and_json_give_the_same_files(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, tree, "demo", str(IMPORTS / "findings.csv"))[0] == 0
    from_csv = snapshot(tree)
    code, err = run(capsys, tree, "demo", str(IMPORTS / "findings.json"), "--update")
    assert (code, "2 unchanged" in err) == (0, True), err
    assert snapshot(tree) == from_csv


def test_the_documented_examples_are_the_fixtures() -> None:
    doc = (REPO_ROOT / "docs" / "import.md").read_text(encoding="utf-8")
    for name, fence in (("findings.csv", "csv"), ("findings.json", "json")):
        example = (IMPORTS / name).read_text(encoding="utf-8")
        assert f"```{fence}\n{example}```" in doc, f"docs/import.md must show {name} verbatim"


def test_only_findings_due_and_allowed_are_published(
    tree: Tree, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add_non_disclosure_program(tree)
    record = {
        "title": "Persona jailbreak",
        "severity": "high",
        "category": "jailbreak",
        "status": "fixed",
        "submitted": "2026-03-02",
        "accepted": "2026-03-09",
        "fixed": "2026-04-01",
        "summary": "A public summary.",
        "details": "SECRET-PROMPT-TEXT",
    }
    due = {**record, "id": "EXT-1", "disclose_on": "2026-06-07"}
    later = {**record, "id": "EXT-2", "disclose_on": "2027-06-07"}
    private = {**record, "id": "EXT-3"}
    assert run(capsys, tree, "demo", write_json(tmp_path, [due, later, private]))[0] == 0
    hushed = {**record, "id": "EXT-4"}
    assert run(capsys, tree, "hush", write_json(tmp_path, [hushed]))[0] == 0
    pages = public_pages(tree)
    assert "findings/EXT-1.md" in pages
    assert "A public summary." in pages["findings/EXT-1.md"]
    assert not {"findings/EXT-2.md", "findings/EXT-3.md", "findings/EXT-4.md"} & set(pages)
    assert not any("SECRET-PROMPT-TEXT" in body for body in pages.values())


def test_a_non_disclosure_program_refuses_a_disclosure_date(
    tree: Tree, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    add_non_disclosure_program(tree)
    line = "EXT-5,Persona,high,jailbreak,fixed,2026-03-02,2026-03-09,2026-04-01,2026-06-07"
    text = f"{HEADER},accepted,fixed,disclose_on\n{line}\n"
    before = snapshot(tree)
    code, err = run(capsys, tree, "hush", write(tmp_path, "in.csv", text))
    assert code == 1
    assert (
        "in.csv: line 2: error: EXT-5: disclose_on: disclose_on is set but the program's policy "
        "is non-disclosure" in err
    )
    assert snapshot(tree) == before


def test_hackerone_fixtures_import_private_and_redacted(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("hackerone-report.json", "hackerone-report-with-bounty.json"):
        code, err = run(capsys, tree, "demo", str(IMPORTS / name))
        assert code == 0, err
    content, problems = tree.validate()
    assert [p for p in problems if p.is_error] == []
    imported = {f.id: f for f in content.findings if f.id.startswith("H1-")}
    assert set(imported) == {"H1-1297733", "H1-1295856"}
    assert all(f.finding.disclose_on is None for f in imported.values())
    pages = public_pages(tree)
    assert not any(uri.startswith("findings/H1-") for uri in pages)
    assert not any("isSecure" in body for body in pages.values())


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "X-1,Ok,urgent,jailbreak,new,2026-02-01",
            "bad.csv: line 2: error: X-1: severity: 'urgent' is not a rating of this program's "
            "severity scale (hint: use one of: critical, high, medium, low)",
        ),
        (
            "X-1,Ok,low,jailbreak,new,2026-02-30",
            "bad.csv: line 2: error: X-1: submitted: '2026-02-30' is not a date in the form "
            "YYYY-MM-DD",
        ),
        (
            "X-1,,low,jailbreak,new,2026-02-01",
            "bad.csv: line 2: error: X-1: title: missing required key 'title'",
        ),
        (
            "X-1,Ok,low,jailbreak,new,2026-02-01\nX-1,Again,low,jailbreak,new,2026-02-02",
            "bad.csv: line 3: error: X-1: id: id X-1 is also at line 2",
        ),
        (
            "DEMO-1,Ok,low,jailbreak,new,2026-02-01",
            "bad.csv: line 2: error: DEMO-1: id: programs/demo/findings/DEMO-1.md already exists "
            "(hint: pass --update",
        ),
        (
            "CLUB-1,Ok,low,jailbreak,new,2026-02-01",
            "bad.csv: line 2: error: CLUB-1: id: id CLUB-1 is already used by "
            "programs/club/findings/CLUB-1.md",
        ),
        (
            "../x,Ok,low,jailbreak,new,2026-02-01",
            "bad.csv: line 2: error: id: '../x' is not a valid finding id",
        ),
        (
            "X-1,Ok,low,jailbreak,accepted,2026-02-01",
            "bad.csv: line 2: error: X-1: status: status accepted needs the date 'accepted'",
        ),
    ],
)
def test_bad_csv_records_are_errors_at_their_line(
    tree: Tree, capsys: pytest.CaptureFixture[str], tmp_path: Path, rows: str, expected: str
) -> None:
    before = snapshot(tree)
    good = "OK-1,Fine,low,jailbreak,new,2026-02-01"
    code, err = run(capsys, tree, "demo", write(tmp_path, "bad.csv", f"{HEADER}\n{rows}\n{good}\n"))
    assert code == 1
    assert expected in err
    assert "nothing was written" in err
    assert "Traceback" not in err
    assert snapshot(tree) == before


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id,title,severity\nX,Y,low\n",
            "line 1: error: missing columns: category, status, submitted",
        ),
        (f"{HEADER},sevrity\n", "line 1: error: unknown column 'sevrity' (hint: did you mean"),
        ("", "line 1: error: the file is empty; it needs a header row"),
        (
            f"{HEADER}\nX,Y,low,other,new,2026-01-01,extra\n",
            "line 2: error: the row has more cells",
        ),
    ],
)
def test_bad_csv_files_are_errors(
    tree: Tree, capsys: pytest.CaptureFixture[str], tmp_path: Path, text: str, expected: str
) -> None:
    code, err = run(capsys, tree, "demo", write(tmp_path, "in.csv", text))
    assert (code, f"in.csv: {expected}" in err) == (1, True), err


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ([{"id": "A-1", "titel": "x"}], "[0]: error: A-1: unknown key 'titel' (hint: did you mean"),
        ({"findings": [{"title": "x"}]}, "findings[0]: error: id: no id"),
        ({"findings": ["x"]}, "findings[0]: error: expected an object of keys and values"),
        ({"items": []}, 'file: error: expected a list of findings, or {"findings": [...]}'),
        (
            [{"id": "A-1", "summary": 5}],
            "[0]: error: A-1: summary: expected text",
        ),
    ],
)
def test_bad_json_records_are_errors_at_their_index(
    tree: Tree, capsys: pytest.CaptureFixture[str], tmp_path: Path, data: Any, expected: str
) -> None:
    code, err = run(capsys, tree, "demo", write_json(tmp_path, data), "--format", "json")
    assert (code, f"input.json: {expected}" in err) == (1, True), err


def test_malformed_json_is_an_error_at_its_line(
    tree: Tree, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = run(capsys, tree, "demo", write(tmp_path, "in.json", '[\n{"id": "A-1",\n'))
    assert code == 1
    assert re.search(r"in.json: line 3, column \d+: error: not valid JSON", err), err


def test_a_wrong_currency_is_an_error(
    tree: Tree, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = json.loads((IMPORTS / "hackerone-report-with-bounty.json").read_text(encoding="utf-8"))
    data["data"][0]["relationships"]["bounties"]["data"][0]["attributes"]["awarded_currency"] = (
        "EUR"
    )
    before = snapshot(tree)
    code, err = run(capsys, tree, "demo", write_json(tmp_path, data))
    assert code == 1
    assert (
        "input.json: data[0]: error: H1-1295856: reward: bounty 331781 was paid in EUR; "
        "program demo pays in USD" in err
    )
    assert snapshot(tree) == before


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("nope", "in.csv"), "no program 'nope' under"),
        (("demo", "missing.csv"), "no file "),
        (("demo", "in.csv", "--format", "xml"), "invalid choice: 'xml'"),
    ],
)
def test_usage_errors_exit_2(
    tree: Tree,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    args: tuple[str, ...],
    expected: str,
) -> None:
    write(tmp_path, "in.csv", f"{HEADER}\n")
    paths = [str(tmp_path / a) if a.endswith(".csv") else a for a in args]
    code, err = run(capsys, tree, *paths)
    assert (code, expected in err) == (2, True), err
    if args[0] == "nope":
        assert "(known: club, demo)" in err


def test_dry_run_writes_nothing(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(tree)
    code, err = run(capsys, tree, "demo", str(IMPORTS / "findings.csv"), "--dry-run")
    assert code == 0, err
    assert "would create programs/demo/findings/PORTAL-7.md" in err
    assert "dry run: 2 would create; nothing written" in err
    assert snapshot(tree) == before


def test_dry_run_reports_what_would_not_validate(
    tree: Tree, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write(
        tmp_path, "in.csv", f"{HEADER},hunters\nX-1,Ok,low,jailbreak,new,2026-02-01,carol\n"
    )
    code, err = run(capsys, tree, "demo", path, "--dry-run")
    assert code == 1
    assert "in.csv: line 2: error: X-1: hunters[0]: no hunter 'carol'" in err


def test_no_overwrite_without_update(
    tree: Tree, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, tree, "demo", str(IMPORTS / "findings.csv"))[0] == 0
    tree.append("demo/findings/PORTAL-8.md", "\nA local note.\n")
    edited = snapshot(tree)
    code, err = run(capsys, tree, "demo", str(IMPORTS / "findings.csv"))
    assert code == 1
    assert "programs/demo/findings/PORTAL-8.md already exists" in err
    assert snapshot(tree) == edited
    code, err = run(capsys, tree, "demo", str(IMPORTS / "findings.csv"), "--update")
    assert code == 0, err
    assert "unchanged programs/demo/findings/PORTAL-7.md" in err
    assert "updated programs/demo/findings/PORTAL-8.md" in err
    assert "A local note." not in tree.read("demo/findings/PORTAL-8.md")


def test_an_import_into_a_public_content_repository_is_refused(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    tree.replace("site.yml", "public: false", "public: true")
    shutil.rmtree(tree.path("club"))
    tree.path("demo/findings/DEMO-3.md").unlink()
    before = snapshot(tree)
    code, err = run(capsys, tree, "demo", str(IMPORTS / "hackerone-report.json"))
    assert code == 1
    assert "H1-1297733: disclose_on: this content repository is public" in err
    assert snapshot(tree) == before


def test_invalid_content_is_refused_before_reading(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    tree.replace("demo/findings/DEMO-1.md", "severity: high", "severity: hihg")
    code, err = run(capsys, tree, "demo", str(IMPORTS / "findings.csv"))
    assert code == 1
    assert "the content has errors; fix them first" in err
