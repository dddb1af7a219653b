"""The theme options as CSS (docs 4.4): one custom property per option, scoped to the
base theme it inherits from; bad values and low contrast are warned about, not applied."""

from __future__ import annotations

import re

import pytest

from htst.config import OPTIONS, Config
from htst.render import colors
from htst.render.assets import inline_css
from htst.render.theme import build, palette


def themed(**options: object):
    return build(Config().with_overrides({f"theme.{k.replace('__', '.')}": v for k, v in options.items()}))


def declarations(css: str, selector: str) -> dict[str, str]:
    block = re.search(re.escape(selector) + r"\{([^}]*)\}", css)
    assert block, f"no {selector} in {css}"
    return dict(d.split(":", 1) for d in block.group(1).split(";"))


def test_no_theme_options_no_css_and_no_base() -> None:
    theme = build(Config())
    assert theme.base is None and theme.css() == "" and theme.warnings == ()


@pytest.mark.parametrize(
    ("option", "value", "prop"),
    [
        ("primaryColor", "#7A1FA2", "--htst-primary"),
        ("backgroundColor", "rgb(250, 250, 240)", "--htst-bg"),
        ("secondaryBackgroundColor", "hsl(210, 20%, 92%)", "--htst-bg2"),
        ("textColor", "darkslategray", "--htst-text"),
        ("borderColor", "#ccc", "--htst-border"),
    ],
)
def test_each_colour_option_sets_its_property(option: str, value: str, prop: str) -> None:
    theme = themed(**{option: value})
    assert theme.base == "light"  # base omitted: light (docs)
    assert declarations(theme.css(), "[data-theme=light]")[prop] == value


def test_a_custom_theme_inherits_from_its_base() -> None:
    theme = themed(base="dark", primaryColor="#A23B72")
    assert theme.base == "dark"
    # Only what is set: the dark colours come from htst.css's [data-theme=dark].
    assert declarations(theme.css(), "[data-theme=dark]") == {"--htst-primary": "#A23B72", "--htst-on-primary": "#FFF"}
    assert themed(base="dark").css() == ""  # a preset alone needs no CSS


def test_hex_without_hash_and_names_as_streamlit_reads_them() -> None:
    css = themed(primaryColor="ff0000", textColor="Navy").css()
    assert declarations(css, "[data-theme=light]")["--htst-primary"] == "#ff0000"
    assert declarations(css, "[data-theme=light]")["--htst-text"] == "navy"


def test_text_on_a_light_primary_turns_dark() -> None:
    assert declarations(themed(primaryColor="#FFE066").css(), "[data-theme=light]")["--htst-on-primary"] == "#000"


@pytest.mark.parametrize(
    ("value", "stack"),
    [
        ("serif", '"Source Serif Pro","Source Serif 4",Georgia,serif'),
        ("sans serif", palette().themes["light"]["--htst-font"]),
        ("monospace", palette().themes["light"]["--htst-mono"]),
        ("Inter", '"Inter",' + palette().themes["light"]["--htst-font"]),
        ("cool-font, sans-serif", '"cool-font",sans-serif,' + palette().themes["light"]["--htst-font"]),
    ],
)
def test_fonts_as_streamlit_reads_them(value: str, stack: str) -> None:
    assert declarations(themed(font=value).css(), "[data-theme=light]")["--htst-font"] == stack


def test_code_and_heading_fonts() -> None:
    css = themed(codeFont="JetBrains Mono", headingFont="serif").css()
    assert declarations(css, "[data-theme=light]")["--htst-mono"].startswith('"JetBrains Mono",')
    # Headings are set on the elements at :where() specificity, so htst.css's own rules win.
    assert declarations(css, ":where([data-theme=light]) :is(h1,h2,h3,h4,h5,h6)")["font-family"].endswith("serif")


def test_a_font_with_a_url_loads_its_css_first() -> None:
    url = "https://fonts.googleapis.com/css2?family=Nunito&display=swap"
    css = themed(font=f"Nunito:{url}").css()
    assert css.startswith(f'@import url("{url}");')
    assert declarations(css, "[data-theme=light]")["--htst-font"].startswith('"Nunito",')


