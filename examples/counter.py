"""A counter kept in Session State, changed by button callbacks.

Run it alone with `htst run examples/counter.py`, or see `embed_flask.py` to mount it
inside a Flask site.
"""

import htst as st

st.title("Counter")

if "count" not in st.session_state:
    st.session_state.count = 0


def add(step):
    st.session_state.count += step


def reset():
    st.session_state.count = 0


minus, plus, zero = st.columns(3)
minus.button("−1", on_click=add, args=(-1,))
plus.button("+1", on_click=add, args=(1,), type="primary")
zero.button("Reset", on_click=reset)

st.metric("Count", st.session_state.count)
