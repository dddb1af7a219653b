"""Every example of the caching docs, run as an app (docs: caching).

The examples are copied as they are written, with what cannot run here replaced by a
local stand-in: `pd.read_csv(url)` by a small DataFrame with a "Lat" column, `api.get` and
`requests.get` by local functions, `time.sleep(2)` by a counter of calls (in session
state, or in a file when several sessions count together), models and connections by
small local objects. Where htst behaves differently from Streamlit the test says so.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from htst.testing.v1 import AppTest

pd = pytest.importorskip("pandas")
np = pytest.importorskip("numpy")


def app(source: str, **values: object) -> AppTest:
    """An AppTest of `source` with `{NAME}` placeholders filled in (repr of each value)."""
    source = textwrap.dedent(source)
    for name, value in values.items():
        source = source.replace("{" + name + "}", repr(value))
    return AppTest.from_string(source)


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def shown(at: AppTest, index: int = 0) -> str:
    """The text of the `index`-th markdown element (st.write shows numbers as `code`)."""
    return at.markdown[index].value.replace("`", "")


def calls_in(log: Path, name: str) -> int:
    return log.read_text().split().count(name) if log.exists() else 0


# -- Basic usage: st.cache_data ----------------------------------------------------------
LOAD_DATA = """
import pandas as pd
import htst as st

st.session_state.setdefault("downloads", 0)

{decorator}
def load_data(url):
    st.session_state.downloads += 1  # stands in for the download
    df = pd.DataFrame({"Lat": [40.7, 40.8], "Lon": [-73.9, -74.0], "url": [url, url]})
    return df
