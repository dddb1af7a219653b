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
