"""Every option in the registry has a test proving it has an effect (issue 13), and the
four layers a value can come from override each other in the documented order.

`EFFECT` names, for each option, the test that shows the option at work; the options
with no test elsewhere get theirs below. A new option without a test fails
`test_every_option_names_a_test_of_its_effect`.
"""

from __future__ import annotations

import ast
import sys
import time
from pathlib import Path

import pytest

import htst
from htst.cli import main
from htst.config import OPTIONS, Config, ConfigError
from htst.errors import HtstAPIException
from htst.server.serve import make_server
from htst.server.tokens import COOKIE_NAME

TESTS = Path(__file__).resolve().parent.parent
HERE = "config/test_every_option.py"

EFFECT = {
    "server.port": "cli/test_cli.py::test_run_passes_script_args_and_honours_flags",
    "server.address": f"{HERE}::test_address_and_threads_shape_the_server",
    "server.baseUrlPath": "server/test_static_and_embedding.py::test_base_url_path_mounts_the_app_there",
    "server.headless": f"{HERE}::test_headless_opens_no_browser",
    "server.cookieSecret": f"{HERE}::test_cookie_secret_signs_the_session_cookie",
    "server.sessionStore": f"{HERE}::test_session_store_other_than_memory_is_refused_by_create_app",
    "server.cacheStore": "caching/test_cache_persist_and_shared.py::test_two_processes_share_a_cache_data_entry",
    "server.maxUploadSize": "server/test_large_fields.py::test_a_body_over_max_upload_size_is_a_413_naming_it",
    "server.maxMessageSize": "server/test_large_fields.py::test_a_field_over_max_message_size_is_a_413_naming_it",
    "server.enableStaticServing": "server/test_app_static_files.py::test_off_by_default",
    "server.sslCertFile": "cli/test_https.py::test_the_app_is_served_over_https_with_secure_cookies",
    "server.sslKeyFile": "cli/test_https.py::test_one_file_without_the_other_is_an_error",
    "server.trustedProxies": "cli/test_https.py::test_behind_a_tls_proxy_the_forwarded_scheme_counts_when_trusted",
    "server.runOnSave": "server/test_source_watch.py::test_run_on_save_is_told_to_the_tab",
    "server.fileWatcherType": "server/test_source_watch.py::test_an_embedded_app_or_none_watches_nothing",
    "server.sessionIdleTimeout": f"{HERE}::test_session_idle_timeout_frees_idle_tabs",
    "server.threads": f"{HERE}::test_address_and_threads_shape_the_server",
    "client.showErrorDetails": "server/test_script_errors.py::test_show_error_details_false_hides_the_message",
    "client.showSidebarNavigation": "multipage/test_multipage_http.py::test_hidden_sidebar_navigation_keeps_pages_reachable",
    "runner.magicEnabled": "testing/test_runtime.py::test_magic_can_be_turned_off",
    "runner.enforceSerializableSessionState": "testing/test_documented_semantics.py::test_enforced_serializable_state_from_the_global_config_file",
    "runner.enumCoercion": "testing/test_documented_semantics.py::test_enum_coercion_per_widget_and_mode",
    "magic.displayRootDocString": "runtime/test_magic.py::test_the_module_docstring_is_written_with_display_root_doc_string",
    "magic.displayLastExprIfNoSemicolon": "runtime/test_magic.py::test_display_last_expr_writes_a_last_call",
    "map.tileUrl": "charts/test_map_tiles.py::test_st_map_is_laid_on_the_configured_tiles",
    "map.tileAttribution": "charts/test_map_tiles.py::test_a_pydeck_deck_gets_the_tiles_too",
    "logger.level": "cli/test_cli.py::test_the_terminal_log_shows_script_errors_once_and_requests_at_debug",
}
# Audited by the engineers who own them: theming (theme.*) and the app chrome.
OWNED_ELSEWHERE = ("theme.", "client.toolbarMode")


