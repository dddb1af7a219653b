from __future__ import annotations

import logging
from pathlib import Path

import pytest

from htst.config import (
    OPTIONS,
    Config,
    ConfigError,
    Option,
    default_config_paths,
    parse_flag_args,
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    cwd, home = tmp_path / "project", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    return cwd, home


def load(dirs: tuple[Path, Path], environ=None, flags=None) -> Config:
    cwd, home = dirs
    return Config.load(cwd=cwd, home=home, environ=environ or {}, flags=flags)


def test_registry_has_the_design_options_with_their_defaults() -> None:
    defaults = {o.key: o.default for o in OPTIONS}
    assert defaults["server.port"] == 8501
    assert defaults["server.address"] == ""  # every interface, as Streamlit
    assert defaults["server.maxUploadSize"] == 200
    assert defaults["server.sessionIdleTimeout"] == 3600
    assert defaults["server.threads"] == 16
    assert defaults["client.showErrorDetails"] is True
    assert defaults["runner.enumCoercion"] == "nameOnly"
    assert defaults["theme.base"] == ""  # no theme: the viewer's system setting decides
    assert defaults["theme.primaryColor"] == ""
    assert defaults["logger.level"] == "info"
    assert len(defaults) == len(OPTIONS), "duplicate option keys"
    for option in OPTIONS:
        assert isinstance(option.default, option.type)
        assert option.description.endswith(".")


def test_option_is_frozen() -> None:
    option = OPTIONS[0]
    with pytest.raises(AttributeError):
        option.default = 1  # type: ignore[misc]


@pytest.mark.parametrize(
    ("key", "env_var"),
    [
        ("server.port", "HTST_SERVER_PORT"),
        ("server.enableStaticServing", "HTST_SERVER_ENABLE_STATIC_SERVING"),
        ("server.baseUrlPath", "HTST_SERVER_BASE_URL_PATH"),
        ("server.sslCertFile", "HTST_SERVER_SSL_CERT_FILE"),
        ("client.showErrorDetails", "HTST_CLIENT_SHOW_ERROR_DETAILS"),
        (
            "runner.enforceSerializableSessionState",
            "HTST_RUNNER_ENFORCE_SERIALIZABLE_SESSION_STATE",
        ),
    ],
)
def test_env_var_names_are_upper_snake(key: str, env_var: str) -> None:
    option = next(o for o in OPTIONS if o.key == key)
    assert option.env_var == env_var


def test_defaults_when_nothing_is_set(dirs: tuple[Path, Path]) -> None:
    config = load(dirs, environ={"DISPLAY": ":0"})
    assert config.get("server.port") == 8501
    assert config["server.headless"] is False
    assert config.source("server.port") == "default"


def test_headless_by_default_without_a_display(dirs: tuple[Path, Path], monkeypatch) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    config = load(dirs)
    assert config["server.headless"] is True
    assert config.source("server.headless").startswith("default (no display")
    assert load(dirs, flags={"server.headless": "false"})["server.headless"] is False
    assert load(dirs, environ={"WAYLAND_DISPLAY": "wayland-0"})["server.headless"] is False


def test_streamlit_variables_are_read_in_a_project_without_dot_htst(dirs: tuple[Path, Path]) -> None:
    environ = {"STREAMLIT_SERVER_PORT": "8600", "STREAMLIT_THEME_BASE": "dark"}
    config = load(dirs, environ=environ)
    assert config["server.port"] == 8600 and config["theme.base"] == "dark"
    assert config.source("server.port") == "environment variable STREAMLIT_SERVER_PORT"
    # HTST_ variables win over STREAMLIT_ ones.
    assert load(dirs, environ={**environ, "HTST_SERVER_PORT": "8700"})["server.port"] == 8700
    # A project with .htst/ is an htst project: STREAMLIT_ variables are not its own.
    (dirs[0] / ".htst").mkdir()
    assert load(dirs, environ=environ)["server.port"] == 8501


def test_precedence_across_all_four_layers(dirs: tuple[Path, Path]) -> None:
    cwd, home = dirs
    global_file = write(
        home / ".htst" / "config.toml",
        '[server]\nport = 1\naddress = "0.0.0.0"\nbaseUrlPath = "g"\nmaxUploadSize = 5\n',
    )
    project_file = write(
        cwd / ".htst" / "config.toml",
        '[server]\nport = 2\naddress = "10.0.0.1"\nbaseUrlPath = "p"\n',
    )
    environ = {"HTST_SERVER_PORT": "3", "HTST_SERVER_ADDRESS": "10.0.0.2"}
    config = load(dirs, environ=environ, flags={"server.port": "4"})

    assert (config["server.port"], config.source("server.port")) == (4, "command-line flag")
    assert config["server.address"] == "10.0.0.2"
    assert config.source("server.address") == "environment variable HTST_SERVER_ADDRESS"
    assert config["server.baseUrlPath"] == "p"
    assert config.source("server.baseUrlPath") == str(project_file)
    assert config["server.maxUploadSize"] == 5
    assert config.source("server.maxUploadSize") == str(global_file)
    assert config.source("server.threads") == "default"


def test_reads_dot_streamlit_when_dot_htst_is_absent(dirs: tuple[Path, Path]) -> None:
    cwd, home = dirs
    write(home / ".streamlit" / "config.toml", "[server]\nthreads = 4\n")
    project = write(cwd / ".streamlit" / "config.toml", "[server]\nport = 80\n")
    config = load(dirs)
    assert config["server.threads"] == 4
    assert config["server.port"] == 80
    assert config.source("server.port") == str(project)


def test_dot_htst_wins_over_dot_streamlit_when_both_exist(dirs: tuple[Path, Path]) -> None:
    cwd, home = dirs
    write(cwd / ".streamlit" / "config.toml", "[server]\nport = 80\nthreads = 2\n")
    write(cwd / ".htst" / "config.toml", "[server]\nport = 81\n")
    config = load(dirs)
    assert config["server.port"] == 81
    # The whole .streamlit folder is skipped, not merged underneath.
    assert config["server.threads"] == 16
    assert default_config_paths(cwd, home)[1] == cwd / ".htst" / "config.toml"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        ("1", True),
        ("yes", True),
        ("Yes", True),
        ("false", False),
        ("False", False),
        ("0", False),
        ("no", False),
        ("NO", False),
    ],
)
def test_bool_env_values_are_coerced(dirs: tuple[Path, Path], raw: str, expected: bool) -> None:
    config = load(dirs, environ={"HTST_SERVER_HEADLESS": raw})
    assert config["server.headless"] is expected