def test_font_faces_are_declared_with_app_relative_urls() -> None:
    faces = ({"family": "Cool", "url": "app/static/cool.woff2", "weight": "200 800", "style": "italic"},
             {"family": "Far", "url": "https://example.com/far.woff2", "unicodeRange": "U+0000-00FF"})
    theme = build(Config().with_overrides({"theme.fontFaces": faces, "theme.font": "Cool", "server.enableStaticServing": True}))
    css = theme.css("/dash/")
    assert '@font-face{src:url("/dash/app/static/cool.woff2");font-family:"Cool";font-weight:200 800;font-style:italic}' in css
    assert '@font-face{src:url("https://example.com/far.woff2");font-family:"Far";unicode-range:U+0000-00FF}' in css
    assert theme.warnings == ()


def test_link_colour() -> None:
    assert declarations(themed(linkColor="#0B5CAD").css(), ":where([data-theme=light]) a") == {"color": "#0B5CAD"}


@pytest.mark.parametrize(
    ("value", "radii"),
    [("none", ("0", "0", "0")), ("small", ("0.35rem", "0.175rem", "0.525rem")), ("full", ("1.4rem", "0.7rem", "2.1rem")),
     ("10px", ("10px", "5px", "15px")), ("0.75rem", ("0.75rem", "0.375rem", "1.125rem")), ("12", ("12px", "6px", "18px"))],
)
def test_base_radius_as_streamlit_reads_it(value: str, radii: tuple[str, str, str]) -> None:
    found = declarations(themed(baseRadius=value).css(), "[data-theme=light]")
    assert (found["--htst-radius"], found["--htst-radius-sm"], found["--htst-radius-lg"]) == radii


def test_the_css_uses_the_radius_properties() -> None:
    css = inline_css("htst.css")
    assert "border-radius:var(--htst-radius,.5rem)" in css and "border-radius:.5rem" not in css


def test_the_sidebar_sub_theme_restates_what_body_resolved() -> None:
    css = themed(sidebar__backgroundColor="#1B1F2A", sidebar__textColor="#F5F5F5", sidebar__primaryColor="#4CC9F0",
                 sidebar__secondaryBackgroundColor="#2A3040", sidebar__font="serif", sidebar__linkColor="#9AD1FF").css()
    side = declarations(css, "[data-theme=light] .htst-sidebar")
    assert side["--htst-bg2"] == "#1B1F2A"  # the sidebar's own background
    assert side["--htst-field"] == "#2A3040"  # its widgets
    assert side["--htst-text"] == "#F5F5F5" and side["color"] == "var(--htst-text)"
    assert side["--htst-muted"].startswith("color-mix(") and "var(--htst-text)" in side["--htst-muted"]
    assert side["accent-color"] == "var(--htst-primary)" and side["font-family"] == "var(--htst-font)"
    assert "--htst-bg" not in side
    assert declarations(css, ":where([data-theme=light] .htst-sidebar) a") == {"color": "#9AD1FF"}
    assert "[data-theme=light]{" not in css  # the main area keeps the preset


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"primaryColor": "blurple"}, "theme.primaryColor = 'blurple' is not a CSS colour"),
        ({"sidebar__textColor": "#12345"}, "theme.sidebar.textColor = '#12345' is not a CSS colour"),
        ({"font": "Comic; color:red"}, "theme.font = 'Comic; color:red' is not a font family name"),
        ({"baseRadius": "huge"}, "theme.baseRadius = 'huge' is not \"none\""),
        ({"base": "blue"}, "theme.base = 'blue' is not \"light\" or \"dark\""),
        ({"fontFaces": ({"family": "X"},)}, "theme.fontFaces[0] needs a family and a url"),
        ({"headingFont": "A:https://x.test/css?family=A&family=B"}, "the URL must name one font"),
    ],
)
def test_bad_values_are_warned_about_and_ignored(options: dict[str, object], message: str) -> None:
    theme = themed(**options)
    assert [w for w in theme.warnings if message in w], theme.warnings
    assert "blurple" not in theme.css() and "Comic" not in theme.css() and "huge" not in theme.css()


def test_a_font_file_under_app_static_needs_static_serving() -> None:
    theme = themed(fontFaces=({"family": "C", "url": "app/static/c.woff2"},))
    assert any("server.enableStaticServing" in w for w in theme.warnings)


