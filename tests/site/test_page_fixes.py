"""Issue 17, seen in the generated HTML alone: days in the singular, policy and pause Markdown
rendered, the timeline in date order, contacts on separate lines, a never-publishing program
saying so, and every generated table in a named scroll region."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import ClassVar

from site_builder.site.generate import generate_site
from tests.conftest import AS_OF, Tree

PROGRAM = "programs/demo/index.md"
POLICY = "policies/coordinated.md"
FINDING = "findings/DEMO-1.md"


def bodies(tree: Tree) -> dict[str, str]:
    content, problems = tree.validate(AS_OF)
    assert [p.as_text() for p in problems if p.is_error] == []
    pages, _ = generate_site(content, AS_OF, True)
    return {p.src_uri: p.body for p in pages}


def test_one_day_is_written_in_the_singular(tree: Tree) -> None:
    tree.replace("demo/program.yml", "first_response_days: 3", "first_response_days: 1")
    tree.replace("demo/program.yml", "last_review:", "interval_days: 1\n  last_review:")
    tree.replace("_policies/coordinated.yml", "embargo_days: 90", "embargo_days: 1")
    pages = bodies(tree)
    program, policy = pages[PROGRAM], pages[POLICY]
    assert not [src for src, body in pages.items() if re.search(r"\b1 days\b", body)]
    assert "<td>1 day</td>" in program  # the first-response target in the response record
    assert "every 1 day." in program  # the risk review, and its overdue banner
    assert "The risk review, due every 1 day, was due on" in program
    assert "published 1 day after acceptance" in policy


def test_policy_and_pause_markdown_is_rendered(tree: Tree) -> None:
    tree.replace(
        "_policies/coordinated.yml",
        "published_parts: Summary, impact and fix; never reproduction details.",
        "published_parts: 'Summary and impact, with every `::: redacted` part **never** shown.'\n"
        "extension: The organizer may extend it **once**.\n"
        "early_release: Early when *both* sides agree.",
    )
    tree.replace("demo/program.yml", "status: open", "status: paused")
    tree.append("demo/program.yml", "pause:\n  reason: A **new** hazard\n  since: 2026-10-01\n")
    pages = bodies(tree)
    for body in (pages[PROGRAM], pages[POLICY]):
        assert "<strong>never</strong>" in body and "<code>::: redacted</code>" in body
        assert "<strong>once</strong>" in body and "<em>both</em>" in body
        assert "**" not in body and "`" not in body
    assert "<strong>new</strong> hazard" in pages[PROGRAM]


def timeline(body: str) -> list[tuple[str, str]]:
    steps = body.split('<ol class="bb-timeline">')[1].split("</ol>")[0]
    return re.findall(r'bb-timeline__label">([^<]+)</span> <time datetime="([0-9-]+)"', steps)


def test_the_timeline_is_in_date_order(tree: Tree) -> None:
    # Paid on 2026-02-20, fixed on 2026-03-01: the payment comes first.
    tree.replace(
        "demo/findings/DEMO-1.md", "fixed: 2026-03-01", "rewarded: 2026-02-20\nfixed: 2026-03-01"
    )
    steps = timeline(bodies(tree)[FINDING])
    assert [label for label, _ in steps] == [
        "Submitted",
        "Triaged",
        "Accepted",
        "Rewarded",
        "Fixed",
        "Disclosed",
    ]
    assert [day for _, day in steps] == sorted(day for _, day in steps)


def test_steps_on_the_same_day_keep_their_lifecycle_order(tree: Tree) -> None:
    tree.replace(
        "demo/findings/DEMO-1.md", "fixed: 2026-03-01", "rewarded: 2026-03-01\nfixed: 2026-03-01"
    )
    tree.replace("demo/findings/DEMO-1.md", "triaged: 2026-02-03", "triaged: 2026-02-05")
    labels = [label for label, _ in timeline(bodies(tree)[FINDING])]
    assert labels == ["Submitted", "Triaged", "Accepted", "Fixed", "Rewarded", "Disclosed"]


def test_a_contact_names_its_email_and_web_page_on_separate_lines(tree: Tree) -> None:
    tree.replace(
        "demo/program.yml",
        "    email: bounty@demo.test",
        "    email: bounty@demo.test\n    url: https://demo.test/bounty",
    )
    program = bodies(tree)[PROGRAM]
    contact = program.split("Monitored contact")[1].split("</ul>")[0]
    assert re.findall(
        r"<li><span class=\"bb-contact__kind\">(\w+)</span> <a href=\"([^\"]+)\"", contact
    ) == [
        ("Email", "mailto:bounty@demo.test"),
        ("Web", "https://demo.test/bounty"),
    ]


def test_a_never_publishing_program_says_so_instead_of_nothing_yet(tree: Tree) -> None:
    tree.replace("demo/program.yml", "disclosure_policy: coordinated", "disclosure_policy: secret")
    tree.append("demo/program.yml", "submit:\n  channel: private-reports\n")
    for name in ("DEMO-1", "DEMO-2", "DEMO-3"):  # a never-publishing program's findings have none
        finding = f"demo/findings/{name}.md"
        tree.write(finding, re.sub(r"disclose_on: .*\n", "", tree.read(finding)))
    program = bodies(tree)[PROGRAM]
    assert "never publishes findings" in program
    assert '<a href="../../policies/secret/">Never published</a>' in program
    assert "has been disclosed yet" not in program
    # Only the promised targets: no measured times over zero published findings.
    assert "Findings measured" not in program and "Median" not in program
    assert "published findings;" not in program
    assert "<td>3 days</td>" in program


def test_a_program_before_its_first_published_finding_shows_only_its_targets(
    tree: Tree,
) -> None:
    for name in ("DEMO-1", "DEMO-2", "DEMO-3"):
        tree.path(f"demo/findings/{name}.md").unlink()
    program = bodies(tree)[PROGRAM]
    assert "Findings measured" not in program and "<td>10 days</td>" in program
    assert "No finding of this program has been disclosed yet." in program


class Tables(HTMLParser):
    """Each <table> with its parent element's attributes, skipping contributed Markdown."""

    VOID: ClassVar = {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "source"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.found: list[tuple[dict[str, str], dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        in_markdown = any("bb-md" in a.get("class", "").split() for _, a in self.stack)
        if tag == "table" and not in_markdown:
            self.found.append((self.stack[-1][1] if self.stack else {}, values))
        if tag not in self.VOID:
            self.stack.append((tag, values))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


def test_every_generated_table_scrolls_inside_a_named_region(tree: Tree) -> None:
    checked = 0
    for src, body in bodies(tree).items():
        parser = Tables()
        parser.feed(body)
        for parent, table in parser.found:
            checked += 1
            where = f"{src}: a table in {parent}"
            assert parent.get("class") == "bb-scroll", where
            assert parent.get("role") == "region" and parent.get("tabindex") == "0", where
            assert parent.get("aria-label", "").strip(), where
            # A class keeps Material from wrapping the table in a scroller of its own.
            assert table.get("class"), f"{src}: an unclassed table"
    assert checked >= 10
