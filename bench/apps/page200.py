"""A 200-element page: text, headers, metrics and 10 widgets; one slider's value is echoed.

The bench changes the slider and expects one markdown line (and the slider) to change.
Top-level elements: 200 (`bench/load.py first --app page200` counts them via `?format=json`).
"""

import htst as st

st.title("Two hundred elements")
st.caption("A synthetic page for htst's benchmarks.")

level = st.slider("Level", 0, 100, 50, key="level")
st.markdown(f"The level is **{level}**.")

st.text_input("Name", "world", key="name")
st.checkbox("Show details", key="details")
st.toggle("Compact", key="compact")
st.radio("Colour", ["red", "green", "blue"], key="colour")
st.selectbox("Unit", ["metres", "feet", "parsecs"], key="unit")
st.number_input("Amount", 0.0, 100.0, 1.5, step=0.5, key="amount")
st.button("Refresh", key="refresh")
st.slider("Opacity", 0.0, 1.0, 0.5, key="opacity")
st.checkbox("Notify me", key="notify")
st.divider()
st.info("Ten widgets above, one hundred and eighty-four elements below.")

# 15 elements so far (10 widgets), 23 sections of 8 = 184, one footer: 200 in all.
for i in range(23):
    st.header(f"Section {i + 1}")
    st.markdown(f"Paragraph {i + 1} with **bold**, *italic* and `code` in it, long enough to look like prose.")
    st.text(f"Plain text line {i + 1}")
    st.metric(f"Metric {i + 1}", i * 7, delta=i - 11)
    st.subheader(f"Detail {i + 1}")
    st.markdown(f"- item {i}.a\n- item {i}.b\n- item {i}.c")
    st.caption(f"Caption {i + 1}")
    st.text(f"Another line of text number {i + 1}")

st.markdown("*End of the page.*")
