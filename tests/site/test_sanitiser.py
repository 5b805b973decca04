"""The rules of the sanitiser for contributed Markdown (site_builder/site/render.py), one by one:
which tags, attributes, classes and URL schemes survive, what is removed with its content, how
links, ids and headings are rewritten."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from site_builder.site import render
from site_builder.site.render import markdown_to_safe_html, plain_title

REL = "nofollow noopener noreferrer"


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    """Every start tag of `html` with its attributes, in order."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def tags(html: str) -> set[str]:
    return {tag for tag, _ in elements(html)}


def only_element(html: str, tag: str) -> dict[str, str | None]:
    """The attributes of the single `tag` element of `html`."""
    found = [attrs for name, attrs in elements(html) if name == tag]
    assert len(found) == 1, html
    return found[0]


# --- links ---------------------------------------------------------------------------------

LINKS = [
    "[inline](https://example.org/)",
    "[reference][ref]\n\n[ref]: https://example.org/",
    "<https://example.org/autolink>",
    "<hunter@example.org>",
    "[in-page](#section)",
    "[relative](../findings/)",
    "[scheme removed](javascript:alert(1))",
    '<a href="https://example.org/">raw</a>',
    '<a href="https://example.org/" rel="opener" target="_blank">own rel and target</a>',
    '<a href="https://example.org/" REL="author">upper-case rel</a>',
    "<a>no href</a>",
    "Claim[^1].\n\n[^1]: Source.",
]


@pytest.mark.parametrize("text", LINKS)
def test_every_link_in_contributed_text_carries_rel_nofollow_noopener_noreferrer(
    text: str,
) -> None:
    links = [attrs for tag, attrs in elements(markdown_to_safe_html(text)) if tag == "a"]
    assert links
    assert all(attrs.get("rel") == REL for attrs in links), links
    assert all("target" not in attrs for attrs in links)


# --- headings ------------------------------------------------------------------------------

# Contributed text sits under the page's own h1 and h2: levels 1 and 2 become 3, deeper levels
# move down one, and 6 stays 6.
DEMOTED = {1: 3, 2: 3, 3: 4, 4: 5, 5: 6, 6: 6}


@pytest.mark.parametrize("level", sorted(DEMOTED))
def test_markdown_heading_of_each_level_is_demoted_below_the_page_headings(level: int) -> None:
    html = markdown_to_safe_html("#" * level + " Contributed heading\n\nText.")
    new = DEMOTED[level]
    assert f"<h{new}>Contributed heading</h{new}>" in html
    assert tags(html) == {f"h{new}", "p"}


@pytest.mark.parametrize("spelling", ["h{}", "H{}"])
@pytest.mark.parametrize("level", sorted(DEMOTED))
def test_raw_html_heading_of_each_level_in_any_case_is_demoted(level: int, spelling: str) -> None:
    tag = spelling.format(level)
    html = markdown_to_safe_html(f'<{tag} title="t">Raw heading</{tag} >')
    new = DEMOTED[level]
    assert f'<h{new} title="t">Raw heading</h{new}>' in html
    assert not tags(html) & {"h1", "h2"}


@pytest.mark.parametrize("underline", ["===", "---"])
def test_setext_headings_are_demoted_too(underline: str) -> None:
    assert markdown_to_safe_html(f"Title\n{underline}\n").strip() == "<h3>Title</h3>"


def test_heading_tags_inside_code_are_left_as_text() -> None:
    html = markdown_to_safe_html("```html\n<h1>a</h1>\n```\n\nInline `<h2>b</h2>`.")
    assert "&lt;h1&gt;a&lt;/h1&gt;" in html and "&lt;h2&gt;b&lt;/h2&gt;" in html
    assert not tags(html) & {"h1", "h2", "h3"}


def test_the_allow_list_alone_never_lets_an_h1_or_h2_through() -> None:
    # Heading demotion runs first; the allow-list is the second wall behind it.
    assert not {"h1", "h2"} & set(render._TAGS)