def test_int_env_value_is_coerced(dirs: tuple[Path, Path]) -> None:
    config = load(dirs, environ={"HTST_SERVER_MAX_UPLOAD_SIZE": "50"})
    assert config["server.maxUploadSize"] == 50
    assert type(config["server.maxUploadSize"]) is int


def test_bad_env_value_names_option_value_and_origin(dirs: tuple[Path, Path]) -> None:
    with pytest.raises(ConfigError) as info:
        load(dirs, environ={"HTST_SERVER_PORT": "eighty"})
    message = str(info.value)
    assert "server.port" in message
    assert "'eighty'" in message
    assert "environment variable HTST_SERVER_PORT" in message
    assert isinstance(info.value, ValueError)


def test_bad_bool_flag_value_is_rejected(dirs: tuple[Path, Path]) -> None:
    expected = r"'maybe' for option server\.headless from command-line flag"
    with pytest.raises(ConfigError, match=expected):
        load(dirs, flags={"server.headless": "maybe"})


def test_wrong_toml_type_names_the_file(dirs: tuple[Path, Path]) -> None:
    cwd, _ = dirs
    path = write(cwd / ".htst" / "config.toml", '[server]\nport = "8000"\n')
    with pytest.raises(ConfigError) as info:
        load(dirs)
    assert "server.port" in str(info.value)
    assert str(path) in str(info.value)


def test_toml_bool_is_not_an_int(dirs: tuple[Path, Path]) -> None:
    write(dirs[0] / ".htst" / "config.toml", "[server]\nport = true\n")
    with pytest.raises(ConfigError, match="expected an integer"):
        load(dirs)


