"""A tour of htst, built only from commands that exist today."""

import htst as st

st.title("Hello, htst :wave:")
st.caption("Streamlit's API, served as plain HTML. Every interaction reruns this script on the server.")

with st.sidebar:
    st.header("Settings")
    name = st.text_input("Your name", "world", key="name")
    mood = st.radio("Mood", ["🙂 calm", "🚀 busy", "🎉 festive"], key="mood")
    st.toggle("Show the code of this page", key="show_code")

st.header(f"Hi, {name}!")
st.write("You are feeling", mood.split(" ", 1)[1], mood.split(" ", 1)[0])

if "count" not in st.session_state:
    st.session_state.count = 0


def add(step):
    st.session_state.count += step


left, middle, right = st.columns(3)
left.button("Add one", on_click=add, args=(1,), type="primary")
middle.button("Add ten", on_click=add, args=(10,))
right.metric("Clicks counted", st.session_state.count, delta=None)

tab_numbers, tab_text, tab_math = st.tabs(["Numbers", "Text", "Math"])
with tab_numbers:
    size = st.slider("How many squares?", 1, 20, 5)
    st.write(" ".join(["🟥"] * size))
    unit = st.selectbox("Unit", ["metres", "feet", "parsecs"])
    amount = st.number_input("Amount", 0.0, 100.0, 1.5, step=0.5)
    st.info(f"{amount} {unit}")
with tab_text:
    st.markdown("**Markdown** with *style*, :red[colour], :blue-background[highlights] and emoji :balloon:.")
    st.code("import htst as st\nst.title('Hello')", language="python")
    st.json({"framework": "htst", "javascript build": None, "htmx": "4"})
with tab_math:
    st.latex(r"e^{i\pi} + 1 = 0")
    st.markdown("Inline math works too: $a^2 + b^2 = c^2$.")

with st.expander("About this demo"):
    st.write("Widgets post their values with htmx; the server sends back only the parts of the page that changed.")
    if st.checkbox("Show a success message"):
        st.success("It works!")

if st.session_state.show_code:
    with open(__file__, encoding="utf-8") as source:
        st.code(source.read())
