"""Rules about the format-2 terms of a program (reward table, tiers, categories, conditions,
campaigns, aggregates, panel members) and about the findings that cite them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .entries import Content, FindingEntry, ProgramEntry
from .finding import VALID_STATUSES
from .locate import problem_at
from .problems import Level, Problem
from .taxonomy import TAXONOMY

Path = tuple[str | int, ...]
_PLURALS = {"target-tier": "target tiers", "category": "categories"}


def program_term_rules(entry: ProgramEntry, content: Content) -> Iterator[Problem]:
    """Every rule about one program's format-2 terms."""
    yield from _tier_rules(entry)
    yield from _table_rules(entry)
    yield from _id_rules(entry)
    yield from _category_rules(entry)
    yield from _campaign_rules(entry)
    yield from _aggregate_rules(entry, content)
    yield from _panel_member_rules(entry)
    if entry.program.model == "trusted-hunters" and entry.program.participation == "public":
        yield problem_at(
            entry.source,
            ("participation",),
            "a trusted-hunters program open to everyone has no gate",
            hint="use participation: application (public rules, approved hunters submit) or "
            "invite-only",
            level=Level.WARNING,
        )


def _repeats(values: Iterable[str]) -> Iterator[tuple[int, str]]:
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield index, value
        seen.add(value)


def _tier_rules(entry: ProgramEntry) -> Iterator[Problem]:
    program = entry.program
    for index, tier_id in _repeats(t.id for t in program.target_tiers):
        yield problem_at(entry.source, ("target_tiers", index, "id"), f"tier '{tier_id}' twice")
    tiers = {t.id for t in program.target_tiers}
    for index, target in enumerate(program.targets):
        if target.tier is not None and target.tier not in tiers:
            yield problem_at(
                entry.source,
                ("targets", index, "tier"),
                f"no target tier '{target.tier}'",
                hint=_known("target_tiers", tiers),
            )
    if program.rewards.columns == "target-tier":
        for index, target in enumerate(program.targets):
            if target.tier is None:
                yield problem_at(
                    entry.source,
                    ("targets", index),
                    f"target '{target.name}' has no tier, but rewards depend on the tier",
                    hint=f"add tier: one of {', '.join(sorted(tiers))}"
                    if tiers
                    else "declare target_tiers and give each target a tier",
                )


def _table_rules(entry: ProgramEntry) -> Iterator[Problem]:
    rewards = entry.program.rewards
    if not rewards.table and not rewards.prizes:
        yield problem_at(
            entry.source,
            ("rewards",),
            "the rewards have neither a table nor prizes",
            hint="add rewards.table (ranges by rating) or rewards.prizes",
        )
    yield from _scale_rules(entry)
    scale = rewards.scale_ratings()
    allowed = entry.program.reward_columns()
    columns = None if allowed is None else set(allowed)
    seen: set[tuple[str, str | None]] = set()
    for index, cell in enumerate(rewards.table):
        at: Path = ("rewards", "table", index)
        if cell.rating not in scale:
            yield problem_at(
                entry.source,
                (*at, "rating"),
                f"'{cell.rating}' is not a rating of the {rewards.scale} scale",
                hint=f"ratings: {', '.join(reversed(scale))}, or change rewards.scale",
            )
        yield from _column_rule(entry, at, cell.column, columns)
        if (cell.rating, cell.column) in seen:
            yield problem_at(entry.source, at, "this rating and column appear twice")
        seen.add((cell.rating, cell.column))
        yield from _range_rules(entry, at, cell.min, cell.max)


def _scale_rules(entry: ProgramEntry) -> Iterator[Problem]:
    """A custom scale lists its ratings; the two built-in scales take none."""
    rewards = entry.program.rewards
    if rewards.scale == "custom" and not rewards.ratings:
        yield problem_at(
            entry.source,
            ("rewards", "scale"),
            "scale custom needs the program's ratings",
            hint="add rewards.ratings: [{id: S1, name: ..., severity: critical}, ...], most "
            "severe first",
        )
    if rewards.scale != "custom" and rewards.ratings:
        yield problem_at(
            entry.source,
            ("rewards", "ratings"),
            f"rewards.ratings is only read with scale custom, not {rewards.scale}",
            hint="set scale: custom, or remove ratings",
        )
    for index, rating in _repeats(level.id for level in rewards.ratings):
        yield problem_at(
            entry.source, ("rewards", "ratings", index, "id"), f"rating '{rating}' twice"
        )


def _column_rule(
    entry: ProgramEntry, at: Path, column: str | None, columns: set[str] | None
) -> Iterator[Problem]:
    kind = entry.program.rewards.columns
    if columns is None and column is not None:
        yield problem_at(
            entry.source,
            (*at, "column"),
            "a column is given but rewards.columns is none",
            hint="remove column, or set rewards.columns: target-tier or category",
        )
    elif columns is not None and column not in columns:
        yield problem_at(
            entry.source,
            (*at, "column") if column else at,
            f"column '{column}' is not a {kind}" if column else f"this row needs a {kind} column",
            hint=_known(_PLURALS[kind], columns),
        )


