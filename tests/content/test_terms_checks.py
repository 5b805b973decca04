"""Rules about a program's format-2 terms (reward table, tiers, categories, campaigns, prizes,
bonuses, aggregates, panel members) and about the findings that cite them."""

from __future__ import annotations

from datetime import date

from tests.conftest import Tree, only
from tests.format2_trees import (
    CAMPAIGN,
    CATEGORY_ROW,
    CATEGORY_TABLE,
    CLUB,
    D1,
    D2,
    D3,
    MEMBERS,
    SPRING_PRIZE,
    TABLE,
    TARGETS,
    P,
    finding_extra,
    rewards_extra,
    tiered,
    with_categories,
    write_full_program,
)

# --- target tiers -----------------------------------------------------------------------


def test_the_tiered_demo_is_valid(tree: Tree) -> None:
    tiered(tree)
    assert tree.problems() == []


def test_unknown_target_tier(tree: Tree) -> None:
    tree.replace(P, TARGETS, TARGETS + "    tier: flagship\n")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:20:11: error: targets[0].tier: no target tier 'flagship' "
        "(hint: no target_tiers declared)"
    )


def test_target_tier_declared_twice(tree: Tree) -> None:
    tree.replace(
        P, "targets:\n", "target_tiers:\n  - {id: a, name: A}\n  - {id: a, name: B}\ntargets:\n"
    )
    assert only(tree.problems()) == (
        "programs/demo/program.yml:18:10: error: target_tiers[1].id: tier 'a' twice"
    )


def test_target_without_a_tier_when_rewards_depend_on_it(tree: Tree) -> None:
    tiered(tree)
    tree.replace(P, "    tier: standard\n", "")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:26:5: error: targets[1]: target 'Demo-mini' has no tier, but "
        "rewards depend on the tier (hint: add tier: one of flagship, standard)"
    )


# --- reward table -----------------------------------------------------------------------


def test_table_rating_outside_the_scale(tree: Tree) -> None:
    tree.replace(P, "{rating: low,", "{rating: P1,")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:33:16: error: rewards.table[0].rating: 'P1' is not a rating "
        "of the severity scale (hint: ratings: critical, high, medium, low, or change "
        "rewards.scale)"
    )


def test_severity_rating_on_a_priority_scale(tree: Tree) -> None:
    tree.replace(P, TABLE, "  scale: priority\n" + TABLE.replace("rating: low", "rating: P4"))
    problems = tree.errors()
    assert (
        "programs/demo/program.yml:35:16: error: rewards.table[1].rating: 'medium' is not a "
        "rating of the priority scale (hint: ratings: P1, P2, P3, P4, P5, or change "
        "rewards.scale)"
    ) in problems
    assert not [p for p in problems if "table[0]" in p]


def test_finding_rating_outside_the_programs_scale(tree: Tree) -> None:
    tree.replace(D1, "severity: high", "severity: P2")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:4:11: error: severity: 'P2' is not a rating of this "
        "program's severity scale (hint: use one of: critical, high, medium, low)"
    )


def test_column_given_when_the_table_has_none(tree: Tree) -> None:
    tree.replace(P, "{rating: low,", "{rating: low, column: jailbreak,")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:33:29: error: rewards.table[0].column: a column is given but "
        "rewards.columns is none (hint: remove column, or set rewards.columns: target-tier or "
        "category)"
    )


def test_row_without_its_column(tree: Tree) -> None:
    tiered(tree)
    tree.replace(P, "{rating: high, column: standard,", "{rating: high,")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:44:7: error: rewards.table[1]: this row needs a target-tier "
        "column (hint: target tiers: flagship, standard)"
    )


def test_unknown_tier_column(tree: Tree) -> None:
    tiered(tree)
    tree.replace(P, "column: standard, min: 1000", "column: minor, min: 1000")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:44:30: error: rewards.table[1].column: column 'minor' is not "
        "a target-tier (hint: target tiers: flagship, standard)"
    )


def test_category_table_is_valid(tree: Tree) -> None:
    with_categories(tree)
    tree.replace(P, TABLE, CATEGORY_TABLE)
    assert tree.problems() == []


