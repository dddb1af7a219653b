"""Pages of a multipage app: their names (docs 7.1), `st.Page`, and the navigation a run resolves.

One model for both mechanisms: the `pages/` directory becomes the same list of pages that
`st.navigation` takes. A page's pathname is relative to the app's root URL; the default
page lives at the root ("") and answers to its own pathname too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import HtstAPIException

_FILENAME = re.compile(r"(?P<number>\d*)(?P<separator>[_\- ]*)(?P<identifier>.*)", re.DOTALL)


@dataclass(frozen=True)
class PageName:
    """What a file name or a callable's name makes of a page (docs: automatic labels and URLs)."""

    label: str  # also the default title; "" when the name is only a separator (not listed)
    url_path: str
    number: int | None  # the numeric prefix of a file name, for sorting

    @property
    def sort_key(self) -> tuple:
        """Numbered pages first, by number (03 == 3), then by label."""
        return (self.number is None, self.number or 0, self.label)


def name_of_file(stem: str) -> PageName:
    """`number`, `separator`, `identifier` of a file name (without ".py") -> label and pathname."""
    parts = _FILENAME.fullmatch(stem)
    assert parts is not None  # every string matches
    number, identifier = parts["number"], parts["identifier"]
    if identifier:
        # Underscores show as spaces (runs as one, none at the ends); in the pathname each
        # run of spaces and underscores becomes one underscore.
        return PageName(_label(identifier), re.sub(r"[ _]+", "_", identifier), int(number) if number else None)
    if number:
        return PageName(number, number, int(number))
    return PageName("", "", None)


def name_of_callable(name: str) -> PageName:
    """A callable's name is its identifier: the label as a file's, the pathname unchanged."""
    return PageName(_label(name) or name, name, None)


def _label(identifier: str) -> str:
    return re.sub(r"_+", " ", identifier).strip(" ")


class Page:
    """`st.Page`: a page from a Python file (relative to the entrypoint) or a callable.

    Two Page objects for the same source are the same page (`key`), so the pages a run
    declares are found again in the next run.
    """

    def __init__(
        self,
        page: str | Path | Callable[[], Any],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: str = "visible",
        help: str | None = None,
        root: Path | None = None,
        check_icon: Callable[[Any], str | None] = lambda icon: icon,
    ):
        if visibility not in ("visible", "hidden"):
            raise HtstAPIException(f"Invalid `visibility` value: {visibility!r}. Supported values: 'visible', 'hidden'.")
        if callable(page) and not isinstance(page, (str, Path)):
            self.source: Path | Callable[[], Any] = page
            name = getattr(page, "__name__", "")
            if name and name != "<lambda>":
                inferred = name_of_callable(name)
            elif title is None or url_path is None:
                raise HtstAPIException(
                    "Cannot infer a page title and URL path from a lambda or an unnamed callable: "
                    "give st.Page a `title` and a `url_path`, or use a named function."
                )
            else:
                inferred = PageName("", "", None)
            self.key = f"callable:{getattr(page, '__module__', '')}.{getattr(page, '__qualname__', name)}"
        elif isinstance(page, (str, Path)):
            path = Path(page)
            full = (root / path) if root is not None and not path.is_absolute() else path
            if not full.is_file():
                raise HtstAPIException(f"Unable to create Page. The file `{path}` could not be found.")
            self.source = full.resolve()
            self.key = f"file:{self.source}"
            inferred = name_of_file(full.stem)
        else:
            raise HtstAPIException(
                f"Invalid page type: {type(page).__name__}. st.Page takes a path to a Python file "
                "(str or pathlib.Path) or a callable."
            )
        if title is not None and not str(title).strip():
            raise HtstAPIException("The title of the page cannot be empty or consist of underscores/spaces only")
        self.title = str(title) if title is not None else inferred.label
        self.icon = check_icon(icon)
        self.help = help
        self.default = bool(default)
        self.hidden = visibility == "hidden"
        if url_path is not None:
            cleaned = str(url_path).strip("/")
            if "/" in cleaned:
                raise HtstAPIException("The URL path cannot contain a nested path (e.g. foo/bar).")
            if not cleaned and not default:
                raise HtstAPIException("The URL path cannot be an empty string unless the page is the default page.")
            self._url_path = cleaned
        else:
            self._url_path = inferred.url_path
        self._runs: Callable[[Page], None] | None = None  # set on the page st.navigation returns

    @property
    def url_path(self) -> str:
        """The page's pathname ("" for the default page: the app's root URL)."""
        return "" if self.default else self._url_path

    @property
    def own_path(self) -> str:
        """The pathname the page's name gives it, even as the default page."""
        return self._url_path

    def run(self) -> None:
        """Run the page's source. Only the page `st.navigation` returned in this run can."""
        if self._runs is None:
            raise HtstAPIException(
                "This page cannot be run: only the page returned by `st.navigation` in this run "
                "accepts `.run()`."
            )
        self._runs(self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Page) and other.key == self.key

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        return f"Page(title={self.title!r}, url_path={self.url_path!r})"


