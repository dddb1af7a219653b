"""Commands Streamlit no longer has: an old script that calls one learns what replaces it
instead of meeting a bare AttributeError (still an AttributeError, so `hasattr` is False)."""

from __future__ import annotations

REPLACEMENTS = {
    "bokeh_chart": (
        "st.bokeh_chart was removed from Streamlit and htst does not draw Bokeh figures "
        "(BokehJS must match your bokeh version). Embed the figure instead: "
        "`st.html(bokeh.embed.file_html(fig, bokeh.resources.INLINE), unsafe_allow_javascript=True)`, "
        "or draw it with st.altair_chart / st.plotly_chart."
    ),
    "experimental_rerun": "st.experimental_rerun was removed from Streamlit: use st.rerun().",
    "experimental_get_query_params": "st.experimental_get_query_params was removed from Streamlit: use st.query_params.",
    "experimental_set_query_params": "st.experimental_set_query_params was removed from Streamlit: use st.query_params.",
    "experimental_memo": "st.experimental_memo was removed from Streamlit: use st.cache_data.",
    "experimental_singleton": "st.experimental_singleton was removed from Streamlit: use st.cache_resource.",
    "cache": "st.cache was removed from Streamlit: use st.cache_data for data, st.cache_resource for shared objects.",
}


def __getattr__(name: str) -> object:
    message = REPLACEMENTS.get(name)
    if message is None:
        raise AttributeError(f"module 'htst' has no attribute {name!r}")
    raise AttributeError(message)
