"""st.iframe: URLs, local files and HTML strings, sized as documented."""

from __future__ import annotations

import html
import re

import pytest


def frames(page: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'([\w-]+)="([^"]*)"', tag)) for tag in re.findall(r"<iframe [^>]*>", page)]


def test_urls_files_and_html(make_app, open_tab, tmp_path):
    report = tmp_path / "report.html"
    report.write_text("<h1>Report</h1>")
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(b"%PDF-1.4 test")
    source = f"""
import htst as st
from pathlib import Path
st.iframe("https://example.com/page", height=300, alt="Example site", tab_index=-1)
st.iframe(Path({str(report)!r}))
st.iframe(Path({str(pdf)!r}), width=500)
st.iframe("<p>Hello <b>inline</b></p>", height="stretch")
st.iframe("/static/app.html")
"""
    tab = open_tab(make_app(source).test_client())
    found = frames(tab.response.get_data(as_text=True))
    assert found[0]["src"] == "https://example.com/page" and found[0]["title"] == "Example site"
    assert found[0]["tabindex"] == "-1" and "height:300px" in found[0]["style"]
    assert html.unescape(found[1]["srcdoc"]) == "<h1>Report</h1>" and "onload" in found[1]
    assert found[1]["title"] == "st.iframe"
    with tab.client.get("/" + found[2]["src"].lstrip("/")) as served:
        assert served.status_code == 200 and served.mimetype == "application/pdf" and served.data == b"%PDF-1.4 test"
    assert "height:400px" in found[2]["style"] and "onload" not in found[2]
    assert html.unescape(found[3]["srcdoc"]) == "<p>Hello <b>inline</b></p>" and "height:100%" in found[3]["style"]
    assert found[4]["src"] == "/static/app.html"


@pytest.mark.parametrize(
    "call, message",
    [("st.iframe(Path('/nope/missing.html'))", "could not be found"), ("st.iframe(42)", "takes a URL"), ("st.iframe('x', tab_index=-5)", "Invalid `tab_index`")],
)
def test_bad_sources(call, message):
    from htst.testing.v1 import AppTest

    at = AppTest.from_string("import htst as st\nfrom pathlib import Path\n" + call).run()
    assert at.exception and message in at.exception[0].message
