"""AppTest: chat elements, download/link buttons and file uploaders (seeds: cheat sheet 2.3,
session state API: download_button and file_uploader cannot be set through Session State)."""

from __future__ import annotations

from htst.testing.v1 import AppTest


def _chat_app():
    import htst as st

    if "messages" not in st.session_state:
        st.session_state.messages = []
    prompt = st.chat_input("Say something")
    if prompt:
        st.session_state.messages.append({"role": "user", "content": prompt})
        st.session_state.messages.append({"role": "assistant", "content": f"Echo: {prompt}"})
    for message in st.session_state.messages:
        with st.chat_message(message["role"]):
            st.markdown(message["content"])
    st.write(f"prompt={prompt!r}")


def test_cheat_sheet_chat_flow():
    at = AppTest.from_function(_chat_app).run()
    assert not at.exception
    assert len(at.chat_message) == 0
    at.chat_input[0].set_value("Do you know any jokes?").run()
    assert at.chat_message[0].markdown[0].value == "Do you know any jokes?"
    assert at.chat_message[0].avatar == "user"
    assert at.chat_message[1].markdown[0].value == "Echo: Do you know any jokes?"
    assert at.chat_message[1].avatar == "assistant"
    assert at.chat_input[0].value == "Do you know any jokes?"
    assert at.markdown[-1].value == "prompt='Do you know any jokes?'"


def test_chat_input_returns_the_message_once():
    at = AppTest.from_function(_chat_app).run()
    at.chat_input[0].set_value("hi").run()
    assert "prompt='hi'" in at.markdown[-1].value
    at.run()  # the value clears after the rerun, as in a real app
    assert at.markdown[-1].value == "prompt=None"
    assert at.chat_input[0].value is None
    assert len(at.chat_message) == 2  # the history lives in session state


def test_chat_input_on_submit_and_key():
    def app():
        import htst as st

        def sent():
            st.session_state.log = st.session_state.box

        st.chat_input(key="box", on_submit=sent, max_chars=10)
        st.write(f"log={st.session_state.get('log')!r}")

    at = AppTest.from_function(app).run()
    at.chat_input(key="box").set_value("abc").run()
    assert at.markdown[0].value == "log='abc'"


def test_chat_input_in_main_body_is_pinned_and_inline_in_a_container():
    def app():
        import htst as st

        with st.container():
            st.chat_input("inline")
        st.chat_input("pinned")

    at = AppTest.from_function(app).run()
    pins = {c.placeholder: c.pinned for c in at.chat_input}
    assert pins == {"inline": False, "pinned": True}


def test_chat_message_names_and_avatars():
    def app():
        import htst as st

        with st.chat_message("ai"):
            st.write("a")
        with st.chat_message("Bob"):
            st.write("b")
        with st.chat_message("human", avatar="https://example.org/me.png"):
            st.write("c")
        st.chat_message("assistant", avatar="🦜").write("d")

    at = AppTest.from_function(app).run()
    got = [(m.name, m.avatar) for m in at.chat_message]
    assert got == [
        ("ai", "assistant"),
        ("Bob", ""),
        ("human", "https://example.org/me.png"),
        ("assistant", "🦜"),
    ]
    assert at.chat_message[3].markdown[0].value == "d"


def test_chat_message_needs_a_name():
    def app():
        import htst as st

        st.chat_message("")

    at = AppTest.from_function(app).run()
    assert "author name is required" in at.exception[0].value


def test_download_and_link_buttons_are_listed():
    def app():
        import htst as st

        clicked = st.download_button("Get CSV", "a,b\n1,2\n", file_name="data.csv", mime="text/csv")
        st.link_button("Docs", "https://example.org", type="primary")
        st.write(f"clicked={clicked}")

    at = AppTest.from_function(app).run()
    [download] = at.get("download_button")
    assert download.label == "Get CSV"
    assert download.file_name == "data.csv" and download.mime == "text/csv"
    [link] = at.get("link_button")
    assert (link.label, link.url, link.kind) == ("Docs", "https://example.org", "primary")
    download.click().run()
    assert at.markdown[0].value == "clicked=True"
    at.run()
    assert at.markdown[0].value == "clicked=False"


def test_download_button_on_click_runs_before_the_script():
    def app():
        import htst as st

        st.session_state.setdefault("n", 0)

        def count():
            st.session_state.n += 1

        st.download_button("Get", b"x", on_click=count)
        st.write(f"n={st.session_state.n}")

    at = AppTest.from_function(app).run()
    at.get("download_button")[0].click().run()
    assert at.markdown[0].value == "n=1"


def test_download_button_data_goes_to_the_media_store():
    def app():
        import io

        import htst as st

        st.download_button("Text", "héllo")
        st.download_button("Bytes", b"\x00\x01")
        st.download_button("File", io.BytesIO(b"from a file"), file_name="f.bin")

    at = AppTest.from_function(app).run()
    media = at._app.media
    found = [media.get(b.media_id) for b in at.get("download_button")]
    assert [(f.data, f.mimetype) for f in found] == [
        ("héllo".encode(), "text/plain"),
        (b"\x00\x01", "application/octet-stream"),
        (b"from a file", "application/octet-stream"),
    ]
    assert found[2].filename == "f.bin"


def test_download_button_ids_stay_the_same_across_runs():
    def app():
        import htst as st

        st.download_button("Get", b"same bytes")

    at = AppTest.from_function(app).run()
    first = at.get("download_button")[0].media_id
    at.run()
    assert at.get("download_button")[0].media_id == first
    assert len(first) == 32


def test_download_button_and_file_uploader_keys_cannot_be_set_through_session_state():
    for command in ('st.download_button("Get", b"x", key="k")', 'st.file_uploader("Up", key="k")'):
        source = f"import htst as st\nst.session_state.k = True\n{command}\n"
        at = AppTest.from_string(source).run()
        assert at.exception, command
        assert "cannot be set using st.session_state" in at.exception[0].value


def test_file_uploader_is_listed_and_empty_at_first():
    def app():
        import htst as st

        one = st.file_uploader("One", type=["csv", ".TXT"])
        many = st.file_uploader("Many", accept_multiple_files=True)
        st.write(f"one={one!r} many={many!r}")

    at = AppTest.from_function(app).run()
    uploaders = at.get("file_uploader")
    assert [u.label for u in uploaders] == ["One", "Many"]
    assert uploaders[0].accept == ".csv,.txt"
    assert at.markdown[0].value == "one=None many=[]"


def test_link_button_refuses_script_urls():
    def app():
        import htst as st

        st.link_button("Bad", "javascript:alert(1)")

    at = AppTest.from_function(app).run()
    assert at.get("link_button")[0].url == "about:blank"


def test_chat_input_ignores_a_value_set_through_session_state():
    at = AppTest.from_string(
        "import htst as st\n"
        "if 'c' not in st.session_state:\n"
        "    st.session_state.c = 'preset'\n"
        "v = st.chat_input(key='c')\n"
        "st.write(repr(v), repr(st.session_state.c))\n"
    ).run()
    assert not at.exception
    assert at.markdown[0].value == "None None"
    at.chat_input[0].set_value("x").run()
    assert at.markdown[0].value == "'x' 'x'"
    at.run()
    assert at.markdown[0].value == "None None"
