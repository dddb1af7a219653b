"""page200 with two identical five-element panels: one inside an `@st.fragment`, one not.

`bench/fragment.py` moves each panel's slider and compares the answers: the fragment's
slider reruns only the fragment; the outer slider, the same widget in the same kind of
panel, reruns the whole 200-element page. Each panel echoes its slider in one markdown
line and one metric. 200 elements in all (the fragment's container aside), like page200:
22 sections of 8 instead of 23 make room for the two panels.
"""

import htst as st

st.title("Two hundred elements")
st.caption("A synthetic page for htst's benchmarks, with a fragment.")


@st.fragment
def fragment_panel() -> None:
    st.subheader("Inside a fragment")
    level = st.slider("Level", 0, 100, 50, key="level")
    st.markdown(f"The level is **{level}**.")
    st.metric("Level squared", level * level)
    st.caption("Moving this slider reruns this panel only.")


fragment_panel()

st.subheader("Outside any fragment")
outer = st.slider("Outer level", 0, 100, 50, key="outer")
st.markdown(f"The outer level is **{outer}**.")
st.metric("Outer level squared", outer * outer)
st.caption("Moving this slider reruns the whole page.")

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
st.info("Two panels and nine widgets above, one hundred and seventy-seven elements below.")

# 2 + 5 + 5 + 9 + 2 = 23 elements so far, 22 sections of 8 = 176, one footer: 200 in all.
for i in range(22):
    st.header(f"Section {i + 1}")
    st.markdown(
        f"Paragraph {i + 1} with **bold**, *italic* and `code` in it, long enough to look like prose."
    )
    st.text(f"Plain text line {i + 1}")
    st.metric(f"Metric {i + 1}", i * 7, delta=i - 11)
    st.subheader(f"Detail {i + 1}")
    st.markdown(f"- item {i}.a\n- item {i}.b\n- item {i}.c")
    st.caption(f"Caption {i + 1}")
    st.text(f"Another line of text number {i + 1}")

st.markdown("*End of the page.*")
