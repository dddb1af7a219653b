"""The `htst` command: run, hello, config show, cache clear, version.

Config flags (`--section.option value`) go with every command; `--help` on any command
says what it takes (`run --help` lists every option). Errors are one line on stderr.
"""

from __future__ import annotations

import difflib
import errno
import logging
import os
import shutil
import socket
import sys
import tempfile
import threading
import urllib.error
import urllib.parse
import urllib.request
import webbrowser
from pathlib import Path

from .config import Config, ConfigError, parse_flag_args
from .errors import HtstAPIException
from .version import __version__

HELLO = Path(__file__).resolve().parent / "hello" / "hello_app.py"
PROG = "htst"

USAGE = f"""usage: {PROG} [--version] [--help] COMMAND [ARGS]

Run Streamlit-style apps as server-rendered HTML.

commands:
  run APP [--section.option VALUE ...] [-- ARGS]
                  run an app (APP: a script path or an http(s):// URL of one)
  hello           run the demo app
  config show     print every config option: description, default, value, source
  cache clear     delete st.cache_data entries kept on disk and in server.cacheStore
  version         print the htst version

`{PROG} COMMAND --help` says more about each one.
"""

HELP = {
    "run": f"""usage: {PROG} run APP [--section.option VALUE ...] [-- SCRIPT ARGS]

Serve APP (a Python script, or an http(s):// URL of one, downloaded to a temporary
folder first) and open it in a browser unless server.headless is true. Arguments after
`--` reach the script's sys.argv. `python -m htst run` is the same command.
""",
    "hello": f"""usage: {PROG} hello [--section.option VALUE ...]

Run htst's demo app (takes the same config flags as `{PROG} run`).
""",
    "config": f"""usage: {PROG} config show [--section.option VALUE ...]

Print every config option grouped by section, with its description, type, default,
current value and where that value came from (default, a config.toml file, an
environment variable or a flag).
""",
    "cache": f"""usage: {PROG} cache clear [--section.option VALUE ...]

Delete st.cache_data entries kept on disk (persist="disk") and in the shared store
named by server.cacheStore.
""",
    "version": f"""usage: {PROG} version

Print the htst version (also `{PROG} --version`).
""",
}
ACTIONS = {"config": "show", "cache": "clear"}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE, end="")
        return 0
    if argv[0] in ("--version", "-V"):
        print(f"{PROG}, version {__version__}")
        return 0
    command, rest = argv[0], argv[1:]
    if command not in HELP:
        close = difflib.get_close_matches(command, list(HELP), n=1)
        hint = f" Did you mean `{PROG} {close[0]}`?" if close else f" Run `{PROG} --help` for the commands."
        return _fail(f"no such command: {command!r}.{hint}", 2)
    own = rest[: rest.index("--")] if "--" in rest else rest
    if "-h" in own or "--help" in own:
        print(HELP[command], end="")
        if command in ("run", "hello"):
            from .config_text import flags_help

            print("\n" + flags_help())
        return 0
    try:
        flags, positional = parse_flag_args(rest)
    except ConfigError as exc:
        return _fail(str(exc), 2)
    if command == "version":
        print(f"{PROG}, version {__version__}")
        return 0
    if command == "hello":
        return _run(str(HELLO), flags, positional)
    if command in ACTIONS:
        if positional != [ACTIONS[command]]:
            return _fail(f"usage: {PROG} {command} {ACTIONS[command]} (got {' '.join([command, *positional])!r})", 2)
        return _config_show(flags) if command == "config" else _clear_cache(flags)
    if not positional:
        return _fail(f"`{PROG} run` needs the app's script: {PROG} run app.py", 2)
    script, script_args = positional[0], positional[1:]
    if urllib.parse.urlsplit(script).scheme in ("http", "https"):
        try:
            script = _download(script)
        except OSError as exc:
            return _fail(f"could not fetch the app from {positional[0]}: {exc}", 1)
    elif not os.path.isfile(script):
        return _fail(f"no such file: {script}", 2)
    return _run(script, flags, script_args)


