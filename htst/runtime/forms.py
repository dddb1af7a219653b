"""Forms batch their widgets' values until the form's submit button is pressed (docs: forms).

The rules live here: which widgets a form may hold, which posted values a request may
apply, and what happens at the end of a run (missing submit button, clear_on_submit).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..errors import HtstAPIException, InvalidWidgetValue
from .context import RunContext
from .nodes import Node
from .state import SessionState
from .widget_spec import WidgetMeta, WidgetSpec

FORMS_DOCS = "For more information, refer to the documentation for forms (https://docs.streamlit.io/develop/api-reference/execution-flow/st.form)."
MISSING_SUBMIT = (
    "**Missing Submit Button**\n\nThis form has no submit button, which means that user "
    "interactions will never be sent to your app.\n\nTo create a submit button, use the "
    "`st.form_submit_button()` function.\n\n" + FORMS_DOCS
)
@dataclass
class FormField:
    """A widget of a clear_on_submit form: reset to `default` after a submit, redrawn by `call`."""

    meta: WidgetMeta
    default: Any
    call: tuple | None
    node: Node | None = None


@dataclass
class FormInfo:
    """A form drawn in this run."""

    node: Node
    clear_on_submit: bool
    enter_to_submit: bool = True
    has_submit: bool = False
    submitted: bool = False
    fields: dict[str, FormField] = field(default_factory=dict)

    def remember(self, meta: WidgetMeta, default: Any, call: tuple | None) -> None:
        self.fields[meta.id] = FormField(meta, default, call)

    def drawn(self, wid: str, node: Node) -> None:
        found = self.fields.get(wid)
        if found is not None:
            found.node = node


def check_widget(ctx: RunContext, container: Node, spec: WidgetSpec, callback: Callable[..., Any] | None) -> FormInfo | None:
    """The form a new widget is in, if any; raises for what forms do not allow."""
    kind = spec.kind
    if container.form is None:
        if spec.submits_form:
            raise HtstAPIException(
                f"`st.{kind}()` must be used inside an `st.form()`.\n\n{FORMS_DOCS}"
            )
        return None
    if not spec.in_forms:
        raise HtstAPIException(f"`st.{kind}()` can't be used in an `st.form()`.\n\n{FORMS_DOCS}")
    if callback is not None and not spec.submits_form:
        raise HtstAPIException(
            "With forms, callbacks can only be defined on the `st.form_submit_button`. "
            "Defining callbacks on other widgets inside a form is not allowed."
        )
    return ctx.forms.get(container.form)


def submitted_form(state: SessionState, changes: dict[str, Any]) -> str | None:
    """The form whose submit button these changes press, if any."""
    for wid, value in changes.items():
        meta = state.widget_meta(wid)
        if meta is not None and meta.spec.submits_form and value:
            return meta.form
    return None


def split_form_changes(
    state: SessionState, changes: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(changes to apply now, changes held back): a form's values go only with its submit."""
    submitted = submitted_form(state, changes)
    apply, held = {}, {}
    for wid, value in changes.items():
        meta = state.widget_meta(wid)
        form = meta.form if meta is not None else None
        (apply if form is None or form == submitted else held)[wid] = value
    return apply, held


def show_pending(roots: dict[str, Node], state: SessionState, held: dict[str, Any]) -> None:
    """Draw unsubmitted form input as the user left it (a page posted without JavaScript).

    A plain post carries every field, so a stepper or a button outside the form reloads
    the page; its form fields show what was typed (or stepped) while the script, until
    the form is submitted, still sees the old values.
    """
    for root in roots.values():
        for node in root.walk():
            wid = node.props.get("wid")
            meta = state.widget_meta(wid) if wid in held else None
            if meta is not None:
                value = held[wid]
                try:
                    raw = meta.serialize(value)
                except (InvalidWidgetValue, TypeError, ValueError):
                    continue  # not drawable as posted: the widget shows its own value
                node.props = {**node.props, "raw": raw}


def finish_forms(ctx: RunContext) -> None:
    """End of a completed run: flag forms without a submit button, clear submitted forms."""
    for info in ctx.forms.values():
        if not info.has_submit:
            with ctx.inside(info.node):
                ctx.app.hooks.error(MISSING_SUBMIT)
        if info.submitted and info.clear_on_submit:
            for entry in list(info.fields.values()):  # a redraw registers its widget again
                _redraw_with_default(ctx, entry)


def clear_before_rerun(ctx: RunContext) -> None:
    """A run that submitted a clear_on_submit form ended in st.rerun(): reset its widgets.

    The rerun draws them with their defaults, as the page shows after a submit in
    Streamlit, whatever the submitted run did next.
    """
    for info in ctx.forms.values():
        if info.submitted and info.clear_on_submit:
            for entry in info.fields.values():
                if ctx.state.widget_meta(entry.meta.id) is entry.meta:
                    ctx.state.set_widget_value(entry.meta.id, entry.default)


def _redraw_with_default(ctx: RunContext, entry: FormField) -> None:
    """Reset a widget to its default and draw it again in its place (clear_on_submit).

    The script saw the submitted value in this run; the page and the next run see the
    default, as in Streamlit.
    """
    meta, node, call = entry.meta, entry.node, entry.call
    if node is None or call is None or ctx.state.widget_meta(meta.id) is not meta:
        return
    ctx.state.set_widget_value(meta.id, entry.default)
    slot = Node("container", {}, node.id, container=True)
    slot.form, slot.fragment = node.form, node.fragment
    ctx.widget_ids.discard(meta.id)
    func, args, kwargs = call
    with ctx.inside(slot):
        func(*args, **kwargs)
    drawn = [child for child in slot.children or () if child.type == node.type]
    if drawn:
        node.props, node.data = drawn[-1].props, drawn[-1].data


def enter_submit(state: SessionState, changes: dict[str, Any]) -> str | None:
    """The submit button that Enter in a form's field presses, for a post made without JS.

    A browser submits the page's form with its first (hidden, empty) button when Enter is
    pressed in a text field; if the changed fields all belong to one form that lets Enter
    submit, that form's first submit button is the one meant.
    """
    forms = set()
    for wid in changes:
        meta = state.widget_meta(wid)
        forms.add(meta.form if meta is not None else None)
    if len(forms) != 1 or None in forms:
        return None
    (form,) = forms
    for meta in state.known_widgets():
        if meta.spec.submits_form and meta.form == form:
            return meta.id if meta.spec.submits_on_enter and not meta.disabled else None
    return None
