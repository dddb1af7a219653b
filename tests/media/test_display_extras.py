"""st.badge, st.pdf, st.help, st.write_stream and st.write of a PIL image."""

from __future__ import annotations

import re

import pytest

from htst.testing.v1 import AppTest


def test_write_stream_grows_one_text_and_returns_it():
    at = AppTest.from_string("""
        import htst as st
        def words():
            for word in ["One ", "two ", "three"]:
                yield word
        st.session_state.out = st.write_stream(words(), cursor="▌")
    """).run()
    assert at.session_state.out == "One two three"
    assert [m.value for m in at.markdown] == ["One two three"]  # no cursor left behind


def test_write_stream_writes_other_objects_and_returns_a_list():
    at = AppTest.from_string("""
        import htst as st
        st.session_state.out = st.write_stream(iter(["Text ", {"k": 1}, "more"]))
    """).run()
    assert at.session_state.out == ["Text ", {"k": 1}, "more"]
    assert [m.value for m in at.markdown] == ["Text ", "more"] and len(at.json) == 1


def test_write_stream_takes_callables_async_generators_and_llm_chunks():
    at = AppTest.from_function(_llm_app).run()
    assert not at.exception
    assert at.session_state.chat == "Hi there"
    assert at.session_state.from_async == "ab"
    assert at.session_state.from_callable == "xy"


def _llm_app():
    from types import SimpleNamespace

    import htst as st

    def chat_chunk(text):  # an OpenAI chat-completions chunk
        return SimpleNamespace(choices=[SimpleNamespace(delta=SimpleNamespace(content=text))])

    st.session_state.chat = st.write_stream([chat_chunk("Hi"), chat_chunk(None), chat_chunk(" there")])

    async def agen():
        for letter in "ab":
            yield letter

    st.session_state.from_async = st.write_stream(agen())
    st.session_state.from_callable = st.write_stream(lambda: iter(["x", "y"]))


def test_write_stream_refuses_what_is_not_a_stream():
    at = AppTest.from_string("import htst as st\nst.write_stream(42)\n").run()
    assert "expects a generator or an iterable" in at.exception[0].value


def test_badge_draws_its_colour_and_icon(make_app):
    html = make_app("import htst as st\nst.badge('New', icon=':material/star:', color='green', help='Fresh')\n").test_client().get("/").get_data(as_text=True)
    badge = re.search(r'<span class="htst-badge htst-badge-green">(.*?)</span>', html).group(1)
    assert 'data-icon="star"' in badge and "New" in badge
    assert 'aria-label="Help for New"' in html and '<p>Fresh</p>' in html
    at = AppTest.from_string("import htst as st\nst.badge('x', color='pink')\n").run()
    assert "Invalid `color` value" in at.exception[0].value


def test_pdf_is_shown_by_the_browser_from_the_media_route(make_app, tmp_path):
    (tmp_path / "doc.pdf").write_bytes(b"%PDF-1.4 from a file")
    client = make_app(f"import htst as st\nst.pdf(b'%PDF-1.4 bytes', height=300, alt='Report')\nst.pdf({str(tmp_path / 'doc.pdf')!r})\n").test_client()
    html = client.get("/").get_data(as_text=True)
    objects = re.findall(r'<object data="([^"]+)" type="application/pdf" width="100%" height="([^"]+)"', html)
    assert [height for _, height in objects] == ["300", "500"]
    first = client.get(objects[0][0])
    assert first.mimetype == "application/pdf" and first.data == b"%PDF-1.4 bytes"
    with client.get(objects[1][0]) as second:
        assert second.data == b"%PDF-1.4 from a file"
    assert 'aria-label="Report"' in html and "Open the PDF" in html  # the fallback link
    at = AppTest.from_string("import htst as st\nst.pdf('missing.pdf')\n").run()
    assert "could not be found" in at.exception[0].value


def test_help_shows_name_signature_doc_and_members(make_app):
    html = make_app("""
        import htst as st
        class Thing:
            '''A thing with a purpose.'''
            size = 3
            def grow(self, by: int = 1):
                '''Make it bigger.'''
        st.help(Thing)
        st.help(Thing())
    """).test_client().get("/").get_data(as_text=True)
    boxes = re.findall(r'<div id="[^"]+" class="htst-element htst-help-box".*?</div>', html, re.DOTALL)
    assert len(boxes) == 2
    assert "<code>Thing</code>" in boxes[0] and "A thing with a purpose." in boxes[0]
    assert "<code>grow</code>" in boxes[0] and "Make it bigger." in boxes[0] and "<code>size</code>" in boxes[0]
    assert "<dt>type</dt><dd><code>Thing</code></dd>" in boxes[1]


def test_help_without_arguments_describes_htst():
    at = AppTest.from_string("import htst as st\nst.help()\n").run()
    (box,) = at.get("help")
    assert box.props["name"] == "htst" and any(name == "slider" for name, _, _ in box.props["members"])


def test_write_of_a_pil_image_draws_it():
    at = AppTest.from_string("import htst as st\nfrom PIL import Image\nst.write(Image.new('RGB', (2, 2)))\n").run()
    assert len(at.get("imgs")) == 1


@pytest.mark.parametrize("kind", ["badge", "pdf", "help"])
def test_each_is_reachable_in_apptest(kind):
    assert hasattr(AppTest.from_string("import htst as st\n").run(), kind)