df = load_data("https://github.com/plotly/datasets/raw/master/uber-rides-data1.csv")
st.dataframe(df)
st.button("Rerun")
"""


def test_load_data_without_caching_downloads_at_every_rerun():
    at = ok(AppTest.from_string(LOAD_DATA.replace("{decorator}", "")).run())
    at.button[0].click().run()
    at.button[0].click().run()
    assert at.session_state.downloads == 3


def test_load_data_with_cache_data_downloads_only_on_the_first_run():
    at = ok(AppTest.from_string(LOAD_DATA.replace("{decorator}", "@st.cache_data")).run())
    first = at.dataframe[0].value
    at.button[0].click().run()
    at.button[0].click().run()
    ok(at)
    assert at.session_state.downloads == 1
    pd.testing.assert_frame_equal(at.dataframe[0].value, first)
    assert list(first.columns) == ["Lat", "Lon", "url"]


def test_dataframe_transformations_example():
    at = ok(
        app("""
        import numpy as np
        import pandas as pd
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def transform(df):
            st.session_state.calls += 1
            df = df.filter(items=['one', 'three'])
            df = df.apply(np.sum, axis=0)
            return df

        frame = pd.DataFrame({"one": [1, 2], "two": [3, 4], "three": [5, 6]})
        st.session_state.sums = transform(frame).to_dict()
        transform(frame.copy())
        """).run()
    )
    assert at.session_state.calls == 1  # an equal frame is the same argument
    at.run()
    assert at.session_state.calls == 1
    assert at.session_state.sums == {"one": 3, "three": 11}


def test_array_computations_example():
    at = ok(
        app("""
        import numpy as np
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def add(arr1, arr2):
            st.session_state.calls += 1
            return arr1 + arr2

        st.session_state.result = add(np.arange(3), np.ones(3))
        st.session_state.other = add(np.arange(3), np.zeros(3))
        """).run()
    )
    at.run()
    assert at.session_state.calls == 2  # two different argument pairs, each computed once
    assert at.session_state.result.tolist() == [1.0, 2.0, 3.0]
    assert at.session_state.other.tolist() == [0.0, 1.0, 2.0]


def test_database_query_example():
    at = ok(
        app("""
        import sqlite3
        import pandas as pd
        import htst as st

        st.session_state.setdefault("queries", 0)
        connection = sqlite3.connect(":memory:")  # stands in for database.connect()
        connection.execute('CREATE TABLE "table" (x INTEGER)')
        connection.executemany('INSERT INTO "table" VALUES (?)', [(1,), (2,)])

        @st.cache_data
        def query():
            st.session_state.queries += 1
            return pd.read_sql_query('SELECT * from "table"', connection)

        st.dataframe(query())
        """).run()
    )
    at.run()
    assert at.session_state.queries == 1
    assert at.dataframe[0].value["x"].tolist() == [1, 2]


def test_api_call_and_model_inference_examples():
    at = ok(
        app("""
        import htst as st

        st.session_state.setdefault("requests", 0)

        class requests:  # stands in for the requests library
            @staticmethod
            def get(url):
                st.session_state.requests += 1
                return type("Response", (), {"json": lambda self: {"id": 1, "url": url}})()

        def model(inputs):
            st.session_state.requests += 10
            return [x * 2 for x in inputs]

        @st.cache_data
        def api_call():
            response = requests.get('https://jsonplaceholder.typicode.com/posts/1')
            return response.json()

        @st.cache_data
        def run_model(inputs):
            return model(inputs)

        st.write(api_call()["id"])
        st.write(run_model([1, 2]))
        """).run()
    )
    at.run()
    assert at.session_state.requests == 11
    assert shown(at, 0) == "1"


# -- Basic usage: st.cache_resource -------------------------------------------------------
def test_load_model_is_called_once_for_every_session(tmp_path):
    log = tmp_path / "calls.txt"
    source = """
        import htst as st

        def pipeline(task):  # stands in for transformers.pipeline
            with open({LOG}, "a") as f:
                _ = f.write("load\\n")  # assigned: a bare expression is magic-written
            return lambda text: [{"label": "POSITIVE", "task": task, "text": text}]

        @st.cache_resource  # 👈 Add the caching decorator
        def load_model():
            return pipeline("sentiment-analysis")

        model = load_model()

        query = st.text_input("Your query", value="I love Streamlit! 🎈")
        if query:
            result = model(query)[0]  # 👈 Classify the query text
            st.write(result["label"], result["text"])
        """
    first = ok(app(source, LOG=str(log)).run())
    second = ok(app(source, LOG=str(log)).run())
    first.text_input[0].input("so so").run()
    assert calls_in(log, "load") == 1
    assert "so so" in first.markdown[0].value
    assert "I love Streamlit!" in second.markdown[0].value


def test_database_connection_is_one_object_for_all_sessions():
    source = """
        import sqlite3
        import htst as st

        @st.cache_resource
        def init_connection():
            host = "hh-pgsql-public.ebi.ac.uk"
            database = "pfmegrnargs"
            user = "reader"
            password = "NWDMCE5xdipIjRrp"
            # stands in for psycopg2.connect(host=…): a connection is not picklable
            return sqlite3.connect(":memory:", check_same_thread=False)

        conn = init_connection()
        st.session_state.conn = conn
        """
    a = ok(app(source).run())
    b = ok(app(source).run())
    assert a.session_state.conn is b.session_state.conn


# -- Controlling cache size and duration --------------------------------------------------
def test_ttl_example_expires_after_an_hour(monkeypatch):
    import htst.caching.cached

    now = [1_000_000.0]
    monkeypatch.setattr(htst.caching.cached, "clock", lambda: now[0])
    at = ok(
        app("""
        import datetime
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_data(ttl=3600)  # 👈 Cache data for 1 hour (=3600 seconds)
        def get_api_data():
            st.session_state.calls += 1  # stands in for api.get(...)
            data = {"n": st.session_state.calls}
            return data

        @st.cache_data(ttl=datetime.timedelta(hours=1))
        def get_api_data_td():
            st.session_state.calls += 100
            return 1

        get_api_data()
        get_api_data_td()
        """).run()
    )
    now[0] += 3599
    at.run()
    assert at.session_state.calls == 101
    now[0] += 2
    at.run()
    assert at.session_state.calls == 202


def test_max_entries_example():
    at = ok(
        app("""
        import numpy as np
        import htst as st

        st.session_state.setdefault("calls", [])

        @st.cache_data(max_entries=1000)  # 👈 Maximum 1000 entries in the cache
        def get_large_array(seed):
            st.session_state.calls.append(seed)
            np.random.seed(seed)
            arr = np.random.rand(100000)
            return arr

        st.session_state.head = get_large_array(7)[:3].tolist()
        get_large_array(8)
        """).run()
    )
    at.run()
    assert at.session_state.calls == [7, 8]
    np.random.seed(7)
    assert at.session_state.head == np.random.rand(3).tolist()
    # Eviction of the oldest entry: test_cache_behaviour.py (a small max_entries).


def test_custom_spinner_options_are_accepted_and_the_value_returned():
    at = ok(
        app("""
        import htst as st

        @st.cache_data(show_spinner=False)  # 👈 Disable the spinner
        def get_api_data():
            data = "quiet"
            return data

        st.write(get_api_data())

        @st.cache_data(show_spinner="Fetching data from API...")  # 👈 Use custom text for spinner
        def get_api_data():
            data = "fetched"
            return data

        st.write(get_api_data())
        """).run()
    )
    assert [m.value for m in at.markdown] == ["quiet", "fetched"]
    assert not at.get("spinner")  # gone once the run is over


# -- Excluding input parameters -------------------------------------------------------------
def test_underscore_parameter_is_not_hashed():
    at = ok(
        app("""
        import htst as st

        st.session_state.setdefault("fetches", 0)

        class Connection:  # unhashable by htst: a plain user class
            def __init__(self, name):
                self.name = name
            def fetch(self, num_rows):
                st.session_state.fetches += 1
                return [self.name] * num_rows

        def init_connection():
            return Connection("db")

        @st.cache_data
        def fetch_data(_db_connection, num_rows):  # 👈 Don't hash _db_connection
            data = _db_connection.fetch(num_rows)
            return data

        connection = init_connection()
        fetch_data(connection, 10)
        st.write(len(fetch_data(Connection("other"), 10)))
        """).run()
    )
    at.run()
    assert at.session_state.fetches == 1
    assert shown(at, 0) == "10"


# -- hash_funcs, Example 1: a custom class ------------------------------------------------
CUSTOM_CLASS = """
import htst as st

