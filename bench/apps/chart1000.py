"""One st.line_chart of 1,000 points and a button (the charts issue's first-view page).

Runs under htst, or under Streamlit when BENCH_FRAMEWORK is "streamlit"
(`bench/chart_visible.py` runs it under both).
"""

import math
import os

import pandas as pd

if os.environ.get("BENCH_FRAMEWORK") == "streamlit":
    import streamlit as st
else:
    import htst as st

st.line_chart(pd.DataFrame({"signal": [math.sin(i / 40) for i in range(1000)]}))
st.button("Rerun")