def test_category_column_outside_the_programs_categories(tree: Tree) -> None:
    with_categories(tree)
    tree.replace(P, TABLE, CATEGORY_TABLE + CATEGORY_ROW.format("data-leakage"))
    assert only(tree.problems()) == (
        "programs/demo/program.yml:38:29: error: rewards.table[3].column: column 'data-leakage' "
        "is not a category (hint: categories: agent-misbehaviour, jailbreak)"
    )


def test_category_column_may_be_any_category_when_the_program_takes_all(tree: Tree) -> None:
    tree.replace(P, TABLE, CATEGORY_TABLE + CATEGORY_ROW.format("data-leakage"))
    assert tree.problems() == []


def test_rating_and_column_twice(tree: Tree) -> None:
    low = "    - {rating: low, min: 100, max: 500, points: 10}\n"
    tree.replace(P, low, low + low.replace("max: 500", "max: 400"))
    assert only(tree.problems()) == (
        "programs/demo/program.yml:34:7: error: rewards.table[1]: this rating and column appear "
        "twice"
    )


def test_rating_and_column_twice_in_a_tiered_table(tree: Tree) -> None:
    tiered(tree)
    row = "    - {rating: high, column: standard, min: 1000, max: 5000, points: 20}\n"
    tree.replace(P, row, row + row.replace("points: 20", "points: 25"))
    assert only(tree.problems()) == (
        "programs/demo/program.yml:45:7: error: rewards.table[2]: this rating and column appear "
        "twice"
    )


def test_same_rating_in_two_columns_is_fine(tree: Tree) -> None:
    tiered(tree)
    assert not tree.errors()


def test_row_min_above_max(tree: Tree) -> None:
    tiered(tree)
    tree.replace(P, "standard, min: 1000, max: 5000", "standard, min: 6000, max: 5000")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:44:45: error: rewards.table[1].min: min 6000 is above max 5000"
    )


def test_row_min_equal_to_max_is_fine(tree: Tree) -> None:
    tiered(tree)
    tree.replace(P, "standard, min: 1000, max: 5000", "standard, min: 5000, max: 5000")
    assert tree.problems() == []


def test_row_max_above_max_per_prize(tree: Tree) -> None:
    tiered(tree)
    tree.replace(P, "standard, min: 5000, max: 10000", "standard, min: 5000, max: 20001")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:46:60: error: rewards.table[3].max: max 20001 is above "
        "max_per_prize 20000"
    )


def test_row_max_at_max_per_prize_is_fine(tree: Tree) -> None:
    tiered(tree)
    tree.replace(P, "standard, min: 5000, max: 10000", "standard, min: 5000, max: 20000")
    assert tree.problems() == []


def test_rewards_need_a_table_or_prizes(tree: Tree) -> None:
    tree.replace(P, TABLE, "")
    problems = tree.problems()
    assert (
        "programs/demo/program.yml:29:3: error: rewards: the rewards have neither a table nor "
        "prizes (hint: add rewards.table (ranges by rating) or rewards.prizes)"
    ) in problems


def test_prizes_alone_are_enough_for_the_program(tree: Tree) -> None:
    tree.replace(P, TABLE, "  prizes:\n    - {id: first, name: First, amount: 1000}\n")
    assert not [p for p in tree.problems() if p.startswith("programs/demo/program.yml")]


# --- ids ------------------------------------------------------------------------------


def test_bonus_id_twice(tree: Tree) -> None:
    rewards_extra(
        tree,
        "  bonuses:\n"
        "    - {id: report, name: Great report, percent: 25, cap: 1000}\n"
        "    - {id: report, name: Other, percent: 10}\n",
    )
    assert only(tree.problems()) == (
        "programs/demo/program.yml:39:12: error: rewards.bonuses[1].id: bonus 'report' twice"
    )


