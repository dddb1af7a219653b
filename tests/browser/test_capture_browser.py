"""camera_input and audio_input in Chromium with its fake camera and microphone, and
their file-input fallback without JavaScript."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_camera_input_takes_a_jpeg_photo(serve_app, page):
    app = serve_app("""
        import htst as st
        from PIL import Image
        photo = st.camera_input("Say cheese", resolution="480p")
        if photo:
            picture = Image.open(photo)
            st.text(f"{photo.type} {picture.format} {picture.size[1]}")
    """)
    page.goto(app.url)
    shoot = page.get_by_role("button", name="Take photo")
    expect(shoot).to_be_visible()
    page.wait_for_function("document.querySelector('.htst-capture video').videoWidth > 0")
    shoot.click()
    expect(page.get_by_text("image/jpeg JPEG 480")).to_be_visible()
    expect(page.get_by_role("img", name="Say cheese: the photo taken")).to_be_visible()
    page.get_by_role("button", name="Clear photo").click()
    expect(page.get_by_role("button", name="Take photo")).to_be_visible()
    expect(page.get_by_text("image/jpeg")).to_be_hidden()


def test_audio_input_records_wav_at_the_sample_rate(serve_app, page):
    app = serve_app("""
        import wave
        import htst as st
        clip = st.audio_input("Speak", sample_rate=8000)
        if clip:
            with wave.open(clip) as w:
                st.text(f"{clip.type} {w.getframerate()} Hz {w.getsampwidth() * 8} bit {w.getnframes() > 2000}")
    """)
    page.goto(app.url)
    page.get_by_role("button", name="Record").click()
    stop = page.get_by_role("button", name="Stop")
    expect(stop).to_be_visible()
    page.wait_for_timeout(600)
    stop.click()
    expect(page.get_by_text("audio/wav 8000 Hz 16 bit True")).to_be_visible()
    expect(page.get_by_role("button", name="Clear recording")).to_be_visible()


def test_without_javascript_a_picture_file_is_posted(serve_app, new_page, tmp_path):
    import io

    from PIL import Image

    path = tmp_path / "me.png"
    buffer = io.BytesIO()
    Image.new("RGB", (8, 6), "red").save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    app = serve_app("""
        import htst as st
        photo = st.camera_input("Photo")
        st.text(f"got {photo.type if photo else None}")
        st.button("Send")
    """)
    page = new_page(java_script_enabled=False)
    page.goto(app.url)
    page.locator("input[type=file]").set_input_files(str(path))
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("got image/png")).to_be_visible()
