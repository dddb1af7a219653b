"""The `htst` command: run, hello, cache clear, version."""

from __future__ import annotations

import argparse
import os
import sys
import threading
import webbrowser
from pathlib import Path

from .config import Config, ConfigError, parse_flag_args
from .version import __version__

HELLO = Path(__file__).resolve().parent / "hello" / "hello_app.py"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="htst", description="Run Streamlit-style apps as server-rendered HTML.")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="run an app: htst run app.py [--section.option value …] [-- script args]")
    run.add_argument("script")
    sub.add_parser("hello", help="run the demo app")
    sub.add_parser("version", help="print the htst version")
    cache = sub.add_parser("cache", help="htst cache clear: delete st.cache_data entries kept on disk (persist) and in server.cacheStore")
    cache.add_argument("action", choices=["clear"])

    if not argv or argv[0] in ("-h", "--help"):
        parser.print_help()
        return 0
    command, rest = argv[0], argv[1:]
    try:
        flags, positional = parse_flag_args(rest)
    except ConfigError as exc:
        print(f"htst: {exc}", file=sys.stderr)
        return 2
    if command == "version":
        print(f"htst, version {__version__}")
        return 0
    if command == "hello":
        return _run(str(HELLO), flags, [])
    if command == "cache":
        if positional != ["clear"]:
            parser.parse_args(["cache", *positional])  # explains the usage and exits 2
        return _clear_cache(flags)
    if command == "run":
        if not positional:
            parser.parse_args(["run"])  # prints the usage error and exits 2
        script, script_args = positional[0], positional[1:]
        if not os.path.isfile(script):
            print(f"htst: no such file: {script}", file=sys.stderr)
            return 2
        return _run(script, flags, script_args)
    parser.parse_args(argv)  # unknown command: argparse explains
    return 2


def _clear_cache(flags: dict[str, str]) -> int:
    """Delete persisted cache_data entries (and a shared store's), as `streamlit cache clear`."""
    from .caching.storage import clear_persisted

    try:
        config = Config.load(flags=flags)
        cleared = clear_persisted(str(config["server.cacheStore"]))
    except (ConfigError, Exception) as exc:  # a bad config or an unreachable store: say so
        print(f"htst: {exc}", file=sys.stderr)
        return 1
    print(f"Cleared {cleared}.")
    return 0


def _run(script: str, flags: dict[str, str], script_args: list[str]) -> int:
    from .server.mount import create_app
    from .server.serve import serve

    try:
        config = Config.load(flags=flags)
    except ConfigError as exc:
        print(f"htst: {exc}", file=sys.stderr)
        return 2
    sys.argv = [script, *script_args]  # the script sees its own arguments, as with python
    app = create_app(script, config=config)
    host = config["server.address"] or "127.0.0.1"
    base = "/" + str(config["server.baseUrlPath"]).strip("/")
    url = f"http://{'localhost' if host in ('127.0.0.1', '0.0.0.0', '') else host}:{config['server.port']}{base.rstrip('/')}/"

    def ready(_server: object) -> None:
        print(f"\n  htst app {Path(script).name} is running at {url}\n", flush=True)
        if not config["server.headless"]:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    serve(app, config, on_ready=ready)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
