"""Runs answered while they run: the HTTP contract of streamed reruns.

A rerun that outlasts the server's first look is answered as `text/event-stream`:
`hx:release`, `htst:running <n>`, unnamed messages of `<hx-partial>` HTML in the order
the script drew, then the final state, `htst:url` when the query params changed, and
`htst:done <n>`. Scripts here sleep generously between steps and tests check the order
in which things arrive, never how long they took.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

from html_dom import VOID

HTMX = {"HX-Request": "true"}
_PARTIAL = re.compile(r'<hx-partial hx-target="#([^"]+)"[^>]*>(.*?)</hx-partial>', re.DOTALL)

PROGRESS = """
import time
import htst as st

word = st.text_input("Word", "a")
if st.button("Go"):
    bar = st.progress(0, text="starting")
    for i in range(5):
        bar.progress((i + 1) * 20, text=f"{word} step {i}")
        time.sleep(0.15)
    st.write(f"finished {word}")
"""

EMPTY = """
import time
import htst as st

if st.button("Go"):
    slot = st.empty()
    for i in range(4):
        slot.write(f"value {i}")
        time.sleep(0.2)
    slot.write("value final")
"""

LINES = """
import time
from pathlib import Path
import htst as st

log = Path({log!r})
st.title("Lines")
if st.button("Go"):
    for i in range({steps}):
        log.write_text(str(i + 1))
        st.write(f"line {{i}}")
        time.sleep({pause})
if st.button("Other"):
    st.write("clicked")
n = st.number_input("N", 0, 10, 5)
"""


# -- reading a stream ------------------------------------------------------------------
def sse_blocks(body: str) -> list[tuple[str, str]]:
    """(event, data) per block; asserts the body is well-formed SSE as htst sends it."""
    assert body.endswith("\n\n"), f"a stream ends with a blank line: {body[-80:]!r}"
    messages = []
    for block in body[:-2].split("\n\n"):
        event, data = "", []
        for line in block.split("\n"):
            field, sep, value = line.partition(":")
            assert sep and field in ("event", "data", "id"), f"not an SSE field line: {line!r}"
            value = value.removeprefix(" ")
            if field == "event":
                event = value
            elif field == "data":
                data.append(value)
        messages.append((event, "\n".join(data)))
    return messages


def data_messages(messages: list[tuple[str, str]]) -> list[list[tuple[str, str]]]:
    """The unnamed messages, each as its (target id, html) partials; nothing else in them."""
    out = []
    for event, data in messages:
        if event:
            continue
        found = _PARTIAL.findall(data)
        assert found and not _PARTIAL.sub("", data).strip(), data[:200]
        out.append(found)
    return out


class _Spans(HTMLParser):
    """Where each element with an id starts and ends in a document."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.stack: list[tuple[str, str | None, int]] = []
        self.spans: dict[str, tuple[int, int]] = {}
        self.feed(html)
        self.close()

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        eid = dict(attrs).get("id")
        if tag in VOID:
            if eid:
                self.spans[eid] = (start, self.html.index(">", start) + 1)
            return
        self.stack.append((tag, eid, start))

    def handle_endtag(self, tag: str) -> None:
        end = self.html.index(">", self._offset()) + 1
        while self.stack:
            open_tag, eid, start = self.stack.pop()
            if eid:
                self.spans[eid] = (start, end)
            if open_tag == tag:
                return


def outer_html(html: str, eid: str) -> str:
    start, end = _Spans(html).spans[eid]
    return html[start:end]


