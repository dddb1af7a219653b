"""One st.line_chart of 1,000 points and a button (the charts issue's first-view page)."""

import math

import pandas as pd

import htst as st

st.line_chart(pd.DataFrame({"signal": [math.sin(i / 40) for i in range(1000)]}))
st.button("Rerun")