def _range_rules(entry: ProgramEntry, at: Path, low: int, high: int) -> Iterator[Problem]:
    rewards = entry.program.rewards
    if low > high:
        yield problem_at(entry.source, (*at, "min"), f"min {low} is above max {high}")
    if rewards.max_per_prize is not None and high > rewards.max_per_prize:
        yield problem_at(
            entry.source,
            (*at, "max"),
            f"max {high} is above max_per_prize {rewards.max_per_prize}",
        )


def _id_rules(entry: ProgramEntry) -> Iterator[Problem]:
    """Bonus and prize ids are unique within the program (campaign prizes included)."""
    program = entry.program
    for index, bonus in enumerate(program.rewards.bonuses):
        if (bonus.percent is None) == (bonus.amount is None):
            yield problem_at(
                entry.source,
                ("rewards", "bonuses", index),
                "a bonus needs either percent or amount",
                hint="percent: extra in percent of the reward; amount: a flat extra, at most",
            )
    for index, bonus_id in _repeats(b.id for b in program.rewards.bonuses):
        yield problem_at(
            entry.source, ("rewards", "bonuses", index, "id"), f"bonus '{bonus_id}' twice"
        )
    prizes: list[tuple[Path, str]] = [
        (("rewards", "prizes", i, "id"), p.id) for i, p in enumerate(program.rewards.prizes)
    ]
    for c_index, campaign in enumerate(program.campaigns):
        prizes += [
            (("campaigns", c_index, "prizes", i, "id"), p.id) for i, p in enumerate(campaign.prizes)
        ]
    for index, prize_id in _repeats(prize_id for _, prize_id in prizes):
        yield problem_at(entry.source, prizes[index][0], f"prize '{prize_id}' twice")
    for index, campaign_id in _repeats(c.id for c in program.campaigns):
        yield problem_at(
            entry.source, ("campaigns", index, "id"), f"campaign '{campaign_id}' twice"
        )


def _category_rules(entry: ProgramEntry) -> Iterator[Problem]:
    program = entry.program
    for index, category in _repeats(program.categories):
        yield problem_at(entry.source, ("categories", index), f"category '{category}' twice")
    allowed = set(program.categories or TAXONOMY)
    for index, condition in enumerate(program.conditions):
        at: Path = ("conditions", index, "categories")
        yield from _unknown(entry, at, condition.categories, allowed)


def _campaign_rules(entry: ProgramEntry) -> Iterator[Problem]:
    program = entry.program
    targets = {t.name for t in program.targets}
    allowed = set(program.categories or TAXONOMY)
    for index, campaign in enumerate(program.campaigns):
        at: Path = ("campaigns", index)
        if campaign.end < campaign.start:
            yield problem_at(
                entry.source, (*at, "end"), f"end {campaign.end} is before start {campaign.start}"
            )
        if campaign.start < program.duration.start or (
            program.duration.end and campaign.end > program.duration.end
        ):
            yield problem_at(
                entry.source,
                (*at, "start"),
                "the campaign runs outside the program's duration",
                level=Level.WARNING,
            )
        yield from _unknown(entry, (*at, "targets"), campaign.targets, targets, "target")
        yield from _unknown(entry, (*at, "categories"), campaign.categories, allowed)


def _aggregate_rules(entry: ProgramEntry, content: Content) -> Iterator[Problem]:
    program = entry.program
    if program.aggregates is None:
        return
    policy = content.policies.get(program.disclosure_policy)
    if policy is not None and policy.record.model != "non-disclosure":
        yield problem_at(
            entry.source,
            ("aggregates",),
            "aggregates are for non-disclosure programs; this program publishes its findings",
            hint="remove aggregates (the site already shows response times of published findings)",
        )
    if program.is_hidden:
        yield problem_at(
            entry.source,
            ("aggregates",),
            "an invite-only program publishes nothing but its stub, numbers included",
            hint="remove aggregates",
        )


def _panel_member_rules(entry: ProgramEntry) -> Iterator[Problem]:
    panel = entry.program.panel
    if panel is None:
        return
    for index, member in enumerate(panel.members):
        if not (member.name or member.handle):
            yield problem_at(
                entry.source,
                ("panel", "members", index),
                "a panel member needs a name or a handle",
            )
    for _, handle in _repeats(h.lower() for h in panel.handles):
        yield problem_at(entry.source, ("panel", "members"), f"member '{handle}' twice")
    if panel.handles and panel.decision.quorum > len(panel.handles):
        yield problem_at(
            entry.source,
            ("panel", "decision", "quorum"),
            f"quorum {panel.decision.quorum} is more than the members who can vote "
            f"({len(panel.handles)} with a GitHub handle)",
            hint="give members a handle to rule with bot commands, or lower the quorum",
        )