def apply(html: str, partials: list[tuple[str, str]]) -> str:
    """Morph each partial's target in turn, as the browser does (outerMorph = replace here)."""
    for target, fragment in partials:
        spans = _Spans(html).spans
        assert target in spans, f"a partial for #{target}, which the page does not have"
        start, end = spans[target]
        html = html[:start] + fragment + html[end:]
    return html


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class Stream:
    """A streamed answer read chunk by chunk (`buffered=False`), as a browser receives it."""

    def __init__(self, response):
        self.response = response
        self.chunks: Iterator[bytes] = iter(response.response)
        self.body = ""

    def until_data(self) -> str:
        """Read up to and including the first unnamed (data) message."""
        for chunk in self.chunks:
            text = chunk.decode() if isinstance(chunk, bytes) else chunk
            self.body += text
            if text.startswith("data:"):
                return text
        raise AssertionError(f"the stream ended before any data: {self.body!r}")

    def rest(self) -> str:
        for chunk in self.chunks:
            self.body += chunk.decode() if isinstance(chunk, bytes) else chunk
        self.response.close()
        return self.body


def start_stream(tab, fields: dict[str, str]) -> Stream:
    response = tab.client.post(
        "/_htst/rerun", data={**fields, "_htst_tab": tab.token}, headers=HTMX, buffered=False
    )
    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"
    return Stream(response)


def steps_started(log) -> int:
    """How many steps the script began (it writes the number before each step's st.write)."""
    try:
        return int(log.read_text() or 0)
    except FileNotFoundError:
        return 0


def main_html(page_html: str) -> str:
    return outer_html(page_html, "hm")


def lines_app(make_app, tmp_path, steps: int, pause: float):
    log = tmp_path / "steps.txt"
    app = make_app(LINES.format(log=str(log), steps=steps, pause=pause))
    return app, log


# -- the stream's shape ------------------------------------------------------------------
def test_long_run_streams_progress_in_order_and_ends_in_the_final_state(make_app, open_tab):
    app = make_app(PROGRESS)
    tab = open_tab(app.test_client())
    response = tab.post({tab.wid("Word"): "b", "_htst_click": tab.wid("Go")}, htmx=True)
    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"
    assert response.headers["Cache-Control"] == "no-cache"
    messages = sse_blocks(response.get_data(as_text=True))

    events = [event for event, _ in messages]
    assert events[0] == "hx:release"
    assert events[1] == "htst:running"
    assert events[-1] == "htst:done"
    assert "htst:done" not in events[:-1] and "htst:running" not in events[2:]
    assert messages[1][1] == messages[-1][1], "running and done name the same run"
    assert all(not event for event in events[2:-1]), events

    values = []
    for partials in data_messages(messages):
        for _target, html in partials:
            values += [int(v) for v in re.findall(r'<progress [^>]*value="(\d+)"', html)]
    assert len(values) >= 2, "progress was sent while the script ran, not only at the end"
    assert values == sorted(values) and values[-1] == 100, values

    streamed = tab.response.get_data(as_text=True)
    for partials in data_messages(messages):
        streamed = apply(streamed, partials)
    other = open_tab(app.test_client())
    plain = other.post({other.wid("Word"): "b", "_htst_click": other.wid("Go")})
    assert plain.mimetype == "text/html"
    final = main_html(plain.get_data(as_text=True))
    assert "finished b" in text_of(final) and 'value="100"' in final
    assert main_html(streamed) == final


def test_empty_rewrites_arrive_as_separate_messages(make_app, open_tab):
    tab = open_tab(make_app(EMPTY).test_client())
    response = tab.click("Go", htmx=True)
    assert response.mimetype == "text/event-stream"
    page = tab.response.get_data(as_text=True)
    seen = []
    for partials in data_messages(sse_blocks(response.get_data(as_text=True))):
        page = apply(page, partials)
        found = re.findall(r"value (\d|final)", text_of(main_html(page)))
        assert len(found) == 1, found  # the slot holds one value at a time
        seen.append(found[0])
    assert seen[-1] == "final"
    assert len(seen) >= 3, f"intermediate values were sent as they were drawn: {seen}"
    assert seen[:-1] == sorted(set(seen[:-1])), seen  # in order, each sent once


