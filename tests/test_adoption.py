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
    assert main(["validate", "--root", str(target), "--strict"]) == 0
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
