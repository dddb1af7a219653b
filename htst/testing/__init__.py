"""Testing tools: `htst.testing.v1.AppTest` mirrors `streamlit.testing.v1.AppTest`."""
