"""camera_input and audio_input: UploadedFiles checked by their bytes, held until cleared."""

from __future__ import annotations

import io
import re
import wave

import pytest

from htst.errors import InvalidWidgetValue
from htst.testing.v1 import AppTest

JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 20


def wav_bytes(rate: int = 16000) -> bytes:
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(b"\0\0" * 100)
    return out.getvalue()


APP = """
import htst as st
photo = st.camera_input("Photo", key="cam")
clip = st.audio_input("Voice", key="mic")
st.text(repr((photo.name, photo.type, photo.read()[:3]) if photo else None))
st.text(repr((clip.type, clip.size) if clip else None))
"""


def test_a_photo_and_a_recording_are_uploaded_files_until_cleared():
    at = AppTest.from_string(APP).run()
    assert [t.value for t in at.text] == ["None", "None"]
    at.camera_input[0].upload(JPEG, "image.jpg", "image/jpeg").run()
    at.audio_input[0].upload(wav_bytes(), "audio.wav").run()
    assert at.text[0].value == repr(("image.jpg", "image/jpeg", JPEG[:3]))
    assert at.text[1].value == repr(("audio/wav", len(wav_bytes())))
    at.run()
    assert at.text[0].value != "None"  # held across reruns
    at.camera_input[0].clear().run()
    assert at.text[0].value == "None" and at.text[1].value != "None"


@pytest.mark.parametrize("index, data, message", [(0, b"GIF89a....", "a photo is a JPEG or PNG image"), (1, b"ID3 mp3 data", "a recording is a WAV file")])
def test_other_bytes_are_refused(index, data, message):
    at = AppTest.from_string(APP).run()
    widget = (at.camera_input[0], at.audio_input[0])[index]
    widget.upload(data, "x")
    with pytest.raises(InvalidWidgetValue, match=message):
        at.run()


@pytest.mark.parametrize(
    "call, message",
    [("st.camera_input('C', resolution='4k')", "Invalid `resolution` value"),
     ("st.audio_input('A', sample_rate=12345)", "Invalid `sample_rate` value"),
     ("st.session_state.k = 1\nst.camera_input('C', key='k')", "cannot be set using st.session_state")],
)
def test_bad_arguments(call, message):
    at = AppTest.from_string("import htst as st\n" + call).run()
    assert at.exception and message in at.exception[0].message


def test_the_page_offers_a_file_input_and_shows_what_is_held(make_app, open_tab):
    tab = open_tab(make_app(APP).test_client())
    html = tab.response.get_data(as_text=True)
    assert 'data-htst-script="capture"' in html
    cam = re.search(r'<input type="file" id="(\w+)" name="\1" class="htst-capture-file" accept="image/jpeg,image/png" capture="user">', html)
    mic = re.search(r'<input type="file" id="(\w+)" name="\1" class="htst-capture-file" accept="audio/wav,.wav" capture="user">', html)
    assert cam and mic
    response = tab.client.post(
        "/_htst/rerun",
        data={"_htst_tab": tab.token, cam.group(1): (io.BytesIO(JPEG), "image.jpg", "image/jpeg"), mic.group(1): (io.BytesIO(wav_bytes(8000)), "a.wav", "audio/wav")},
        content_type="multipart/form-data",
    )
    page = response.get_data(as_text=True)
    src = re.search(r'<img src="([^"]+)" alt="Photo: the photo taken">', page).group(1)
    assert tab.client.get("/" + src.lstrip("/")).data == JPEG
    assert re.search(r'<audio controls src="[^"]+" aria-label="Voice: the recording">', page)
    assert "Clear photo" in page and "Clear recording" in page