def test_bonus_needs_either_percent_or_amount(tree: Tree) -> None:
    rewards_extra(
        tree,
        "  bonuses:\n"
        "    - {id: novel, name: Novel, amount: 2000}\n"
        "    - {id: both, name: Both, amount: 5, percent: 5}\n"
        "    - {id: neither, name: Neither}\n",
    )
    hint = "(hint: percent: extra in percent of the reward; amount: a flat extra, at most)"
    assert tree.problems() == [
        f"programs/demo/program.yml:39:7: error: rewards.bonuses[1]: a bonus needs either "
        f"percent or amount {hint}",
        f"programs/demo/program.yml:40:7: error: rewards.bonuses[2]: a bonus needs either "
        f"percent or amount {hint}",
    ]


def test_prize_id_twice(tree: Tree) -> None:
    rewards_extra(
        tree,
        "  prizes:\n"
        "    - {id: first, name: First, amount: 1000, winners: 1}\n"
        "    - {id: first, name: Again, amount: 500}\n",
    )
    assert only(tree.problems()) == (
        "programs/demo/program.yml:39:12: error: rewards.prizes[1].id: prize 'first' twice"
    )


def test_campaign_prize_with_a_program_prizes_id(tree: Tree) -> None:
    rewards_extra(tree, "  prizes:\n    - {id: spring-first, name: First, amount: 1000}\n")
    tree.append(P, CAMPAIGN + SPRING_PRIZE)
    assert only(tree.problems()) == (
        "programs/demo/program.yml:66:14: error: campaigns[0].prizes[0].id: prize 'spring-first' "
        "twice"
    )


def test_same_prize_id_in_two_campaigns(tree: Tree) -> None:
    autumn = CAMPAIGN.replace("campaigns:\n", "").replace("spring", "autumn")
    tree.append(P, CAMPAIGN + SPRING_PRIZE + autumn + SPRING_PRIZE)
    assert only(tree.problems()) == (
        "programs/demo/program.yml:71:14: error: campaigns[1].prizes[0].id: prize 'spring-first' "
        "twice"
    )


def test_campaign_id_twice(tree: Tree) -> None:
    again = CAMPAIGN.replace("campaigns:\n", "").replace("name: Spring", "name: Again")
    tree.append(P, CAMPAIGN + again)
    assert only(tree.problems()) == (
        "programs/demo/program.yml:63:9: error: campaigns[1].id: campaign 'spring' twice"
    )


# --- categories and conditions --------------------------------------------------------


def test_category_twice(tree: Tree) -> None:
    with_categories(tree, "[jailbreak, agent-misbehaviour, jailbreak]")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:27:45: error: categories[2]: category 'jailbreak' twice"
    )


def test_condition_category_outside_the_programs_categories(tree: Tree) -> None:
    with_categories(tree)
    tree.replace(
        P,
        "prize_criteria:",
        "conditions:\n"
        "  - requirement: Reproduces half the time\n"
        "    categories: [agent-misbehaviour, data-leakage]\n"
        "    min_reproduction_percent: 50\n"
        "prize_criteria:",
    )
    assert only(tree.problems()) == (
        "programs/demo/program.yml:30:38: error: conditions[0].categories[1]: 'data-leakage' is "
        "not one of the program's categories (hint: categories: agent-misbehaviour, jailbreak)"
    )


def test_condition_may_name_any_category_when_the_program_takes_all(tree: Tree) -> None:
    tree.replace(
        P,
        "prize_criteria:",
        "conditions:\n  - requirement: Reproduces\n    categories: [data-leakage]\nprize_criteria:",
    )
    assert tree.problems() == []


def test_finding_in_a_category_the_program_does_not_take(tree: Tree) -> None:
    with_categories(tree, "[jailbreak]")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-3.md:5:11: error: category: program demo does not take "
        "'agent-misbehaviour' findings (hint: its categories: jailbreak)"
    )


# --- campaigns ------------------------------------------------------------------------


def test_campaign_ends_before_it_starts(tree: Tree) -> None:
    tree.append(P, CAMPAIGN.replace("2026-03-01", "2026-06-01"))
    assert only(tree.problems()) == (
        "programs/demo/program.yml:62:10: error: campaigns[0].end: end 2026-05-31 is before "
        "start 2026-06-01"
    )


