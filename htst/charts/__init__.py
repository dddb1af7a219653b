"""Charts drawn on the server: Vega-Lite specs (built-in charts, Altair, st.vega_lite_chart,
st.map) rendered to SVG by Vega itself (`vl-convert-python`), plus the other libraries'
own figures (matplotlib, graphviz).

`builtin` builds the specs of st.line_chart and friends from a DataFrame, `vegalite`
prepares a user's spec (data, size, theme, selections), `render` draws a prepared spec
once per content (SVG for the page, compiled Vega for the browser's live view).
"""