# --- tags ----------------------------------------------------------------------------------

ALLOWED = {
    "p": "<p>x</p>",
    "br": "<p>a<br>b</p>",
    "hr": "<hr>",
    "strong": "<strong>x</strong>",
    "em": "<em>x</em>",
    "b": "<b>x</b>",
    "i": "<i>x</i>",
    "code": "<code>x</code>",
    "pre": "<pre>x</pre>",
    "blockquote": "<blockquote>x</blockquote>",
    "ul": "<ul><li>x</li></ul>",
    "ol": "<ol><li>x</li></ol>",
    "li": "<ul><li>x</li></ul>",
    "table": "<table><tbody><tr><td>x</td></tr></tbody></table>",
    "thead": "<table><thead><tr><th>x</th></tr></thead></table>",
    "tbody": "<table><tbody><tr><td>x</td></tr></tbody></table>",
    "tr": "<table><tbody><tr><td>x</td></tr></tbody></table>",
    "th": "<table><thead><tr><th>x</th></tr></thead></table>",
    "td": "<table><tbody><tr><td>x</td></tr></tbody></table>",
    "a": '<a href="https://example.org/">x</a>',
    "del": "<del>x</del>",
    "sup": "<sup>x</sup>",
    "sub": "<sub>x</sub>",
    "details": "<details><summary>s</summary>x</details>",
    "summary": "<details><summary>s</summary>x</details>",
    "dl": "<dl><dt>t</dt><dd>d</dd></dl>",
    "dt": "<dl><dt>t</dt><dd>d</dd></dl>",
    "dd": "<dl><dt>t</dt><dd>d</dd></dl>",
    "kbd": "<kbd>x</kbd>",
    "div": "<div>x</div>",
    "span": "<span>x</span>",
    "abbr": '<abbr title="t">x</abbr>',
}


@pytest.mark.parametrize("tag", sorted(ALLOWED))
def test_allow_listed_tag_in_raw_html_survives(tag: str) -> None:
    assert tag in tags(markdown_to_safe_html(ALLOWED[tag]))


@pytest.mark.parametrize(
    ("markdown", "tag"),
    [
        ("| a | b |\n|---|---|\n| 1 | 2 |", "table"),
        ("~~gone~~", "del"),
        ("Claim[^1].\n\n[^1]: Source.", "sup"),
        ("Term\n: Definition", "dl"),
        ("The HTML spec.\n\n*[HTML]: Hyper Text Markup Language", "abbr"),
    ],
)
def test_markdown_extensions_render_their_elements(markdown: str, tag: str) -> None:
    assert tag in tags(markdown_to_safe_html(markdown))


REMOVED_TAGS = [
    '<img src="https://tracker.example/p.gif" alt="x">',
    '<a href="https://example.org/"><img src="x.png"></a>',
    "<form action=https://example.org/><input name=q><button>go</button></form>",
    '<link rel="stylesheet" href="https://example.org/x.css">',
    '<meta http-equiv="refresh" content="0;url=https://example.org/">',
    '<base href="https://example.org/">',
    '<embed src="x.swf">',
    "<h1>top</h1>",
    "<section><article><nav><header>x</header></nav></article></section>",
    "<video src=x.mp4 poster=x.png></video><audio src=x.mp3></audio>",
    "<marquee>x</marquee><blink>x</blink><font color=red>x</font><center>x</center>",
    '<input type="checkbox" checked>',
    "<label>x</label><output>x</output>",
]
ALLOWED_TAGS = set(ALLOWED) | {"h3", "h4", "h5", "h6"}


@pytest.mark.parametrize("html", REMOVED_TAGS)
def test_tags_outside_the_allow_list_are_removed(html: str) -> None:
    assert tags(markdown_to_safe_html(html)) <= ALLOWED_TAGS