def test_sleep_loop_lines_arrive_progressively(make_app, open_tab, tmp_path):
    app, log = lines_app(make_app, tmp_path, steps=4, pause=0.25)
    tab = open_tab(app.test_client())
    stream = start_stream(tab, {"_htst_click": tab.wid("Go")})
    stream.until_data()
    # The first lines reached the client while the script was still writing the rest.
    assert steps_started(log) < 4
    body = stream.rest()
    page = tab.response.get_data(as_text=True)
    counts = []
    for partials in data_messages(sse_blocks(body)):
        page = apply(page, partials)
        counts.append(len(re.findall(r"line \d", text_of(main_html(page)))))
    assert counts[-1] == 4
    drawing = counts[:-1]  # the last message is the final state, which may add nothing
    assert len(drawing) >= 2, counts
    assert drawing == sorted(set(drawing)), f"each message adds lines: {counts}"


# -- without JavaScript ------------------------------------------------------------------
def test_plain_post_waits_and_gets_the_whole_final_page(make_app, open_tab):
    tab = open_tab(make_app(PROGRESS).test_client())
    response = tab.post({tab.wid("Word"): "c", "_htst_click": tab.wid("Go")})
    assert response.status_code == 200 and response.mimetype == "text/html"
    body = response.get_data(as_text=True)
    assert body.lstrip().lower().startswith("<!doctype html")
    assert "event:" not in body and "<hx-partial" not in body
    assert "finished c" in tab.page.text and "c step 4" in tab.page.text
    assert re.findall(r'<progress [^>]*value="(\d+)"', body) == ["100"]


