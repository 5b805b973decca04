"""A lab starts its own bounty site: `bounties init`, then validate and build, including from
the built wheel in a fresh virtual environment that cannot see this source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from site_builder.cli import main
from site_builder.mkdocs_build import build_site
from tests.conftest import AS_OF, REPO_ROOT


def test_init_gives_a_repository_that_validates_and_builds(tmp_path: Path) -> None:
    target = tmp_path / "acme"
    assert main(["init", str(target), "--org", "Acme AI", "--repo", "acme/bounties"]) == 0
    for path in (
        "mkdocs.yml",
        "README.md",
        ".gitignore",
        "programs/site.yml",
        "programs/_policies/coordinated-90.yml",
        "programs/example-program/program.yml",
        "programs/example-program/rules.md",
        ".github/ISSUE_TEMPLATE/config.yml",
        ".github/workflows/site.yml",
        ".github/workflows/bot.yml",
        "schemas/program.schema.json",
        "site_docs/README.md",
    ):
        assert (target / path).is_file(), path
    assert "TEMPLATE" in (target / "programs/_policies/coordinated-90.yml").read_text()
    assert "https://acme.github.io/bounties/" in (target / "programs/site.yml").read_text()
    assert main(["validate", "--root", str(target)]) == 0
    # Until the TEMPLATE values and example.org addresses are replaced (tests/commands/).
    assert main(["validate", "--root", str(target), "--strict"]) == 1
    build_site(target / "mkdocs.yml", target, target / "site", AS_OF, verbose=False)
    assert (target / "site" / "assets" / "bounties.css").is_file()  # the packaged theme
    assert "Acme AI AI-safety bounties" in (target / "site" / "index.html").read_text()


def test_init_refuses_a_non_empty_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    assert main(["init", str(tmp_path)]) == 2
    assert "is not empty" in capsys.readouterr().err
    assert main(["init", str(tmp_path), "--force"]) == 0
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_init_checks_its_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "x"), "--repo", "not a repo"]) == 2
    assert "is not OWNER/NAME" in capsys.readouterr().err


def test_packaged_workflows_are_this_repositorys_with_a_pinned_install() -> None:
    from site_builder import __version__

    for name in ("bot.yml", "site.yml"):
        ours = (REPO_ROOT / ".github" / "workflows" / name).read_text()
        packaged = (REPO_ROOT / "site_builder" / "skeleton" / "workflows" / name).read_text()
        assert packaged.replace('"ai-safety-bounties==__VERSION__"', ".") == ours
    assert __version__


@pytest.mark.skipif(
    os.environ.get("BOUNTIES_SKIP_WHEEL_TEST") == "1", reason="BOUNTIES_SKIP_WHEEL_TEST=1"
)
def test_from_the_wheel_in_a_fresh_environment(tmp_path: Path) -> None:
    """Build the wheel, install it in a new venv, init/validate/build far from the source."""
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(REPO_ROOT)],
        check=True,
        capture_output=True,
    )
    [wheel] = list(dist.glob("*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True, timeout=900)
    bounties = str(venv / "bin" / "bounties")
    work = tmp_path / "elsewhere"
    work.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    started = time.perf_counter()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [bounties, *args],
            cwd=work / "lab" if args[0] != "init" else work,
            capture_output=True,
            text=True,
            env=env,
            timeout=600,
        )

    assert run("init", "lab", "--org", "Lab", "--repo", "lab/bounties").returncode == 0
    assert run("validate").returncode == 0
    built = run("build")
    assert built.returncode == 0, built.stderr
    assert (work / "lab" / "site" / "index.html").is_file()
    assert (work / "lab" / "site" / "pagefind").is_dir()
    print(
        f"wheel {wheel.stat().st_size / 1024:.0f} KB; init to built site "
        f"{time.perf_counter() - started:.1f} s"
    )


def _init(tmp_path: Path, setup: str, *extra: str) -> Path:
    target = tmp_path / setup
    args = ["init", str(target), "--org", "Acme AI", "--repo", "acme/bounties", "--setup", setup]
    assert main([*args, *extra]) == 0
    assert main(["validate", "--root", str(target)]) == 0
    return target


def _open_program(target: Path, slug: str) -> None:
    path = target / "programs" / slug / "program.yml"
    text = path.read_text()
    assert "status: draft" in text
    path.write_text(text.replace("status: draft", "status: open", 1))


def test_open_setup_is_one_public_repository(tmp_path: Path) -> None:
    target = _init(tmp_path, "open")
    assert "public: true" in (target / "programs/site.yml").read_text()
    assert (target / ".github/workflows/bot.yml").is_file()
    assert not (target / "intake").exists()
    assert "Your set-up: open collective" in (target / "README.md").read_text()


def test_private_intake_setup_writes_the_intake_repositorys_files(tmp_path: Path) -> None:
    target = _init(tmp_path, "private-intake", "--intake-repo", "acme/reports")
    assert "public: false" in (target / "programs/site.yml").read_text()
    program = (target / "programs/invited-program/program.yml").read_text()
    assert "channel: private-issues" in program and "repository: acme/reports" in program
    assert (target / "programs/invited-program/invitations.yml").is_file()
    assert "acme/reports" in (target / "intake/README.md").read_text()
    _open_program(target, "invited-program")
    assert main(["forms", "--root", str(target)]) == 0
    assert not (target / ".github/ISSUE_TEMPLATE/submit-invited-program.yml").exists()
    out = target / "intake-forms"
    assert (
        main(["forms", "--root", str(target), "--repository", "acme/reports", "--out", str(out)])
        == 0
    )
    form = (out / "submit-invited-program.yml").read_text()
    assert "every invited hunter can" in form and "read this issue" in form


def test_external_setup_points_everything_at_the_platform(tmp_path: Path) -> None:
    url = "https://hackerone.com/acme-ai"
    target = _init(tmp_path, "external", "--platform-url", url, "--content-visibility", "private")
    assert not (target / ".github/workflows/bot.yml").exists()
    _open_program(target, "example-program")
    assert main(["forms", "--root", str(target)]) == 0
    forms = target / ".github/ISSUE_TEMPLATE"
    assert sorted(p.name for p in forms.iterdir()) == ["config.yml"]
    assert url in (forms / "config.yml").read_text()
    build_site(target / "mkdocs.yml", target, target / "site", AS_OF, verbose=False)
    page = (target / "site/programs/example-program/index.html").read_text()
    assert f'href="{url}"' in page and "bb-submit-instructions" in page


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--setup", "external"], "--setup external needs --platform-url"),
        (
            ["--setup", "external", "--platform-url", "http://x.example"],
            "is not https:// or mailto:",
        ),
        (["--intake-repo", "acme/intake"], "--intake-repo is for --setup private-intake"),
        (["--setup", "private-intake", "--intake-repo", "acme/bounties"], "another repository"),
        (["--platform-url", "https://x.example"], "--platform-url is for --setup external"),
    ],
)
def test_init_setup_options_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    args = ["init", str(tmp_path / "x"), "--repo", "acme/bounties", *extra]
    assert main(args) == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "x").exists()