class MyCustomClass:
    def __init__(self, initial_score: int):
        self.my_score = initial_score

@st.cache_data
def multiply_score(obj: MyCustomClass, multiplier: int) -> int:
    return obj.my_score * multiplier

initial_score = st.number_input("Enter initial score", value=15)
score = MyCustomClass(initial_score)
multiplier = 2
st.write(multiply_score(score, multiplier))
"""

CUSTOM_CLASS_HASH_FUNC = """
import htst as st

st.session_state.setdefault("calls", 0)

class MyCustomClass:
    def __init__(self, initial_score: int):
        self.my_score = initial_score

def hash_func(obj: MyCustomClass) -> int:
    return obj.my_score  # or any other value that uniquely identifies the object

@st.cache_data(hash_funcs={MyCustomClass: hash_func})
def multiply_score(obj: MyCustomClass, multiplier: int) -> int:
    st.session_state.calls += 1
    return obj.my_score * multiplier

initial_score = st.number_input("Enter initial score", value=15)
score = MyCustomClass(initial_score)
multiplier = 2
st.write(multiply_score(score, multiplier))
"""


def test_custom_class_without_hash_funcs_raises_unhashable_param_error():
    at = AppTest.from_string(CUSTOM_CLASS).run()
    assert at.exception[0].type == "UnhashableParamError"
    assert (
        "Cannot hash argument 'obj' (of type __main__.MyCustomClass) in 'multiply_score'."
        in at.exception[0].value
    )


def test_custom_class_with_hash_funcs_by_type():
    at = ok(AppTest.from_string(CUSTOM_CLASS_HASH_FUNC).run())
    assert shown(at, 0) == "30"
    at.run()  # a new MyCustomClass object with the same score: a hit
    assert at.session_state.calls == 1
    at.number_input[0].set_value(20).run()
    assert shown(at, 0) == "40"
    assert at.session_state.calls == 2


METHOD = """
import htst as st

