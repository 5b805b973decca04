"""Real programs as content: Anthropic's Model Safety Bug Bounty, OpenAI's Safety and Bio Bug
Bounties and Google's AI VRP, paraphrased from their published terms into
tests/fixtures/real-programs/. Each root validates, builds with MkDocs, and each program page
shows every term the YAML states. The expected strings are read from the loaded programs, so a
page that drops a field fails here whatever the fixture says."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pytest

from site_builder.content.checks import validate
from site_builder.content.program import Program
from site_builder.content.records import Policy
from site_builder.content.taxonomy import TAXONOMY
from site_builder.site.pages.core import amount_text
from tests.conftest import AS_OF, FIXTURES
from tests.site.conftest import build_fixture

ROOTS = ("anthropic", "openai", "google")
PROGRAMS = (
    ("anthropic", "anthropic-model-safety-bug-bounty"),
    ("openai", "openai-safety-bug-bounty"),
    ("openai", "openai-bio-bug-bounty"),
    ("google", "google-ai-vrp"),
)
SLUGS = {
    "anthropic": ["anthropic-model-safety-bug-bounty"],
    "openai": ["openai-safety-bug-bounty", "openai-bio-bug-bounty"],
    "google": ["google-ai-vrp"],
}
# Warnings each root is known to raise; a new one (or a fixed one) should be looked at.
EXPECTED_WARNINGS: dict[str, list[str]] = {"anthropic": [], "openai": [], "google": []}
# Country names a page may show instead of the ISO codes the fixtures use.
COUNTRY_NAMES = {"CU": "Cuba", "IR": "Iran", "KP": "North Korea", "SY": "Syria"}

# One expected term: a label for the failure message, and strings any one of which must appear.
Term = tuple[str, tuple[str, ...]]


def root_of(name: str) -> Path:
    return FIXTURES / "real-programs" / name


@pytest.fixture(scope="module")
def site_of(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Builds a real-programs root once (repository mkdocs.yml, as of AS_OF) and returns it."""
    tmp = tmp_path_factory.mktemp("real-programs")

    @cache
    def build(name: str) -> Path:
        return build_fixture(tmp, f"real-programs/{name}")

    return build


@pytest.mark.parametrize("name", ROOTS)
def test_each_real_program_root_validates_without_errors(name: str) -> None:
    _, problems = validate(root_of(name), AS_OF)
    assert [p.as_text() for p in problems if p.is_error] == []
    assert [p.as_text() for p in problems if not p.is_error] == EXPECTED_WARNINGS[name]


@pytest.mark.parametrize("name", ROOTS)
def test_each_real_program_root_builds_a_page_per_program(
    name: str, site_of: Callable[[str], Path]
) -> None:
    site = site_of(name)
    for slug in SLUGS[name]:
        assert (site / "programs" / slug / "index.html").is_file()
        assert (site / "programs" / slug / "rules" / "index.html").is_file()


@pytest.mark.parametrize(("name", "slug"), PROGRAMS)
def test_the_program_page_shows_every_published_term(
    name: str, slug: str, site_of: Callable[[str], Path]
) -> None:
    content, _ = validate(root_of(name), AS_OF)
    program = content.programs[slug].program
    policy = content.policies[program.disclosure_policy].record
    page = (site_of(name) / "programs" / slug / "index.html").read_text(encoding="utf-8")
    text = page_text(page)
    missing = [
        f"{label}: {' | '.join(options)}"
        for label, options in expected_terms(program, policy)
        if not any(option in text or option in page for option in options)
    ]
    assert missing == [], f"{len(missing)} terms missing from {slug}'s page:\n" + "\n".join(missing)


def page_text(page: str) -> str:
    """The visible text of a page: no scripts, inline tags dropped, block tags as spaces,
    entities decoded, spaces collapsed."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"</?(?:a|abbr|b|code|em|i|small|span|strong|sub|sup|time)\b[^>]*>", "", page)
    return normal(html.unescape(re.sub(r"<[^>]+>", " ", page)))


def normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def plain(markdown: str) -> str:
    """Markdown as it reads once rendered: link text without the address, no emphasis marks."""
    markdown = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", markdown)
    return normal(re.sub(r"\*\*|`", "", markdown))


def opening(markdown: str, length: int = 80) -> str:
    """The start of a Markdown text's first paragraph, cut at a word boundary."""
    first = plain(markdown.split("\n\n")[0])
    return first if len(first) <= length else first[:length].rsplit(" ", 1)[0]


def one(label: str, value: object) -> Term:
    return label, (str(value),)


