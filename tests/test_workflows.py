"""The GitHub Actions workflows are valid by GitHub's schema and clean under zizmor."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import yaml

from tests.conftest import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"
SKELETON_WORKFLOWS = REPO_ROOT / "site_builder" / "skeleton" / "workflows"


def test_workflows_match_githubs_schema() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["bot.yml", "site.yml", "tests.yml"]
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    zizmor = shutil.which("zizmor") or str(REPO_ROOT / ".venv" / "bin" / "zizmor")
    result = subprocess.run(
        [zizmor, "--offline", "--no-progress", str(WORKFLOWS)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr or re.search(
        r"\b0 findings\b|0 high", result.stdout + result.stderr
    )


def test_actions_are_pinned_and_event_text_never_reaches_a_shell() -> None:
    for path in WORKFLOWS.glob("*.yml"):
        text = path.read_text()
        for uses in re.findall(r"uses:\s*(\S+)", text):
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", uses), uses
        workflow = yaml.safe_load(text)
        for job in workflow["jobs"].values():
            for step in job.get("steps", []):
                assert "github.event" not in step.get("run", ""), step


def test_bot_has_least_privilege_and_a_concurrency_group() -> None:
    bot = yaml.safe_load((WORKFLOWS / "bot.yml").read_text())
    assert bot["permissions"] == {}
    job = bot["jobs"]["triage"]
    assert job["permissions"] == {"issues": "write", "contents": "write", "pull-requests": "write"}
    assert "github.event.issue.number" in bot["concurrency"]["group"]
    checkout = job["steps"][0]
    assert checkout["with"]["persist-credentials"] is False and "ref" not in checkout["with"]


def test_site_deploys_with_pages_actions_in_the_pages_group() -> None:
    site = yaml.safe_load((WORKFLOWS / "site.yml").read_text())
    deploy = site["jobs"]["deploy"]
    assert deploy["concurrency"]["group"] == "pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    check = site["jobs"]["check"]
    runs = [s.get("run", "") for s in check["steps"]]
    assert "bounties validate --format github" in runs


def test_site_is_rebuilt_daily_so_findings_appear_on_their_disclosure_date() -> None:
    for workflow in (WORKFLOWS / "site.yml", SKELETON_WORKFLOWS / "site.yml"):
        site = yaml.safe_load(workflow.read_text())
        triggers = site[True]  # YAML 1.1 reads the key `on` as True
        assert triggers["schedule"] == [{"cron": "17 0 * * *"}], workflow
        assert "workflow_dispatch" in triggers, workflow
        assert site["jobs"]["build"]["if"] == "github.event_name != 'pull_request'", workflow
