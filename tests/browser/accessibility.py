"""axe-core, run in the page a browser test leaves open: the issue's "accessible by
default, measured" (0 serious or critical violations, in the light and the dark theme).

axe's own script comes from the `axe-playwright-python` wheel (it bundles axe-core's
`axe.min.js`); only the script is used, injected into the page and run with `axe.run`.
"""

from __future__ import annotations

import contextlib
import functools
import re
import time
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

# Only these fail a test; axe's "moderate" and "minor" (heading order, landmarks) are
# advice, worth reading but not a gate.
FAILING = ("serious", "critical")

# The theme as htst.js applies it (applyTheme): the `data-theme` attribute of <html>.
_SET_THEME = "theme => document.documentElement.setAttribute('data-theme', theme)"
_THEME = "document.documentElement.getAttribute('data-theme') === 'dark' ? 'dark' : 'light'"
# The page at rest: no rerun in flight, and finite animations and transitions (a toast
# fading in, colours easing after a theme change) run to their end, so axe reads the
# colours a reader sees. Capped at a second; endless ones (spinners) are not waited for.
_SETTLE = """async () => {
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  const finite = document.getAnimations().filter(a => a.effect && isFinite(a.effect.getComputedTiming().endTime));
  await Promise.race([Promise.all(finite.map(a => a.finished.catch(() => null))), new Promise(r => setTimeout(r, 1000))]);
}"""
_IDLE = "(r => !r || (!r.hasAttribute('aria-busy') && !r.hasAttribute('data-htst-running')))(document.getElementById('htst-root'))"
# Frames (st.html, components, pdf) are not entered: axe is injected into the top page only.
_RUN = "options => axe.run(document, {resultTypes: ['violations'], iframes: false, ...options}).then(r => r.violations)"
# What a theme changes: colours. The other theme is checked for these rules only (a third
# of the time of a whole run).
_COLOUR_RULES = ("color-contrast", "link-in-text-block")


@dataclass
class Timing:
    """What the checks cost, for the run's summary line."""

    pages: int = 0
    seconds: float = 0.0


@functools.cache
def _axe_js() -> str:
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def _describe(theme: str, violation: dict[str, Any]) -> str:
    lines = [f"[{theme}] {violation['id']} ({violation['impact']}): {violation['help']}"]
    for node in violation["nodes"][:10]:
        summary = " ".join(node.get("failureSummary", "").split("\n")[1:2]).strip()
        lines.append(f"    {' '.join(map(str, node['target']))} — {summary}")
    if len(violation["nodes"]) > 10:
        lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def _settle(page: Any) -> None:
    with contextlib.suppress(Exception):  # a page still busy after 2 s is checked as it is
        page.wait_for_function(_IDLE, timeout=2_000)
    page.evaluate(_SETTLE)


def _scripted_copy(page: Any) -> Any:
    """A page without JavaScript cannot run axe: the same document (its DOM as it is, with
    what <noscript> shows and no script) in a page of a JavaScript-enabled context, at the
    same address so its stylesheets load from the same server."""
    html = re.sub(r"<script\b[^>]*>.*?</script>|</?noscript>", "", page.content(), flags=re.DOTALL | re.IGNORECASE)
    copy = page.context.browser.new_context().new_page()
    url = page.url
    copy.route(lambda u: u == url, lambda route: route.fulfill(body=html, content_type="text/html; charset=utf-8"))
    copy.goto(url)
    return copy


def violations(page: Any, timing: Timing | None = None, *, scripted: bool = True, skip: tuple[str, ...] = ()) -> list[str]:
    """The serious and critical violations axe finds on `page` as it is, in its current
    theme and then in the other one (the page is put back in its theme afterwards).
    `scripted=False`: a page whose context has JavaScript off (checked through a copy).
    `skip`: axe rule ids not run."""
    if page.is_closed() or not page.url.startswith("http"):
        return []
    if not scripted:
        copy = _scripted_copy(page)
        try:
            return violations(copy, timing, skip=skip)
        finally:
            copy.context.close()
    start = time.perf_counter()
    _settle(page)
    if not page.evaluate("typeof axe === 'object'"):
        page.evaluate(_axe_js())
    current = page.evaluate(_THEME)
    found: list[str] = []
    other = "light" if current == "dark" else "dark"
    runs = [
        (current, {"rules": {rule: {"enabled": False} for rule in skip}}),
        (other, {"runOnly": {"type": "rule", "values": [r for r in _COLOUR_RULES if r not in skip]}}),
    ]
    for theme, options in runs:
        if theme != current:
            page.evaluate(_SET_THEME, theme)
            page.evaluate(_SETTLE)
        found += [_describe(theme, v) for v in page.evaluate(_RUN, options) if v["impact"] in FAILING]
    page.evaluate(_SET_THEME, current)
    if timing is not None:
        timing.pages += 1
        timing.seconds += time.perf_counter() - start
    return found
