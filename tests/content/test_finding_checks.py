"""Cross-file rules about findings: ids, hunters, dates, duplicates, rewards."""

from tests.conftest import Tree, only

D1 = "demo/findings/DEMO-1.md"


def test_id_must_match_file_name(tree: Tree) -> None:
    tree.replace(D1, "id: DEMO-1", "id: DEMO-01")
    problems = tree.problems()
    assert (
        "programs/demo/findings/DEMO-1.md:2:5: error: id: id 'DEMO-01' differs from the file name "
        "'DEMO-1' (hint: rename the file to DEMO-01.md or change the id)"
    ) in problems


def test_ids_are_unique_site_wide(tree: Tree) -> None:
    tree.write("club/findings/DEMO-1.md", tree.read(D1))
    problems = "\n".join(tree.errors())
    assert (
        "programs/demo/findings/DEMO-1.md:2:5: error: id: duplicate finding id 'DEMO-1' "
        "(also in programs/club/findings/DEMO-1.md)" in problems
    )


def test_unknown_hunter(tree: Tree) -> None:
    tree.replace(D1, "hunters: [alice]", "hunters: [alice, mallory]")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:7:18: error: hunters[1]: no hunter 'mallory' "
        "(hint: add programs/_hunters/mallory.yml)"
    )


def test_hunter_listed_twice(tree: Tree) -> None:
    tree.replace(D1, "hunters: [alice]", "hunters: [alice, alice]")
    assert "hunters[1]: hunter 'alice' is listed twice" in only(tree.problems())


def test_disclose_on_before_submitted(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-3.md", "disclose_on: 2027-01-08", "disclose_on: 2026-09-01")
    assert only(tree.errors()) == (
        "programs/demo/findings/DEMO-3.md:10:14: error: disclose_on: disclose_on 2026-09-01 is "
        "before submitted 2026-10-01"
    )


def test_fixed_before_accepted(tree: Tree) -> None:
    tree.replace(D1, "fixed: 2026-03-01", "fixed: 2026-02-04")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:11:8: error: fixed: fixed 2026-02-04 is before "
        "accepted 2026-02-05"
    )


def test_status_needs_its_date(tree: Tree) -> None:
    tree.replace(D1, "fixed: 2026-03-01\n", "")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:6:9: error: status: status fixed needs the date 'fixed' "
        "(hint: add fixed: YYYY-MM-DD)"
    )


def test_duplicate_needs_its_original(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-2.md", "duplicate_of: DEMO-1\n", "")
    assert only(tree.problems()).startswith(
        "programs/demo/findings/DEMO-2.md:6:9: error: status: a duplicate must name its original"
    )


def test_duplicate_of_unknown(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-2.md", "duplicate_of: DEMO-1", "duplicate_of: DEMO-99")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-2.md:7:15: error: duplicate_of: no finding 'DEMO-99'"
    )


def test_duplicate_of_itself(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-2.md", "duplicate_of: DEMO-1", "duplicate_of: DEMO-2")
    assert "a finding cannot duplicate itself" in only(tree.problems())


def test_duplicate_of_another_programs_finding(tree: Tree) -> None:
    tree.replace("demo/findings/DEMO-2.md", "duplicate_of: DEMO-1", "duplicate_of: CLUB-1")
    assert "'CLUB-1' belongs to program club, not demo" in only(tree.problems())


def test_duplicate_of_without_duplicate_status(tree: Tree) -> None:
    tree.replace(
        "demo/findings/DEMO-2.md", "status: duplicate", "status: accepted\naccepted: 2026-02-05"
    )
    assert "duplicate_of: duplicate_of is set but status is accepted" in "\n".join(tree.errors())


def test_reward_outside_tier(tree: Tree) -> None:
    tree.replace(D1, "reward: 5000", "reward: 50000")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:13:9: error: reward: reward 50000 is outside what the "
        "terms allow for high (2000 to 10000 USD, bonuses and prize included)"
    )


def test_duplicate_may_get_a_share_below_the_tier(tree: Tree) -> None:
    tree.append("demo/findings/DEMO-2.md", "")
    tree.replace(
        "demo/findings/DEMO-2.md", "submitted: 2026-02-02", "submitted: 2026-02-02\nreward: 500"
    )
    assert tree.problems() == []


def test_rejected_finding_earns_nothing(tree: Tree) -> None:
    tree.replace(
        "club/findings/CLUB-1.md", "submitted: 2026-03-01", "submitted: 2026-03-01\nreward: 1000"
    )
    assert "reward: a triaged finding earns no reward" in only(tree.problems())


def test_severity_without_a_tier(tree: Tree) -> None:
    tree.replace("club/findings/CLUB-1.md", "severity: high", "severity: low")
    assert only(tree.problems()) == (
        "programs/club/findings/CLUB-1.md:4:11: error: severity: the reward table has no row for "
        "low (hint: rows: high)"
    )


def test_affected_target_must_exist(tree: Tree) -> None:
    tree.replace(D1, "  - name: Demo-1", "  - name: Demo-2")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:15:11: error: affected[0].name: 'Demo-2' is not a "
        "target of program demo (hint: targets: Demo-1)"
    )


