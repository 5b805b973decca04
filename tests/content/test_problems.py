import json

from site_builder.content.problems import Level, Problem, format_problems

P = Problem("programs/a b/x.yml", 3, 5, "bad: 100%\nvalue", field="a.b", hint="fix it")
W = Problem("programs/a.yml", 0, 0, "old", level=Level.WARNING)


def test_text_format() -> None:
    assert format_problems([P, W], "text").splitlines()[0] == (
        "programs/a b/x.yml:3:5: error: a.b: bad: 100%"
    )
    assert format_problems([W], "text") == "programs/a.yml:1:1: warning: old"


def test_github_format_escapes_data_and_properties() -> None:
    assert format_problems([P], "github") == (
        "::error file=programs/a b/x.yml,line=3,col=5::a.b: bad: 100%25%0Avalue (hint: fix it)"
    )
    comma = Problem("a,b:c.yml", 1, 1, "m")
    assert format_problems([comma], "github") == "::error file=a%2Cb%3Ac.yml,line=1,col=1::m"


def test_json_format() -> None:
    data = json.loads(format_problems([W, P], "json"))
    assert data[0] == {
        "file": "programs/a b/x.yml",
        "line": 3,
        "col": 5,
        "message": "bad: 100%\nvalue",
        "field": "a.b",
        "hint": "fix it",
        "level": "error",
    }
    assert data[1]["level"] == "warning"