st.session_state.setdefault("calls", 0)

class MyCustomClass:
    def __init__(self, initial_score: int):
        self.my_score = initial_score

    @st.cache_data{ARGS}
    def multiply_score(self, multiplier: int) -> int:
        st.session_state.calls += 1
        return self.my_score * multiplier

initial_score = st.number_input("Enter initial score", value=15)
score = MyCustomClass(initial_score)
multiplier = 2
st.write(score.multiply_score(multiplier))
"""


def test_method_without_hash_funcs_cannot_hash_self():
    at = AppTest.from_string(METHOD.replace("{ARGS}", "")).run()
    assert at.exception[0].type == "UnhashableParamError"
    assert (
        "Cannot hash argument 'self' (of type __main__.MyCustomClass) in 'multiply_score'"
        in at.exception[0].value
    )


def test_method_with_main_module_string_key():
    args = '(hash_funcs={"__main__.MyCustomClass": lambda x: hash(x.my_score)})'
    at = ok(AppTest.from_string(METHOD.replace("{ARGS}", args)).run())
    assert shown(at, 0) == "30"
    at.run()
    at.run()
    assert at.session_state.calls == 1
    at.number_input[0].set_value(16).run()
    assert (shown(at, 0), at.session_state.calls) == ("32", 2)


def test_method_with_id_as_hash_func_recomputes_every_run():
    args = '(hash_funcs={"__main__.MyCustomClass": id})'
    at = ok(AppTest.from_string(METHOD.replace("{ARGS}", args)).run())
    at.run()
    at.run()
    assert shown(at, 0) == "30"
    assert at.session_state.calls == 3  # every run makes a new object: a new id


# -- hash_funcs, Example 2: a pydantic model ------------------------------------------------
PERSON = """
import htst as st
from pydantic import BaseModel

st.session_state.setdefault("calls", 0)

class Person(BaseModel):
    name: str

@st.cache_data{ARGS}
def identity(person: Person):
    st.session_state.calls += 1
    return person

person = identity(Person(name="Lee"))
st.write(f"The person is {person.name}")
"""


def test_pydantic_model_without_hash_funcs_raises():
    pytest.importorskip("pydantic")
    at = AppTest.from_string(PERSON.replace("{ARGS}", "")).run()
    assert at.exception[0].type == "UnhashableParamError"
    assert (
        "Cannot hash argument 'person' (of type __main__.Person) in 'identity'."
        in at.exception[0].value
    )


def test_pydantic_model_with_hash_funcs():
    pytest.importorskip("pydantic")
    source = PERSON.replace("{ARGS}", "(hash_funcs={Person: lambda p: p.name})")
    at = ok(AppTest.from_string(source).run())
    assert shown(at, 0) == "The person is Lee"
    at.run()
    assert at.session_state.calls == 1


# -- hash_funcs, Example 3: an ML model (a stand-in for keras' Functional) --------------------
MODELS = """
import htst as st

st.session_state.setdefault("layer_calls", 0)

class Functional:  # stands in for keras.engine.functional.Functional
    def __init__(self, name, layers):
        self.name = name
        self.layers = [type("Layer", (), {"name": n})() for n in layers]

@st.cache_resource
def load_base_model(option):
    if option == 1:
        return Functional("resnet50", ["conv1", "pool1"])
    else:
        return Functional("mobilenetv2", ["expand", "project"])

