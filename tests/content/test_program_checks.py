"""Rules about programs, policies, hunters and settings that span fields or files."""

from datetime import date

from tests.conftest import Tree, only


def test_paused_needs_a_reason(tree: Tree) -> None:
    tree.replace("demo/program.yml", "status: open", "status: paused")
    assert only(tree.problems()) == (
        "programs/demo/program.yml:9:9: error: status: a paused program needs a pause reason and "
        "date (hint: add pause: {reason: ..., since: YYYY-MM-DD})"
    )


def test_pause_on_an_open_program(tree: Tree) -> None:
    tree.append("demo/program.yml", "pause:\n  reason: Incident\n  since: 2026-05-01\n")
    assert only(tree.problems()).startswith(
        "programs/demo/program.yml:58:3: error: pause: pause is set but status is open"
    )


def test_invite_only_needs_apply(tree: Tree) -> None:
    tree.replace("club/program.yml", "apply: Write to us with your track record.\n", "")
    assert only(tree.problems()).startswith(
        "programs/club/program.yml:9:16: error: participation: an invite-only program must say "
        "how to apply"
    )


def test_end_before_start(tree: Tree) -> None:
    tree.replace("club/program.yml", "end: 2027-01-01", "end: 2025-01-01")
    assert (
        "programs/club/program.yml:13:8: error: duration.end: end 2025-01-01 is before start "
        "2026-01-01" in tree.problems()
    )


def test_open_program_past_its_end_is_a_warning(tree: Tree) -> None:
    problems = tree.problems(as_of=date(2027, 2, 1))
    assert (
        "programs/club/program.yml:13:8: warning: duration.end: the program ended on 2027-01-01 "
        "but its status is open (hint: set status: closed)"
    ) in problems


def test_extended_access_needs_kinds(tree: Tree) -> None:
    tree.replace("club/program.yml", "  extended: [activations]\n", "")
    assert only(tree.problems()).startswith(
        "programs/club/program.yml:16:3: error: access.extended: access level extended needs"
    )


def test_extended_kinds_without_extended_level(tree: Tree) -> None:
    tree.replace("club/program.yml", "level: extended", "level: private-api")
    assert only(tree.problems()).startswith(
        "programs/club/program.yml:17:13: error: access.extended: extended access listed but "
        "level is private-api"
    )


def test_unknown_policy_lists_known_ones(tree: Tree) -> None:
    tree.replace("demo/program.yml", "disclosure_policy: coordinated", "disclosure_policy: coord")
    assert only(tree.errors()) == (
        "programs/demo/program.yml:37:20: error: disclosure_policy: no disclosure policy 'coord' "
        "(hint: known policies: coordinated, secret)"
    )


def test_reference_to_an_invalid_policy_is_not_reported_twice(tree: Tree) -> None:
    tree.replace("_policies/coordinated.yml", "embargo_days: 90", "embargo_days: ninety")
    assert only(tree.errors()).startswith("programs/_policies/coordinated.yml:3:15: error:")


def test_overdue_risk_review_is_a_warning(tree: Tree) -> None:
    _, problems = tree.validate(as_of=date(2027, 3, 2))
    texts = [p.as_text() for p in problems]
    assert (
        "programs/demo/program.yml:44:16: warning: risk_review.last_review: risk review overdue "
        "since 2027-03-01 (last review 2026-03-01, every 365 days) (hint: review the program's "
        "risks and update last_review, or pause it)"
    ) in texts
    assert not [p for p in problems if p.is_error]


def test_risk_review_due_today_is_not_overdue(tree: Tree) -> None:
    assert not [p for p in tree.problems(as_of=date(2027, 3, 1)) if "demo/program.yml" in p]


def test_tier_min_above_max(tree: Tree) -> None:
    tree.replace("demo/program.yml", "low, min: 100, max: 500", "low, min: 600, max: 500")
    assert only(tree.problems()).startswith(
        "programs/demo/program.yml:33:26: error: rewards.table[0].min: min 600 is above max 500"
    )


def test_tier_max_above_max_per_prize(tree: Tree) -> None:
    tree.replace(
        "demo/program.yml", "critical, min: 10000, max: 20000", "critical, min: 10000, max: 30000"
    )
    assert only(tree.problems()).startswith(
        "programs/demo/program.yml:36:43: error: rewards.table[3].max: max 30000 is above "
        "max_per_prize 20000"
    )


def test_max_per_prize_above_pool(tree: Tree) -> None:
    tree.replace("demo/program.yml", "pool: 100000", "pool: 10000")
    assert "rewards.max_per_prize: max_per_prize 20000 is above the pool 10000" in "\n".join(
        tree.errors()
    )


def test_hunter_handle_must_match_file(tree: Tree) -> None:
    tree.replace("_hunters/alice.yml", "handle: alice", "handle: alicia")
    assert only(tree.problems()) == (
        "programs/_hunters/alice.yml:1:9: error: handle: handle 'alicia' differs from the file "
        "name 'alice' (hint: rename the file to alicia.yml or fix the handle)"
    )


def test_alias_needed_when_shown_by_alias(tree: Tree) -> None:
    tree.replace("_hunters/bob.yml", "  alias: The Builder\n", "")
    assert only(tree.problems()).startswith(
        "programs/_hunters/bob.yml:5:3: error: leaderboard: leaderboard.show is alias but no alias"
    )


def test_full_disclosure_has_no_embargo(tree: Tree) -> None:
    tree.replace("_policies/coordinated.yml", "model: coordinated", "model: full")
    assert only(tree.problems()).startswith(
        "programs/_policies/coordinated.yml:3:15: error: embargo_days: a full-disclosure policy "
        "has no embargo"
    )


def test_contact_needs_email_or_url(tree: Tree) -> None:
    tree.replace("demo/program.yml", "    email: bounty@demo.test\n", "    monitored_by: Team\n")
    assert only(tree.problems()).startswith(
        "programs/demo/program.yml:8:5: error: organizer.contact: the monitored contact needs"
    )


def test_invitation_for_unknown_hunter(tree: Tree) -> None:
    tree.append("club/invitations.yml", "  - hunter: carol\n    since: 2026-01-01\n")
    assert only(tree.problems()) == (
        "programs/club/invitations.yml:8:13: error: invited[1].hunter: no hunter 'carol' "
        "(hint: add programs/_hunters/carol.yml)"
    )


def test_invitations_on_a_public_program_warn(tree: Tree) -> None:
    tree.write("demo/invitations.yml", "invited: []\n")
    assert only(tree.problems()).startswith(
        "programs/demo/invitations.yml:1:1: warning: invitations.yml has no effect"
    )


def test_access_grant_cannot_end_before_the_invitation(tree: Tree) -> None:
    tree.replace("club/invitations.yml", "        until: 2026-06-30", "        until: 2025-06-30")
    assert only(tree.problems()) == (
        "programs/club/invitations.yml:7:16: error: invited[0].access[0].until: access "
        "'activations' ends on 2025-06-30, before the invitation starts (2026-01-01)"
    )
