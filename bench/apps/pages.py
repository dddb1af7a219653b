"""A two-page app for the page-switch bench: a frame (title, sidebar slider) around two
pages of a heading and ten markdown lines each; the bench switches between them."""

import htst as st

st.title("Pages bench")
st.sidebar.slider("Frame level", 0, 100, 50, key="frame")


def first():
    st.header("First page")
    for i in range(10):
        st.markdown(f"First page, line {i}: some *markdown* text.")


def second():
    st.header("Second page")
    for i in range(10):
        st.markdown(f"Second page, line {i}: some *markdown* text.")


st.navigation([st.Page(first), st.Page(second)]).run()
