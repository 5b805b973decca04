"""What a finding is worth under its program's reward structure: the table row that applies,
the prize it won, and the largest reward the terms allow. Used by the validator, the
leaderboard points and the pages, so that all three read the terms the same way."""

from __future__ import annotations

from .finding import Finding
from .program import Program, RewardCell
from .terms import Prize


def column_of(program: Program, finding: Finding) -> str | None:
    """The table column that applies: the tier of the first affected target, or the category."""
    columns = program.rewards.columns
    if columns == "category":
        return finding.category
    if columns == "target-tier" and finding.affected:
        return program.tier_of(finding.affected[0].name)
    return None


def cell_of(program: Program, finding: Finding) -> RewardCell | None:
    """The reward table row for the finding's rating (and column), if the terms have one."""
    return program.rewards.cell(finding.severity, column_of(program, finding))


def prize_of(program: Program, finding: Finding) -> Prize | None:
    """The prize the finding claims, from the program or its campaign."""
    if finding.prize is None:
        return None
    return program.prize(finding.prize, finding.campaign)


def reward_ceiling(
    program: Program, finding: Finding, cell: RewardCell | None = None
) -> int | None:
    """The largest reward the terms allow for this finding: its row's max plus each bonus it
    earned (percent of that max, capped) plus its prize; 0 when a prizes-only program's finding
    won no prize; None when the table has no row for it and it won no prize. `cell`: the
    finding's row, when the caller has already looked it up."""
    cell = cell or cell_of(program, finding)
    prize = prize_of(program, finding)
    if cell is None and prize is None:
        return None if program.rewards.table else 0
    base = cell.max if cell else 0
    extra = 0
    for bonus in program.rewards.bonuses:
        if bonus.id in finding.bonuses:
            amount = bonus.amount or 0
            if bonus.percent is not None:
                amount += base * bonus.percent // 100
            extra += amount if bonus.cap is None else min(amount, bonus.cap)
    return base + extra + (prize.amount if prize else 0)


def base_points(program: Program, finding: Finding) -> int:
    """Leaderboard points before the program's multiplier: the finding's own `points` if set,
    else its row's points plus its prize's points."""
    if finding.points is not None:
        return finding.points
    cell, prize = cell_of(program, finding), prize_of(program, finding)
    return (cell.points if cell else 0) + (prize.points if prize else 0)
