"""100 markdown lines interleaved with 100 keyed widgets, and one line echoing the first slider.

Widget i (0..99) cycles slider / text_input / checkbox, so the page has 34 sliders
(keys s0, s3, ...), 33 text inputs (t1, t4, ...) and 33 checkboxes (c2, c5, ...), each
after its own markdown line. The last line echoes the first slider ("Level is N"); the
bench moves s0 and expects that line to follow.

The same file runs under htst and under Streamlit: it imports htst unless the
environment variable BENCH_FRAMEWORK is "streamlit", or htst is not importable (e.g. in
a venv that only has streamlit). `bench/session_cost.py` runs it under both.
"""

import os

if os.environ.get("BENCH_FRAMEWORK") == "streamlit":
    import streamlit as st
else:
    try:
        import htst as st
    except ImportError:
        import streamlit as st

for i in range(100):
    st.markdown(f"Line {i}: some *markdown* text before widget {i}.")
    if i % 3 == 0:
        st.slider(f"Slider {i}", 0, 100, 50, key=f"s{i}")
    elif i % 3 == 1:
        st.text_input(f"Text {i}", f"text {i}", key=f"t{i}")
    else:
        st.checkbox(f"Checkbox {i}", key=f"c{i}")

st.markdown(f"Level is {st.session_state.s0}")