# Elements whose text is code, or makes no sense without the element, go with their content.
REMOVED_WITH_CONTENT = [
    "script",
    "style",
    "iframe",
    "object",
    "template",
    "svg",
    "math",
    "noscript",
    "textarea",
    "title",
    "xmp",
    "select",
]


@pytest.mark.parametrize("tag", REMOVED_WITH_CONTENT)
def test_dangerous_element_is_removed_with_its_content(tag: str) -> None:
    inner = "<option>CANARY</option>" if tag == "select" else "CANARY"
    html = markdown_to_safe_html(f"Before <{tag}>{inner}</{tag}> after.")
    assert "CANARY" not in html
    assert "Before" in html and "after." in html
    assert tag not in tags(html)


@pytest.mark.parametrize(
    "comment",
    [
        "<!-- CANARY -->",
        "<!--CANARY-->",
        "<!-- <script>CANARY</script> -->",
        "<!-- <!-- nested CANARY --> -->",
        "<!-- a --!><b>visible</b><!-- CANARY -->",
    ],
)
def test_html_comments_are_removed_with_their_content(comment: str) -> None:
    html = markdown_to_safe_html(f"Text {comment} more.")
    assert "CANARY" not in html and "<!--" not in html


# --- attributes ----------------------------------------------------------------------------

KEPT_ATTRIBUTES = [
    ('<a href="https://example.org/">x</a>', "a", "href", "https://example.org/"),
    ('<a href="#x" title="Link title">x</a>', "a", "title", "Link title"),
    ('<a href="#x" title="#1 finding">x</a>', "a", "title", "#1 finding"),  # not an in-page link
    ('<table><tr><th align="left">x</th></tr></table>', "th", "align", "left"),
    ('<table><tr><td align="right">x</td></tr></table>', "td", "align", "right"),
    ('<code class="language-python">x</code>', "code", "class", "language-python"),
    ('<abbr title="Hyper Text">HT</abbr>', "abbr", "title", "Hyper Text"),
    ('<ol><li id="fn-1">x</li></ol>', "li", "id", "user-content-fn-1"),
    ('<sup id="fnref-1">1</sup>', "sup", "id", "user-content-fnref-1"),
    ('<div class="footnote">x</div>', "div", "class", "footnote"),
    ('<p title="t" lang="fr">x</p>', "p", "lang", "fr"),  # title and lang: nh3's generic ones
    ('<span title="t">x</span>', "span", "title", "t"),
]


@pytest.mark.parametrize(("html", "tag", "attribute", "value"), KEPT_ATTRIBUTES)
def test_allow_listed_attribute_survives(html: str, tag: str, attribute: str, value: str) -> None:
    assert only_element(markdown_to_safe_html(html), tag).get(attribute) == value


REMOVED_ATTRIBUTES = [
    ('<p style="color:red" id="x" class="footnote" dir="rtl" data-x="1">x</p>', "p"),
    ('<div id="search" style="position:fixed" name="__proto__">x</div>', "div"),
    ('<a href="#x" target="_blank" name="x" id="x" class="md-button" download>x</a>', "a"),
    ('<span class="language-python" id="x">x</span>', "span"),
    ('<pre class="language-python" style="x">x</pre>', "pre"),
    ('<table><tr><td colspan="9" style="x" class="footnote">x</td></tr></table>', "td"),
    ('<details open ontoggle="alert(1)"><summary>x</summary></details>', "details"),
    ('<code onmouseover="alert(1)" ONCLICK="alert(1)">x</code>', "code"),
]
GENERIC = {"title", "lang"}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "rel"},
    "td": {"align"},
    "code": {"class"},
    "div": {"class"},
}


@pytest.mark.parametrize(("html", "tag"), REMOVED_ATTRIBUTES)
def test_attributes_outside_the_allow_list_are_removed(html: str, tag: str) -> None:
    attrs = only_element(markdown_to_safe_html(html), tag)
    assert set(attrs) <= ALLOWED_ATTRIBUTES.get(tag, set()) | GENERIC, attrs


