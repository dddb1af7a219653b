"""Caching: st.cache_data and st.cache_resource."""