def test_invite_only_hunter_must_be_invited(tree: Tree) -> None:
    tree.replace("club/findings/CLUB-1.md", "hunters: [alice]", "hunters: [bob]")
    assert only(tree.problems()) == (
        "programs/club/findings/CLUB-1.md:7:11: error: hunters[0]: hunter 'bob' was not invited "
        "to invite-only program club on 2026-03-01 (hint: add them to invitations.yml with dates "
        "covering the submission)"
    )


def test_expired_invitation_does_not_count(tree: Tree) -> None:
    tree.replace("club/invitations.yml", "until: 2026-12-31", "until: 2026-02-28")
    assert "hunter 'alice' was not invited" in only(tree.problems())


def test_unclosed_redaction_is_reported_at_its_line(tree: Tree) -> None:
    tree.append(D1, "\n::: redacted Synthesis route\nhazard\n")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:23:1: error: redacted section is never closed with "
        "':::' (hint: wrap hazardous text in '::: redacted' and ':::' lines)"
    )


def test_stray_redaction_end(tree: Tree) -> None:
    tree.append(D1, ":::\n")
    assert "':::' closes no redacted section" in only(tree.problems())


def test_disclose_on_for_a_status_never_published(tree: Tree) -> None:
    tree.replace(D1, "status: fixed", "status: rejected")
    tree.replace(D1, "reward: 5000", "reward: 0")
    problems = "\n".join(tree.errors())
    assert (
        "programs/demo/findings/DEMO-1.md:12:14: error: disclose_on: disclose_on is set but status "
        "rejected is never published (publishable: accepted, fixed, wont-fix, duplicate) "
        "(hint: remove disclose_on, or fix what blocks publication)"
    ) in problems


def test_disclose_on_in_an_invite_only_program(tree: Tree) -> None:
    tree.replace(
        "club/findings/CLUB-1.md",
        "triaged: 2026-03-02",
        "triaged: 2026-03-02\ndisclose_on: 2026-06-01",
    )
    assert "findings of invite-only programs are never published" in only(tree.problems())


def test_disclose_on_under_a_non_disclosure_policy(tree: Tree) -> None:
    tree.replace("demo/program.yml", "disclosure_policy: coordinated", "disclosure_policy: secret")
    tree.append("demo/program.yml", "submit:\n  channel: private-reports\n")
    problems = tree.errors()
    assert len(problems) == 3
    assert all("the program's policy is non-disclosure" in p for p in problems)


def test_public_repository_refuses_undisclosed_findings(tree: Tree) -> None:
    tree.replace("site.yml", "public: false", "public: true")
    problems = tree.errors()
    by_file = {p.split(":")[0]: p for p in problems}
    assert len(problems) == len(by_file) == 3
    assert set(by_file) == {
        "programs/club/invitations.yml",
        "programs/club/findings/CLUB-1.md",
        "programs/demo/findings/DEMO-3.md",
    }
    assert (
        "invitations.yml would tell anyone who is invited"
        in by_file["programs/club/invitations.yml"]
    )
    problem = by_file["programs/demo/findings/DEMO-3.md"]
    assert "this content repository is public" in problem
    assert "anyone can read it in the repository, its forks and clones" in problem


def test_public_repository_passes_once_everything_is_disclosed(tree: Tree) -> None:
    tree.replace("site.yml", "public: false", "public: true")
    tree.path("club/findings/CLUB-1.md").unlink()
    tree.path("club/invitations.yml").unlink()
    tree.path("demo/findings/DEMO-3.md").unlink()
    assert tree.problems() == []


def test_first_response_after_triage(tree: Tree) -> None:
    tree.replace(D1, "triaged: 2026-02-03", "first_response: 2026-02-04\ntriaged: 2026-02-03")
    assert only(tree.problems()).endswith(
        "error: triaged: triaged 2026-02-03 is before first_response 2026-02-04"
    )


def test_disclosure_before_the_embargo_ends_is_a_warning(tree: Tree) -> None:
    tree.replace(D1, "disclose_on: 2026-05-06", "disclose_on: 2026-03-01")
    assert only(tree.problems()) == (
        "programs/demo/findings/DEMO-1.md:12:14: warning: disclose_on: disclose_on 2026-03-01 is "
        "before the end of the policy's 90-day embargo (2026-05-06) (hint: fine for an agreed "
        "early release; say why in the write-up)"
    )


def test_submission_before_the_program_started_is_a_warning(tree: Tree) -> None:
    tree.replace(D1, "submitted: 2026-02-01", "submitted: 2025-12-30")
    assert only(tree.problems()).startswith(
        "programs/demo/findings/DEMO-1.md:8:12: warning: submitted: submitted 2025-12-30 is before "
        "the program started (2026-01-01)"
    )