@st.cache_resource{ARGS}
def load_layers({PARAM}):
    st.session_state.layer_calls += 1
    return [layer.name for layer in {PARAM}.layers]

option = st.radio("Model 1 or 2", [1, 2])
base_model = load_base_model(option)
layers = load_layers(base_model)
st.write(layers)
"""


def models(args: str, param: str = "base_model") -> AppTest:
    return AppTest.from_string(MODELS.replace("{ARGS}", args).replace("{PARAM}", param))


def test_ml_model_without_hash_funcs_raises():
    at = models("").run()
    assert at.exception[0].type == "UnhashableParamError"
    assert "Cannot hash argument 'base_model'" in at.exception[0].value


def test_ml_model_with_underscore_shows_the_same_layers_for_both_models():
    at = ok(models("", param="_base_model").run())
    first = json.loads(at.json[0].value)
    at.radio[0].set_value(2).run()
    assert json.loads(at.json[0].value) == first  # the documented subtle bug


@pytest.mark.parametrize("hash_func", ["lambda x: x.name", "id"])
def test_ml_model_with_hash_funcs_follows_the_selected_model(hash_func):
    at = ok(models(f"(hash_funcs={{Functional: {hash_func}}})").run())
    assert json.loads(at.json[0].value) == ["conv1", "pool1"]
    at.radio[0].set_value(2).run()
    assert json.loads(at.json[0].value) == ["expand", "project"]
    at.radio[0].set_value(1).run()
    assert json.loads(at.json[0].value) == ["conv1", "pool1"]
    assert at.session_state.layer_calls == 2


# -- hash_funcs, Example 4: overriding the default hashing ------------------------------------
DATETIMES = """
from datetime import datetime
{IMPORT}
import htst as st

st.session_state.setdefault("calls", 0)
{TZ}

@st.cache_data{ARGS}
def load_data(dt):
    st.session_state.calls += 1
    return dt

now = datetime.now()
st.text(load_data(dt=now))
now_tz = {LOCALIZE}
st.text(load_data(dt=now_tz))
"""

PYTZ = {
    "IMPORT": "import pytz",
    "TZ": 'tz = pytz.timezone("Europe/Berlin")',
    "LOCALIZE": "tz.localize(datetime.now())",
}
ZONEINFO = {
    "IMPORT": "from zoneinfo import ZoneInfo",
    "TZ": 'tz = ZoneInfo("Europe/Berlin")',
    "LOCALIZE": "datetime.now(tz)",
}
MINUTES = '(hash_funcs={datetime: lambda x: x.strftime("%a %d %b %Y, %I:%M%p")})'


def datetimes(zone: dict[str, str], args: str) -> AppTest:
    source = DATETIMES.replace("{ARGS}", args)
    for name, value in zone.items():
        source = source.replace("{" + name + "}", value)
    return AppTest.from_string(source)


def zones() -> list[object]:
    return [
        pytest.param(PYTZ, id="pytz"),
        pytest.param(ZONEINFO, id="zoneinfo"),
    ]


def zone_available(zone: dict[str, str]) -> None:
    if zone is PYTZ:
        pytest.importorskip("pytz")
    else:
        zoneinfo = pytest.importorskip("zoneinfo")
        try:
            zoneinfo.ZoneInfo("Europe/Berlin")
        except zoneinfo.ZoneInfoNotFoundError:
            pytest.skip("no time zone data for Europe/Berlin (install tzdata)")


@pytest.mark.parametrize("zone", zones())
def test_aware_datetime_is_hashed_by_default(zone):
    """Streamlit raised UnhashableParamError for `now_tz`; htst hashes aware datetimes."""
    zone_available(zone)
    at = ok(datetimes(zone, "").run())
    naive, aware = (t.value for t in at.text)
    assert "+" in aware and "+" not in naive
    assert at.session_state.calls == 2


@pytest.mark.parametrize("zone", zones())
def test_datetime_hash_func_override_keys_by_the_minute(zone):
    zone_available(zone)
    at = ok(datetimes(zone, MINUTES).run())
    naive, second = (t.value for t in at.text)
    # Both datetimes print to the same minute (almost always): then the second call is a
    # hit and shows the first value. Berlin is not UTC's minute only if the hours differ.
    if at.session_state.calls == 1:
        assert second == naive
    else:
        assert at.session_state.calls == 2 and "+" in second


SHOW_DATA = """
import time
import numpy as np
import pandas as pd
import htst as st