def test_every_option_names_a_test_of_its_effect():
    audited = {o.key for o in OPTIONS if not o.key.startswith(OWNED_ELSEWHERE)}
    assert audited - EFFECT.keys() == set(), "options without a test of their effect"
    assert EFFECT.keys() - {o.key for o in OPTIONS} == set(), "tests of options that no longer exist"
    for key, where in EFFECT.items():
        path, name = where.split("::")
        tree = ast.parse((TESTS / path).read_text(encoding="utf-8"))
        names = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        assert name in names, f"{key}: {where} does not exist"


# -- options whose effect had no test -----------------------------------------------------


@pytest.fixture
def script(tmp_path: Path) -> Path:
    path = tmp_path / "app.py"
    path.write_text("import htst as st\nst.button('Go')\n")
    return path


def test_headless_opens_no_browser(script, monkeypatch, capsys):
    from htst.server import serve as serving

    opened: list[str] = []
    monkeypatch.setattr(serving, "serve", lambda app, config, on_ready: on_ready(None))
    monkeypatch.setattr("htst.cli.webbrowser.open", opened.append)
    monkeypatch.setattr(sys, "argv", list(sys.argv))
    assert main(["run", str(script), "--server.headless", "true", "--server.port", "8765"]) == 0
    assert main(["run", str(script), "--server.headless", "false", "--server.port", "8765"]) == 0
    deadline = time.monotonic() + 5
    while not opened and time.monotonic() < deadline:  # opened from a thread, not to delay serving
        time.sleep(0.01)
    assert opened == ["http://localhost:8765/"]
    capsys.readouterr()


def test_cookie_secret_signs_the_session_cookie(script):
    """A cookie signed by one process is accepted by another with the same secret (the
    session id survives a restart); with another secret, a new session and cookie."""
    first = htst.create_app(script, **{"server.cookieSecret": "shared"}).test_client()
    first.get("/")
    cookie = first.get_cookie(COOKIE_NAME)
    assert cookie is not None
    for secret, kept in (("shared", True), ("another", False)):
        client = htst.create_app(script, **{"server.cookieSecret": secret}).test_client()
        client.set_cookie(COOKIE_NAME, cookie.value)
        answer = client.get("/")
        assert ("Set-Cookie" not in answer.headers) is kept, secret


def test_session_store_other_than_memory_is_refused_by_create_app(script):
    assert htst.create_app(script, **{"server.sessionStore": "memory"}) is not None
    for store in ("redis://localhost:6379/0", "filesystem:/tmp/sessions"):
        with pytest.raises(ConfigError, match="shared session stores are not available yet") as caught:
            htst.create_app(script, **{"server.sessionStore": store})
        assert "\n" not in str(caught.value) and "kept in memory" in str(caught.value)
    with pytest.raises(ConfigError, match="server.sessionStore"):
        htst.blueprint(script, **{"server.sessionStore": "redis://x"})


