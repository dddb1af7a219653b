"""Two htst apps inside an ordinary Flask site, each mounted with `register_blueprint`.

    python examples/embed_flask.py      # then open http://127.0.0.1:8502/

The site keeps its own routes; each app lives under its own prefix with its own
sessions, and its pages link to their rerun and static URLs under that prefix.
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask

import htst
import htst.hello

HERE = Path(__file__).resolve().parent
HELLO = Path(htst.hello.__file__).with_name("hello_app.py")

app = Flask(__name__)
app.register_blueprint(htst.blueprint(HERE / "counter.py"), url_prefix="/counter")
app.register_blueprint(htst.blueprint(HELLO), url_prefix="/hello")


@app.get("/")
def index() -> str:
    return """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>A Flask site with two htst apps</title></head>
<body>
<main>
<h1>A Flask site with two htst apps</h1>
<nav><ul>
<li><a href="/counter/">Counter</a>: session state and button callbacks</li>
<li><a href="/hello/">Hello</a>: htst's demo app</li>
</ul></nav>
</main>
</body>
</html>
"""


if __name__ == "__main__":
    from waitress import serve

    print("Serving on http://127.0.0.1:8502/")
    serve(app, host="127.0.0.1", port=8502, threads=8)
