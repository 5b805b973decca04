"""The checker behind every "nothing executable" assertion must itself be able to fail: known-bad
fragments are flagged, known-good ones pass."""

from __future__ import annotations

import pytest

from tests.site.html_checks import executable_parts
from tests.site.test_xss import PAYLOADS

SCRIPTS = [
    "<script>alert(1)</script>",
    "<script src=https://evil.example/x.js></script>",
    "<ScRiPt SRC=//evil.example/x.js></ScRiPt>",
    '<script type="module" src="x.js"></script>',
    '<script async defer crossorigin="anonymous" src="x.js"></script>',
    '<script/src="x.js"></script>',
    "<script>alert(1)",  # never closed
    '<script type="application/json">{"a": 1}</script>',  # any script, in contributed text
    "<svg><script>alert(1)</script></svg>",
    '<svg><script href="https://evil.example/x.js"/></svg>',
]
HANDLERS = [
    "<img src=x onerror=alert(1)>",
    '<a href="#" ONCLICK="alert(1)">x</a>',
    '<details open ontoggle="alert(1)"><summary>x</summary></details>',
    '<svg onload="alert(1)"></svg>',
    "<p onmouseover=alert(1)>x</p>",
]
URLS = [
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="\x01\x02javascript:alert(1)">x</a>',
    '<a href="java\tscript:alert(1)">x</a>',
    '<a href="java\nscript:alert(1)">x</a>',
    '<a href="jav&#x61;script:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="java&Tab;script&colon;alert(1)">x</a>',
    '<a href="java&NewLine;script:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74:alert(1)">x</a>',
    "<a href=javascript:alert(1)>x</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<img src="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">',
    '<img srcset="ok.png 1x, javascript:alert(1) 2x">',
    '<form action="javascript:alert(1)"></form>',
    '<button formaction="javascript:alert(1)">go</button>',
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><use href="data:image/svg+xml;base64,PHN2Zz4="/></svg>',
]
ELEMENTS = [
    '<iframe src="https://example.org/"></iframe>',
    '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    '<div srcdoc="x">x</div>',
    '<object data="x.swf"></object>',
    '<embed src="x.swf">',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<link rel="stylesheet" href="x.css">',
    '<form><input name="q"></form>',
    "<style>body { color: red }</style>",
    "<math><mtext>x</mtext></math>",
    '<svg><foreignObject><p onclick="alert(1)">x</p></foreignObject></svg>',
    '<svg><animate attributeName="href" values="javascript:alert(1)"/></svg>',
    '<svg><set attributeName="xlink:href" to="javascript:alert(1)"/></svg>',
    "<noscript><p>x</p></noscript>",
    "<textarea>x</textarea>",
    "<frameset><frame src=x></frameset>",
]
STYLES = [
    '<p style="background:url(https://tracker.example/p.gif)">x</p>',
    '<p style="background: URL( x.png )">x</p>',
    '<p style="background:u\\72l(x.png)">x</p>',  # a CSS escape
    '<p style="back/**/ground:ur/**/l(x.png)">x</p>',
    '<p style="width:expression(alert(1))">x</p>',
    '<p style="-moz-binding:url(x.xml#x)">x</p>',
]
EXTERNAL = [
    '<img src="https://tracker.example/pixel.gif">',
    '<img src="//tracker.example/pixel.gif">',
    '<img src="\\\\tracker.example/pixel.gif">',
    '<video poster="https://tracker.example/p.png"></video>',
    '<svg><image href="https://tracker.example/p.png"/></svg>',
]
HIDDEN_IN_COMMENTS = [
    "<!--><img src=x onerror=alert(1)>-->",
    "<!---><img src=x onerror=alert(1)>-->",
    "<!-- a --!><img src=x onerror=alert(1)> -->",
    "<?x <img src=x onerror=alert(1)>?>",
    "<p><![CDATA[<img src=x onerror=alert(1)>]]></p>",
]
BAD = SCRIPTS + HANDLERS + URLS + ELEMENTS + STYLES + EXTERNAL + HIDDEN_IN_COMMENTS

