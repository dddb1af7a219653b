"""What a cached function draws: recorded on a miss, drawn again on every hit.

Static elements are copied (docs: static elements). With `experimental_allow_widgets`
a widget is recorded as the call that drew it (docs: input widgets): a hit calls it
again, so the widget is registered and keeps its value, and its value is part of the
entry's key.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..runtime.context import RunContext, current_or_none
from ..runtime.nodes import Node


@dataclass(frozen=True)
class WidgetStep:
    """A widget drawn by a cached function: the st.* call (function, args, kwargs) that drew it."""

    call: tuple


@dataclass
class ContainerStep:
    """A container the cached function made with a widget somewhere inside it."""

    node: Node
    steps: list[Step] = field(default_factory=list)


@dataclass
class RootStep:
    """What the cached function drew straight into a page root other than the one it was
    called in (`st.sidebar.write`, a toast in the events root)."""

    root: str
    steps: list[Step] = field(default_factory=list)


Step = Node | WidgetStep | ContainerStep | RootStep


# -- recording (a miss) ------------------------------------------------------------------
@contextlib.contextmanager
def recording_widgets(ctx: RunContext) -> Iterator[dict[str, tuple]]:
    """Collect {widget id: (call, value)} for every widget drawn inside the block, in order."""
    recorder: dict[str, tuple] = {}
    ctx.widget_recorders.append(recorder)
    try:
        yield recorder
    finally:
        ctx.widget_recorders.remove(recorder)


class Drawing:
    """Where a cached function's call may draw: the container at the cursor, and the page
    roots. Made before the call; `steps` afterwards says how to draw it all again."""

    def __init__(self, ctx: RunContext):
        target = ctx.stack[-1]
        self.marks = [(None, target, _count(target))]
        self.marks += [(name, root, _count(root)) for name, root in ctx.roots.items() if root is not target]

    def nodes(self) -> list[tuple[str | None, list[Node]]]:
        """(root name, or None for the cursor; the nodes added there since)."""
        return [(name, node.children[count:] if node.children is not None else []) for name, node, count in self.marks]

    def has_widgets(self) -> bool:
        return any(has_widget(node) for _, nodes in self.nodes() for node in nodes)

    def steps(self, calls: dict[str, tuple] | None = None) -> list[Step]:
        """Steps for all of it; without `calls` (widgets not allowed) widgets are left out."""
        steps: list[Step] = []
        for root, nodes in self.nodes():
            if calls is None:
                nodes = [node for node in nodes if not has_widget(node)]
            inner = steps_for(nodes, calls or {})
            if root is None:
                steps.extend(inner)
            elif inner:
                steps.append(RootStep(root, inner))
        return steps


def _count(node: Node) -> int:
    return len(node.children) if node.children is not None else 0


def has_widget(node: Node) -> bool:
    return any(n.props.get("wid") for n in node.walk())


def steps_for(drawn: list[Node], calls: dict[str, tuple]) -> list[Step]:
    """How to draw `drawn` again: copies of static nodes, calls for the widgets."""
    steps: list[Step] = []
    for node in drawn:
        wid = node.props.get("wid")
        if wid is not None and wid in calls:
            steps.append(WidgetStep(calls[wid][0]))
        elif node.children and any(n.props.get("wid") in calls for n in node.walk()):
            shell = Node(node.type, dict(node.props), node.id, container=True)
            steps.append(ContainerStep(shell, steps_for(node.children, calls)))
        else:
            steps.append(copy_node(node))
    return steps


def copy_node(node: Node) -> Node:
    copied = Node(node.type, dict(node.props), node.id, container=node.children is not None)
    copied.data = node.data
    if node.children is not None:
        copied.children = [copy_node(child) for child in node.children]
    return copied


# -- replaying (a hit) -------------------------------------------------------------------
def replay(steps: list[Step]) -> None:
    if not steps:
        return
    ctx = current_or_none()
    if ctx is None:
        return
    with ctx.control.lock:
        for step in steps:
            _draw(ctx, step)
        ctx.control.dirty = True


def _draw(ctx: RunContext, step: Step) -> None:
    if isinstance(step, WidgetStep):
        call_again(ctx, step.call)
    elif isinstance(step, RootStep):
        with ctx.inside(ctx.roots[step.root]):
            for inner in step.steps:
                _draw(ctx, inner)
    elif isinstance(step, ContainerStep):
        added = ctx.add(step.node.type, copy.copy(step.node.props), container=True)
        with ctx.inside(added):
            for inner in step.steps:
                _draw(ctx, inner)
    else:
        added = ctx.add(step.type, copy.copy(step.props), container=step.children is not None)
        added.data = step.data
        if step.children:
            with ctx.inside(added):
                for child in step.children:
                    _draw(ctx, child)


def call_again(ctx: RunContext, call: tuple) -> Any:
    """Make a recorded st.* call again, as the outermost command (so forms can redraw it)."""
    fn, args, kwargs = call
    outer, ctx.call = ctx.call, call
    try:
        return fn(*args, **kwargs)
    finally:
        ctx.call = outer


def widget_values(ctx: RunContext, calls: list[tuple]) -> dict[str, tuple]:
    """{id: (call, value)} of each widget these calls draw, read without drawing on the page.

    The widgets are registered (that is what gives them their values) into a container
    that is never attached, then the registration is undone, so that the entry's own
    replay, or the function on a miss, draws them for real, and a widget neither draws
    is forgotten at the end of the run as usual.
    """
    target = ctx.stack[-1]
    scratch = Node("container", {}, f"{target.id}_cache", container=True)
    scratch.form, scratch.fragment = target.form, target.fragment
    before = ctx.state.snapshot()
    with ctx.control.lock, ctx.inside(scratch), recording_widgets(ctx) as drawn:
        try:
            for call in calls:
                call_again(ctx, call)
        finally:
            ctx.widget_ids.difference_update(drawn)
            ctx.state.restore(before)
    return drawn