@dataclass
class Navigation:
    """The pages a run declared, as sections (header or "" for none), and the one it shows."""

    sections: list[tuple[str, list[Page]]]
    position: str = "sidebar"
    expanded: bool | int = False
    selected: Page | None = None
    not_found: str | None = None  # a requested pathname that named no page
    automatic: bool = False  # made from the pages/ directory, not by st.navigation
    pages: list[Page] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.pages = [page for _, pages in self.sections for page in pages]
        if not any(page.default for page in self.pages):
            self.pages[0].default = True  # the first page is the default, at the root URL

    @property
    def default(self) -> Page:
        return next(page for page in self.pages if page.default)

    def find(self, pathname: str) -> Page | None:
        """The page at `pathname` (case-insensitive); the first in navigation order wins."""
        if pathname.startswith("file:"):  # AppTest.switch_page names the file
            return next((page for page in self.pages if page.key == pathname), None)
        wanted = pathname.strip("/").lower()
        if not wanted:
            return self.default
        for page in self.pages:
            if page.url_path.lower() == wanted or page.own_path.lower() == wanted:
                return page
        return None

    def resolve(self, pathname: str) -> Page:
        found = self.find(pathname)
        if found is None:
            self.not_found = pathname
            found = self.default
        self.selected = found
        return found


def sections_of(pages: Any, make: Callable[[Any], Page]) -> list[tuple[str, list[Page]]]:
    """`st.navigation`'s argument (a list of pages, or a dict of section -> pages) as sections."""
    if isinstance(pages, dict):
        sections = [(str(header), [make(page) for page in group]) for header, group in pages.items()]
    elif isinstance(pages, (list, tuple)):
        sections = [("", [make(page) for page in pages])]
    else:
        raise HtstAPIException(
            "`st.navigation` takes a list of pages, or a dict of section headers to lists of pages."
        )
    if not any(group for _, group in sections):
        raise HtstAPIException("`st.navigation` must be called with at least one `st.Page`.")
    defaults = [page for _, group in sections for page in group if page.default]
    if len(defaults) > 1:
        raise HtstAPIException(
            "Multiple Pages specified with `default=True`. At most one Page can be set to default."
        )
    return sections


def directory_pages(entrypoint: Path, make: Callable[..., Page]) -> list[Page]:
    """The entrypoint, then every `.py` file in `pages/` beside it, in the docs' order.

    Files whose name is only a separator are pages nobody can reach; they are left out.
    """
    home = make(entrypoint, default=True)
    folder = entrypoint.parent / "pages"
    found = []
    for path in folder.glob("*.py") if folder.is_dir() else ():
        name = name_of_file(path.stem)
        if name.label and path.is_file():
            found.append((name.sort_key, path))
    return [home, *(make(path) for _, path in sorted(found, key=lambda item: item[0]))]
