"""Media a session no longer shows is freed: a full run that draws other media, or the
tab's end, releases what only that session showed."""

from __future__ import annotations

import re

APP = """
import htst as st
n = st.number_input("Picture", 0, 100, 0)
st.download_button("Get", f"file number {n}".encode(), file_name="n.txt")
st.download_button("Shared", b"the same for everyone", file_name="s.txt")
"""


def media_urls(html: str) -> list[str]:
    return re.findall(r'_htst/media/([0-9a-f]{32})', html)


def test_a_run_that_draws_other_media_frees_the_old(make_app, open_tab):
    app = make_app(APP)
    tab = open_tab(app.test_client())
    first = set(media_urls(tab.response.get_data(as_text=True)))
    assert len(first) == 2
    page = tab.post({tab.wid("Picture"): "7"}).get_data(as_text=True)
    now = set(media_urls(page))
    old = (first - now).pop()
    assert tab.client.get(f"/_htst/media/{old}").status_code == 404  # freed at once
    for media_id in now:
        assert tab.client.get(f"/_htst/media/{media_id}").status_code == 200


def test_media_two_sessions_show_stays_until_both_are_gone(make_app, open_tab):
    app = make_app(APP)
    one, two = open_tab(app.test_client()), open_tab(app.test_client())
    shared = set(media_urls(one.response.get_data(as_text=True))) & set(media_urls(two.response.get_data(as_text=True)))
    assert len(shared) == 2  # both drew number 0 and the shared file
    one.post({one.wid("Picture"): "3"})
    for media_id in shared:
        assert two.client.get(f"/_htst/media/{media_id}").status_code == 200  # tab two still shows them
    # Tab two closes: what only it showed goes.
    assert two.client.post("/_htst/close", data={"_htst_tab": two.token}).status_code < 400
    number_zero = next(m for m in shared if two.client.get(f"/_htst/media/{m}").status_code == 404)
    assert number_zero
    assert any(one.client.get(f"/_htst/media/{m}").status_code == 200 for m in shared)  # the shared file


def test_lazy_entries_are_made_when_asked_for_and_a_failure_is_a_404():
    from htst.runtime.media import MediaStore

    store, made = MediaStore(), []

    def produce() -> bytes:
        made.append(1)
        return b"made"

    media_id = store.add_lazy("k1", "text/plain", produce)
    assert store.add_lazy("k1", "text/plain", produce) == media_id and not made  # nothing made yet
    assert store.get(media_id).data == b"made" and store.get(media_id).data == b"made"
    assert made == [1]  # made once

    def broken() -> bytes:
        raise ValueError("no")

    assert store.get(store.add_lazy("k2", "text/plain", broken)) is None
