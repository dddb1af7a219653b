import htst as st

# Text elements
st.title("My app")
st.header("New topic")
st.subheader("Interesting sub-topic")
st.divider()
st.markdown("Hello, world!")
st.code("import streamlit as st")
st.caption("A cool diagram")
st.text("Hello again, world!")
st.latex(r"\int a x^2 \,dx")
st.divider()

# Input widgets
st.button("Click me")
st.checkbox("Check me")
st.number_input("Number", value=5)
st.radio("Radio", ["Foo", "Baz", "Qux", "Bar"], index=3)
st.selectbox("Select", ["Foo", "Baz", "Qux", "Bar"], index=3)
st.slider("Slider", 0, 10, 2)
st.text_input("Text", "Hello, world!")
st.toggle("Debug mode")

# Data elements
st.metric("Revenue", 9500, 1000)
st.json(["hi", {"foo": "bar"}])

# Layouts and containers
name = st.sidebar.text_input("Your name")
st.write(f"Hi {name}")
cols = st.columns(2)
cols[0].markdown("Left")
cols[1].markdown("Hello, world!")
tabs = st.tabs(["One", "Two", "Three"])
tabs[2].markdown("Hello, yourself!")

# Status elements
st.success("Great job!")
st.info("Please enter an API key to continue")
st.warning("Sorry, the passwords didn't match")
st.error("Something went wrong :(")
"a" + 1  # noqa: B018 - an uncaught TypeError ends the script