def test_session_store_is_refused_by_the_cli_in_one_line(script, capsys):
    assert main(["run", str(script), "--server.headless", "--server.sessionStore", "redis://localhost:6379/0"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("htst: server.sessionStore = 'redis://localhost:6379/0' (from command-line flag)")


def test_a_bad_cache_store_is_refused_by_the_cli_in_one_line(script, capsys):
    assert main(["run", str(script), "--server.headless", "--server.cacheStore", "bogus://x"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "server.cacheStore must be" in err and "Traceback" not in err


def test_session_idle_timeout_frees_idle_tabs(script):
    for timeout, freed in ((1, 1), (3600, 0)):
        app = htst.create_app(script, **{"server.sessionIdleTimeout": timeout})
        app.test_client().get("/")
        site = next(iter(app.blueprints.values())).htst_site  # type: ignore[attr-defined]
        assert site.tabs.sweep(time.monotonic() + 2) == freed


def test_address_and_threads_shape_the_server(script):
    config = Config().with_overrides({"server.address": "127.0.0.1", "server.port": 0, "server.threads": 3})
    server = make_server(htst.create_app(script, config=config), config)
    try:
        assert server.effective_host == "127.0.0.1"
        assert len(server.task_dispatcher.threads) == 3
    finally:
        server.task_dispatcher.shutdown()
        server.close()


def test_an_unknown_cache_store_is_refused_without_redis(script):
    with pytest.raises(HtstAPIException, match='server.cacheStore must be "memory" or a redis:// URL'):
        htst.create_app(script, **{"server.cacheStore": "memcached://x"})


# -- precedence: ~/.htst < ./.htst < HTST_* < --flag, and the .streamlit fallback ---------


def _layers(folder: str, env_prefix: str) -> list[tuple[str, dict, dict, int]]:
    """(layer, environment, flags, the port expected once that layer is added), lowest first."""
    return [
        ("default", {}, {}, 8501),
        (f"~/{folder}/config.toml", {}, {}, 1001),
        (f"./{folder}/config.toml", {}, {}, 1002),
        (f"{env_prefix}SERVER_PORT", {f"{env_prefix}SERVER_PORT": "1003"}, {}, 1003),
        ("--server.port", {f"{env_prefix}SERVER_PORT": "1003"}, {"server.port": "1004"}, 1004),
    ]


@pytest.mark.parametrize(("folder", "env_prefix"), [(".htst", "HTST_"), (".streamlit", "STREAMLIT_")])
def test_each_layer_overrides_the_one_below(tmp_path, folder, env_prefix):
    cwd, home = tmp_path / "project", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    files = {f"~/{folder}/config.toml": home, f"./{folder}/config.toml": cwd}
    for layer, environ, flags, expected in _layers(folder, env_prefix):
        if layer in files:
            (files[layer] / folder).mkdir()
            (files[layer] / folder / "config.toml").write_text(f"[server]\nport = {expected}\n")
        config = Config.load(cwd=cwd, home=home, environ={"DISPLAY": ":0", **environ}, flags=flags)
        assert config["server.port"] == expected, layer


def test_htst_variables_win_over_streamlit_ones_and_only_without_dot_htst(tmp_path):
    cwd, home = tmp_path / "project", tmp_path / "home"
    cwd.mkdir()
    home.mkdir()
    environ = {"STREAMLIT_SERVER_PORT": "2001"}
    assert Config.load(cwd=cwd, home=home, environ=environ)["server.port"] == 2001
    assert Config.load(cwd=cwd, home=home, environ={**environ, "HTST_SERVER_PORT": "2002"})["server.port"] == 2002
    (cwd / ".htst").mkdir()  # an htst project: STREAMLIT_ variables are not its own
    assert Config.load(cwd=cwd, home=home, environ=environ)["server.port"] == 8501


def test_the_real_home_folder_and_environment(tmp_path, monkeypatch):
    """The same order end to end: HOME, the working directory and os.environ as
    `htst run` reads them (Config.load() with no arguments)."""
    home, cwd = tmp_path / "home", tmp_path / "project"
    (home / ".htst").mkdir(parents=True)
    (cwd / ".htst").mkdir(parents=True)
    (home / ".htst" / "config.toml").write_text("[server]\nport = 1001\nthreads = 5\nmaxUploadSize = 7\n")
    (cwd / ".htst" / "config.toml").write_text("[server]\nport = 1002\nthreads = 6\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(cwd)
    monkeypatch.setenv("HTST_SERVER_PORT", "1003")
    monkeypatch.setenv("HTST_SERVER_SESSION_IDLE_TIMEOUT", "9")
    config = Config.load(flags={"server.port": "1004"})
    assert (config["server.port"], config.source("server.port")) == (1004, "command-line flag")
    assert config.source("server.sessionIdleTimeout") == "environment variable HTST_SERVER_SESSION_IDLE_TIMEOUT"
    assert (config["server.threads"], config.source("server.threads")) == (6, str(cwd / ".htst" / "config.toml"))
    assert (config["server.maxUploadSize"], config.source("server.maxUploadSize")) == (7, str(home / ".htst" / "config.toml"))
