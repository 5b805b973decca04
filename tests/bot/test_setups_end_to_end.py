"""The three set-ups of docs/setups.md, each driven from a hunter's report to a published
finding (or to a refusal), checking on the way that nothing private reaches any public byte:
no comment, label, issue, branch, file or pull request the bot writes in a public repository,
and no page of the site, carries an unpublished finding, an invitation or a hidden hunter."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_builder.cli import main
from site_builder.content.checks import validate
from site_builder.site.generate import generate_site
from tests.bot.conftest import Bot
from tests.bot.fake_github import FakeGitHub
from tests.bot.test_public_audience import (
    INVITED,
    IntakeBot,
    _club_answers,
    add_private_things,
    command,
    event,
    file_issue,
    leaks,
)
from tests.conftest import AS_OF
from tests.intake.test_intake_end_to_end import ANSWERS

# Private until 2027-03-01 (DEMO-9), or for ever (hidden hunters, the invited hunter, the
# club's non-disclosure findings). ("The Builder" is an alias its hunter chose to show.)
FOREVER_PRIVATE = (
    "Quokka lattice",
    "marmoset",
    "Harriet Hiddenname",
    "Zed Invitee",
    INVITED,
    "CLUB-1",
)


def site_text(root: Path, as_of: date) -> dict[str, str]:
    """Every page and machine-readable file of the site on `as_of`, by address."""
    content, problems = validate(root, as_of)
    assert [p.as_text() for p in problems if p.is_error] == []
    pages, assets = generate_site(content, as_of)
    return {
        **{p.src_uri: p.title + "\n" + p.description + "\n" + p.body for p in pages},
        **{a.path: a.content for a in assets},
    }


def private_words_on_site(
    root: Path, as_of: date, words: tuple[str, ...] = FOREVER_PRIVATE
) -> list[tuple[str, str]]:
    return [
        (address, word)
        for address, text in site_text(root, as_of).items()
        for word in words
        if word.casefold() in text.casefold()
    ]


def front_matter(text: str) -> dict[str, Any]:
    return yaml.safe_load(text.split("---\n")[1])


@pytest.fixture
def leaky_bot(server: FakeGitHub, root: Path, no_waiting: None) -> Bot:
    add_private_things(root)
    return Bot(server, root)


def test_open_collective_from_public_issue_to_published_finding(leaky_bot: Bot) -> None:
    bot, root = leaky_bot, leaky_bot.root
    file_issue(bot, 7, "alice", {**ANSWERS, "credit": "alice"}, "[demo] Role-play bypass")
    bot.run("issues", event(bot, 7))
    bot.run("issue_comment", command(bot, 7, "/accept severity=high reward=3000"))
    assert leaks(bot.server) == []  # the whole conversation, in public, named nothing private
    [pull] = bot.server.pulls
    path = "programs/demo/findings/demo-7.md"
    text = bot.server.files[(pull["head"]["ref"], path)]
    finding = front_matter(text)
    disclose_on = date.fromisoformat(str(finding["disclose_on"]))
    accepted = date.fromisoformat(str(finding["accepted"]))
    assert disclose_on - accepted == timedelta(days=90)  # the coordinated policy's embargo
    (root / path).write_text(text)  # the maintainers merge the pull request
    before = site_text(root, disclose_on - timedelta(days=1))
    assert not [a for a, t in before.items() if finding["title"] in t or "demo-7" in a]
    after = site_text(root, disclose_on)
    assert "findings/demo-7.md" in after
    assert private_words_on_site(root, disclose_on) == []


def test_lab_with_private_intake_triages_in_private_and_refuses_in_public(
    server: FakeGitHub, root: Path, no_waiting: None
) -> None:
    add_private_things(root)
    # In public: whoever files a report for the invite-only club gets one neutral answer.
    public = Bot(server, root)
    file_issue(public, 7, INVITED, _club_answers("anonymous"), "[club] Capability jump")
    file_issue(public, 8, "alice", _club_answers("anonymous"), "[club] Capability jump")
    for number in (7, 8):
        public.run("issues", event(public, number))
        public.run("issue_comment", command(public, number, "/accept severity=high"))
    answers = [public.bot_comments(n)[0]["body"] for n in (7, 8)]
    assert answers[0] == answers[1]
    assert not public.server.pulls and leaks(public.server) == []
    # In the private intake repository: the invited hunter's report is triaged and accepted.
    with FakeGitHub(owner="test-org", repo="test-intake") as fake:
        fake.main.private = True
        fake.set_permission("maintainer", "maintain")
        intake = IntakeBot(fake, root)
        file_issue(intake, 3, INVITED, _club_answers(INVITED), "[club] Capability jump")
        intake.run("issues", event(intake, 3, private=True))
        outcome = intake.run("issue_comment", command(intake, 3, "/accept severity=high", True))
        assert "ruling accepted" in outcome.message, outcome.message
        [pull] = fake.pulls
        print(pull["head"], list(fake.files))
        files = {k: v for k, v in fake.files.items() if k[0] == pull["head"]["ref"]}
        [(branch, path)] = [k for k in files if k[1].startswith("programs/club/findings/")]
        text = files[(branch, path)]
    finding = front_matter(text)
    assert "disclose_on" not in finding  # the club's policy never discloses
    (root / path).write_text(text)
    # Its page never exists, however late; the site shows the stub only.
    for day in (AS_OF, AS_OF + timedelta(days=3650)):
        pages = site_text(root, day)
        assert not [a for a in pages if finding["id"].casefold() in a.casefold()]
        assert finding["title"] not in json.dumps(pages)
        assert (
            "Invited hunters submit through the private channel" in pages["programs/club/index.md"]
        )
    assert private_words_on_site(root, AS_OF) == []
    never = ("Harriet Hiddenname", "Zed Invitee", INVITED, "CLUB-1")
    assert private_words_on_site(root, AS_OF + timedelta(days=3650), never) == []


def test_lab_on_an_external_platform_from_import_to_published_finding(
    server: FakeGitHub, root: Path, no_waiting: None, tmp_path: Path
) -> None:
    add_private_things(root)
    public = Bot(server, root)  # (its form, rendered before the program moved to a platform)
    program = root / "programs/demo/program.yml"
    program.write_text(
        program.read_text()
        + "submit:\n  channel: external\n  url: https://h1.example/demo\n"
        + "  instructions: Report on our platform.\n"
    )
    public.content, _ = validate(root, AS_OF)
    # A report filed as an issue anyway is sent to the platform, and triaged nowhere.
    file_issue(public, 7, "alice", ANSWERS, "[demo] Bypass")
    outcome = public.run("issues", event(public, 7))
    assert outcome.message == "#7: demo takes no reports here; not triaged"
    assert "https://h1.example/demo" in public.bot_comments(7)[0]["body"]
    assert leaks(public.server) == []
    # The organizers record what the platform received.
    export = tmp_path / "export.json"
    record = {
        "id": "EXT-1",
        "title": "Persona prompt defeats refusals",
        "severity": "high",
        "category": "jailbreak",
        "status": "accepted",
        "submitted": "2026-09-01",
        "triaged": "2026-09-03",
        "accepted": "2026-09-05",
        "reward": 3000,
        "hunters": ["alice"],
        "disclose_on": "2026-12-15",
        "summary": "A persona prompt made the model ignore its refusals.",
        "details": "The exact persona prompt, kept private.",
    }
    export.write_text(json.dumps({"findings": [record]}))
    args = ["import", "demo", str(export), "--root", str(root), "--as-of", AS_OF.isoformat()]
    assert main(args) == 0
    assert "findings/EXT-1.md" not in site_text(root, date(2026, 12, 14))
    published = site_text(root, date(2026, 12, 15))
    assert "Persona prompt defeats refusals" in published["findings/EXT-1.md"]
    assert "The exact persona prompt" not in json.dumps(published)  # the details stay private
    assert private_words_on_site(root, date(2026, 12, 15)) == []