def test_one_day_campaign_is_fine(tree: Tree) -> None:
    tree.append(P, CAMPAIGN.replace("2026-05-31", "2026-03-01"))
    assert tree.problems() == []


def test_campaign_starting_before_the_program_is_a_warning(tree: Tree) -> None:
    tree.append(P, CAMPAIGN.replace("2026-03-01", "2025-12-31"))
    assert only(tree.problems()) == (
        "programs/demo/program.yml:61:12: warning: campaigns[0].start: the campaign runs outside "
        "the program's duration"
    )


def test_campaign_ending_after_the_program_is_a_warning(tree: Tree) -> None:
    tree.replace(CLUB, "end: 2027-01-01", "end: 2026-05-30")
    tree.append(CLUB, CAMPAIGN)
    assert only(tree.problems(as_of=date(2026, 5, 1))) == (
        "programs/club/program.yml:47:12: warning: campaigns[0].start: the campaign runs outside "
        "the program's duration"
    )


def test_campaign_on_the_programs_first_and_last_day_is_fine(tree: Tree) -> None:
    tree.replace(CLUB, "end: 2027-01-01", "end: 2026-05-31")
    tree.append(CLUB, CAMPAIGN.replace("2026-03-01", "2026-01-01"))
    assert tree.problems(as_of=date(2026, 5, 1)) == []


def test_campaign_target_and_category_unknown(tree: Tree) -> None:
    with_categories(tree)
    tree.append(
        P, CAMPAIGN + "    targets: [Demo-1, Demo-9]\n    categories: [jailbreak, data-leakage]\n"
    )
    assert tree.problems() == [
        "programs/demo/program.yml:64:23: error: campaigns[0].targets[1]: 'Demo-9' is not a "
        "target of this program (hint: targets: Demo-1)",
        "programs/demo/program.yml:65:29: error: campaigns[0].categories[1]: 'data-leakage' is "
        "not one of the program's categories (hint: categories: agent-misbehaviour, jailbreak)",
    ]


def test_finding_names_an_unknown_campaign(tree: Tree) -> None:
    tree.append(P, CAMPAIGN)
    finding_extra(tree, D1, "campaign: autumn\n")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:14:11: error: campaign: no campaign 'autumn' "
        "(hint: campaigns: spring)"
    )


def test_finding_submitted_outside_its_campaign(tree: Tree) -> None:
    tree.append(P, CAMPAIGN)
    finding_extra(tree, D1, "campaign: spring\n")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:14:11: error: campaign: submitted 2026-02-01, outside "
        "campaign 'spring' (2026-03-01 to 2026-05-31)"
    )


def test_finding_submitted_on_a_campaigns_first_and_last_day(tree: Tree) -> None:
    tree.append(P, CAMPAIGN.replace("2026-03-01", "2026-02-01").replace("2026-05-31", "2026-10-01"))
    finding_extra(tree, D1, "campaign: spring\n")
    finding_extra(tree, D3, "campaign: spring\n")
    assert tree.problems() == []


# --- aggregates ----------------------------------------------------------------------


AGGREGATES = "aggregates:\n  publish: true\n  minimum: 5\n"


def test_aggregates_on_a_program_that_publishes_findings(tree: Tree) -> None:
    tree.append(P, AGGREGATES)
    assert only(tree.problems()) == (
        "programs/demo/program.yml:58:3: error: aggregates: aggregates are for non-disclosure "
        "programs; this program publishes its findings (hint: remove aggregates (the site "
        "already shows response times of published findings))"
    )


def test_aggregates_on_an_invite_only_program(tree: Tree) -> None:
    tree.append(CLUB, AGGREGATES)
    assert only(tree.problems()) == (
        "programs/club/program.yml:44:3: error: aggregates: an invite-only program publishes "
        "nothing but its stub, numbers included (hint: remove aggregates)"
    )


def test_aggregates_on_an_application_program_under_non_disclosure(tree: Tree) -> None:
    tree.replace(CLUB, "participation: invite-only", "participation: application")
    tree.append(CLUB, AGGREGATES)
    assert tree.problems() == []


# --- panel members -------------------------------------------------------------------