def test_invalid_toml_is_a_config_error(dirs: tuple[Path, Path]) -> None:
    path = write(dirs[0] / ".htst" / "config.toml", "[server\nport = 1\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load(dirs)
    assert path.exists()


def test_unknown_file_options_are_logged_not_raised(
    dirs: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    write(
        dirs[0] / ".streamlit" / "config.toml",
        "[browser]\ngatherUsageStats = false\n[server]\nprot = 1\nport = 9\n",
    )
    with caplog.at_level(logging.WARNING, logger="htst.config"):
        config = load(dirs)
    assert config["server.port"] == 9
    assert "browser.gatherUsageStats" in caplog.text
    assert "'server.prot'" in caplog.text and "Did you mean server.port" in caplog.text


def test_misspelt_env_var_is_logged(
    dirs: tuple[Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="htst.config"):
        load(dirs, environ={"HTST_SERVER_PROT": "1", "HTST_OTHER_THING": "x", "STREAMLIT_SERVER_PROT": "2"})
    assert "HTST_SERVER_PROT: no such htst option. Did you mean HTST_SERVER_PORT?" in caplog.text
    assert "STREAMLIT_SERVER_PROT: no such htst option. Did you mean STREAMLIT_SERVER_PORT?" in caplog.text
    assert "HTST_OTHER_THING" not in caplog.text  # not a config section: someone else's


def test_unknown_flag_suggests_close_names(dirs: tuple[Path, Path]) -> None:
    with pytest.raises(ConfigError, match=r"'server\.prot'.*Did you mean server\.port"):
        load(dirs, flags={"server.prot": "1"})


def test_enum_coercion_rejects_unknown_values(dirs: tuple[Path, Path]) -> None:
    assert load(dirs, flags={"runner.enumCoercion": "off"})["runner.enumCoercion"] == "off"
    with pytest.raises(ConfigError, match="one of 'off', 'nameOnly', 'nameAndValue'"):
        load(dirs, flags={"runner.enumCoercion": "always"})


def test_show_error_details_accepts_bools_and_levels(dirs: tuple[Path, Path]) -> None:
    assert load(dirs, environ={"HTST_CLIENT_SHOW_ERROR_DETAILS": "false"})[
        "client.showErrorDetails"
    ] is False
    write(dirs[0] / ".htst" / "config.toml", '[client]\nshowErrorDetails = "type"\n')
    assert load(dirs)["client.showErrorDetails"] == "type"
    with pytest.raises(ConfigError):
        load(dirs, flags={"client.showErrorDetails": "everything"})


def test_flags_accept_typed_values(dirs: tuple[Path, Path]) -> None:
    config = load(dirs, flags={"server.port": 9000, "server.headless": True})
    assert config["server.port"] == 9000
    assert config["server.headless"] is True
    with pytest.raises(ConfigError):
        load(dirs, flags={"server.port": 1.5})


def test_with_overrides_returns_a_new_config(dirs: tuple[Path, Path]) -> None:
    config = load(dirs)
    changed = config.with_overrides({"server.port": "1234", "theme.base": "dark"})
    assert changed["server.port"] == 1234
    assert changed.source("theme.base") == "override"
    assert config["server.port"] == 8501
    with pytest.raises(ConfigError):
        config.with_overrides({"server.nope": 1})


def test_unknown_key_lookup_raises_key_error(dirs: tuple[Path, Path]) -> None:
    config = load(dirs)
    with pytest.raises(KeyError, match="server.port"):
        config.get("server.prot")
    with pytest.raises(KeyError):
        config.source("nope")


def test_rows_list_every_option_with_value_and_source(dirs: tuple[Path, Path]) -> None:
    rows = load(dirs, flags={"server.port": "1"}).rows()
    assert [option for option, _, _ in rows] == list(OPTIONS)
    assert all(isinstance(option, Option) for option, _, _ in rows)
    port = next(row for row in rows if row[0].key == "server.port")
    assert port[1:] == (1, "command-line flag")


def test_repr_does_not_show_values(dirs: tuple[Path, Path]) -> None:
    config = load(dirs, flags={"server.cookieSecret": "hunter2"})
    assert "hunter2" not in repr(config)
    assert "server.cookieSecret" in repr(config)


def test_parse_flag_args_both_forms_and_script_args() -> None:
    flags, rest = parse_flag_args(
        ["app.py", "--server.port", "80", "--theme.base=dark", "--", "--server.port", "x"]
    )
    assert flags == {"server.port": "80", "theme.base": "dark"}
    assert rest == ["app.py", "--server.port", "x"]


def test_parse_flag_args_bare_bool_flag_means_true() -> None:
    flags, rest = parse_flag_args(["--server.headless", "app.py", "--server.runOnSave"])
    assert flags == {"server.headless": "true", "server.runOnSave": "true"}
    assert rest == ["app.py"]
    flags, _ = parse_flag_args(["--server.headless", "false", "--client.showErrorDetails", "type"])
    assert flags == {"server.headless": "false", "client.showErrorDetails": "type"}


def test_parse_flag_args_value_with_equals_sign() -> None:
    flags, _ = parse_flag_args(["--server.cookieSecret=a=b"])
    assert flags == {"server.cookieSecret": "a=b"}


def test_parse_flag_args_errors() -> None:
    with pytest.raises(ConfigError, match="needs a value"):
        parse_flag_args(["--server.port"])
    with pytest.raises(ConfigError, match="needs a value"):
        parse_flag_args(["--server.port", "--server.headless"])
    with pytest.raises(ConfigError, match="Did you mean server.port"):
        parse_flag_args(["--server.Port", "1"])


def test_parse_flag_args_leaves_other_options_to_the_cli() -> None:
    flags, rest = parse_flag_args(["--help", "-v", "app.py"])
    assert flags == {}
    assert rest == ["--help", "-v", "app.py"]


def test_parsed_flags_feed_config_load(dirs: tuple[Path, Path]) -> None:
    flags, _ = parse_flag_args(["--server.enableStaticServing", "--server.port=81"])
    config = load(dirs, flags=flags)
    assert config["server.enableStaticServing"] is True
    assert config["server.port"] == 81


def test_load_defaults_to_process_environment(
    dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTST_SERVER_THREADS", "3")
    cwd, home = dirs
    assert Config.load(cwd=cwd, home=home)["server.threads"] == 3


# --- [theme] and its nested sections (docs 4.4) ----------------------------------------


def test_nested_theme_sections_and_font_faces_are_read(dirs: tuple[Path, Path]) -> None:
    write(
        dirs[0] / ".htst" / "config.toml",
        '[theme]\nbase = "dark"\n[theme.sidebar]\nbackgroundColor = "#111111"\n'
        '[[theme.fontFaces]]\nfamily = "Cool"\nurl = "app/static/cool.woff2"\nweight = 400\n',
    )
    config = load(dirs)
    assert config["theme.base"] == "dark" and config["theme.sidebar.backgroundColor"] == "#111111"
    assert config["theme.fontFaces"] == ({"family": "Cool", "url": "app/static/cool.woff2", "weight": 400},)


def test_theme_env_vars_name_the_nested_section(dirs: tuple[Path, Path]) -> None:
    faces = '[{"family": "Cool", "url": "https://example.com/cool.woff2"}]'
    config = load(dirs, environ={"HTST_THEME_SIDEBAR_TEXT_COLOR": "red", "HTST_THEME_FONT_FACES": faces})
    assert config["theme.sidebar.textColor"] == "red"
    assert config["theme.fontFaces"][0]["family"] == "Cool"
    with pytest.raises(ConfigError, match=r"theme\.fontFaces.*a list of tables"):
        load(dirs, environ={"HTST_THEME_FONT_FACES": "not json"})


def test_streamlit_theme_options_htst_lacks_say_so(dirs: tuple[Path, Path], caplog: pytest.LogCaptureFixture) -> None:
    write(dirs[0] / ".htst" / "config.toml", '[theme]\nbuttonRadius = "2px"\n[theme.light]\nprimaryColor = "red"\n')
    with caplog.at_level(logging.WARNING, logger="htst.config"):
        load(dirs)
    assert "'theme.buttonRadius'" in caplog.text and "a Streamlit option htst does not support" in caplog.text
    assert "'theme.light.primaryColor'" in caplog.text


def test_reread_takes_new_theme_values_from_files_only(dirs: tuple[Path, Path]) -> None:
    path = write(dirs[0] / ".htst" / "config.toml", '[theme]\nprimaryColor = "red"\ntextColor = "#111"\n[server]\nport = 9\n')
    config = load(dirs, environ={"HTST_THEME_BACKGROUND_COLOR": "#eee"})
    path.write_text('[theme]\nprimaryColor = "blue"\nbackgroundColor = "#000"\n[server]\nport = 10\n')
    again = config.reread("theme")
    assert again["theme.primaryColor"] == "blue"
    assert again["theme.textColor"] == "" and again.source("theme.textColor") == "default"  # removed from the file
    assert again["theme.backgroundColor"] == "#eee"  # the environment outranks the file
    assert again["server.port"] == 9  # other sections need a restart