def money(label: str, amount: int) -> Iterator[Term]:
    if amount:  # a zero (credit only, or an assumed minimum) may fairly be left unsaid
        yield label, (amount_text(amount),)


def expected_terms(program: Program, policy: Policy) -> Iterator[Term]:
    """Everything the program's YAML states that a reader of its page must be able to see."""
    yield one("name", program.name)
    yield one("organizer", program.organizer.name)
    yield one("summary", normal(program.summary))
    if program.apply:
        yield one("apply", opening(program.apply))
    yield one("prize criteria", opening(program.prize_criteria))
    yield one("what gets published", opening(policy.published_parts))
    yield one("safe harbor", opening(policy.safe_harbor))
    if policy.embargo_days:
        yield one("embargo", f"{policy.embargo_days} days")
    yield from _participation_terms(program)
    yield from _scope_terms(program)
    yield from _reward_terms(program)
    yield from _campaign_terms(program)
    yield from _panel_terms(program)
    if program.submit and program.submit.url:
        yield one("submit url", program.submit.url)


def _participation_terms(program: Program) -> Iterator[Term]:
    eligibility, legal = program.eligibility, program.legal
    if eligibility:
        if eligibility.minimum_age:
            yield one("minimum age", eligibility.minimum_age)
        for code in eligibility.excluded_countries:
            yield "excluded country", (code, COUNTRY_NAMES.get(code, code))
        for line in [*eligibility.excluded, *eligibility.requirements]:
            yield one("eligibility", normal(line))
    if legal:
        if legal.nda:
            yield "NDA", ("NDA", "non-disclosure agreement", "Non-disclosure agreement")
        if legal.terms_url:
            yield one("terms url", legal.terms_url)
        for line in filter(None, [legal.jurisdiction, legal.export_controls, *legal.other]):
            yield one("legal", normal(line))


def _scope_terms(program: Program) -> Iterator[Term]:
    for item in [*program.scope.in_scope, *program.scope.out_of_scope]:
        yield one("scope item", normal(item.item))
        yield one("scope reason", normal(item.reason))
    for category in program.categories:
        yield "category", (TAXONOMY[category].label, category)
    for condition in program.conditions:
        yield one("condition", normal(condition.requirement))
        if condition.min_reproduction_percent:
            n = condition.min_reproduction_percent
            yield "reproduction", (f"{n}%", f"{n} %", f"{n} percent")
    for tier in program.target_tiers:
        yield one("tier", tier.name)
        if tier.description:
            yield one("tier description", tier.description)
    for target in program.targets:
        yield one("target", target.name)
        if target.version:
            yield one("target version", target.version)


def _reward_terms(program: Program) -> Iterator[Term]:
    rewards = program.rewards
    for amount in filter(None, [rewards.pool, rewards.max_per_prize]):
        yield from money("reward limit", amount)
    for level in rewards.ratings:
        yield one("rating name", f"{level.id} {level.name}" if level.name else level.id)
    for cell in rewards.table:
        yield one("rating", cell.rating)
        yield from money(f"{cell.rating} {cell.column or ''} min", cell.min)
        yield from money(f"{cell.rating} {cell.column or ''} max", cell.max)
    for bonus in rewards.bonuses:
        yield one("bonus", bonus.name)
        if bonus.percent is not None:
            yield "bonus percent", (f"{bonus.percent}%", f"{bonus.percent} %")
        if bonus.amount:
            yield from money("bonus amount", bonus.amount)
        if bonus.cap:
            yield from money("bonus cap", bonus.cap)
    for prize in rewards.prizes:
        yield one("prize", prize.name)
        yield from money("prize amount", prize.amount)


def _campaign_terms(program: Program) -> Iterator[Term]:
    for campaign in program.campaigns:
        yield one("campaign", campaign.name)
        yield one("campaign start", campaign.start.isoformat())
        yield one("campaign end", campaign.end.isoformat())
        yield one("campaign summary", opening(campaign.summary))
        for prize in campaign.prizes:
            yield one("campaign prize", prize.name)
            yield from money("campaign prize amount", prize.amount)
        if campaign.max_reward:
            yield from money("campaign largest reward", campaign.max_reward)


def _panel_terms(program: Program) -> Iterator[Term]:
    if program.panel is None:
        return
    for member in program.panel.members:
        yield one("panel member", member.shown_name)
        if member.affiliation:
            yield one("panel affiliation", member.affiliation)
    for criterion in program.panel.criteria:
        yield one("panel criterion", criterion.description)