def test_panel_member_with_neither_name_nor_handle(tree: Tree) -> None:
    tree.replace(P, MEMBERS, MEMBERS.replace("}]", "}, {affiliation: Acme}]"))
    assert only(tree.problems()) == (
        "programs/demo/program.yml:48:70: error: panel.members[3]: a panel member needs a name "
        "or a handle"
    )


def test_panel_handle_twice_whatever_the_case(tree: Tree) -> None:
    tree.replace(P, "{handle: judge-b}", "{handle: Judge-A, name: Again}")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:48:12: error: panel.members: member 'judge-a' twice"
    )


def test_quorum_above_the_members_with_a_handle(tree: Tree) -> None:
    tree.replace(P, MEMBERS, "members: [{handle: judge-a}, {name: Dr. B}, {name: Dr. C}]")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:56:13: error: panel.decision.quorum: quorum 2 is more than "
        "the members who can vote (1 with a GitHub handle) (hint: give members a handle to rule "
        "with bot commands, or lower the quorum)"
    )


def test_quorum_equal_to_the_members_with_a_handle(tree: Tree) -> None:
    tree.replace(P, MEMBERS, "members: [{handle: judge-a}, {name: Dr. B, handle: dr-b}, {name: C}]")
    assert tree.problems() == []


def test_panel_without_handles_rules_outside_the_bot(tree: Tree) -> None:
    tree.replace(P, MEMBERS, "members: [{name: Dr. A}, {name: Dr. B}, {name: Dr. C}]")
    assert tree.problems() == []


# --- participation -------------------------------------------------------------------


def test_trusted_hunters_open_to_everyone_is_a_warning(tree: Tree) -> None:
    tree.replace(P, "model: panel-judged", "model: trusted-hunters")
    tree.replace(P, tree.read(P)[tree.read(P).index("panel:\n") :], "")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:10:16: warning: participation: a trusted-hunters program open "
        "to everyone has no gate (hint: use participation: application (public rules, approved "
        "hunters submit) or invite-only)"
    )


# --- bonuses and prizes cited by findings ---------------------------------------------


BONUSES = (
    "  bonuses:\n"
    "    - {id: report, name: Great report, percent: 25, cap: 1000}\n"
    "    - {id: speed, name: Fast fix help, percent: 10}\n"
)
FIRST_PRIZE = "  prizes:\n    - {id: first, name: First, amount: 3000, winners: 1, points: 40}\n"


def test_finding_cites_an_unknown_bonus(tree: Tree) -> None:
    finding_extra(tree, D1, "bonuses: [report]\n")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:14:11: error: bonuses[0]: no bonus 'report' "
        "(hint: no bonuses declared)"
    )


def test_finding_cites_an_unknown_prize(tree: Tree) -> None:
    tree.append(P, CAMPAIGN + SPRING_PRIZE)
    finding_extra(tree, D1, "prize: spring-first\n")  # a campaign's prize, but no campaign
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:14:8: error: prize: no prize 'spring-first' in the "
        "program"
    )


def test_finding_cites_a_prize_its_campaign_does_not_have(tree: Tree) -> None:
    tree.append(P, CAMPAIGN + SPRING_PRIZE)
    tree.replace(D3, "submitted: 2026-10-01", "submitted: 2026-04-01")
    finding_extra(tree, D3, "campaign: spring\nprize: nope\n")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-3.md:13:8: error: prize: no prize 'nope' in the program or "
        "campaign 'spring'"
    )


def test_finding_wins_its_campaigns_prize(tree: Tree) -> None:
    tree.append(P, CAMPAIGN + SPRING_PRIZE)
    tree.replace(D3, "submitted: 2026-10-01", "submitted: 2026-04-01")
    finding_extra(tree, D3, "campaign: spring\nprize: spring-first\n")
    assert tree.problems() == []