@pytest.mark.parametrize("handler", ["onclick", "onerror", "onload", "onfocus", "ONMOUSEOVER"])
@pytest.mark.parametrize("tag", ["p", "a", "div", "span", "code", "details"])
def test_event_handlers_are_removed_from_every_allowed_tag(tag: str, handler: str) -> None:
    html = markdown_to_safe_html(f'<{tag} {handler}="alert(1)">x</{tag}>')
    assert "alert" not in html and "on" not in "".join(only_element(html, tag))


# --- classes -------------------------------------------------------------------------------

LANGUAGE_30 = "language-" + "a" * 30
KEPT_CLASSES = [
    ("code", "language-python"),
    ("code", "language-c++"),
    ("code", "language-objective_c"),
    ("code", "language-shell-session"),
    ("code", "language-Py3"),
    ("code", "language-a"),
    ("code", LANGUAGE_30),
    ("div", "footnote"),
]


@pytest.mark.parametrize(("tag", "value"), KEPT_CLASSES)
def test_allow_listed_class_survives(tag: str, value: str) -> None:
    html = markdown_to_safe_html(f'<{tag} class="{value}">x</{tag}>')
    assert only_element(html, tag).get("class") == value


REMOVED_CLASSES = [
    ("code", "language-"),  # no language
    ("code", LANGUAGE_30 + "a"),  # 31 characters
    ("code", "language-a.b"),
    ("code", "language-a/b"),
    ("code", "language-py evil"),
    ("code", "evil language-py"),
    ("code", "language-py\nmd-typeset"),
    ("code", "language-py\n"),  # a regex `$` would let a final newline through
    ("div", "footnote&#10;"),
    ("code", "LANGUAGE-py"),
    ("code", "xlanguage-py"),
    ("code", "footnote "),
    ("div", "footnotes"),
    ("div", "xfootnote"),
    ("div", "footnote md-sidebar"),
    ("div", "md-typeset"),
    ("div", "md-dialog md-dialog--active"),
    ("div", ""),
]


@pytest.mark.parametrize(("tag", "value"), REMOVED_CLASSES)
def test_any_other_class_attribute_is_removed(tag: str, value: str) -> None:
    html = markdown_to_safe_html(f'<{tag} class="{value}">x</{tag}>')
    assert "class" not in only_element(html, tag)


def test_fenced_code_keeps_its_language_class() -> None:
    html = markdown_to_safe_html("```c++\nint x;\n```")
    assert only_element(html, "code") == {"class": "language-c++"}


def test_other_attributes_are_not_judged_by_the_class_rule() -> None:
    html = markdown_to_safe_html('<a href="https://example.org/a" title="not a class">x</a>')
    assert only_element(html, "a")["title"] == "not a class"
    assert only_element(html, "a")["href"] == "https://example.org/a"


# --- URLs ----------------------------------------------------------------------------------

KEPT_URLS = [
    "http://example.org/",
    "https://example.org/path?q=1#frag",
    "HTTPS://EXAMPLE.ORG/",
    "mailto:hunter@example.org",
    "/absolute/path/",
    "../relative/",
    "page.html",
    "?query=1",
    "//example.org/protocol-relative",
]


@pytest.mark.parametrize("url", KEPT_URLS)
def test_http_https_mailto_and_relative_links_are_kept(url: str) -> None:
    assert only_element(markdown_to_safe_html(f'<a href="{url}">x</a>'), "a").get("href") == url


@pytest.mark.parametrize("url", ["http://example.org/", "https://example.org/", "mailto:a@b.c"])
def test_markdown_links_with_allowed_schemes_are_kept(url: str) -> None:
    assert only_element(markdown_to_safe_html(f"[x]({url})"), "a").get("href") == url


REMOVED_URLS = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "  javascript:alert(1)",
    "\tjavascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "jav&#x61;script:alert(1)",
    "jav&#97;script:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74:alert(1)",
    "javascript&colon;alert(1)",
    "java&Tab;script:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,x",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "file:///etc/passwd",
    "ftp://example.org/",
    "tel:+1555",
    "blob:https://example.org/x",
]


