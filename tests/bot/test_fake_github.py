"""The fake GitHub server, driven through github3.py the way the triage bot drives it."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from typing import Any

import github3
import pytest
import requests
from github3 import exceptions as gh_errors
from github3.session import GitHubSession

from tests.bot.fake_github import BOT_LOGIN, FakeGitHub


@pytest.fixture
def server() -> Iterator[FakeGitHub]:
    with FakeGitHub() as fake:
        fake.add_issue(7, title="Jailbreak via tool output", body="Steps...", author="alice")
        yield fake


@pytest.fixture
def gh(server: FakeGitHub) -> github3.GitHubEnterprise:
    return github3.GitHubEnterprise(server.base_url, token="test-token")


@pytest.fixture
def repo(gh: github3.GitHubEnterprise) -> Any:
    return gh.repository("acme", "bounties")


def urls_in(value: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from urls_in(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from urls_in(v, key)
    elif isinstance(value, str) and "://" in value:
        yield key, value


# ---------------------------------------------------------------- shapes and URLs


def test_repository_json_builds_github3_objects(server: FakeGitHub, repo: Any) -> None:
    assert repo.full_name == "acme/bounties"
    assert repo.default_branch == "main"
    assert repo.owner.login == "acme"
    assert repo.permissions == {
        "admin": False,
        "maintain": False,
        "push": True,
        "triage": True,
        "pull": True,
    }
    assert repo.url == f"{server.base_url}/api/v3/repos/acme/bounties"


def test_every_url_in_every_response_points_back(server: FakeGitHub, repo: Any) -> None:
    server.add_comment(7, author="bob", body="me too")
    server.add_file("README.md", "# Bounties\n")
    repo.issue(7).add_labels("submission")
    repo.create_branch_ref("bounty/7", repo.branch("main").commit.sha)
    repo.create_file("submissions/7.md", "Add #7", b"x\n", branch="bounty/7")
    repo.create_pull("Add #7", "main", "bounty/7", "Closes #7")
    server.set_permission("bob", "write")
    api = f"{server.api_url}/repos/acme/bounties"
    paths = [
        "",
        "/issues/7",
        "/issues",
        "/issues/7/comments",
        "/issues/7/labels",
        "/labels",
        "/labels/submission",
        "/branches/main",
        "/git/ref/heads/main",
        "/contents/README.md",
        "/contents/submissions?ref=bounty/7",
        "/pulls",
        "/pulls/8",
        "/collaborators/bob/permission",
    ]
    seen = 0
    for path in paths:
        response = repo.session.get(api + path)
        assert response.status_code == 200, path
        for key, url in urls_in(response.json()):
            seen += 1
            # http(s) URLs and the git:// clone URL alike name this server.
            assert f"://127.0.0.1:{server.port}/" in url, (path, key, url)
        link = response.headers.get("Link", "")
        assert "://" not in link or server.base_url in link
    assert seen > 300


def test_issue_and_its_labels(server: FakeGitHub, repo: Any) -> None:
    server.add_issue(
        9, title="Empty", body=None, author="dependabot[bot]", labels=["submission", "P1"]
    )
    issue = repo.issue(9)
    assert (issue.number, issue.title, issue.body, issue.state) == (9, "Empty", None, "open")
    assert issue.user.login == "dependabot[bot]" and issue.user.type == "Bot"
    assert [str(label) for label in issue.original_labels] == ["submission", "P1"]
    # Labels missing from the repository were created with GitHub's default colour.
    assert server.labels["P1"]["color"] == "ededed"
    assert issue.comments_count == 0 and issue.pull_request_urls is None


# ---------------------------------------------------------------- comments


def test_comments_page_through_more_than_100(server: FakeGitHub, repo: Any) -> None:
    for i in range(150):
        server.add_comment(7, author="bob", body=f"comment {i}")
    comments = list(repo.issue(7).comments())
    assert [c.body for c in comments] == [f"comment {i}" for i in range(150)]
    # github3 asks for per_page=100 and follows rel="next" once.
    assert server.count("GET", r"^/repos/acme/bounties/issues/7/comments$") == 2
    huge = repo.session.get(f"{repo.url}/issues/7/comments", params={"per_page": 1000})
    assert len(huge.json()) == 100  # per_page is capped at 100, as on GitHub


def test_link_header_like_github(server: FakeGitHub, gh: Any) -> None:
    for i in range(65):
        server.add_comment(7, author="bob", body=f"c{i}")
    url = f"{server.api_url}/repos/acme/bounties/issues/7/comments"
    first = gh.session.get(url)
    assert len(first.json()) == 30  # GitHub's default page size
    by_id = f"{server.api_url}/repositories/{server.main.id}/issues/7/comments"
    assert first.links["next"]["url"] == f"{by_id}?page=2"
    assert first.links["last"]["url"] == f"{by_id}?page=3"
    middle = gh.session.get(url, params={"per_page": 30, "page": 2})
    assert set(middle.links) == {"prev", "next", "last", "first"}
    assert middle.links["next"]["url"] == f"{by_id}?per_page=30&page=3"
    last = gh.session.get(middle.links["last"]["url"])
    assert [c["body"] for c in last.json()] == ["c60", "c61", "c62", "c63", "c64"]
    assert "next" not in last.links


def test_create_edit_and_delete_a_comment(server: FakeGitHub, repo: Any) -> None:
    issue = repo.issue(7)
    comment = issue.create_comment("Thanks, triaging.")
    assert comment.user.login == BOT_LOGIN == "github-actions[bot]"
    assert comment.user.type == "Bot"
    assert comment.performed_via_github_app["slug"] == "github-actions"
    assert comment.created_at == comment.updated_at
    assert server.comments[7][-1]["body"] == "Thanks, triaging."
    assert comment.edit("Triaged.")
    assert comment.body == "Triaged." and comment.updated_at > comment.created_at
    assert issue.comment(comment.id).body == "Triaged."
    assert comment.delete()
    assert server.comments[7] == []
    with pytest.raises(gh_errors.UnprocessableEntity):
        issue._json(issue._post(issue.comments_url, data={"body": "x" * 65537}), 201)


def test_edited_comment_has_later_updated_at(server: FakeGitHub, repo: Any) -> None:
    server.add_comment(7, author="maintainer", body="/accept", edited=True)
    server.add_comment(7, author="maintainer", body="/reject")
    edited, plain = repo.issue(7).comments()
    assert edited.updated_at > edited.created_at
    assert plain.updated_at == plain.created_at
    assert repo.issue(7).updated_at >= edited.updated_at


# ---------------------------------------------------------------- labels, state


def test_add_and_remove_labels(server: FakeGitHub, repo: Any) -> None:
    repo.create_label("submission", "#0e8a16", "A bounty submission")
    issue = repo.issue(7)
    added = issue.add_labels("SUBMISSION", "needs-triage")
    # Names match without regard to case; a missing label is created in the repository.
    assert [str(label) for label in added] == ["submission", "needs-triage"]
    assert server.labels["needs-triage"]["color"] == "ededed"
    assert [str(label) for label in issue.remove_label("needs-triage")] == ["submission"]
    # github3's remove_label passes 404 as `include_cache_info`, so a label that is not on the
    # issue raises instead of returning [].
    with pytest.raises(gh_errors.NotFoundError, match="Label does not exist"):
        issue.remove_label("needs-triage")
    assert [str(x) for x in issue.replace_labels(["accepted"])] == ["accepted"]
    assert [x["name"] for x in server.issues[7]["labels"]] == ["accepted"]


def test_repository_labels(server: FakeGitHub, repo: Any) -> None:
    label = repo.create_label("severity:high", "#b60205", "High severity")
    assert (label.name, label.color, label.description) == (
        "severity:high",
        "b60205",
        "High severity",
    )
    assert repo.label("Severity:High").name == "severity:high"
    with pytest.raises(gh_errors.UnprocessableEntity) as error:
        repo.create_label("SEVERITY:HIGH", "ffffff")
    assert error.value.errors == [{"resource": "Label", "code": "already_exists", "field": "name"}]
    with pytest.raises(gh_errors.NotFoundError):
        repo.label("missing")
    for i in range(120):
        server.add_label(f"l{i}")
    assert len(list(repo.labels())) == 121


def test_close_and_reopen_an_issue(server: FakeGitHub, repo: Any) -> None:
    issue = repo.issue(7)
    assert issue.edit(state="closed")
    assert issue.state == "closed" and issue.is_closed()
    stored = server.issues[7]
    assert stored["state_reason"] == "completed"
    assert stored["closed_by"]["login"] == BOT_LOGIN
    response = repo.session.patch(
        issue.url, json={"state": "closed", "state_reason": "not_planned"}
    )
    assert response.json()["state_reason"] == "not_planned"
    assert issue.edit(state="open", title="Renamed")
    assert (stored["state"], stored["state_reason"], stored["closed_at"]) == (
        "open",
        "reopened",
        None,
    )
    with pytest.raises(gh_errors.UnprocessableEntity):
        issue.edit(state="merged")


def test_collaborator_permissions(server: FakeGitHub, gh: Any) -> None:
    for user, role in [("ann", "admin"), ("mo", "maintain"), ("wu", "write"), ("tia", "triage")]:
        server.set_permission(user, role)
    url = f"{server.api_url}/repos/acme/bounties/collaborators/{{}}/permission"
    answers = {u: gh.session.get(url.format(u)).json() for u in ("ann", "mo", "wu", "tia", "zed")}
    # `permission` is the legacy base role (maintain -> write, triage -> read); `role_name` is real.
    assert {u: a["permission"] for u, a in answers.items()} == {
        "ann": "admin",
        "mo": "write",
        "wu": "write",
        "tia": "read",
        "zed": "none",
    }
    assert answers["mo"]["role_name"] == "maintain"
    assert answers["wu"]["user"]["login"] == "wu"
    assert answers["wu"]["user"]["permissions"]["push"] is True
    with pytest.raises(ValueError):
        server.set_permission("x", "owner")


# ---------------------------------------------------------------- git, contents, pulls


def test_branch_file_and_pull_request(server: FakeGitHub, repo: Any) -> None:
    main = repo.branch("main")
    assert main.name == "main" and main.commit.sha == server.branches["main"]
    ref = repo.create_branch_ref("bounty/issue-7", main.commit.sha)
    assert ref.ref == "refs/heads/bounty/issue-7" and ref.object.sha == main.commit.sha
    with pytest.raises(gh_errors.UnprocessableEntity, match="Reference already exists"):
        repo.create_branch_ref("bounty/issue-7", main.commit.sha)
    # github3's message is only "422 Validation Failed": GitHub's reason is in `.errors`.
    with pytest.raises(gh_errors.UnprocessableEntity) as error:
        repo.create_pull("Too early", "main", "bounty/issue-7", "")
    assert error.value.errors[0]["message"] == "No commits between main and bounty/issue-7"

    created = repo.create_file(
        "submissions/7.md", "Add submission #7", b"# Finding\n", branch="bounty/issue-7"
    )
    assert created["commit"].sha == server.branches["bounty/issue-7"] != main.commit.sha
    assert created["content"].path == "submissions/7.md"
    assert server.files[("bounty/issue-7", "submissions/7.md")] == "# Finding\n"
    assert ("main", "submissions/7.md") not in server.files
    contents = repo.file_contents("submissions/7.md", ref="bounty/issue-7")
    assert contents.decoded == b"# Finding\n" and contents.encoding == "base64"
    with pytest.raises(gh_errors.NotFoundError):
        repo.file_contents("submissions/7.md", ref="main")

    pull = repo.create_pull("Add submission #7", "main", "bounty/issue-7", "Closes #7")
    assert (pull.number, pull.head.ref, pull.base.ref) == (8, "bounty/issue-7", "main")
    assert pull.head.sha == server.branches["bounty/issue-7"]
    assert server.pulls[0]["user"]["login"] == BOT_LOGIN
    with pytest.raises(gh_errors.UnprocessableEntity) as error:
        repo.create_pull("Again", "main", "bounty/issue-7", "")
    assert (
        error.value.errors[0]["message"] == "A pull request already exists for acme:bounty/issue-7."
    )
    assert [p.number for p in repo.pull_requests(head="acme:bounty/issue-7")] == [8]
    assert list(repo.pull_requests(head="acme:other")) == []
    # Pull requests share the issue number space, like on GitHub.
    assert repo.issue(8).pull_request_urls["url"].endswith("/pulls/8")


def test_updating_a_file_needs_its_sha(server: FakeGitHub, repo: Any) -> None:
    server.add_file("data/ledger.json", "[]\n")
    url = f"{server.api_url}/repos/acme/bounties/contents/data/ledger.json"
    body = {"message": "Update", "content": base64.b64encode(b"[1]\n").decode()}
    missing = repo.session.put(url, json=body)
    assert (missing.status_code, missing.json()["message"]) == (
        422,
        'Invalid request.\n\n"sha" wasn\'t supplied.',
    )
    assert repo.session.put(url, json={**body, "sha": "0" * 40}).status_code == 409
    contents = repo.file_contents("data/ledger.json")
    updated = contents.update("Update ledger", b"[1]\n")
    assert updated["commit"].message == "Update ledger"
    assert server.files[("main", "data/ledger.json")] == "[1]\n"


# ---------------------------------------------------------------- faults


def test_a_500_then_success(server: FakeGitHub, repo: Any) -> None:
    fault = server.fault("GET", r"/issues/7$", 500)
    with pytest.raises(gh_errors.ServerError) as error:
        repo.issue(7)
    assert error.value.code == 500
    assert repo.issue(7).number == 7
    assert fault.hits == 1 and server.count("GET", r"/issues/7$") == 2


def test_a_502_on_post_creates_nothing(server: FakeGitHub, repo: Any) -> None:
    server.fault("POST", r"/comments$", 502, times=2)
    issue = repo.issue(7)
    for _ in range(2):
        with pytest.raises(gh_errors.ServerError):
            issue.create_comment("hello")
    assert server.comments[7] == []
    issue.create_comment("hello")
    assert len(server.comments[7]) == 1


def test_primary_rate_limit_403(server: FakeGitHub, repo: Any) -> None:
    server.rate_limit_fault("GET", r"/issues/7$", reset_in=120)
    with pytest.raises(gh_errors.ForbiddenError, match="API rate limit exceeded") as error:
        repo.issue(7)
    headers = error.value.response.headers
    assert headers["X-RateLimit-Remaining"] == "0"
    assert 100 < int(headers["X-RateLimit-Reset"]) - time.time() <= 120


def test_exhausted_rate_limit_blocks_until_reset(server: FakeGitHub, gh: Any, repo: Any) -> None:
    remaining = int(repo.session.get(repo.url).headers["X-RateLimit-Remaining"])
    assert remaining == server.rate_remaining < server.rate_limit
    server.rate_remaining = 0
    with pytest.raises(gh_errors.ForbiddenError):
        repo.issue(7)
    assert gh.rate_limit()["resources"]["core"]["remaining"] == 0  # /rate_limit is free


def test_429_with_retry_after(server: FakeGitHub, repo: Any) -> None:
    server.fault("POST", r"/issues/7/comments$", 429, headers={"Retry-After": "3"})
    issue = repo.issue(7)
    # github3 has no class for 429: it raises the generic ClientError.
    with pytest.raises(gh_errors.ClientError) as error:
        issue.create_comment("hello")
    assert type(error.value) is gh_errors.ClientError and error.value.code == 429
    assert error.value.response.headers["Retry-After"] == "3"
    assert server.comments[7] == []


def test_secondary_rate_limit_403(server: FakeGitHub, repo: Any) -> None:
    server.secondary_rate_limit_fault("GET", r"/issues/7$", rate_headers=False)
    with pytest.raises(gh_errors.ForbiddenError, match="secondary rate limit") as error:
        repo.issue(7)
    assert "X-RateLimit-Remaining" not in error.value.response.headers
    assert "Retry-After" not in error.value.response.headers


def test_timeout_and_the_write_that_still_happens(server: FakeGitHub) -> None:
    session = GitHubSession(default_connect_timeout=1, default_read_timeout=0.2)
    gh = github3.GitHubEnterprise(server.base_url, token="t", session=session)
    issue = gh.repository("acme", "bounties").issue(7)
    # status=None: answer normally, but only after the client has given up.
    server.fault("POST", r"/issues/7/comments$", None, delay=0.4)
    with pytest.raises(gh_errors.ConnectionError):
        issue.create_comment("Maybe posted")
    deadline = time.monotonic() + 2
    while not server.comments[7] and time.monotonic() < deadline:
        time.sleep(0.02)
    assert [c["body"] for c in server.comments[7]] == ["Maybe posted"]


# ---------------------------------------------------------------- deleted, transferred


def test_deleted_issue_is_gone(server: FakeGitHub, repo: Any) -> None:
    server.add_issue(8, title="Spam", body="buy", author="spammer")
    issue = repo.issue(7)
    server.delete_issue(7)
    # GitHub answers 410 Gone; github3 has no class for it and raises ClientError.
    with pytest.raises(gh_errors.ClientError, match="This issue was deleted") as error:
        repo.issue(7)
    assert error.value.code == 410
    with pytest.raises(gh_errors.ClientError):
        issue.create_comment("too late")
    server.delete_issue(8, status=404)
    with pytest.raises(gh_errors.NotFoundError):
        repo.issue(8)


def test_transferred_issue_redirects(server: FakeGitHub, repo: Any) -> None:
    server.add_comment(7, author="bob", body="context")
    old = repo.issue(7)
    new_url = server.transfer_issue(7, to="acme/archive")
    raw = repo.session.get(old.url, allow_redirects=False)
    assert raw.status_code == 301 and raw.json()["message"] == "Moved Permanently"
    archive = server.repository("acme/archive")
    assert raw.headers["Location"] == f"{server.api_url}/repositories/{archive.id}/issues/1"
    # github3 (through requests) follows the redirect for GET and gets the moved issue.
    moved = repo.issue(7)
    assert moved.url == new_url == f"{server.api_url}/repos/acme/archive/issues/1"
    assert moved.as_dict()["repository_url"] == f"{server.api_url}/repos/acme/archive"
    assert moved.title == old.title and moved.id == old.id
    assert [c.body for c in old.comments()] == ["context"]
    # A 301 on POST becomes a GET in requests: the comment is not created and github3 cannot
    # make a comment of the list it gets back.
    with pytest.raises(gh_errors.UnprocessableResponseBody):
        old.create_comment("hello")
    assert [c["body"] for c in archive.comments[1]] == ["context"]
    server.add_issue(9, title="Private", body="", author="alice")
    server.transfer_issue(9, visible=False)
    with pytest.raises(gh_errors.NotFoundError):
        repo.issue(9)


# ---------------------------------------------------------------- protocol details


def test_authorization_is_required(server: FakeGitHub) -> None:
    response = requests.get(f"{server.api_url}/repos/acme/bounties/issues/7", timeout=5)
    assert response.status_code == 401
    assert response.json()["message"] == "Requires authentication"
    assert "X-RateLimit-Limit" in response.headers
    with pytest.raises(gh_errors.AuthenticationFailed):
        github3.GitHubEnterprise(server.base_url).repository("acme", "bounties")
    server.tokens = {"good"}
    with pytest.raises(gh_errors.AuthenticationFailed, match="Bad credentials"):
        github3.GitHubEnterprise(server.base_url, token="bad").repository("acme", "bounties")


def test_unknown_routes_and_repos_are_404(server: FakeGitHub, gh: Any) -> None:
    for path in ["/repos/acme/bounties/nope", "/repos/other/repo/issues/7", "/emojis"]:
        response = gh.session.get(server.api_url + path)
        assert response.status_code == 404
        body = response.json()
        assert body["message"] == "Not Found" and body["documentation_url"].startswith("https://")
        assert response.headers["X-RateLimit-Resource"] == "core"
    with pytest.raises(gh_errors.NotFoundError):
        gh.repository("acme", "other")
    # With an Actions token GET /user is refused, so the bot cannot learn its login that way.
    with pytest.raises(gh_errors.ForbiddenError, match="not accessible by integration"):
        gh.me()


def test_requests_are_logged_in_order(server: FakeGitHub, repo: Any) -> None:
    issue = repo.issue(7)
    issue.create_comment("one")
    issue.add_labels("triaged")
    assert server.requests == [
        ("GET", "/repos/acme/bounties"),
        ("GET", "/repos/acme/bounties/issues/7"),
        ("POST", "/repos/acme/bounties/issues/7/comments"),
        ("POST", "/repos/acme/bounties/issues/7/labels"),
    ]
    assert json.loads(server.log[-1]["body"]) == ["triaged"]
    assert server.log[-1]["status"] == 200
    assert server.log[-1]["headers"]["authorization"] == "token test-token"
    assert server.count("POST") == 2 and server.count("*", r"/issues/7") == 3
