"""The files of a new program repository (`bounties init`), shipped inside the package so that
nothing depends on this source tree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources

from .. import __version__
from ..content.scaffold import DEFAULT_ORGANIZER, SUBMIT_BLOCKS, TEMPLATE_MARKER, program_files
from ..content.schemas import schema_documents

STARTER_SLUG = "example-program"
POLICY_ID = "coordinated-90"


def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


SETUPS = ("open", "private-intake", "external")
INVITED_SLUG = "invited-program"


@dataclass(frozen=True)
class Setup:
    """Which of the three set-ups (docs/setups.md) a new repository is for."""

    kind: str = "open"
    intake_repository: str | None = None  # private-intake: the private intake repository
    platform_url: str | None = None  # external: where reports are submitted
    # Whether anyone can read the content repository, as the organizer stated it (external);
    # None: what the set-up implies (open: yes; private-intake: no; external: yes, fail closed).
    content_public: bool | None = None

    @property
    def is_public(self) -> bool:
        """content_repository.public for the new site.yml."""
        if self.content_public is not None:
            return self.content_public
        return self.kind != "private-intake"

    def visibility_note(self) -> str:
        """Why site.yml says what it says about the content repository."""
        if self.content_public is not None:
            stated = "public" if self.content_public else "private"
            return f"as stated to `bounties init --content-visibility {stated}`; keep it current"
        if self.kind == "private-intake":
            return "set by `bounties init --setup private-intake`: keep this repository private"
        return f"set by `bounties init --setup {self.kind}`: this repository is public"


def skeleton_files(
    org: str, repository: str, pages_url: str, today: date, setup: Setup | None = None
) -> dict[str, str]:
    """Relative path -> text of every file `bounties init` writes (issue forms excepted: they
    are generated from the content once it is written)."""
    setup = setup or Setup()
    values = _values(org, repository, pages_url, setup)

    def fill(text: str) -> str:
        for key, value in values.items():
            text = text.replace(key, value)
        return text

    files = {
        "mkdocs.yml": _text("mkdocs.yml"),
        "README.md": fill(_text("README.md") + "\n" + _text(f"setup-{setup.kind}.md")),
        ".gitignore": _text("gitignore"),
        "site_docs/README.md": _text("site_docs_readme.md"),
        "programs/site.yml": fill(_text("site.yml")),
        f"programs/_policies/{POLICY_ID}.yml": _text("policy.yml"),
        ".github/workflows/site.yml": fill(_text("workflows/site.yml")),
    }
    if setup.kind != "external":  # no issues to triage when reports arrive elsewhere
        files[".github/workflows/bot.yml"] = fill(_text("workflows/bot.yml"))
        # Collaborators of the intake repository, private reports, reminders (App token).
        files[".github/workflows/bot-scheduled.yml"] = fill(_text("workflows/bot-scheduled.yml"))
    files.update(_starter_programs(org, today, setup))
    files.update({f"schemas/{name}": text for name, text in schema_documents().items()})
    if setup.kind == "private-intake":
        files["intake/README.md"] = fill(_text("intake-readme.md"))
        # Triage in the intake repository, proposals in this one (App token, docs/setups.md).
        files["intake/.github/workflows/bot.yml"] = fill(_text("workflows/intake-bot.yml"))
    return files


def _values(org: str, repository: str, pages_url: str, setup: Setup) -> dict[str, str]:
    """Placeholder -> text, for the skeleton's files."""
    return {
        "__ORG_NOTE__": f"  # {TEMPLATE_MARKER} your organization's name (here and below)"
        if org == DEFAULT_ORGANIZER
        else "",
        "__ORG__": org,
        "__REPO__": repository,
        "__BASE_URL__": pages_url,
        "__VERSION__": __version__,
        "__INTAKE__": setup.intake_repository or "",
        "__PLATFORM__": setup.platform_url or "",
        "__PUBLIC_NOTE__": setup.visibility_note(),
        "__PUBLIC__": "true" if setup.is_public else "false",
        "__CONTENT_URL__": _content_url(repository, setup),
    }


def _content_url(repository: str, setup: Setup) -> str:
    """Where the content lives. In the private-intake set-up `repository` is the public issues
    repository and this one is private, so it is not named after it."""
    if setup.kind == "private-intake":
        return (
            "  # url: https://github.com/OWNER/NAME   # this private repository (optional; "
            "never the public issues repository)"
        )
    return f"  url: https://github.com/{repository}"


def _starter_programs(org: str, today: date, setup: Setup) -> dict[str, str]:
    name = "Example program (TEMPLATE: edit or delete)"
    starter = program_files(STARTER_SLUG, name, "panel-judged", org, POLICY_ID, today)
    if setup.kind == "external":
        key = f"{STARTER_SLUG}/program.yml"
        starter[key] = starter[key].replace(SUBMIT_BLOCKS["panel-judged"], _external_block(setup))
    if setup.kind == "private-intake":
        name = "Invite-only program (TEMPLATE: edit or delete)"
        invited = program_files(INVITED_SLUG, name, "trusted-hunters", org, POLICY_ID, today)
        key = f"{INVITED_SLUG}/program.yml"
        invited[key] = invited[key].replace(
            "your-org/your-intake", setup.intake_repository or "your-org/your-intake"
        )
        invited[f"{INVITED_SLUG}/invitations.yml"] = INVITATIONS
        starter.update(invited)
    return {f"programs/{path}": text for path, text in starter.items()}


def _external_block(setup: Setup) -> str:
    return (
        "submit:                    # TEMPLATE: where hunters submit, and how\n"
        "  channel: external\n"
        f"  url: {setup.platform_url}\n"
        "  instructions: |\n"
        "    Submit your report on our reporting platform; never in a public issue.\n"
    )


INVITATIONS = """\
# Who may take part (never published). The scheduled bot run makes each invited hunter a
# read-only collaborator of the private intake repository while their invitation lasts.
invited: []
"""