def finding_term_rules(entry: FindingEntry, program: ProgramEntry) -> Iterator[Problem]:
    """A finding's category, campaign, prize, bonuses and move fit its program's terms."""
    finding, terms = entry.finding, program.program
    cites = finding.campaign or finding.prize or finding.bonuses or finding.moved_from
    if not (cites or terms.categories):
        return  # most findings cite no term: nothing to check
    if terms.categories and finding.category not in terms.categories:
        yield problem_at(
            entry.source,
            ("category",),
            f"program {program.slug} does not take '{finding.category}' findings",
            hint=_known("its categories", set(terms.categories)),
        )
    yield from _finding_campaign_rules(entry, program)
    for index, bonus in enumerate(finding.bonuses):
        if bonus not in {b.id for b in terms.rewards.bonuses}:
            yield problem_at(
                entry.source,
                ("bonuses", index),
                f"no bonus '{bonus}'",
                hint=_known("bonuses", {b.id for b in terms.rewards.bonuses}),
            )
    if finding.prize and terms.prize(finding.prize, finding.campaign) is None:
        yield problem_at(
            entry.source,
            ("prize",),
            f"no prize '{finding.prize}' in the program"
            + (f" or campaign '{finding.campaign}'" if finding.campaign else ""),
        )
    yield from _move_rules(entry)


def _finding_campaign_rules(entry: FindingEntry, program: ProgramEntry) -> Iterator[Problem]:
    finding = entry.finding
    if finding.campaign is None:
        return
    campaign = next((c for c in program.program.campaigns if c.id == finding.campaign), None)
    if campaign is None:
        yield problem_at(
            entry.source,
            ("campaign",),
            f"no campaign '{finding.campaign}'",
            hint=_known("campaigns", {c.id for c in program.program.campaigns}),
        )
    elif campaign.max_reward is not None and finding.reward > campaign.max_reward:
        yield problem_at(
            entry.source,
            ("reward",),
            f"reward {finding.reward} is above the largest reward of campaign "
            f"'{campaign.id}' ({campaign.max_reward})",
        )
    if campaign is not None and not campaign.start <= finding.submitted <= campaign.end:
        yield problem_at(
            entry.source,
            ("campaign",),
            f"submitted {finding.submitted}, outside campaign '{campaign.id}' "
            f"({campaign.start} to {campaign.end})",
        )


def _move_rules(entry: FindingEntry) -> Iterator[Problem]:
    moved = entry.finding.moved_from
    if moved is None:
        return
    if moved.program == entry.program_slug:
        yield problem_at(
            entry.source,
            ("moved_from", "program"),
            "moved_from names the program the finding is in",
            hint="name the program it was filed under",
        )
    if moved.date < entry.finding.submitted:
        yield problem_at(
            entry.source,
            ("moved_from", "date"),
            f"moved on {moved.date}, before it was submitted ({entry.finding.submitted})",
        )


def prize_winner_rules(content: Content) -> Iterator[Problem]:
    """A first-N prize is won by at most N valid findings, earliest accepted first."""
    claims: dict[tuple[str, str], list[FindingEntry]] = {}
    for entry in content.findings:
        if entry.finding.prize and entry.finding.status in VALID_STATUSES:
            claims.setdefault((entry.program_slug, entry.finding.prize), []).append(entry)
    for (slug, prize_id), entries in claims.items():
        program = content.programs.get(slug)
        prize = program.program.prize(prize_id, entries[0].finding.campaign) if program else None
        if prize is None or prize.winners is None or len(entries) <= prize.winners:
            continue
        ordered = sorted(entries, key=lambda e: (e.finding.accepted or e.finding.submitted, e.id))
        for late in ordered[prize.winners :]:
            yield problem_at(
                late.source,
                ("prize",),
                f"prize '{prize_id}' has {prize.winners} winner(s), already won by "
                f"{', '.join(e.id for e in ordered[: prize.winners])}",
            )


def _unknown(
    entry: ProgramEntry, at: Path, values: list[str], allowed: set[str], what: str = "category"
) -> Iterator[Problem]:
    """Each value of a list that is not among the program's targets or categories."""
    words = {
        "category": ("one of the program's categories", "categories"),
        "target": ("a target of this program", "targets"),
    }
    phrase, label = words[what]
    for index, value in enumerate(values):
        if value not in allowed:
            yield problem_at(
                entry.source,
                (*at, index),
                f"'{value}' is not {phrase}",
                hint=_known(label, allowed),
            )


def _known(label: str, values: set[str]) -> str:
    return f"{label}: {', '.join(sorted(values))}" if values else f"no {label} declared"
