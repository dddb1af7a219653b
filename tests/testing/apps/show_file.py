import htst as st

st.text(__file__)
st.text(__name__)
