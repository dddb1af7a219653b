"""The session-state counter: one button, one number (Streamlit's docs example)."""

import htst as st

if "count" not in st.session_state:
    st.session_state.count = 0

if st.button("Increment", key="inc"):
    st.session_state.count += 1

st.write("Count = ", st.session_state.count)
