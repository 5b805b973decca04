"""`bounties new finding PROGRAM`: a private finding that validates as written, numbered after
the program's own series, or a usage error that names what is known."""

import shutil
from datetime import date

import pytest

from site_builder.cli import main
from site_builder.content.scaffold import next_finding_id
from site_builder.site.generate import generate_site
from tests.conftest import AS_OF, Tree


def run(capsys: pytest.CaptureFixture[str], tree: Tree, *args: str) -> tuple[int, str]:
    code = main(["new", "finding", *args, "--root", str(tree.root)])
    return code, capsys.readouterr().err


def test_the_scaffold_validates_and_stays_private(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(capsys, tree, "demo")
    assert code == 0, err
    assert f"created {tree.path('demo/findings/DEMO-4.md')}" in err
    assert main(["validate", "--root", str(tree.root)]) == 0
    content, problems = tree.validate()
    assert [p for p in problems if "TEMPLATE" not in p.message] == []  # its lines to fill in
    [finding] = [f.finding for f in content.findings if f.id == "DEMO-4"]
    assert (finding.status, finding.submitted, finding.disclose_on) == ("new", AS_OF, None)
    assert (finding.severity, finding.category, finding.hunters) == ("low", "other", [])
    pages, _ = generate_site(content, AS_OF)
    assert "findings/DEMO-4.md" not in {page.src_uri for page in pages}
    assert not any("TEMPLATE" in page.body for page in pages)


def test_the_write_up_skeleton_is_marked_and_its_details_redacted(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, tree, "demo")[0] == 0
    text = tree.read("demo/findings/DEMO-4.md")
    assert text.count("TEMPLATE") >= 5
    assert "::: redacted Reproduction details\nTEMPLATE:" in text
    assert "disclose_on: " not in text.replace("# disclose_on: ", "")


def test_as_of_id_and_title_are_taken(tree: Tree, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = run(
        capsys,
        tree,
        "demo",
        "--id",
        "MAIL-1",
        "--title",
        'A "quoted" title',
        "--as-of",
        "2026-10-02",
    )
    assert code == 0, err
    content, problems = tree.validate()
    assert [p for p in problems if "TEMPLATE" not in p.message] == []  # its lines to fill in
    [finding] = [f.finding for f in content.findings if f.id == "MAIL-1"]
    assert (finding.title, finding.submitted) == ('A "quoted" title', date(2026, 10, 2))


def test_an_invite_only_program_needs_its_invited_hunters(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(capsys, tree, "club")
    assert code == 2
    assert "only invited or approved hunters may submit to program club: name them" in err
    assert "(invited on 2026-11-23: alice)" in err
    code, err = run(capsys, tree, "club", "--hunter", "alice")
    assert code == 0, err
    content, problems = tree.validate()
    assert [p for p in problems if "TEMPLATE" not in p.message] == []  # its lines to fill in
    [finding] = [f.finding for f in content.findings if f.id == "CLUB-2"]
    assert (finding.severity, finding.hunters) == ("high", ["alice"])  # club has a high tier only


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nope",), "no program 'nope' under"),
        (("nope",), "(known: club, demo)"),
        (("demo", "--id", "DEMO-1"), "finding DEMO-1 already exists"),
        (("demo", "--id", "CLUB-1"), "finding CLUB-1 already exists"),  # ids are site-wide
        (("demo", "--id", "../x"), "'../x' is not a valid finding id"),
        (("demo", "--hunter", "carol"), "no hunter profile for carol"),
        (("demo", "--hunter", "carol"), "(known: alice, bob)"),
        (("demo", "--name", "X"), "--name is an option of `new program`"),
    ],
)
def test_refusals_are_usage_errors(
    tree: Tree, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    before = sorted(tree.path("demo/findings").iterdir())
    code, err = run(capsys, tree, *args)
    assert (code, message in err) == (2, True), err
    assert "Traceback" not in err
    assert sorted(tree.path("demo/findings").iterdir()) == before


def test_program_options_are_refused_for_a_finding_and_back(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["new", "program", "x", "--title", "T", "--root", str(tree.root)]) == 2
    assert "--title is an option of `new finding`" in capsys.readouterr().err


def test_a_public_content_repository_refuses_it(
    tree: Tree, capsys: pytest.CaptureFixture[str]
) -> None:
    tree.replace("site.yml", "public: false", "public: true")
    shutil.rmtree(tree.path("club"))  # nothing private may be stored in a public repository
    tree.path("demo/findings/DEMO-3.md").unlink()
    assert tree.errors() == []
    code, err = run(capsys, tree, "demo")
    assert code == 1
    assert "this content repository is public" in err
    assert "was not written" in err
    assert not tree.path("demo/findings/DEMO-4.md").exists()


@pytest.mark.parametrize(
    ("findings", "expected"),
    [
        ([], "DEMO-1"),
        ([("DEMO-1", "2026-01-01"), ("DEMO-2", "2026-01-02")], "DEMO-3"),
        ([("PNL-2025-009", "2025-12-01"), ("PNL-2026-002", "2026-02-01")], "PNL-2026-003"),
        ([("PNL-2026-002", "2026-02-01"), ("PNL-2025-009", "2025-12-01")], "PNL-2026-003"),
        ([("DEMO-9", "2026-01-01"), ("DEMO-10", "2026-01-02")], "DEMO-11"),
        ([("DEMO-3", "2026-01-01"), ("H1-1297733", "2026-05-01")], "DEMO-4"),  # imported ids
        ([("H1-1297733", "2026-05-01")], "DEMO-1"),
        ([("first", "2026-01-01")], "DEMO-1"),  # no number: no series
    ],
)
def test_the_next_id_continues_the_programs_own_series(
    findings: list[tuple[str, str]], expected: str
) -> None:
    program = [(fid, date.fromisoformat(day)) for fid, day in findings]
    taken = {fid for fid, _ in findings}
    assert next_finding_id(program, taken, "demo", ("H1-",)) == expected


def test_the_next_id_skips_ids_taken_by_other_programs() -> None:
    program = [("X-1", date(2026, 1, 1))]
    assert next_finding_id(program, {"X-1", "X-2", "X-3"}, "x", ()) == "X-4"
    assert next_finding_id([("X-01", date(2026, 1, 1))], {"X-01"}, "x", ()) == "X-02"
