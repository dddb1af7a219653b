import threading, time
import pytest
from htst.testing.v1 import AppTest
import htst.caching.cached as cached


def test_basic_hit_and_replay():
    at = AppTest.from_string('''
import htst as st
st.session_state.calls = st.session_state.get("calls", 0)
@st.cache_data
def f(x):
    st.session_state.calls += 1
    st.success(f"computed {x}")
    return [x, x]
v = f(2)
v.append(9)
st.write(f(2))
st.button("again")
''').run()
    assert not at.exception, at.exception
    assert at.session_state.calls == 1
    assert at.success[0].value == "computed 2"
    at.button[0].click().run()
    assert at.session_state.calls == 1
    assert [s.value for s in at.success] == ["computed 2", "computed 2"]

def test_unhashable():
    at = AppTest.from_string('''
import htst as st
class MyCustomClass:
    def __init__(self, initial_score: int):
        self.my_score = initial_score
@st.cache_data
def multiply_score(obj: MyCustomClass, multiplier: int) -> int:
    return obj.my_score * multiplier
initial_score = st.number_input("Enter initial score", value=15)
score = MyCustomClass(initial_score)
st.write(multiply_score(score, 2))
''').run()
    assert "Cannot hash argument 'obj' (of type __main__.MyCustomClass) in 'multiply_score'." in at.exception[0].value

def test_resource_shared():
    src = '''
import htst as st
@st.cache_resource
def create_list():
    l = [1, 2, 3]
    return l
l = create_list()
first_list_value = l[0]
l[0] = first_list_value + 1
st.write("l[0] is:", l[0])
'''
    a = AppTest.from_string(src).run()
    b = AppTest.from_string(src).run()
    print(a.markdown, b.markdown)

def test_ttl(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(cached, "clock", lambda: now[0])
    at = AppTest.from_string('''
import htst as st
st.session_state.calls = st.session_state.get("calls", 0)
@st.cache_data(ttl="1h")
def f():
    st.session_state.calls += 1
    return 1
f()
''').run()
    at.run(); assert at.session_state.calls == 1
    now[0] += 3601
    at.run(); assert at.session_state.calls == 2