@pytest.mark.parametrize("url", REMOVED_URLS)
def test_any_other_url_scheme_is_removed_from_raw_html(url: str) -> None:
    html = markdown_to_safe_html(f'<a href="{url}">x</a>')
    assert only_element(html, "a") == {"rel": REL}


@pytest.mark.parametrize(
    "markdown",
    [
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](jav&#x61;script:alert(1))",
        "[x](data:text/html,x)",
        "[x](vbscript:msgbox(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "![x](javascript:alert(1))",
    ],
)
def test_dangerous_schemes_in_markdown_links_never_reach_an_href(markdown: str) -> None:
    html = markdown_to_safe_html(markdown)
    hrefs = [attrs.get("href") or "" for _, attrs in elements(html)]
    assert not any(":" in href for href in hrefs), html
    assert not tags(html) & {"img"}


@pytest.mark.parametrize("attribute", ["src", "srcset", "poster", "background", "action", "data"])
def test_no_url_attribute_other_than_a_href_survives(attribute: str) -> None:
    html = markdown_to_safe_html(f'<div {attribute}="https://example.org/x">x</div>')
    assert only_element(html, "div") == {}


# --- ids and in-page links -----------------------------------------------------------------


def test_ids_are_prefixed_so_they_cannot_clobber_the_page() -> None:
    html = markdown_to_safe_html('<ol><li id="search">x</li></ol>')
    assert only_element(html, "li") == {"id": "user-content-search"}


@pytest.mark.parametrize(
    ("markdown", "href"),
    [
        ("[x](#section)", "#user-content-section"),
        ("[x](#user-content-section)", "#user-content-section"),
        ("[x](#)", "#user-content-"),
        ("<a href='#single'>x</a>", "#user-content-single"),
        ("<a href=#unquoted>x</a>", "#user-content-unquoted"),
        ('<a HREF="#upper">x</a>', "#user-content-upper"),
        ('<a title="t" href="#second">x</a>', "#user-content-second"),
    ],
)
def test_in_page_links_follow_the_prefixed_ids_once(markdown: str, href: str) -> None:
    assert only_element(markdown_to_safe_html(markdown), "a")["href"] == href


@pytest.mark.parametrize(
    "markdown",
    ['See `href="#top"` here.', '```html\n<a href="#top">Back to top</a>\n```'],
)
def test_code_that_shows_an_in_page_link_is_printed_as_written(markdown: str) -> None:
    html = markdown_to_safe_html(markdown)
    assert 'href="#top"' in html and "user-content" not in html


@pytest.mark.parametrize("url", ["https://example.org/#frag", "/page#frag", "page#frag"])
def test_links_to_other_pages_keep_their_fragment(url: str) -> None:
    assert only_element(markdown_to_safe_html(f"[x]({url})"), "a")["href"] == url


def test_footnote_links_and_targets_match() -> None:
    html = markdown_to_safe_html("Claim[^note].\n\n[^note]: Source.")
    found = elements(html)
    ids = {attrs["id"] for _, attrs in found if attrs.get("id")}
    targets = {attrs["href"][1:] for tag, attrs in found if tag == "a"}
    assert ids == targets == {"user-content-fn-1", "user-content-fnref-1"}


# --- titles --------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "safe"),
    [
        ("Plain title", "Plain title"),
        ("  Spread \n over\tlines  ", "Spread over lines"),
        ("<script>x</script>", "\u2039script\u203ax\u2039/script\u203a"),
        ("Say \"hi\" & 'bye'", "Say &quot;hi&quot; &amp; &#x27;bye&#x27;"),
        ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),
    ],
)
def test_plain_title_is_text_with_look_alike_brackets_and_escaped_quotes(
    title: str, safe: str
) -> None:
    assert plain_title(title) == safe