def _first_prize_claimed(tree: Tree) -> None:
    """DEMO-1 (accepted 2026-02-05), DEMO-3 (accepted 2026-10-10) and DEMO-4 (submitted first,
    accepted last) claim a one-winner prize; the duplicate DEMO-2 claims it too, but is not
    valid and does not count."""
    rewards_extra(tree, FIRST_PRIZE)
    for path in (D1, D3):
        finding_extra(tree, path, "prize: first\n")
    tree.replace(D2, "submitted: 2026-02-02\n", "submitted: 2026-02-02\nprize: first\n")
    demo_4 = (
        tree.read(D1)
        .replace("DEMO-1", "DEMO-4")
        .replace("submitted: 2026-02-01", "submitted: 2026-01-20")
        .replace("accepted: 2026-02-05", "accepted: 2026-11-01")
        .replace("fixed: 2026-03-01", "fixed: 2026-11-02")
        .replace("disclose_on: 2026-05-06", "disclose_on: 2027-02-01")
        .replace("reward: 5000", "reward: 0")
    )
    tree.write("demo/findings/DEMO-4.md", demo_4)


def test_first_n_prize_won_by_too_many_findings(tree: Tree) -> None:
    _first_prize_claimed(tree)
    assert tree.problems() == [
        "programs/demo/findings/DEMO-3.md:12:8: error: prize: prize 'first' has 1 winner(s), "
        "already won by DEMO-1",
        "programs/demo/findings/DEMO-4.md:14:8: error: prize: prize 'first' has 1 winner(s), "
        "already won by DEMO-1",
    ]


def test_first_n_prize_with_room_for_every_winner(tree: Tree) -> None:
    _first_prize_claimed(tree)
    tree.replace(P, "winners: 1", "winners: 3")
    assert tree.problems() == []


def test_first_n_prize_ignores_findings_that_are_not_valid(tree: Tree) -> None:
    _first_prize_claimed(tree)
    tree.replace(D3, "status: accepted", "status: rejected")
    tree.replace(D3, "reward: 15000", "reward: 0")
    tree.replace(D3, "disclose_on: 2027-01-08\n", "")
    tree.replace("demo/findings/DEMO-4.md", "status: fixed", "status: wont-fix")
    assert tree.problems() == [
        "programs/demo/findings/DEMO-4.md:14:8: error: prize: prize 'first' has 1 winner(s), "
        "already won by DEMO-1",
    ]


# --- moves ---------------------------------------------------------------------------


def test_moved_from_its_own_program(tree: Tree) -> None:
    finding_extra(tree, D1, "moved_from:\n  program: demo\n  date: 2026-02-02\n  reason: Wrong\n")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:15:12: error: moved_from.program: moved_from names the "
        "program the finding is in (hint: name the program it was filed under)"
    )


def test_moved_before_it_was_submitted(tree: Tree) -> None:
    finding_extra(tree, D1, "moved_from:\n  program: club\n  date: 2026-01-31\n  reason: Wrong\n")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:16:9: error: moved_from.date: moved on 2026-01-31, "
        "before it was submitted (2026-02-01)"
    )


def test_moved_on_the_day_it_was_submitted(tree: Tree) -> None:
    finding_extra(tree, D1, "moved_from:\n  program: club\n  date: 2026-02-01\n  reason: Wrong\n")
    assert tree.problems() == []


# --- the reward ceiling ---------------------------------------------------------------


def _ceiling_terms(tree: Tree) -> None:
    """DEMO-1 (high: max 10000) earns both bonuses (25% capped at 1000, 10% uncapped) and the
    prize (3000): 10000 + 1000 + 1000 + 3000 = 15000."""
    rewards_extra(tree, BONUSES + FIRST_PRIZE)
    finding_extra(tree, D1, "bonuses: [report, speed]\nprize: first\n")


def test_reward_exactly_at_the_ceiling(tree: Tree) -> None:
    _ceiling_terms(tree)
    tree.replace(D1, "reward: 5000", "reward: 15000")
    assert tree.problems() == []


def test_reward_above_the_ceiling(tree: Tree) -> None:
    _ceiling_terms(tree)
    tree.replace(D1, "reward: 5000", "reward: 15001")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:13:9: error: reward: reward 15001 is outside what the "
        "terms allow for high (2000 to 15000 USD, bonuses and prize included)"
    )


