"""st.audio and st.video: players whose files come from the media route, with ranges."""

from __future__ import annotations

import io
import re
import wave

import pytest

from htst.testing.v1 import AppTest

SRT = "1\n00:00:01,000 --> 00:00:02,500\nHello\n"


def player(html: str, tag: str) -> tuple[dict[str, str], str]:
    element = re.search(rf"<{tag} (.*?)>(.*?)</{tag}>", html, re.DOTALL)
    attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', element.group(1)))
    for flag in ("loop", "autoplay", "muted", "controls"):
        if re.search(rf"\s{flag}(\s|$)", " " + element.group(1) + " "):
            attrs[flag] = True
    return attrs, element.group(2)


@pytest.fixture
def page(make_app):
    def serve(source: str):
        client = make_app("import htst as st\nimport numpy as np\n" + source).test_client()
        return client, client.get("/").get_data(as_text=True)

    return serve


def test_numpy_audio_is_a_wav_at_its_sample_rate(page):
    client, html = page("st.audio(np.sin(np.linspace(0, 440, 8000)), sample_rate=8000)\n")
    attrs, _ = player(html, "audio")
    response = client.get(attrs["src"])
    assert response.mimetype == "audio/wav"
    with wave.open(io.BytesIO(response.data)) as file:
        assert (file.getframerate(), file.getnchannels(), file.getnframes()) == (8000, 1, 8000)


def test_a_path_is_streamed_with_byte_ranges(page, tmp_path):
    clip = tmp_path / "clip.mp4"
    clip.write_bytes(bytes(range(256)) * 40)
    client, html = page(f"st.video({str(clip)!r})\n")
    attrs, _ = player(html, "video")
    with client.get(attrs["src"]) as whole:  # streamed from the file, closed after
        assert whole.status_code == 200 and whole.mimetype == "video/mp4" and whole.headers["Accept-Ranges"] == "bytes"
    with client.get(attrs["src"], headers={"Range": "bytes=100-199"}) as part:
        assert part.status_code == 206 and part.headers["Content-Range"] == "bytes 100-199/10240"
        assert part.data == (bytes(range(256)) * 40)[100:200]
    clip.unlink()
    assert client.get(attrs["src"]).status_code == 404  # gone from disk: not found, never a 500


def test_bytes_with_their_format_and_the_player_options(page):
    client, html = page(
        "st.audio(b'ID3fake', format='audio/mpeg', start_time='1m14s', end_time=80, loop=True, autoplay=True, alt='A song')\n"
    )
    attrs, fallback = player(html, "audio")
    assert attrs["src"].endswith("#t=74,80") and attrs["loop"] and attrs["autoplay"] and attrs["aria-label"] == "A song"
    assert client.get(attrs["src"].split("#")[0]).mimetype == "audio/mpeg"
    assert "Download the audio" in fallback  # what a browser without <audio> shows


def test_a_url_is_played_from_where_it_is(page):
    _, html = page("st.video('https://example.com/movie.mp4', muted=True, start_time=5)\n")
    attrs, _ = player(html, "video")
    assert attrs["src"] == "https://example.com/movie.mp4#t=5" and attrs["muted"]


def test_subtitles_from_srt_text_become_webvtt_tracks(page, tmp_path):
    (tmp_path / "fr.vtt").write_text("WEBVTT\n\n00:01.000 --> 00:02.000\nBonjour\n")
    client, html = page(
        f"st.video(b'fake', subtitles={{'English': {SRT!r}, 'Français': {str(tmp_path / 'fr.vtt')!r}}})\n"
    )
    _, inner = player(html, "video")
    tracks = re.findall(r'<track kind="subtitles" label="([^"]+)" src="([^"]+)"( default)?>', inner)
    assert [(label, bool(default)) for label, _, default in tracks] == [("English", True), ("Français", False)]
    english = client.get(tracks[0][1])
    assert english.mimetype == "text/vtt" and english.get_data(as_text=True).startswith("WEBVTT")
    assert "00:00:01.000 --> 00:00:02.500" in english.get_data(as_text=True)
    assert "Bonjour" in client.get(tracks[1][1]).get_data(as_text=True)


@pytest.mark.parametrize(
    "call, message",
    [
        ("st.audio(np.zeros(10))", "`sample_rate` must be specified"),
        ("st.audio(b'x', sample_rate=8000)", "only be specified when `data` is a numpy array"),
        ("st.video('missing.mp4')", "could not be found"),
        ("st.video(b'x', start_time=10, end_time=5)", "`end_time` must be later"),
        ("st.audio(b'x', start_time='soon')", "Invalid `start_time` value"),
        ("st.video(b'x', width='content')", "Invalid width value"),
        ("st.video(b'x', subtitles={'en': 'nowhere.srt'})", "could not be found"),
        ("st.audio(3)", "Invalid media data type"),
    ],
)
def test_bad_input_gets_a_clear_message(call, message):
    at = AppTest.from_string(f"import htst as st\nimport numpy as np\n{call}\n").run()
    assert message in at.exception[0].value