def test_json_post_waits_and_gets_the_final_tree(make_app, open_tab):
    tab = open_tab(make_app(PROGRESS).test_client())
    response = tab.post({tab.wid("Word"): "d", "_htst_click": tab.wid("Go")}, query="format=json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    nodes = response.get_json()["tree"]["main"]["children"]
    progress = [n for n in nodes if n["type"] == "progress"]
    assert len(progress) == 1 and progress[0]["props"]["value"] == 100, progress
    bodies = [n["props"].get("body") for n in nodes if n["type"] == "markdown"]
    assert "finished d" in bodies


# -- stopping and superseding ------------------------------------------------------------
def test_stop_ends_the_stream_early_and_the_session_goes_on(make_app, open_tab, tmp_path):
    app, log = lines_app(make_app, tmp_path, steps=50, pause=0.1)
    tab = open_tab(app.test_client())
    stream = start_stream(tab, {"_htst_click": tab.wid("Go")})
    stream.until_data()
    stopped = tab.post({"_htst_stop": "1"}, htmx=True)
    assert stopped.status_code == 204
    messages = sse_blocks(stream.rest())
    assert messages[-1][0] == "htst:done"
    page = tab.response.get_data(as_text=True)
    for partials in data_messages(messages):
        page = apply(page, partials)
    written = len(re.findall(r"line \d+", text_of(main_html(page))))
    assert 1 <= written < 50
    assert steps_started(log) < 50

    after = tab.click("Other", htmx=True)
    assert after.status_code == 200
    body = after.get_data(as_text=True)
    shown = [html for _, html in _PARTIAL.findall(body)]
    assert any("clicked" in html for html in shown), body[:500]


def test_new_interaction_stops_the_running_script_and_its_stream(make_app, open_tab, tmp_path):
    app, log = lines_app(make_app, tmp_path, steps=50, pause=0.1)
    tab = open_tab(app.test_client())
    stream = start_stream(tab, {"_htst_click": tab.wid("Go")})
    stream.until_data()
    sent_before = stream.body

    clicked = tab.click("Other", htmx=True)
    assert clicked.status_code == 200
    body = clicked.get_data(as_text=True)
    if clicked.mimetype == "text/event-stream":
        assert sse_blocks(body)[-1][0] == "htst:done"
    shown = [html for _, html in _PARTIAL.findall(body)]
    assert any("clicked" in html for html in shown), body[:500]

    rest = stream.rest()[len(sent_before) :]
    assert rest == "", f"the superseded stream sent more: {rest[:300]!r}"
    assert steps_started(log) < 50


def test_bad_input_during_a_run_does_not_stop_it(make_app, open_tab, tmp_path):
    app, log = lines_app(make_app, tmp_path, steps=6, pause=0.15)
    tab = open_tab(app.test_client())
    stream = start_stream(tab, {"_htst_click": tab.wid("Go")})
    stream.until_data()
    bad = tab.post({tab.wid("N"): "eleven"}, htmx=True)
    assert bad.status_code == 400
    messages = sse_blocks(stream.rest())
    assert messages[-1][0] == "htst:done"
    assert steps_started(log) == 6
    page = tab.response.get_data(as_text=True)
    for partials in data_messages(messages):
        page = apply(page, partials)
    assert len(re.findall(r"line \d", text_of(main_html(page)))) == 6


# -- fragments ---------------------------------------------------------------------------
FRAGMENT = """
import time
from pathlib import Path
import htst as st

log = Path({log!r})
st.title("Page")
if st.button("Go"):
    for i in range(6):
        log.write_text(str(i + 1))
        st.write(f"line {{i}}")
        time.sleep(0.15)

@st.fragment
def part():
    st.session_state.ticks = st.session_state.get("ticks", 0) + 1
    st.write(f"ticks {{st.session_state.ticks}}")
    if st.button("Slow"):
        for i in range(4):
            st.write(f"f{{i}}")
            time.sleep(0.15)

part()
st.write("outside")
"""


def fragment_id(page_html: str) -> str:
    found = re.findall(r'<div id="([^"]+)" class="[^"]*\bhtst-fragment\b', page_html)
    assert len(found) == 1, found
    return found[0]


def test_long_fragment_rerun_streams_only_inside_its_container(make_app, open_tab, tmp_path):
    tab = open_tab(make_app(FRAGMENT.format(log=str(tmp_path / "log"))).test_client())
    frag = fragment_id(tab.response.get_data(as_text=True))
    response = tab.click("Slow", htmx=True)
    assert response.mimetype == "text/event-stream"
    messages = sse_blocks(response.get_data(as_text=True))
    assert messages[-1][0] == "htst:done"
    sent = data_messages(messages)
    assert len(sent) >= 2, "the fragment's lines were sent as they were drawn"
    targets = {target for partials in sent for target, _ in partials}
    assert all(t == frag or t.startswith(frag + "-") for t in targets), (frag, targets)
    page = tab.response.get_data(as_text=True)
    for partials in sent:
        page = apply(page, partials)
    assert "f3" in text_of(outer_html(page, frag))
    assert "outside" in text_of(main_html(page))


def test_fragment_tick_during_a_full_run_is_skipped(make_app, open_tab, tmp_path):
    log = tmp_path / "log"
    tab = open_tab(make_app(FRAGMENT.format(log=str(log))).test_client())
    frag = fragment_id(tab.response.get_data(as_text=True))
    idle = tab.post({"_htst_fragment": frag}, htmx=True)
    assert idle.status_code == 200  # when nothing runs, the tick reruns the fragment
    assert "ticks 2" in idle.get_data(as_text=True)

    stream = start_stream(tab, {"_htst_click": tab.wid("Go")})
    stream.until_data()
    tick = tab.post({"_htst_fragment": frag}, htmx=True)
    assert tick.status_code == 204
    messages = sse_blocks(stream.rest())
    assert messages[-1][0] == "htst:done"
    assert steps_started(log) == 6


# -- the URL -----------------------------------------------------------------------------
def test_query_param_change_during_a_streamed_run_sends_the_url(make_app, open_tab):
    source = """
    import time
    import htst as st

    if st.button("Go"):
        for i in range(3):
            st.write(f"line {i}")
            time.sleep(0.15)
        st.query_params["page"] = "2"
    """
    tab = open_tab(make_app(source).test_client(), url="/?tag=a")
    response = tab.click("Go", htmx=True)
    assert response.mimetype == "text/event-stream"
    messages = sse_blocks(response.get_data(as_text=True))
    urls = [data for event, data in messages if event == "htst:url"]
    assert urls == ["/?tag=a&page=2"]
    events = [event for event, _ in messages]
    assert events.index("htst:url") == len(events) - 2  # after the final state, before done
