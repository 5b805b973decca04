"""`bounties init DIR`: a new program repository that validates and builds right away."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.scaffold import DEFAULT_ORGANIZER
from .common import EXIT_OK, UsageError, subcommand, today_utc

if TYPE_CHECKING:
    from ..skeleton import Setup


def register(commands: argparse._SubParsersAction) -> None:
    parser = subcommand(
        commands,
        "init",
        "Create a new program repository in DIR: mkdocs.yml, programs/ with a starter program "
        "and disclosure policy (marked TEMPLATE), generated issue forms, GitHub workflows for "
        "validation, site deploy and the triage bot, JSON Schemas, a README for maintainers "
        "and .gitignore. `bounties validate` and `bounties build` work in it at once; "
        "`bounties validate --strict` fails until every TEMPLATE value and example.org address "
        "is replaced.",
        "bounties init acme-bounties --org 'Acme AI' --repo acme/bounties "
        "--pages-url https://acme.github.io/bounties/",
    )
    parser.add_argument("dir", type=Path, help="folder to create (must be empty or absent)")
    parser.add_argument(
        "--org",
        default=DEFAULT_ORGANIZER,
        help=f"organization name (default: '{DEFAULT_ORGANIZER}', marked TEMPLATE)",
    )
    parser.add_argument(
        "--repo",
        default="your-org/bounties",
        metavar="OWNER/NAME",
        help="GitHub repository that will hold it",
    )
    parser.add_argument(
        "--pages-url",
        default=None,
        metavar="URL",
        help="public address of the site (default: the repository's GitHub Pages address)",
    )
    _add_setup_options(parser)
    parser.add_argument(
        "--force",
        action="store_true",
        help="write into a non-empty folder (existing files are overwritten)",
    )
    parser.set_defaults(run=run)


def _add_setup_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--setup",
        choices=["open", "private-intake", "external"],
        default="open",
        help="open: one public repository and public issues (default); private-intake: a "
        "private content repository, public issues and a private intake repository for "
        "invite-only programs; external: reports arrive on another platform (docs/setups.md)",
    )
    parser.add_argument(
        "--intake-repo",
        metavar="OWNER/NAME",
        help="private-intake: the private intake repository (default: OWNER/NAME-intake)",
    )
    parser.add_argument(
        "--platform-url",
        metavar="URL",
        help="external: where hunters submit (https://... or mailto:...)",
    )
    parser.add_argument(
        "--content-visibility",
        choices=["public", "private"],
        help="whether anyone can read this repository (content_repository.public: a public one "
        "may hold no finding before it may be published). open: public; private-intake: "
        "private; external: required, as you set the repository up",
    )


def run(args: argparse.Namespace) -> int:
    from ..content.checks import validate
    from ..content.problems import count_errors, format_problems
    from ..intake.forms import FORMS_DIR, form_documents
    from ..skeleton import skeleton_files

    target: Path = args.dir
    if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", args.repo):
        raise UsageError(f"--repo '{args.repo}' is not OWNER/NAME")
    owner, name = args.repo.split("/")
    pages_url = args.pages_url or f"https://{owner.lower()}.github.io/{name}/"
    if not re.match(r"^https?://\S+$", pages_url):
        raise UsageError(f"--pages-url '{pages_url}' is not an http(s) URL")
    if target.exists() and not target.is_dir():
        raise UsageError(f"{target} exists and is not a folder")
    if target.exists() and any(target.iterdir()) and not args.force:
        raise UsageError(f"{target} is not empty; choose another folder or pass --force")
    today = today_utc()
    setup = _setup(args, owner, name)
    files = skeleton_files(args.org, args.repo, pages_url, today, setup)
    for relative, text in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    content, problems = validate(target, today)
    if count_errors(problems):  # would be a bug in the skeleton, not the user's doing
        print(format_problems(problems, "text"), file=sys.stderr)
        raise RuntimeError("the new repository does not validate")
    forms = {Path(FORMS_DIR) / n: t for n, t in form_documents(content).items()}
    if setup.intake_repository:
        intake = form_documents(content, setup.intake_repository)
        forms.update({Path("intake") / FORMS_DIR / n: t for n, t in intake.items()})
    for relative_path, text in forms.items():
        (target / relative_path).parent.mkdir(parents=True, exist_ok=True)
        (target / relative_path).write_text(text, encoding="utf-8")
    print(f"created {len(files) + len(forms)} files in {target} ({setup.kind})", file=sys.stderr)
    public = "true" if setup.is_public else "false"
    print(f"content_repository.public: {public} ({setup.visibility_note()})", file=sys.stderr)
    print(
        f"next: cd {target}, replace every TEMPLATE value and example.org address (`bounties "
        "validate --strict` lists them and fails until none is left), then push (README.md)",
        file=sys.stderr,
    )
    return EXIT_OK


def _setup(args: argparse.Namespace, owner: str, name: str) -> Setup:
    from ..content.types import SUBMIT_URL_PATTERN
    from ..skeleton import Setup

    if args.setup != "private-intake" and args.intake_repo:
        raise UsageError("--intake-repo is for --setup private-intake")
    if args.setup != "external" and args.platform_url:
        raise UsageError("--platform-url is for --setup external")
    if args.setup == "private-intake":
        intake = args.intake_repo or f"{owner}/{name}-intake"
        if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", intake):
            raise UsageError(f"--intake-repo '{intake}' is not OWNER/NAME")
        if intake == f"{owner}/{name}":
            raise UsageError("--intake-repo must be another repository than --repo")
        _check_visibility(args)
        return Setup("private-intake", intake_repository=intake)
    if args.setup == "external":
        if not args.platform_url:
            raise UsageError("--setup external needs --platform-url (https://... or mailto:...)")
        if not re.fullmatch(SUBMIT_URL_PATTERN, args.platform_url):
            raise UsageError(f"--platform-url '{args.platform_url}' is not https:// or mailto:")
        _check_visibility(args)
        public = args.content_visibility == "public"
        return Setup("external", platform_url=args.platform_url, content_public=public)
    _check_visibility(args)
    return Setup()


def _check_visibility(args: argparse.Namespace) -> None:
    """content_repository.public is never guessed: a wrong `false` lets embargoed findings be
    committed where anyone can read them."""
    stated = args.content_visibility
    if args.setup == "open" and stated == "private":
        raise UsageError(
            "--setup open is one public repository that takes public issues; for a private "
            "content repository use --setup private-intake or --setup external"
        )
    if args.setup == "private-intake" and stated == "public":
        raise UsageError(
            "--setup private-intake keeps invite-only programs, invitations and embargoed "
            "findings in this repository: it must be private"
        )
    if args.setup == "external" and stated is None:
        raise UsageError(
            f"--setup external needs --content-visibility public|private: can anyone read "
            f"{args.repo}? public: a finding is committed only once it may be published; "
            "private: embargoed findings may be kept here"
        )
