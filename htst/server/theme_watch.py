"""The app's theme, and theme options changed in config.toml while the app runs (docs
4.2: they apply at once; other options need a restart).

Nothing runs in the background: a request looks at the config files' modification
times, at most once per `MIN_INTERVAL`, and only a change re-reads their [theme]
sections. The next whole page carries the new theme; a rerun answer replaces the page's
theme <style> (`partial`).
"""

from __future__ import annotations

import logging
import threading

from markupsafe import Markup

from ..config import Config, ConfigError
from ..files import Changes
from ..render import page as render_page
from ..render import theme as render_theme

log = logging.getLogger("htst.theme")
MIN_INTERVAL = 0.5  # seconds between two looks at the config files


class ThemeWatch:
    """`current()`: the theme the config files ask for now, with a version that grows
    by one each time it changes."""

    def __init__(self, config: Config):
        self._config = config
        self._files = Changes(config.files, MIN_INTERVAL)
        self._lock = threading.Lock()
        self.version = 0
        self.theme = self._build(config)

    def current(self) -> render_theme.Theme:
        if self._files.seen():
            with self._lock:
                self._reload()
        return self.theme

    def _reload(self) -> None:
        try:
            config = self._config.reread("theme")
        except ConfigError as exc:  # a half-saved file: keep the theme shown until it is fixed
            log.warning("The theme was not reloaded: %s", exc)
            return
        if render_theme.theme_values(config) == self.theme.values:
            return  # another section changed: that needs a restart
        self._config = config
        self.theme = self._build(config)
        self.version += 1
        log.info("Theme reloaded from the config files.")

    @staticmethod
    def _build(config: Config) -> render_theme.Theme:
        theme = render_theme.build(config)
        for warning in theme.warnings:
            log.warning("Theme: %s", warning)
        return theme

    # -- what the page shows -------------------------------------------------------
    def page(self, base_url: str) -> tuple[int, str | None, Markup]:
        """(version, data-theme, <style> text) for a whole page; the version is what the
        tab shows from then on."""
        theme = self.current()
        return self.version, theme.base, Markup(theme.css(base_url))

    def partial(self, shown: tuple[int, str | None, bool] | None, base_url: str) -> tuple[str, tuple[int, str | None, bool]]:
        """What a rerun answer adds when the theme changed since the tab's page showed
        `shown` (version, base, whether it has the <style>): the <style>, and a script
        for a new base (the viewer's own Settings choice stays theirs until a reload)."""
        theme = self.current()
        if shown is None or shown[0] == self.version:
            return "", shown or (self.version, theme.base, bool(theme.css(base_url)))
        _, base, has_style = shown
        css = theme.css(base_url)
        html = render_page.theme_partials(css, has_style, theme.base, base_changed=theme.base != base)
        return html, (self.version, theme.base, has_style or bool(css))
