"""The GitHub Actions workflows are valid by GitHub's schema and clean under zizmor."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

from site_builder.skeleton import Setup, skeleton_files
from tests.conftest import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"
SKELETON_WORKFLOWS = REPO_ROOT / "site_builder" / "skeleton" / "workflows"


def test_workflows_match_githubs_schema() -> None:
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert [f.name for f in files] == ["bot-scheduled.yml", "bot.yml", "site.yml", "tests.yml"]
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


def test_scheduled_bot_runs_with_an_app_token_and_least_privilege() -> None:
    """GITHUB_TOKEN can neither manage collaborators nor read security advisories: the
    scheduled run uses a GitHub App token, and the job's own token may only read."""
    bot = yaml.safe_load((WORKFLOWS / "bot-scheduled.yml").read_text())
    triggers = bot[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["schedule"] == [{"cron": "41 */6 * * *"}]
    assert "workflow_dispatch" in triggers
    assert bot["permissions"] == {}
    assert bot["concurrency"] == {"group": "bounties-bot-scheduled", "cancel-in-progress": False}
    job = bot["jobs"]["scheduled"]
    assert job["permissions"] == {"contents": "read"}
    steps = {step.get("name") or step["uses"].split("@")[0]: step for step in job["steps"]}
    token = steps["App token"]
    assert token["uses"].startswith("actions/create-github-app-token@")
    assert token["with"]["app-id"] == "${{ secrets.BOUNTIES_APP_ID }}"
    assert token["with"]["private-key"] == "${{ secrets.BOUNTIES_APP_PRIVATE_KEY }}"
    run = steps["Scheduled run"]
    assert run["run"] == "bounties bot --scheduled"
    assert run["env"]["GITHUB_TOKEN"] == "${{ steps.app-token.outputs.token }}"
    assert "secrets.GITHUB_TOKEN" not in (WORKFLOWS / "bot-scheduled.yml").read_text()
    assert steps["actions/checkout"]["with"]["persist-credentials"] is False
    # Without the App's secrets, every step but the warning is skipped.
    assert [s.get("if") for s in job["steps"]] == ["env.CONFIGURED != 'true'"] + [
        "env.CONFIGURED == 'true'"
    ] * (len(job["steps"]) - 1)


def test_the_packaged_scheduled_workflow_is_ours_with_a_pinned_install() -> None:
    ours = (WORKFLOWS / "bot-scheduled.yml").read_text()
    packaged = (SKELETON_WORKFLOWS / "bot-scheduled.yml").read_text()
    assert packaged.replace('"ai-safety-bounties==__VERSION__"', ".") == ours


def test_the_intake_repositorys_bot_proposes_in_the_content_repository(tmp_path: Path) -> None:
    """`bounties init --setup private-intake` writes the intake repository's bot workflow: the
    issues are there, the content repository is checked out with an App token and findings
    are proposed there; same rules as ours (pinned, no permissions, one run per issue)."""
    setup = Setup("private-intake", "acme/reports")
    files = skeleton_files("Acme", "acme/bounties", "https://x.test/", date(2026, 1, 1), setup)
    text = files["intake/.github/workflows/bot.yml"]
    assert "__" not in text
    path = tmp_path / ".github" / "workflows" / "bot.yml"
    path.parent.mkdir(parents=True)
    path.write_text(text)
    zizmor = shutil.which("zizmor") or str(REPO_ROOT / ".venv" / "bin" / "zizmor")
    for command in (
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows"],
        [zizmor, "--offline", "--no-progress"],
    ):
        result = subprocess.run([*command, str(path)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
    bot = yaml.safe_load(text)
    assert bot["permissions"] == {}
    assert bot["concurrency"] == {
        "group": "bounties-bot-${{ github.event.issue.number }}",
        "cancel-in-progress": False,
    }
    job = bot["jobs"]["triage"]
    assert job["permissions"] == {} and job["if"] == "${{ !github.event.issue.pull_request }}"
    for step in job["steps"]:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step
        assert "github.event" not in step.get("run", ""), step
    steps = {step.get("name") or step["uses"].split("@")[0]: step for step in job["steps"]}
    assert steps["App token"]["uses"].startswith("actions/create-github-app-token@")
    checkout = steps["actions/checkout"]["with"]
    assert checkout["repository"] == "acme/bounties" and checkout["path"] == "content"
    assert checkout["token"] == "${{ steps.app-token.outputs.token }}"
    assert checkout["persist-credentials"] is False and "ref" not in checkout
    triage = steps["Triage"]
    assert triage["run"] == "bounties bot --root content --content-repository acme/bounties"
    assert triage["env"]["GITHUB_TOKEN"] == "${{ steps.app-token.outputs.token }}"
    assert "secrets.GITHUB_TOKEN" not in text
