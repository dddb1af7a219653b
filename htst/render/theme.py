"""The theme options as CSS custom properties, for the page's <style>."""

from __future__ import annotations

from ..config import Config


def theme_css(config: Config) -> str:
    names = {
        "primaryColor": "--htst-primary",
        "backgroundColor": "--htst-bg",
        "secondaryBackgroundColor": "--htst-bg2",
        "textColor": "--htst-text",
    }
    rules = [f"{var}:{config['theme.' + opt]}" for opt, var in names.items() if config["theme." + opt]]
    font = config["theme.font"]
    if font:
        family = {"serif": "serif", "monospace": "monospace"}.get(font, "system-ui, sans-serif")
        rules.append(f"--htst-font:{family}")
    return ":root{" + ";".join(rules) + "}" if rules else ""
