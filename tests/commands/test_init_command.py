"""`bounties init`: a repository that validates at once, whose every placeholder `validate
--strict` names, and whose `content_repository.public` is never guessed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_builder.cli import main

SETUPS = {
    "open": [],
    "private-intake": ["--intake-repo", "acme/reports"],
    "external": [
        "--platform-url",
        "https://hackerone.com/acme-ai",
        "--content-visibility",
        "private",
    ],
}
PLACEHOLDER = re.compile(r"TEMPLATE:|[@./]example\.org")  # markers and addresses


def init(tmp_path: Path, setup: str, *extra: str) -> Path:
    target = tmp_path / setup
    args = ["init", str(target), "--repo", "acme/bounties", "--setup", setup, *SETUPS[setup]]
    assert main([*args, *extra]) == 0
    return target


def placeholder_lines(target: Path) -> list[str]:
    """`programs/...:line` of every line with a TEMPLATE marker or an example.org address."""
    found = []
    for path in sorted((target / "programs").rglob("*.*")):
        for number, line in enumerate(path.read_text().splitlines(), start=1):
            if PLACEHOLDER.search(line):
                found.append(f"{path.relative_to(target)}:{number}:")
    return found


def validate(target: Path, *extra: str) -> int:
    return main(["validate", "--root", str(target), *extra])


@pytest.mark.parametrize("setup", SETUPS)
def test_strict_names_every_placeholder_of_a_new_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], setup: str
) -> None:
    target = init(tmp_path, setup, "--org", "Acme AI")
    assert validate(target) == 0
    capsys.readouterr()
    assert validate(target, "--strict") == 1
    out = capsys.readouterr().out
    lines = placeholder_lines(target)
    assert len(lines) >= 8
    for where in lines:
        assert where in out, f"{where} not reported"
    assert "programs/site.yml" in " ".join(lines)
    assert "'security@example.org' is a placeholder address" in out
    assert "(hint: replace with a monitored address before publishing)" in out
    assert "(hint: remove the TEMPLATE comment once you have filled this in)" in out


@pytest.mark.parametrize("setup", SETUPS)
def test_once_every_placeholder_is_replaced_strict_passes(tmp_path: Path, setup: str) -> None:
    target = init(tmp_path, setup, "--org", "Acme AI")
    for path in (target / "programs").rglob("*.*"):
        text = path.read_text()
        text = re.sub(r" *# TEMPLATE:.*", "", text)
        text = text.replace(" (TEMPLATE: edit or delete)", "").replace("TEMPLATE: ", "")
        path.write_text(text.replace("example.org", "acme.ai"))
    assert placeholder_lines(target) == []
    assert validate(target, "--strict") == 0


def test_the_readme_and_site_settings_say_strict_fails_until_replaced(tmp_path: Path) -> None:
    target = init(tmp_path, "open", "--org", "Acme AI")
    readme = (target / "README.md").read_text()
    assert "Replace the placeholders before anything else" in readme
    assert "`bounties validate --strict` names" in readme
    site = (target / "programs/site.yml").read_text()
    assert "`bounties validate --strict` lists those left and fails until none is" in site


@pytest.mark.parametrize(
    ("setup", "extra", "public", "note"),
    [
        ("open", [], "true", "set by `bounties init --setup open`"),
        ("private-intake", [], "false", "set by `bounties init --setup private-intake`"),
        ("external", [], "false", "as stated to `bounties init --content-visibility private`"),
    ],
)
def test_content_repository_public_is_derived_or_stated(
    tmp_path: Path, setup: str, extra: list[str], public: str, note: str
) -> None:
    site = (init(tmp_path, setup, *extra) / "programs/site.yml").read_text()
    assert f"  # {note}" in site
    assert f"\n  public: {public}\n" in site


def test_an_external_content_repository_may_be_public(tmp_path: Path) -> None:
    target = tmp_path / "ext"
    args = ["init", str(target), "--setup", "external", "--platform-url", "https://x.ai/report"]
    assert main([*args, "--content-visibility", "public"]) == 0
    assert "\n  public: true\n" in (target / "programs/site.yml").read_text()
    assert validate(target) == 0


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            ["--setup", "external", "--platform-url", "https://x.ai/r"],
            "--setup external needs --content-visibility public|private: can anyone read "
            "acme/bounties?",
        ),
        (["--content-visibility", "private"], "--setup open is one public repository"),
        (
            ["--setup", "private-intake", "--content-visibility", "public"],
            "it must be private",
        ),
    ],
)
def test_a_visibility_that_contradicts_the_setup_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    assert main(["init", str(tmp_path / "x"), "--repo", "acme/bounties", *extra]) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_public_false_is_an_error_once_the_open_repository_takes_issues(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = init(tmp_path, "open")
    site = target / "programs/site.yml"
    site.write_text(site.read_text().replace("public: true", "public: false"))
    assert validate(target) == 0  # only drafts so far
    program = target / "programs/example-program/program.yml"
    program.write_text(program.read_text().replace("status: draft", "status: open"))
    capsys.readouterr()
    assert validate(target) == 1
    assert (
        "error: content_repository.public: this content repository is acme/bounties, where "
        "program example-program takes public issues: anyone can read it, so public must be true"
    ) in capsys.readouterr().out


def test_without_an_organization_its_name_is_a_placeholder(tmp_path: Path) -> None:
    target = tmp_path / "anon"
    assert main(["init", str(target)]) == 0
    site = (target / "programs/site.yml").read_text()
    assert (
        'title: "Your organization AI-safety bounties"  # TEMPLATE: your organization\'s name'
    ) in site
    program = (target / "programs/example-program/program.yml").read_text()
    assert 'name: "Your organization"   # TEMPLATE: who runs the program' in program


def test_a_named_organization_is_no_placeholder(tmp_path: Path) -> None:
    target = init(tmp_path, "open", "--org", "Acme AI")
    assert "TEMPLATE: your organization" not in (target / "programs/site.yml").read_text()
    program = (target / "programs/example-program/program.yml").read_text()
    assert 'name: "Acme AI"\n' in program
