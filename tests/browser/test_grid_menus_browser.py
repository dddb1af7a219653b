"""st.pagination, st.menu_button and st.grid in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_pagination_and_menu_button_rerun_with_their_values(serve_app, page):
    app = serve_app("""
        import htst as st
        st.text(f"page {st.pagination(20, key='p')}")
        st.text(f"picked {st.menu_button('Export', ['CSV', 'JSON'])}")
    """)
    page.goto(app.url)
    page.get_by_role("button", name="5", exact=True).click()
    expect(page.get_by_text("page 5")).to_be_visible()
    page.get_by_role("button", name="Next page").click()
    expect(page.get_by_text("page 6")).to_be_visible()
    expect(page.locator("[aria-current=page]")).to_have_text("6")
    page.get_by_text("Export").click()
    page.get_by_role("menuitem", name="JSON").click()
    expect(page.get_by_text("picked JSON")).to_be_visible()
    expect(page.get_by_role("menuitem", name="JSON")).to_be_hidden()  # the menu closed
    page.get_by_role("button", name="Next page").click()
    expect(page.get_by_text("picked None")).to_be_visible()  # a pick lasts one run


def test_pagination_ignore_waits_and_bind_shows_in_the_url(serve_app, page):
    app = serve_app("""
        import htst as st
        st.text(f"page {st.pagination(9, key='pg', on_change='ignore', bind='query-params')}")
        st.button("Rerun now")
    """)
    page.goto(app.url)
    page.get_by_role("button", name="3", exact=True).click()
    expect(page.locator("[aria-current=page]")).to_have_text("3")
    page.wait_for_function("location.search.includes('pg=3')")
    app.wait_for_reruns(0)
    expect(page.get_by_text("page 1")).to_be_visible()
    page.get_by_role("button", name="Rerun now").click()
    expect(page.get_by_text("page 3")).to_be_visible()


def test_a_grid_drops_columns_on_a_narrow_window(serve_app, new_page):
    app = serve_app("""
        import htst as st
        g = st.grid(4)
        for i in range(4):
            g.markdown(f"cell {i}")
    """)
    page = new_page(viewport={"width": 1200, "height": 600})
    page.goto(app.url)

    def rows() -> int:
        return len({round(b["y"]) for b in (page.get_by_text(f"cell {i}").bounding_box() for i in range(4))})

    expect(page.get_by_text("cell 3")).to_be_visible()
    wide = rows()
    page.set_viewport_size({"width": 420, "height": 600})
    page.wait_for_timeout(100)
    # As the docs say: st.grid(4) shows three columns in the centered layout (four would
    # be narrower than 200 px), so 3 + 1; a phone-wide window has one column.
    assert (wide, rows()) == (2, 4)