st.session_state.setdefault("calls", 0)

@st.cache_data
def get_data():
    df = pd.DataFrame({"num": [112, 112, 2, 3], "str": ["be", "a", "be", "c"]})
    return df

@st.cache_data{ARGS}
def show_data(data):
    st.session_state.calls += 1  # stands in for time.sleep(2)
    return data

df = get_data()
data = df["str"].unique()
st.dataframe(show_data(data))
st.button("Re-run")
"""


def test_numpy_object_array_is_hashed_by_its_items():
    """Streamlit re-ran `show_data` on every rerun here; htst hashes the items and hits."""
    at = ok(AppTest.from_string(SHOW_DATA.replace("{ARGS}", "")).run())
    at.button[0].click().run()
    assert at.session_state.calls == 1


def test_numpy_hash_func_override():
    at = ok(
        AppTest.from_string(SHOW_DATA.replace("{ARGS}", "(hash_funcs={np.ndarray: str})")).run()
    )
    at.button[0].click().run()
    at.button[0].click().run()
    ok(at)
    assert at.session_state.calls == 1
    assert list(at.dataframe[0].value.iloc[:, 0]) == ["be", "a", "c"]


# -- Static elements are replayed -----------------------------------------------------------
def test_success_message_is_replayed_on_a_hit():
    at = ok(
        app("""
        import htst as st

        st.session_state.setdefault("calls", 0)

        class api:  # stands in for the API client
            @staticmethod
            def get(*args):
                st.session_state.calls += 1
                return [1, 2, 3]

        @st.cache_data
        def get_api_data():
            data = api.get(...)
            st.success("Fetched data from API!")  # 👈 Show a success message
            return data

        st.write(get_api_data())
        """).run()
    )
    at.run()
    assert at.session_state.calls == 1
    assert [s.value for s in at.success] == ["Fetched data from API!"]


def test_a_whole_part_of_the_ui_is_replayed():
    # `st.line_chart(data)` of the docs is left out: htst has no line_chart yet.
    at = ok(
        app("""
        import pandas as pd
        import htst as st

        st.session_state.setdefault("calls", 0)

        class api:
            @staticmethod
            def get(*args):
                st.session_state.calls += 1
                return pd.DataFrame({"y": [1, 3, 2]})

        @st.cache_data
        def show_data():
            st.header("Data analysis")
            data = api.get(...)
            st.success("Fetched data from API!")
            st.write("Here is a plot of the data:")
            st.write("And here is the raw data:")
            st.dataframe(data)

        show_data()
        """).run()
    )
    at.run()
    assert at.session_state.calls == 1
    assert at.header.values == ["Data analysis"]
    assert at.success.values == ["Fetched data from API!"]
    assert at.markdown.values == ["Here is a plot of the data:", "And here is the raw data:"]
    assert at.dataframe[0].value["y"].tolist() == [1, 3, 2]


def test_widget_in_cached_function_is_an_extra_input_parameter():
    """The slider is replayed on hits and its value is part of the key: a new position
    computes, a position seen before is a hit."""
    at = ok(
        app("""
        import htst as st

        st.session_state.setdefault("fetches", 0)

        @st.cache_data(experimental_allow_widgets=True)  # 👈 Set the parameter
        def get_data():
            num_rows = st.slider("Number of rows to get")  # 👈 Add a slider
            st.session_state.fetches += 1  # stands in for api.get(..., num_rows)
            data = list(range(num_rows))
            return data

        st.write(len(get_data()))
        """).run()
    )
    assert (at.session_state.fetches, shown(at), at.slider[0].value) == (1, "0", 0)
    ok(at.run())
    assert (at.session_state.fetches, shown(at), at.slider[0].value) == (1, "0", 0)
    ok(at.slider[0].set_value(25).run())
    assert (at.session_state.fetches, shown(at), at.slider[0].value) == (2, "25", 25)
    ok(at.slider[0].set_value(0).run())
    assert (at.session_state.fetches, shown(at), at.slider[0].value) == (2, "0", 0)
    ok(at.slider[0].set_value(25).run())
    assert (at.session_state.fetches, shown(at), at.slider[0].value) == (2, "25", 25)
    assert not at.warning


# -- Mutation and concurrency issues --------------------------------------------------------
LAT = """
import pandas as pd
import htst as st

