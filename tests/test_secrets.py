from __future__ import annotations

import copy
import os
import pickle
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

import htst.files
from htst.secrets import Secrets, SecretsProxy, default_secret_paths

MODULE = sys.modules[Secrets.__module__]  # `htst.secrets` as an attribute is st.secrets

DOC_SECRETS = """\
db_username = "Jane"
db_password = "mypassword"
port = 5432

[my_other_secrets]
things_i_like = ["Streamlit", "Python"]

[db_credentials]
username = "my_username"
password = "my_password"
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def secrets(tmp_path: Path) -> Secrets:
    path = write(tmp_path / ".htst" / "secrets.toml", DOC_SECRETS)
    return Secrets.from_paths([path], environ={})


def test_key_and_attribute_access(secrets: Secrets) -> None:
    assert secrets["db_username"] == "Jane"
    assert secrets.db_password == "mypassword"
    assert secrets.port == 5432
    assert secrets.my_other_secrets.things_i_like == ["Streamlit", "Python"]
    assert secrets["my_other_secrets"]["things_i_like"] == ["Streamlit", "Python"]
    assert "db_username" in secrets
    assert "nope" not in secrets
    assert len(secrets) == 5
    assert secrets.get("nope", "fallback") == "fallback"


def test_sections_are_read_only_mappings(secrets: Secrets) -> None:
    section = secrets.db_credentials
    assert isinstance(section, Mapping)
    assert isinstance(secrets, Mapping)
    with pytest.raises(TypeError):
        section["username"] = "x"  # type: ignore[index]
    with pytest.raises(TypeError):
        section.username = "x"
    with pytest.raises(TypeError):
        secrets.db_username = "x"


def test_section_unpacks_as_keyword_arguments(secrets: Secrets) -> None:
    def connect(username: str, password: str) -> tuple[str, str]:
        return username, password

    assert connect(**secrets.db_credentials) == ("my_username", "my_password")


def test_missing_key_raises_key_error(secrets: Secrets) -> None:
    with pytest.raises(KeyError, match="nonexistent_key"):
        secrets["nonexistent_key"]
    with pytest.raises(KeyError, match=r"st\.secrets\.db_credentials has no key"):
        secrets.db_credentials["host"]


def test_missing_attribute_says_how_to_check(secrets: Secrets) -> None:
    with pytest.raises(AttributeError) as info:
        secrets.x
    assert 'has no key "x"' in str(info.value)
    assert '"x" in st.secrets' in str(info.value)
    assert not hasattr(secrets, "x")
    assert getattr(secrets.db_credentials, "host", None) is None


def test_no_file_raises_file_not_found_listing_paths(tmp_path: Path) -> None:
    paths = [tmp_path / "home" / "secrets.toml", tmp_path / "project" / "secrets.toml"]
    secrets = Secrets.from_paths(paths, environ={})  # lazy: creating it does not fail
    assert "not loaded" in repr(secrets)
    with pytest.raises(FileNotFoundError) as info:
        secrets["db_username"]
    message = str(info.value)
    assert message.startswith("No secrets found. Valid paths for a secrets.toml file are:")
    assert str(paths[0]) in message and str(paths[1]) in message


def test_project_file_overrides_global_by_root_key(tmp_path: Path) -> None:
    global_file = write(
        tmp_path / "home" / ".htst" / "secrets.toml",
        'token = "global"\nshared = "g"\n[db]\nuser = "g"\nhost = "g"\n',
    )
    project_file = write(
        tmp_path / "project" / ".htst" / "secrets.toml", 'token = "project"\n[db]\nuser = "p"\n'
    )
    secrets = Secrets.from_paths([global_file, project_file], environ={})
    assert secrets.token == "project"
    assert secrets.shared == "g"
    assert secrets.db.to_dict() == {"user": "p"}  # a root key is replaced whole


def test_one_file_is_enough(tmp_path: Path) -> None:
    project = write(tmp_path / "p" / "secrets.toml", 'a = "1"\n')
    secrets = Secrets.from_paths([tmp_path / "missing.toml", project], environ={})
    assert secrets.a == "1"


def test_root_scalars_are_exported_to_environ(tmp_path: Path) -> None:
    path = write(tmp_path / "secrets.toml", 'flag = true\n' + DOC_SECRETS)
    environ = {"db_username": "old"}
    secrets = Secrets.from_paths([path], environ=environ)
    assert environ == {"db_username": "old"}, "exported only when loaded"
    secrets["port"]
    assert environ["db_username"] == "Jane"  # overwritten, as Streamlit does
    assert environ["port"] == "5432"
    assert environ["flag"] == "True"
    assert "my_other_secrets" not in environ
    assert "db_credentials" not in environ


def test_from_paths_exports_to_os_environ_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # setenv first so monkeypatch restores (removes) the variable afterwards.
    monkeypatch.setenv("htst_test_secret", "before")
    path = write(tmp_path / "secrets.toml", 'htst_test_secret = "after"\n')
    Secrets.from_paths([path])["htst_test_secret"]
    assert os.environ["htst_test_secret"] == "after"


def test_from_dict_does_not_touch_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("db_username", raising=False)
    secrets = Secrets.from_dict({"db_username": "Jane"})
    assert secrets.db_username == "Jane"
    assert "db_username" not in os.environ
    environ: dict[str, str] = {}
    Secrets.from_dict({"db_username": "Jane"}, environ=environ)["db_username"]
    assert environ == {"db_username": "Jane"}


def test_from_dict_dotted_keys_become_sections() -> None:
    given = {
        "db_username": "Jane",
        "my_other_secrets.things_i_like": ["Streamlit", "Python"],
        "my_other_secrets.colour": "blue",
        "a.b.c": 1,
        "db": {"user": "u"},
        "db.host": "h",
    }
    secrets = Secrets.from_dict(given)
    assert secrets.my_other_secrets.things_i_like == ["Streamlit", "Python"]
    assert secrets["my_other_secrets"]["colour"] == "blue"
    assert secrets.a.b.c == 1
    assert secrets.db.to_dict() == {"user": "u", "host": "h"}
    assert given["db"] == {"user": "u"}, "caller's dict is not modified"
    assert "my_other_secrets.things_i_like" not in secrets


def test_from_dict_dotted_key_under_a_value_is_an_error() -> None:
    with pytest.raises(ValueError, match="'a' to be a section"):
        Secrets.from_dict({"a": 1, "a.b": 2})


def test_to_dict_returns_plain_nested_dicts(secrets: Secrets) -> None:
    data = secrets.to_dict()
    assert type(data) is dict
    assert type(data["db_credentials"]) is dict
    assert data["my_other_secrets"] == {"things_i_like": ["Streamlit", "Python"]}
    data["db_credentials"]["username"] = "changed"
    assert secrets.db_credentials.username == "my_username"


def test_arrays_of_tables_get_attribute_access(tmp_path: Path) -> None:
    path = write(tmp_path / "s.toml", '[[servers]]\nhost = "a"\n[[servers]]\nhost = "b"\n')
    secrets = Secrets.from_paths([path], environ={})
    assert [s.host for s in secrets.servers] == ["a", "b"]
    assert secrets.to_dict() == {"servers": [{"host": "a"}, {"host": "b"}]}


def test_repr_hides_values(secrets: Secrets) -> None:
    secrets["db_username"]
    assert "mypassword" not in repr(secrets)
    assert "db_password" in repr(secrets)
    assert "my_password" not in repr(secrets.db_credentials)


def test_sections_survive_copy_and_pickle(secrets: Secrets) -> None:
    section = secrets.db_credentials
    assert copy.deepcopy(section) == section
    assert pickle.loads(pickle.dumps(section)).username == "my_username"


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "secrets.toml", "a = \n")
    with pytest.raises(ValueError, match="secrets.toml is not valid TOML"):
        Secrets.from_paths([path], environ={})["a"]


def test_default_paths_prefer_dot_htst_and_fall_back_to_dot_streamlit(tmp_path: Path) -> None:
    home, cwd = tmp_path / "home", tmp_path / "project"
    (home / ".htst").mkdir(parents=True)
    (cwd / ".streamlit").mkdir(parents=True)
    assert default_secret_paths(cwd, home) == [
        home / ".htst" / "secrets.toml",
        cwd / ".streamlit" / "secrets.toml",
    ]
    (cwd / ".htst").mkdir()
    assert default_secret_paths(cwd, home)[1] == cwd / ".htst" / "secrets.toml"
    assert default_secret_paths(home, home) == [home / ".htst" / "secrets.toml"]


def test_default_paths_work_end_to_end(tmp_path: Path) -> None:
    home, cwd = tmp_path / "home", tmp_path / "project"
    write(home / ".streamlit" / "secrets.toml", 'a = "global"\nb = "global"\n')
    write(cwd / ".streamlit" / "secrets.toml", 'a = "project"\n')
    secrets = Secrets.from_paths(default_secret_paths(cwd, home), environ={})
    assert (secrets.a, secrets.b) == ("project", "global")


def test_proxy_forwards_to_the_current_secrets(secrets: Secrets) -> None:
    current = [secrets]
    proxy = SecretsProxy(lambda: current[0])
    assert proxy["db_username"] == "Jane"
    assert proxy.db_credentials.username == "my_username"
    assert "db_password" in proxy
    assert set(proxy) == set(secrets)
    assert len(proxy) == len(secrets)
    assert dict(**proxy.db_credentials) == {"username": "my_username", "password": "my_password"}
    assert proxy.to_dict() == secrets.to_dict()
    assert isinstance(proxy, Mapping)
    current[0] = Secrets.from_dict({"other": 1})
    assert proxy.other == 1
    with pytest.raises(AttributeError, match='"db_username" in st.secrets'):
        proxy.db_username
    with pytest.raises(KeyError):
        proxy["db_username"]
    with pytest.raises(TypeError):
        proxy.other = 2


def test_proxy_surfaces_file_not_found(tmp_path: Path) -> None:
    proxy = SecretsProxy(lambda: Secrets.from_paths([tmp_path / "none.toml"], environ={}))
    with pytest.raises(FileNotFoundError):
        proxy["anything"]


# -- has_key, and a changed file picked up on the next access (the next rerun) ----------


def test_has_key_sees_root_keys_only(secrets: Secrets) -> None:
    assert secrets.has_key("db_username") and not secrets.has_key("username")
    assert SecretsProxy(lambda: secrets).has_key("db_credentials")


def test_a_changed_file_is_read_again_and_its_variables_follow(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MODULE, "RECHECK", 0.0)
    path = write(tmp_path / "secrets.toml", 'token = "one"\ngone = "soon"\n[db]\nhost = "a"\n')
    environ: dict[str, str] = {}
    secrets = Secrets.from_paths([path], environ=environ)
    assert secrets.db.host == "a" and environ == {"token": "one", "gone": "soon"}
    write(path, 'token = "two, longer"\n[db]\nhost = "b"\n')
    assert secrets.db.host == "b" and secrets.to_dict() == {"token": "two, longer", "db": {"host": "b"}}
    assert environ == {"token": "two, longer"}  # what the old file exported and the new lacks is gone


def test_a_file_created_later_is_found_and_one_removed_is_missed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(MODULE, "RECHECK", 0.0)
    path = tmp_path / ".htst" / "secrets.toml"
    secrets = Secrets.from_paths([path], environ={})
    with pytest.raises(FileNotFoundError):
        secrets["key"]
    write(path, 'key = "here"\n')
    assert secrets["key"] == "here"
    path.unlink()
    with pytest.raises(FileNotFoundError):
        secrets["key"]


def test_the_files_are_looked_at_no_more_than_every_recheck_seconds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clock = [100.0]
    monkeypatch.setattr(htst.files, "monotonic", lambda: clock[0])  # the files' watcher's clock
    path = write(tmp_path / "secrets.toml", 'key = "old"\n')
    secrets = Secrets.from_paths([path], environ={})
    assert secrets["key"] == "old"
    write(path, 'key = "newer"\n')
    clock[0] += 0.2
    assert secrets["key"] == "old"  # too soon to look: no stat at all
    clock[0] += 0.4
    assert secrets["key"] == "newer"


def test_the_next_rerun_of_a_served_app_sees_the_edited_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make_app, open_tab
) -> None:
    monkeypatch.setattr(MODULE, "RECHECK", 0.0)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("api_key", raising=False)
    path = write(tmp_path / ".htst" / "secrets.toml", 'api_key = "first"\n[db]\nuser = "u1"\n')
    client = make_app("""
        import os
        import htst as st
        def connect(user):
            return user
        st.text(f"key={st.secrets.api_key} env={os.environ['api_key']} user={connect(**st.secrets.db)}")
        st.button("Rerun")
    """).test_client()
    tab = open_tab(client)
    assert "key=first env=first user=u1" in tab.page.text
    write(path, 'api_key = "second"\n[db]\nuser = "u2"\n')
    tab.click("Rerun")
    assert "key=second env=second user=u2" in tab.page.text
    monkeypatch.delenv("api_key", raising=False)
