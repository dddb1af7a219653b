"""st.image: every kind of image Streamlit takes, served from the media route."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from htst.testing.v1 import AppTest

SVG = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 2 2'><rect width='2' height='2'/></svg>"


def images(html: str) -> list[dict[str, str]]:
    found = []
    for figure in re.findall(r'<figure class="htst-figure">(.*?)</figure>', html, re.DOTALL):
        img = dict(re.findall(r'(\w+)="([^"]*)"', re.search(r"<img [^>]*>", figure).group(0)))
        img["href"] = re.search(r'<a href="([^"]*)"', figure).group(1)
        caption = re.search(r"<figcaption>(.*?)</figcaption>", figure)
        img["caption"] = caption.group(1) if caption else None
        found.append(img)
    return found


@pytest.fixture
def page(make_app):
    def serve(source: str):
        client = make_app("import htst as st\nimport numpy as np\n" + source).test_client()
        return client, client.get("/").get_data(as_text=True)

    return serve


def decode(client, src: str) -> tuple[str, Image.Image]:
    response = client.get(src)
    assert response.status_code == 200
    return response.mimetype, Image.open(io.BytesIO(response.data))


def test_a_numpy_array_is_a_png_and_bgr_channels_are_swapped(page):
    client, html = page("a = np.zeros((2, 3, 3), dtype=np.uint8)\na[..., 0] = 255\nst.image(a)\nst.image(a, channels='BGR')\n")
    rgb, bgr = images(html)
    kind, picture = decode(client, rgb["src"])
    assert kind == "image/png" and picture.size == (3, 2) and picture.getpixel((0, 0)) == (255, 0, 0)
    assert decode(client, bgr["src"])[1].getpixel((0, 0)) == (0, 0, 255)


def test_float_arrays_are_in_zero_to_one_and_clamp_clips(page):
    client, html = page("st.image(np.full((2, 2), 0.5))\nst.image(np.full((2, 2), 2.0), clamp=True)\n")
    half, clipped = images(html)
    assert decode(client, half["src"])[1].getpixel((0, 0)) == 127
    assert decode(client, clipped["src"])[1].getpixel((0, 0)) == 255
    at = AppTest.from_string("import htst as st\nimport numpy as np\nst.image(np.full((2, 2), 2.0))\n").run()
    assert "outside [0.0, 1.0] and clamp is not set" in at.exception[0].value


def test_pil_images_bytes_svg_and_urls(page, tmp_path):
    png = io.BytesIO()
    Image.new("RGB", (5, 4), "green").save(png, format="PNG")
    (tmp_path / "pic.png").write_bytes(png.getvalue())
    client, html = page(
        "from PIL import Image\n"
        "st.image(Image.new('RGB', (3, 3), 'red'), output_format='JPEG')\n"
        f"st.image({png.getvalue()!r})\n"
        f"st.image({str(tmp_path / 'pic.png')!r})\n"
        f"st.image({SVG!r})\n"
        "st.image('https://example.com/cat.png')\n"
    )
    jpeg, raw, path, svg, url = images(html)
    assert decode(client, jpeg["src"])[0] == "image/jpeg"
    assert client.get(raw["src"]).data == png.getvalue()
    assert decode(client, path["src"])[1].size == (5, 4)
    response = client.get(svg["src"])
    assert response.mimetype == "image/svg+xml" and "sandbox" in response.headers["Content-Security-Policy"]
    assert url["src"] == "https://example.com/cat.png"


def test_a_list_with_captions_alt_text_width_and_link(page):
    _, html = page(
        f"st.image([{SVG!r}, {SVG!r}], caption=['One', 'Two'], alt=['first', None], width='stretch', link='https://example.com')\n"
    )
    one, two = images(html)
    assert (one["caption"], two["caption"]) == ("One", "Two")
    assert (one["alt"], two["alt"]) == ("first", "Two")  # no alt: the caption
    assert one["href"] == "https://example.com"
    assert re.search(r'class="htst-element htst-image" data-width="stretch"', html)


def test_without_a_link_a_click_opens_the_image(page):
    _, html = page(f"st.image({SVG!r}, width=120)\n")
    (one,) = images(html)
    assert one["href"] == one["src"] and 'data-width="px"' in html and "--htst-w:120px" in html


@pytest.mark.parametrize(
    "call, message",
    [
        ("st.image([1, 2], caption='only one')", "Cannot pair 1 captions with 2 images."),
        ("st.image(np.zeros((2, 2, 2)))", "Invalid image shape"),
        ("st.image(np.zeros((2, 2)), output_format='GIF')", "Invalid `output_format` value"),
        ("st.image(np.zeros((2, 2)), channels='HSV')", "Invalid `channels` value"),
        ("st.image('nowhere.png')", "could not be found"),
        ("st.image(3.5)", "takes a URL"),
    ],
)
def test_bad_input_gets_a_clear_message(call, message):
    at = AppTest.from_string(f"import htst as st\nimport numpy as np\n{call}\n").run()
    assert message in at.exception[0].value


def test_apptest_sees_images_as_streamlit_names_them():
    at = AppTest.from_string(f"import htst as st\nst.image({SVG!r}, caption='Logo')\n").run()
    (img,) = at.get("imgs")
    assert img.captions == ["Logo"] and img.alts == [None]
    assert len(at.get("image")) == 1


def test_use_column_width_is_the_old_name_of_stretch(page):
    _, html = page(f"st.image({SVG!r}, use_column_width=True)\n")
    assert 'data-width="stretch"' in html
