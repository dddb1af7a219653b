"""Files and chat in a real browser: an upload reaches the script, a download has the
right name and bytes, and chat_input's Enter sends a message shown in a chat_message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

UPLOAD = """
    import htst as st

    files = st.file_uploader("Your files", type=["txt"], accept_multiple_files=True)
    st.write("got: " + (", ".join(f"{f.name}:{f.size}:{f.read().decode()}" for f in files) or "nothing"))
"""


def test_a_real_upload_reaches_the_script_and_can_be_removed(serve_app: Any, page: Any, tmp_path: Path) -> None:
    served = serve_app(UPLOAD)
    note = tmp_path / "note.txt"
    note.write_text("hello file", encoding="utf-8")
    page.goto(served.url)
    expect(page.get_by_text("got: nothing")).to_be_visible()
    with page.expect_request("**/_htst/rerun") as upload:
        page.get_by_label("Your files").set_input_files(str(note))
    assert upload.value.headers["content-type"].startswith("multipart/form-data")
    expect(page.get_by_text("got: note.txt:10:hello file")).to_be_visible()
    served.wait_for_reruns(1)
    # Posts without a file stay urlencoded (smaller), though the form is multipart.
    with page.expect_request("**/_htst/rerun") as remove:
        page.get_by_role("button", name="Remove note.txt").click()
    assert remove.value.headers["content-type"].startswith("application/x-www-form-urlencoded")
    expect(page.get_by_text("got: nothing")).to_be_visible()


def test_upload_without_javascript_travels_with_the_form(serve_app: Any, new_page: Any, tmp_path: Path) -> None:
    served = serve_app(UPLOAD + '\n    st.button("Send")\n')
    note = tmp_path / "plain.txt"
    note.write_text("no js", encoding="utf-8")
    page = new_page(java_script_enabled=False)
    page.goto(served.url)
    page.get_by_label("Your files").set_input_files(str(note))
    with page.expect_navigation():
        page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("got: plain.txt:5:no js")).to_be_visible()
    with page.expect_navigation():
        page.get_by_role("button", name="Remove plain.txt").click()
    expect(page.get_by_text("got: nothing")).to_be_visible()
    assert served.reruns == 2


DOWNLOAD = """
    import htst as st

    st.session_state.setdefault("clicks", 0)

    def clicked():
        st.session_state.clicks += 1

    st.download_button("Get data", b"col\\n1\\n2\\n", file_name="data.csv", mime="text/csv", on_click=clicked)
    st.write(f"clicks={st.session_state.clicks}")
"""


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
def test_a_real_download_has_the_right_name_and_bytes(serve_app: Any, new_page: Any, js: bool) -> None:
    served = serve_app(DOWNLOAD)
    page = new_page(accept_downloads=True, java_script_enabled=js)
    page.goto(served.url)
    with page.expect_download() as info:
        page.get_by_role("button", name="Get data").click()
    download = info.value
    assert download.suggested_filename == "data.csv"
    assert Path(download.path()).read_bytes() == b"col\n1\n2\n"
    served.wait_for_reruns(1)  # the click also ran on_click (and, with JS, a rerun)
    if js:
        expect(page.get_by_text("clicks=1")).to_be_visible()


CHAT = """
    import htst as st

    if "messages" not in st.session_state:
        st.session_state.messages = []
    if prompt := st.chat_input("Say something"):
        st.session_state.messages.append(("user", prompt))
        st.session_state.messages.append(("assistant", f"Echo: {prompt}"))
    for role, content in st.session_state.messages:
        with st.chat_message(role):
            st.markdown(content)
"""


def test_chat_input_enter_sends_a_message(serve_app: Any, page: Any, wait_idle: Any) -> None:
    served = serve_app(CHAT)
    page.goto(served.url)
    box = page.get_by_role("textbox", name="Say something")
    box.fill("Hi there")
    box.press("Enter")
    expect(page.get_by_role("group", name="Message from user")).to_have_text("Hi there")
    expect(page.get_by_role("group", name="Message from assistant")).to_contain_text("Echo: Hi there")
    wait_idle(page)
    expect(box).to_have_value("")  # the box empties once the message is sent
    box.fill("Again")
    box.press("Enter")
    expect(page.get_by_role("group", name="Message from user")).to_have_count(2)
    served.wait_for_reruns(2)
