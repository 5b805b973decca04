"""The files of a new program repository (`bounties init`), shipped inside the package so that
nothing depends on this source tree."""

from __future__ import annotations

from datetime import date
from importlib import resources

from .. import __version__
from ..content.scaffold import program_files
from ..content.schemas import schema_documents

STARTER_SLUG = "example-program"
POLICY_ID = "coordinated-90"


def _text(name: str) -> str:
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


def skeleton_files(org: str, repository: str, pages_url: str, today: date) -> dict[str, str]:
    """Relative path -> text of every file `bounties init` writes."""
    values = {
        "__ORG__": org,
        "__REPO__": repository,
        "__BASE_URL__": pages_url,
        "__VERSION__": __version__,
    }

    def fill(text: str) -> str:
        for key, value in values.items():
            text = text.replace(key, value)
        return text

    files = {
        "mkdocs.yml": _text("mkdocs.yml"),
        "README.md": fill(_text("README.md")),
        ".gitignore": _text("gitignore"),
        "site_docs/README.md": _text("site_docs_readme.md"),
        "programs/site.yml": fill(_text("site.yml")),
        f"programs/_policies/{POLICY_ID}.yml": _text("policy.yml"),
        ".github/workflows/site.yml": fill(_text("workflows/site.yml")),
        ".github/workflows/bot.yml": fill(_text("workflows/bot.yml")),
    }
    starter = program_files(
        STARTER_SLUG,
        "Example program (TEMPLATE: edit or delete)",
        "panel-judged",
        org,
        POLICY_ID,
        today,
    )
    files.update({f"programs/{path}": text for path, text in starter.items()})
    files.update({f"schemas/{name}": text for name, text in schema_documents().items()})
    return files
