"""What `bounties build` prints to organizers: its own lines and one line about Material's end of
life, never Material's boxed notice nor a warning from MkDocs or Material."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from site_builder.mkdocs_build import MATERIAL_END_OF_LIFE
from tests.conftest import REPO_ROOT

# Words of Material's notice and of MkDocs' warnings and deprecations.
NOT_FOR_ORGANIZERS = (
    "MkDocs 2",
    "Zensical",
    "ProperDocs",
    "NO_MKDOCS_2_WARNING",
    "WARNING",
    "deprecat",
    "Traceback",
    "\x1b[",  # colour codes: Material's notice is coloured
)
# Under the `mkdocs` command, importing Material prints its notice (material/templates/__init__.py).
AS_MKDOCS = "import sys; sys.argv[0] = '/venv/bin/mkdocs'; "


def run_python(code: str, *args: str, cwd: Path = REPO_ROOT) -> subprocess.CompletedProcess[str]:
    """A fresh interpreter (Material prints on import), without the variables that silence it."""
    quiet = ("NO_MKDOCS_2_WARNING", "DISABLE_MKDOCS_2_WARNING")
    env = {k: v for k, v in os.environ.items() if k not in quiet}
    env["PYTHONPATH"] = str(REPO_ROOT)
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def bounties_build(root: Path, out: Path, prefix: str = "") -> str:
    code = prefix + "from site_builder.cli import main; raise SystemExit(main(sys.argv[1:]))"
    argv = ("build", "--root", str(root), "--out", str(out), "--as-of", "2026-11-23")
    done = run_python("import sys; " + code, *argv)
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


def assert_only_our_lines(output: str) -> None:
    lines = output.splitlines()
    assert [line for line in lines if "end of life" in line.lower()] == [MATERIAL_END_OF_LIFE]
    assert [word for word in NOT_FOR_ORGANIZERS if word.lower() in output.lower()] == [], output
    assert [line for line in lines if not line.startswith(("bounties: ", "built "))] == []


def test_the_build_says_material_end_of_life_once_and_nothing_alarming(tmp_path: Path) -> None:
    output = bounties_build(REPO_ROOT, tmp_path / "site")
    assert_only_our_lines(output)
    assert "2027-05-05" in MATERIAL_END_OF_LIFE and "docs/site.md" in MATERIAL_END_OF_LIFE


def test_materials_own_notice_stays_out_even_under_the_mkdocs_name(project: Path) -> None:
    assert_only_our_lines(bounties_build(project, project / "site", prefix=AS_MKDOCS))


def test_material_still_prints_the_notice_this_file_keeps_out() -> None:
    """If a Material release drops or moves its notice, the two tests above prove nothing: look
    again at material/templates/__init__.py and at mkdocs_build.SILENCE_MATERIAL_NOTICE."""
    printed = run_python(AS_MKDOCS + "import material.templates").stderr
    assert "end of life on May 5, 2027" in printed and "NO_MKDOCS_2_WARNING" in printed
