"""st.mermaid_chart: the definition as text in the page (what shows without JS), named
for assistive technology; drawn by mermaid in the browser (tests/browser)."""

from __future__ import annotations

import pytest

from htst.elements.mermaid import diagram_name
from htst.testing.v1 import AppTest


def test_the_page_holds_the_definition_escaped(make_app, open_tab):
    html = open_tab(make_app("import htst as st\nst.mermaid_chart('graph TD\\n  A[<b>Start</b>] --> B')").test_client()).response.get_data(as_text=True)
    assert 'data-htst-script="mermaid"' in html and 'aria-label="Mermaid flowchart"' in html
    assert "<pre class=\"htst-mermaid-source\">graph TD\n  A[&lt;b&gt;Start&lt;/b&gt;] --&gt; B</pre>" in html


@pytest.mark.parametrize(
    "body, name",
    [("sequenceDiagram\n A->>B: hi", "Mermaid sequence diagram"), ("%% comment\npie\n \"a\": 1", "Mermaid pie chart"),
     ("flowchart LR\n accTitle: Mine\n a-->b", None), ("somethingNew\n x", "Mermaid diagram")],
)
def test_names_from_the_diagram_type(body, name):
    assert diagram_name(body) == name


def test_alt_and_width_and_bad_input():
    at = AppTest.from_string("import htst as st\nst.mermaid_chart('graph TD; a-->b', alt='Deploy steps', width='content')").run()
    props = at.get("mermaid_chart")[0]._node.props
    assert (props["name"], props["width"]) == ("Deploy steps", "content")
    at = AppTest.from_string("import htst as st\nst.mermaid_chart('   ')").run()
    assert at.exception and "Mermaid definition" in at.exception[0].message
