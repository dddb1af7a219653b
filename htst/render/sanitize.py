"""The HTML of ``st.html`` made safe to put in the page: no script runs unless asked for.

Streamlit runs ``st.html`` through DOMPurify in the browser; htst has no browser step, so
it does the same job on the server, before the HTML reaches the page (where the browser's
parser and htmx's swap would otherwise run every ``<script>`` in it).

The body is parsed and written out again token by token, never copied: every text and
attribute value is escaped anew, tag and attribute names must be plain names, comments
and declarations are dropped, and end tags only close elements the body opened (it cannot
close htst's own form). What goes:

- ``<script>`` (unless ``scripts=True``), ``<noscript>`` and elements that embed another
  document or change the page (iframe, frame, frameset, object, embed, applet, base,
  meta, portal), with their content;
- the tags (not the content) of form, html, head, body and plaintext;
- event-handler attributes (``on…``), ``srcdoc``, any attribute whose value holds a
  ``javascript:`` or ``vbscript:`` URL, and ``data:`` URLs other than images.

``scripts=True`` (``unsafe_allow_javascript=True``) keeps ``<script>`` elements, as
Streamlit does; event-handler attributes are removed all the same. Each script gets an
id made of ``script_id`` and its position: the page morphs a new answer into the old
nodes by id, so a script with a new id (the caller puts a hash of the body in it) is a
new node, which the browser runs, where a reused node would not run again.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

_CACHE_SIZE = 256  # bodies can be large: keep few

_DROPPED = frozenset(
    {
        "script",
        "noscript",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "base",
        "meta",
        "portal",
    }
)
# Tags dropped with their content kept: the page already has them, or (plaintext) they
# would turn the rest of the page into text. A <form> inside htst's form is ignored by
# the browser, but its end tag would close htst's form.
_UNWRAPPED = frozenset({"form", "html", "head", "body", "plaintext"})
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# End tags a browser supplies by itself: not written when the body leaves them open.
_OPTIONAL_END = frozenset(
    {
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "optgroup",
        "tr",
        "td",
        "th",
        "thead",
        "tbody",
        "tfoot",
        "colgroup",
        "caption",
        "rb",
        "rt",
        "rp",
        "rtc",
    }
)
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
_ATTRIBUTE = re.compile(r"[A-Za-z_:][-A-Za-z0-9_:.]*")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]+")
_SCRIPT_ATTRIBUTES = frozenset(
    {
        "src",
        "type",
        "async",
        "defer",
        "nonce",
        "crossorigin",
        "referrerpolicy",
        "integrity",
        "id",
        "class",
        "nomodule",
    }
)


@functools.lru_cache(maxsize=_CACHE_SIZE)
def clean_html(body: str, *, scripts: bool = False, script_id: str = "") -> str:
    """``body`` without what could run script (see the module docstring)."""
    cleaner = _Cleaner(scripts, script_id)
    cleaner.feed(body)
    cleaner.close()
    return cleaner.result()


@functools.lru_cache(maxsize=_CACHE_SIZE)
def is_style_only(body: str) -> bool:
    """Whether ``body`` holds only ``<style>`` elements, comments and blanks: such HTML
    takes no space in the page (Streamlit puts it out of the flow)."""
    checker = _StyleOnly()
    checker.feed(body)
    checker.close()
    return checker.styles > 0 and checker.other == 0


class _Cleaner(HTMLParser):
    def __init__(self, scripts: bool, script_id: str = ""):
        super().__init__(convert_charrefs=True)
        self.scripts = scripts
        self.script_id = script_id
        self.script_count = 0
        self.out: list[str] = []
        self.open: list[str] = []
        self.skipping: str | None = None  # a dropped element whose content goes too
        self.depth = 0  # nesting of that element in itself (<object><object>…)
        self.raw: str | None = None  # the <script> or <style> whose text is written as is

    def result(self) -> str:
        for tag in reversed(self.open):
            if tag not in _OPTIONAL_END:
                self.out.append(f"</{tag}>")
        return "".join(self.out)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], closed: bool) -> None:
        if self.skipping is not None:
            self.depth += tag == self.skipping and not closed
            return
        if tag in _DROPPED and not (tag == "script" and self.scripts):
            if not closed and tag not in _VOID:
                self.skipping, self.depth = tag, 1
            return
        if tag in _UNWRAPPED or not _NAME.fullmatch(tag):
            return
        kept = "".join(_attribute(tag, name, value) for name, value in attrs)
        if tag == "script" and self.script_id and not any(name == "id" for name, _ in attrs):
            self.script_count += 1
            kept = f' id="{html.escape(self.script_id)}-{self.script_count}"' + kept
        self.out.append(f"<{tag}{kept}>")
        if tag in ("script", "style"):
            self.raw = tag
        if not closed and tag not in _VOID:
            self.open.append(tag)
        elif closed and tag not in _VOID:
            self.out.append(f"</{tag}>")  # <div/> is an open tag to a browser; keep it empty

    def handle_endtag(self, tag: str) -> None:
        if self.skipping is not None:
            if tag == self.skipping:
                self.depth -= 1
                if self.depth == 0:
                    self.skipping = None
            return
        self.raw = None
        if tag not in self.open:
            return  # closes nothing the body opened
        while self.open:
            last = self.open.pop()
            self.out.append(f"</{last}>")
            if last == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.skipping is not None:
            return
        if self.raw == "script":
            # Inside a JS string "<\/" and "<\!--" read as "</" and "<!--"; written as
            # is, they could make the browser end the script elsewhere than here.
            self.out.append(data.replace("</", "<\\/").replace("<!--", "<\\!--"))
        elif self.raw == "style":
            # "<" has no use in CSS outside strings, where "\3c " means the same; escaped,
            # the text cannot end the element early (or start markup inside <svg><style>).
            self.out.append(data.replace("<", "\\3c "))
        else:
            self.out.append(html.escape(data, quote=False))

    # Comments, doctypes, CDATA and processing instructions are dropped.


def _attribute(tag: str, name: str, value: str | None) -> str:
    if not _ATTRIBUTE.fullmatch(name) or name.startswith("on") or name == "srcdoc":
        return ""
    if tag == "script" and name not in _SCRIPT_ATTRIBUTES:
        return ""
    if value is None:
        return f" {name}"
    # Anywhere in the value, not only at its start: SVG's <animate values="x;javascript:…">
    # sets a link's target from a list.
    url = _IGNORED_IN_URLS.sub("", value).lower()
    if (
        "javascript:" in url
        or "vbscript:" in url
        or (url.startswith("data:") and not url.startswith("data:image/"))
    ):
        return ""
    return f' {name}="{html.escape(value, quote=True)}"'


class _StyleOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.styles = 0
        self.other = 0
        self.inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "style":
            self.styles += 1
            self.inside = True
        else:
            self.other += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self.inside = False

    def handle_data(self, data: str) -> None:
        if not self.inside and data.strip():
            self.other += 1
