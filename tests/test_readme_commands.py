"""CI must run exactly the README's test command."""

import re

from tests.conftest import REPO_ROOT


def test_ci_runs_the_readme_test_command() -> None:
    readme = (REPO_ROOT / "README.md").read_text()
    blocks = re.findall(r"```sh\n(.*?)\n```", readme, flags=re.S)
    test_command = next(block for block in blocks if "pytest" in block)
    assert test_command in (REPO_ROOT / ".ci" / "run").read_text().splitlines()