def test_reward_above_the_row_without_bonuses_or_prize(tree: Tree) -> None:
    rewards_extra(tree, BONUSES + FIRST_PRIZE)
    tree.replace(D1, "reward: 5000", "reward: 10001")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:13:9: error: reward: reward 10001 is outside what the "
        "terms allow for high (2000 to 10000 USD, bonuses and prize included)"
    )


def test_flat_bonus_adds_its_amount_up_to_its_cap(tree: Tree) -> None:
    rewards_extra(
        tree,
        "  bonuses:\n"
        "    - {id: novel, name: Novel, amount: 2000}\n"
        "    - {id: tidy, name: Tidy report, amount: 2000, cap: 500}\n",
    )
    finding_extra(tree, D1, "bonuses: [novel, tidy]\n")
    tree.replace(D1, "reward: 5000", "reward: 12500")  # 10000 + 2000 + 500
    assert tree.problems() == []
    tree.replace(D1, "reward: 12500", "reward: 12501")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:13:9: error: reward: reward 12501 is outside what the "
        "terms allow for high (2000 to 12500 USD, bonuses and prize included)"
    )


def test_reward_in_a_tiered_table_uses_the_targets_tier(tree: Tree) -> None:
    tiered(tree)
    tree.replace(D1, 'name: Demo-1\n    version: "2026-01"', "name: Demo-mini\n    version: x")
    tree.replace(D1, "reward: 5000", "reward: 5001")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:13:9: error: reward: reward 5001 is outside what the "
        "terms allow for high x standard (1000 to 5000 USD, bonuses and prize included)"
    )


def _prizes_only(tree: Tree) -> None:
    """The demo program as a challenge: one prize, no table; DEMO-1 won it, DEMO-2 was
    rejected and DEMO-3 is accepted without a prize."""
    tree.replace(P, TABLE, "  prizes:\n    - {id: first, name: First, amount: 10000, points: 40}\n")
    finding_extra(tree, D1, "prize: first\n")
    tree.replace(D2, "status: duplicate\nduplicate_of: DEMO-1\n", "status: rejected\n")
    tree.replace(D2, "disclose_on: 2026-05-06\n", "")
    tree.replace(D3, "reward: 15000", "reward: 0")


def test_prizes_only_program_takes_findings_that_won_nothing(tree: Tree) -> None:
    _prizes_only(tree)
    assert tree.problems() == []


def test_prizes_only_program_pays_nothing_without_a_prize(tree: Tree) -> None:
    _prizes_only(tree)
    tree.replace(D3, "reward: 0", "reward: 1")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-3.md:11:9: error: reward: reward 1 is outside what the "
        "terms allow for critical (0 to 0 USD, bonuses and prize included)"
    )


# --- every field at once --------------------------------------------------------------


def test_a_program_using_every_format_2_field_is_valid(tree: Tree) -> None:
    tree.write("site.yml", "format: 2\n" + tree.read("site.yml"))
    write_full_program(tree)
    content, problems = tree.validate()
    assert [p.as_text() for p in problems] == []
    program = content.programs["full"].program
    assert program.format == 2
    assert [m.shown_name for m in program.panel.members] == [
        "Dr. Ama Osei",
        "judge-b",
        "Dr. Lee, without a handle",
    ]
    moved = next(e for e in content.findings if e.id == "FULL-1").finding.moved_from
    assert moved is not None and moved.date.isoformat() == "2026-02-02"


def test_reward_above_the_campaigns_largest_reward(tree: Tree) -> None:
    early = CAMPAIGN.replace("2026-03-01", "2026-01-01") + "    max_reward: 4999\n"
    tree.append(P, early)
    finding_extra(tree, D1, "campaign: spring\n")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:13:9: error: reward: reward 5000 is above the largest "
        "reward of campaign 'spring' (4999)"
    )


def test_reward_at_the_campaigns_largest_reward_is_fine(tree: Tree) -> None:
    tree.append(P, CAMPAIGN.replace("2026-03-01", "2026-01-01") + "    max_reward: 5000\n")
    finding_extra(tree, D1, "campaign: spring\n")
    assert tree.problems() == []