@st.{KIND}   # 👈 Turn off copying behavior
def load_data(url):
    df = pd.DataFrame({"Lat": [40.7, 40.8], "Lon": [-73.9, -74.0]})  # for pd.read_csv(url)
    return df

df = load_data("https://raw.githubusercontent.com/plotly/datasets/master/uber-rides-data1.csv")
st.dataframe(df)
df.drop(columns=['Lat'], inplace=True)  # 👈 Mutate the dataframe inplace
st.button("Rerun")
"""


# pandas 3.1 deprecates `inplace=`; the docs' example still uses it.
INPLACE = pytest.mark.filterwarnings("ignore:The inplace keyword:DeprecationWarning")


@INPLACE
def test_mutating_a_cache_resource_frame_breaks_the_second_run():
    at = ok(AppTest.from_string(LAT.replace("{KIND}", "cache_resource")).run())
    at.button[0].click().run()
    assert at.exception[0].type == "KeyError"
    assert "['Lat'] not found in axis" in at.exception[0].value


@INPLACE
def test_cache_data_copies_keep_every_run_working():
    at = ok(AppTest.from_string(LAT.replace("{KIND}", "cache_data")).run())
    for _ in range(3):
        ok(at.button[0].click().run())
        assert "Lat" in at.dataframe[0].value.columns


def test_mutating_a_cache_data_list_changes_only_the_copy():
    at = ok(
        app("""
        import htst as st

        st.session_state.setdefault("calls", 0)

        @st.cache_data
        def create_list():
            st.session_state.calls += 1
            l = [1, 2, 3]
            return l

        l = create_list()  # 👈 Call the function
        l[0] = 2  # 👈 Mutate its return value
        st.session_state.fresh = create_list()
        """).run()
    )
    at.run()
    assert at.session_state.fresh == [1, 2, 3]
    assert at.session_state.calls == 1


CREATE_LIST = """
import htst as st

@st.{KIND}
def create_list():
    l = [1, 2, 3]
    return l

l = create_list()
first_list_value = l[0]
l[0] = first_list_value + 1
st.write("l[0] is:", l[0])
"""


def l0(at: AppTest) -> str:
    return ok(at).markdown[0].value.replace("`", "")


def test_two_users_share_the_cache_resource_list():
    source = CREATE_LIST.replace("{KIND}", "cache_resource")
    user_a, user_b = AppTest.from_string(source), AppTest.from_string(source)
    assert l0(user_a.run()) == "l[0] is: 2"
    assert l0(user_b.run()) == "l[0] is: 3"
    assert l0(user_a.run()) == "l[0] is: 4"


def test_two_users_each_get_their_own_cache_data_copy():
    source = CREATE_LIST.replace("{KIND}", "cache_data")
    user_a, user_b = AppTest.from_string(source), AppTest.from_string(source)
    assert l0(user_a.run()) == "l[0] is: 2"
    assert l0(user_b.run()) == "l[0] is: 2"
    assert l0(user_a.run()) == "l[0] is: 2"
