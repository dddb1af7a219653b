"""st.image in a real browser: the picture loads from the media route and shows its caption."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_an_image_from_a_numpy_array_loads_with_its_caption(serve_app, page):
    app = serve_app("""
        import htst as st
        import numpy as np
        st.image(np.full((20, 30, 3), 200, dtype=np.uint8), caption="A grey box")
    """)
    page.goto(app.url)
    picture = page.get_by_role("img", name="A grey box")
    expect(picture).to_be_visible()
    assert page.evaluate("document.querySelector('.htst-figure img').naturalWidth") == 30
    expect(page.locator("figcaption")).to_have_text("A grey box")


def test_audio_plays_from_byte_ranges_and_seeks(serve_app, page):
    app = serve_app("""
        import htst as st
        import numpy as np
        st.audio(np.sin(np.linspace(0, 2000, 8000 * 20)), sample_rate=8000)
    """)
    ranges = []
    page.on("request", lambda request: ranges.append(request.headers.get("range")) if "/_htst/media/" in request.url else None)
    page.goto(app.url)
    page.wait_for_function("document.querySelector('audio').readyState >= 1")
    assert page.evaluate("document.querySelector('audio').duration") == pytest.approx(20, abs=0.1)
    page.evaluate("document.querySelector('audio').currentTime = 15")
    page.wait_for_function("document.querySelector('audio').currentTime >= 15 && !document.querySelector('audio').seeking")
    assert any(r and r.startswith("bytes=") for r in ranges)  # the browser asked for ranges


def test_write_stream_shows_text_as_it_is_produced(serve_app, page):
    app = serve_app("""
        import time
        import htst as st
        if st.button("Go"):
            def slow():
                for word in ["first ", "second ", "third"]:
                    yield word
                    time.sleep(0.7)
            st.write_stream(slow)
            st.write("done")
    """)
    page.goto(app.url)
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_text("first second", exact=False)).to_be_visible()
    expect(page.get_by_text("done")).to_be_hidden()  # the run is still streaming
    expect(page.get_by_text("first second third")).to_be_visible()
    expect(page.get_by_text("done")).to_be_visible()


def test_a_popover_opens_on_click_and_closes_on_a_click_elsewhere(serve_app, page):
    app = serve_app("""
        import htst as st
        with st.popover("Options"):
            st.write("Inside the popover")
        st.write("Elsewhere")
    """)
    page.goto(app.url)
    inside = page.get_by_text("Inside the popover")
    expect(inside).to_be_hidden()
    page.get_by_text("Options").click()
    expect(inside).to_be_visible()
    page.get_by_text("Elsewhere").click()
    expect(inside).to_be_hidden()
    app.wait_for_reruns(0)  # all in the browser


def test_bottom_stays_at_the_bottom_of_the_window(serve_app, new_page):
    app = serve_app("""
        import htst as st
        for i in range(80):
            st.write(f"Line {i}")
        st.bottom.write("Pinned at the bottom")
    """)
    page = new_page(viewport={"width": 1000, "height": 700})
    page.goto(app.url)
    pinned = page.get_by_text("Pinned at the bottom")
    expect(pinned).to_be_in_viewport()  # while the long page is scrolled to its top
    box = pinned.bounding_box()
    assert box["y"] + box["height"] <= 700 and box["y"] > 500