def test_low_contrast_is_one_warning_per_pair_naming_options_and_ratio() -> None:
    theme = themed(textColor="#777777", backgroundColor="#888888")
    text = [w for w in theme.warnings if "for text." in w]
    assert text == ["Low contrast: theme.textColor #777777 on theme.backgroundColor #888888 is 1.26:1; WCAG AA asks 4.5:1 for text."]
    assert declarations(theme.css(), "[data-theme=light]")["--htst-text"] == "#777777"  # kept: the author chose it


def test_contrast_with_an_inherited_colour_names_the_base() -> None:
    theme = themed(base="dark", primaryColor="purple")
    assert theme.warnings == (
        (
            "Low contrast: theme.primaryColor purple on the dark theme's backgroundColor #0E1117 is 2.01:1; "
            "WCAG AA asks 3:1 for controls drawn in the primary colour."
        ),
    )


def test_sidebar_contrast_is_checked_against_the_sidebar() -> None:
    theme = themed(sidebar__textColor="#EEEEEE", sidebar__backgroundColor="#111111")
    assert not [w for w in theme.warnings if "on theme.sidebar.backgroundColor" in w]
    # Its widgets keep the main background (white): light text there is unreadable.
    assert [w for w in theme.warnings if "theme.sidebar.textColor #EEEEEE on the light theme's backgroundColor" in w]


def test_good_themes_are_quiet() -> None:
    assert themed(base="dark", primaryColor="#FF4B4B", textColor="#FAFAFA", backgroundColor="#0E1117").warnings == ()
    assert themed(primaryColor="#0B5CAD", font="serif").warnings == ()


def test_css_never_leaves_its_style_element() -> None:
    theme = themed(primaryColor="red</style><script>", font="a</style>", linkColor="rgb(1,2,3)</style>")
    assert "<" not in theme.css() and len(theme.warnings) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [("#FFF", (255, 255, 255, 1.0)), ("#00000080", (0, 0, 0, 128 / 255)), ("rgb(255 0 0 / 50%)", (255, 0, 0, 0.5)),
     ("rgba(0, 128, 0, .25)", (0, 128, 0, 0.25)), ("hsl(120, 100%, 25%)", (0, 127.5, 0, 1.0)), ("rebeccapurple", (102, 51, 153, 1.0)),
     ("transparent", (0, 0, 0, 0.0))],
)
def test_colours_are_measured(text: str, expected: tuple[float, ...]) -> None:
    assert colors.rgba(text) == pytest.approx(expected)


def test_newer_colour_functions_are_accepted_unmeasured() -> None:
    assert colors.css_color("oklch(70% 0.1 200)") == "oklch(70% 0.1 200)" and colors.rgba("oklch(70% 0.1 200)") is None


def test_contrast_ratio_matches_wcag() -> None:
    assert colors.contrast((0, 0, 0, 1), (255, 255, 255, 1)) == pytest.approx(21)
    assert colors.contrast((118, 118, 118, 1), (255, 255, 255, 1)) == pytest.approx(4.54, abs=0.01)


def test_system_dark_setting_repeats_the_dark_theme() -> None:
    """With no theme configured the page has no data-theme: htst.css applies the dark
    colours in a dark system setting, the same block as [data-theme=dark]."""
    css = inline_css("htst.css")
    dark = re.search(r"\[data-theme=dark\]\{([^}]*)\}", css).group(1)
    system = re.search(r"@media \(prefers-color-scheme:dark\)\{:root:not\(\[data-theme\]\)\{([^}]*)\}\}", css).group(1)
    assert system == dark


SAMPLES = {"base": "dark", "fontFaces": ({"family": "Cool", "url": "https://example.com/cool.woff2"},), "baseRadius": "small",
           "font": "serif", "codeFont": "Fira Code", "headingFont": "Georgia"}


@pytest.mark.parametrize("option", [o for o in OPTIONS if o.section in ("theme", "theme.sidebar")], ids=lambda o: o.key)
def test_every_theme_option_has_an_effect(option) -> None:
    value = SAMPLES.get(option.name, "#0B5CAD")
    theme = build(Config().with_overrides({option.key: value}))
    assert theme.base is not None and (theme.css() or option.key == "theme.base"), option.key
    if option.section == "theme.sidebar":
        assert theme.css().startswith(("[data-theme=light] .htst-sidebar{", ":where([data-theme=light] .htst-sidebar)"))
