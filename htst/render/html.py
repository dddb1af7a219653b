"""Node tree -> HTML, with one Jinja environment and one template per element type."""

from __future__ import annotations

import hashlib
from typing import Any, Iterable

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, Template
from markupsafe import Markup

from ..runtime.nodes import Node, SharedProps
from .assets import TEMPLATES_DIR
from .code import highlight_code, render_latex
from . import material
from .markdown import markdown_heading_id, render_label, render_markdown
from .sanitize import clean_html, is_style_only


def _markdown(body: str, unsafe_allow_html: bool = False, anchors: bool | None = None) -> Markup:
    return Markup(render_markdown(body, unsafe_allow_html=unsafe_allow_html, anchors=anchors))


def _clean_html(body: str, scripts: bool = False, node_id: str = "") -> Markup:
    # With scripts, their ids change with the body, so a changed body's scripts run again.
    script_id = f"{node_id}-js{hashlib.blake2b(body.encode(), digest_size=4).hexdigest()}" if scripts else ""
    return Markup(clean_html(body, scripts=scripts, script_id=script_id))


def _inline(body: str) -> Markup:
    return Markup(render_markdown(body, inline=True))


_LEAF_CACHE_SIZE = 20_000


class _Environment(Environment):
    def make_globals(self, d: Any) -> Any:
        """A template with no globals of its own reads the environment's dict itself.

        Jinja's default is a ChainMap over it, and each `{% from … import %}` compares the
        importing template's globals with the imported one's at every render: over a
        ChainMap that was half the cost of rendering a markdown leaf. htst never changes
        a template's globals, so the environment's are never changed through one.
        """
        return self.globals if not d else super().make_globals(d)


class Renderer:
    """Renders nodes; user template folders given first override htst's templates."""

    def __init__(self, template_dirs: Iterable[str] = ()):
        loaders = [FileSystemLoader(str(d)) for d in template_dirs]
        loaders.append(FileSystemLoader(str(TEMPLATES_DIR)))
        self.env = _Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
        )
        self.env.filters.update(
            markdown=_markdown,
            inline=_inline,
            label=lambda text: Markup(render_label(str(text))),
            code=lambda body, language=None, line_numbers=False, wrap_lines=False: Markup(
                highlight_code(body, language, line_numbers=line_numbers, wrap_lines=wrap_lines)
            ),
            latex=lambda body: Markup(render_latex(body)),
            heading_id=markdown_heading_id,
            clean_html=_clean_html,
            style_only=is_style_only,
            material=material.svg,
        )
        self._templates: dict[str, Template] = {}
        # Leaf HTML of shared props (`runtime.nodes.shared_props`), by (type, node id,
        # props object): most leaves are the same in every run and every tab, and a dict
        # lookup is a hundred times cheaper than a Jinja render. An entry holds its props
        # object, so the id() in its key cannot be reused while the entry lives; the
        # key holds everything the HTML depends on, so no session sees another's content.
        self._leaves: dict[tuple[str, str, int], tuple[SharedProps, str]] = {}

    def template(self, name: str) -> Template:
        template = self._templates.get(name)
        if template is None:
            template = self._templates[name] = self.env.get_template(name)
        return template

    def node(self, node: Node, out: dict[str, str] | None = None) -> str:
        """HTML of `node` (children included); every node's HTML is also put in `out`."""
        if node.children is not None:
            inner = Markup("".join(self.node(child, out) for child in node.children))
            html = self.template(f"elements/{node.type}.html").render(el=node, p=node.props, inner=inner)
        else:
            html = self._leaf(node)
        if out is not None:
            out[node.id] = html
        return html

    def _leaf(self, node: Node) -> str:
        props = node.props
        if type(props) is not SharedProps:
            return self._render_leaf(node)
        key = (node.type, node.id, id(props))
        found = self._leaves.get(key)
        if found is not None and found[0] is props:
            return found[1]
        html = self._render_leaf(node)
        if len(self._leaves) >= _LEAF_CACHE_SIZE:
            self._leaves.clear()
        self._leaves[key] = (props, html)
        return html

    def _render_leaf(self, node: Node) -> str:
        return self.template(f"elements/{node.type}.html").render(el=node, p=node.props, inner=Markup(""))

    def page(self, **context: Any) -> str:
        return self.template("page.html").render(**context)