def _fail(message: str, code: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return code


def _download(url: str) -> str:
    """The script at `url`, saved in a temporary folder (docs 3.6: run a remote script)."""
    name = Path(urllib.parse.urlsplit(url).path).name or "app.py"
    if not name.endswith(".py"):
        name += ".py"
    folder = Path(tempfile.mkdtemp(prefix="htst-url-"))
    try:
        with urllib.request.urlopen(url, timeout=30) as response, (folder / name).open("wb") as out:
            shutil.copyfileobj(response, out)
    except (urllib.error.URLError, ValueError) as exc:
        shutil.rmtree(folder, ignore_errors=True)
        raise OSError(getattr(exc, "reason", exc)) from None
    return str(folder / name)


def _config_show(flags: dict[str, str]) -> int:
    from .config_text import config_show

    try:
        config = Config.load(flags=flags)
    except ConfigError as exc:
        return _fail(str(exc), 2)
    print(config_show(config), end="")
    return 0


def _clear_cache(flags: dict[str, str]) -> int:
    """Delete persisted cache_data entries (and a shared store's), as `streamlit cache clear`."""
    from .caching.storage import clear_persisted

    try:
        config = Config.load(flags=flags)
        cleared = clear_persisted(str(config["server.cacheStore"]))
    except (ConfigError, Exception) as exc:  # a bad config or an unreachable store: say so
        return _fail(str(exc), 1)
    print(f"Cleared {cleared}.")
    return 0


def configure_logging(level: str) -> None:
    """htst's log lines on stderr at `logger.level` (Python's logging, so an embedding
    app's own configuration wins when it has one)."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=logging.WARNING)
    logging.getLogger("htst").setLevel(level.upper())


def _run(script: str, flags: dict[str, str], script_args: list[str]) -> int:
    from .server.mount import create_app
    from .server.serve import TLSConfigError, serve, tls_files

    try:
        config = Config.load(flags=flags)
    except ConfigError as exc:
        return _fail(str(exc), 2)
    configure_logging(str(config["logger.level"]))
    try:
        scheme = "https" if tls_files(config) else "http"
    except TLSConfigError as exc:
        return _fail(str(exc), 1)
    if config["server.fileWatcherType"] == "auto":  # developing: tabs learn of source changes
        config = config.with_overrides({"server.fileWatcherType": "poll"})
    sys.argv = [script, *script_args]  # the script sees its own arguments, as with python
    try:
        app = create_app(script, config=config)
    except (ConfigError, HtstAPIException) as exc:  # an option the app cannot honour (a store)
        return _fail(str(exc), 1)
    address = str(config["server.address"])
    port = int(config["server.port"])
    path = "/" + str(config["server.baseUrlPath"]).strip("/")
    path = path.rstrip("/") + "/"
    host = "localhost" if address in ("", "0.0.0.0", "127.0.0.1", "::") else address

    def ready(server: object) -> None:
        bound = getattr(server, "effective_port", None) or port  # --server.port 0: the one the OS chose
        local = f"{scheme}://{host}:{bound}{path}"
        lines = [f"  htst app {Path(script).name} is running.", "", f"  Local URL: {local}"]
        if address in ("", "0.0.0.0", "::"):
            lines.append(f"  Network URL: {scheme}://{_network_ip()}:{bound}{path}")
        print("\n" + "\n".join(lines) + "\n", flush=True)
        if not config["server.headless"]:
            threading.Thread(target=webbrowser.open, args=(local,), daemon=True).start()

    try:
        serve(app, config, on_ready=ready)
    except TLSConfigError as exc:
        return _fail(str(exc), 1)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            return _fail(f"port {port} is already in use; choose another with --server.port {port + 1}", 1)
        if exc.errno == errno.EADDRNOTAVAIL:
            return _fail(f"cannot listen on {address}: no such address here (--server.address)", 1)
        raise
    return 0


def _network_ip() -> str:
    """This machine's address on its network (no packet is sent)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.254.254.254", 1))
            return probe.getsockname()[0]
        except OSError:
            return socket.gethostbyname(socket.gethostname())


if __name__ == "__main__":
    raise SystemExit(main())
