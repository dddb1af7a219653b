"""htst: Streamlit-style apps served as server-rendered HTML with Flask and htmx.

`import htst as st` and use the same commands as Streamlit. This module re-exports the
public API and nothing else.
"""

from __future__ import annotations

from .version import __version__ as __version__

# Text
from .elements.text import title as title
from .elements.text import header as header
from .elements.text import subheader as subheader
from .elements.text import markdown as markdown
from .elements.text import caption as caption
from .elements.text import text as text
from .elements.text import code as code
from .elements.text import latex as latex
from .elements.text import divider as divider
from .elements.text import html as html
from .elements.write import write as write
from .elements.write import echo as echo
from .elements.display_extras import write_stream as write_stream
from .elements.display_extras import help as help
from .elements.display_extras import badge as badge

# Data
from .elements.data import json as json
from .elements.data import metric as metric
from .elements.dataframe import dataframe as dataframe
from .elements.dataframe import table as table

# Charts
from .elements.charts import line_chart as line_chart
from .elements.charts import area_chart as area_chart
from .elements.charts import bar_chart as bar_chart
from .elements.charts import scatter_chart as scatter_chart
from .elements.charts import vega_lite_chart as vega_lite_chart
from .elements.charts import altair_chart as altair_chart
from .elements.charts import map as map
from .elements.plotly_chart import plotly_chart as plotly_chart
from .elements.pydeck_chart import pydeck_chart as pydeck_chart
from .elements.mermaid import mermaid_chart as mermaid_chart
from .elements.echarts_chart import echarts_chart as echarts_chart
from .elements.figures import pyplot as pyplot
from .elements.figures import graphviz_chart as graphviz_chart

# Alerts
from .elements.alerts import success as success
from .elements.alerts import info as info
from .elements.alerts import warning as warning
from .elements.alerts import error as error
from .elements.alerts import exception as exception

# Media
from .elements.media import image as image
from .elements.media import audio as audio
from .elements.media import video as video
from .elements.display_extras import pdf as pdf
from .elements.iframe import iframe as iframe

# Status
from .elements.status import progress as progress
from .elements.status import spinner as spinner
from .elements.status import status as status
from .elements.notifications import toast as toast
from .elements.notifications import balloons as balloons
from .elements.notifications import snow as snow

# Layout
from .elements.layout import container as container
from .elements.layout import columns as columns
from .elements.layout import tabs as tabs
from .elements.layout import expander as expander
from .elements.popover import popover as popover
from .elements.grid import grid as grid
from .elements.layout import empty as empty
from .elements.placeholders import space as space
from .elements.placeholders import skeleton as skeleton
from .elements.layout import sidebar as sidebar
from .elements.layout import bottom as bottom

# Widgets
from .elements.button import button as button
from .elements.capture import audio_input as audio_input
from .elements.capture import camera_input as camera_input
from .elements.pagination import menu_button as menu_button
from .elements.pagination import pagination as pagination
from .elements.choice import checkbox as checkbox
from .elements.choice import toggle as toggle
from .elements.choice import radio as radio
from .elements.choice import selectbox as selectbox
from .elements.numeric import slider as slider
from .elements.number_input import number_input as number_input
from .elements.multiselect import multiselect as multiselect
from .elements.select_slider import select_slider as select_slider
from .elements.selection_buttons import pills as pills
from .elements.selection_buttons import segmented_control as segmented_control
from .elements.selection_buttons import feedback as feedback
from .elements.text_input import text_input as text_input
from .elements.text_area import text_area as text_area
from .elements.date_time import date_input as date_input
from .elements.date_time import time_input as time_input
from .elements.datetime_input import datetime_input as datetime_input
from .elements.color_picker import color_picker as color_picker
from .elements.files import file_uploader as file_uploader
from .elements.download import download_button as download_button
from .elements.download import link_button as link_button

# Forms and fragments
from .elements.form import form as form
from .elements.form import form_submit_button as form_submit_button
from .elements.fragment import fragment as fragment
from .elements.fragment import dialog as dialog

# Chat
from .elements.chat import chat_message as chat_message
from .elements.chat import chat_input as chat_input

# Caching
from .caching.cached import cache_data as cache_data
from .caching.cached import cache_resource as cache_resource

# Multipage apps
from .elements.navigation import Page as Page
from .elements.navigation import navigation as navigation
from .elements.navigation import switch_page as switch_page
from .elements.navigation import page_link as page_link
from .elements.page_config import set_page_config as set_page_config
from .elements.page_config import logo as logo

# Control flow and state
from .runtime.control import stop as stop
from .runtime.control import rerun as rerun
from .runtime.globals import session_state as session_state
from .runtime.globals import secrets as secrets
from .runtime.globals import query_params as query_params
from .runtime.globals import context as context

# Serving (Flask loads on first use)
from .embedding import blueprint as blueprint
from .embedding import create_app as create_app

# Commands Streamlit has removed: say what to use instead of a bare AttributeError.
from .removed import __getattr__ as __getattr__