GOOD = [
    '<p><a href="https://example.org/a?b=javascript:x" rel="nofollow noopener">x</a></p>',
    '<a href="http://example.org/">x</a><a href="mailto:hunter@example.org">m</a>',
    '<a href="#user-content-fn-1">1</a><a href="../findings/DEMO-1/">DEMO-1</a>',
    '<a href="/javascript/intro/">a path that names javascript</a>',
    '<pre><code class="language-html">&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>',
    "<p>javascript:alert(1) and onclick=alert(1) written as text</p>",
    '<p title="javascript:alert(1)">a title is not a URL</p>',
    '<div data-target="javascript:x">data-* attributes are not URLs</div>',
    '<img src="../assets/images/logo.png" alt="a local image">',
    '<p style="color: red; font-weight: bold">styled</p>',
    "<!-- a comment without markup -->",
    '<details><summary>More</summary><table><tr><td align="right">1</td></tr></table></details>',
    '<svg class="bb-chart" role="img" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9">'
    '<title id="t">Chart</title><desc id="d">Data</desc><rect x="1" y="1" width="2" height="3"/>'
    '<line x1="0" y1="0" x2="9" y2="0"/><text x="1" y="8">3</text></svg>',
    '<select id="f"><option value="a">A</option></select><label for="f">Filter</label>',
]

THEME_HEAD = (
    '<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
    '<link rel="canonical" href="https://bounties.example.org/findings/">'
    '<link rel="icon" href="../assets/images/favicon.png">'
    '<link rel="stylesheet" href="../assets/stylesheets/main.57a0d79d.min.css">'
    '<script>__md_scope=new URL("..",location),__md_get=(e)=>e</script>'
    '<script>var palette=__md_get("__palette");if(palette){}</script>'
    "<script>var target=document.getElementById(location.hash.slice(1));target&&1</script>"
    '<form class="md-header__option" data-md-component="palette"></form>'
    '<script id="__config" type="application/json">{"base": ".."}</script>'
    '<script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>'
    '<script src="/assets/bounties.js" defer></script>'
    '<script src="../pagefind/pagefind-ui.js"></script>'
)
NOT_THEME = [
    "<script>alert(1)</script>",
    "<script>__md_scope_evil=1</script>",
    '<script src="https://evil.example/x.js"></script>',
    '<script src="//evil.example/assets/bounties.js"></script>',
    '<script src="../assets/evil.js"></script>',
    '<script src="javascript:alert(1)"></script>',
    '<script type="text/javascript">alert(1)</script>',
    '<script id="__config" type="application/json">{"title": "XSS"}</script>',
    '<meta http-equiv="Refresh" content="0;url=https://evil.example/">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<link rel="icon" href="javascript:alert(1)">',
    '<form action="javascript:alert(1)"></form>',
    '<iframe src="https://example.org/"></iframe>',
    "<base href=/>",
    "<img src=x onerror=alert(1)>",
]


@pytest.mark.parametrize("fragment", BAD)
def test_known_bad_fragment_is_flagged(fragment: str) -> None:
    assert executable_parts(fragment) != []


@pytest.mark.parametrize("fragment", BAD)
def test_known_bad_fragment_is_flagged_inside_a_page(fragment: str) -> None:
    page = f"<html><body><article><p>Before</p>{fragment}<p>After</p></article></body></html>"
    assert executable_parts(page) != []


@pytest.mark.parametrize("fragment", GOOD)
def test_known_good_fragment_passes(fragment: str) -> None:
    assert executable_parts(fragment) == []


def test_theme_chrome_passes_only_when_the_theme_is_allowed() -> None:
    assert executable_parts(THEME_HEAD, allow_theme=True) == []
    assert len(executable_parts(THEME_HEAD)) >= 10  # every script, meta, link and form


@pytest.mark.parametrize("fragment", NOT_THEME)
def test_what_the_theme_does_not_ship_is_flagged_even_when_the_theme_is_allowed(
    fragment: str,
) -> None:
    assert executable_parts(THEME_HEAD + fragment, allow_theme=True) != []


# Shaped like the theme's own chrome: allowed in `allow_theme` mode, flagged in contributed text.
THEME_LIKE = {'<link rel="stylesheet" href="x.css">', '<form><input name="q"></form>'}


@pytest.mark.parametrize("fragment", [f for f in BAD if f not in THEME_LIKE])
def test_allowing_the_theme_lets_no_contributed_danger_through(fragment: str) -> None:
    assert executable_parts(fragment, allow_theme=True) != []


@pytest.mark.parametrize(
    "payload",
    [
        p
        for p in PAYLOADS
        if p.startswith("<") and not p.startswith(("<javascript:", '<div id="search"'))
    ],
)
def test_every_html_payload_of_the_xss_corpus_is_flagged_when_not_sanitised(payload: str) -> None:
    # The autolink is Markdown syntax and the id clobbering is not executable: both are left out.
    assert executable_parts(payload) != []
