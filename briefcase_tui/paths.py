"""Where Briefcase finds its data and keeps its caches; environment overrides. Stdlib only."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "briefcase"
CORPUS_ENV = "BRIEF_CORPUS"
"""Points at a corpus folder to browse instead of the bundled one."""
CACHE_ENV = "BRIEF_CACHE_DIR"
"""Overrides the folder for the validated-corpus cache; `off` disables the cache."""
BRIEFS_ENV = "BRIEF_DIR"
"""Points at the folder of briefing packs."""
NOW_ENV = "BRIEF_NOW"
"""A moment to rehearse the summit at (`2025-02-10T14:00`), for `brief now` and the agenda."""
LOCAL_BRIEFS_DIR = Path("briefs")
"""A `briefs/` folder in the working directory is used when it exists."""

PACKAGE_DIR = Path(__file__).resolve().parent
BUNDLED_CORPUS_DIR = PACKAGE_DIR / "data" / "corpus"
SEARCH_SETTINGS_FILE = PACKAGE_DIR / "data" / "search.toml"
TEMPLATES_DIR = PACKAGE_DIR / "data" / "templates"
EXPORT_STYLE_FILE = PACKAGE_DIR / "data" / "export" / "print.css"


def corpus_dir(explicit: Path | None = None) -> Path:
    """The corpus to load: `--corpus` beats `BRIEF_CORPUS` beats the bundled one."""
    if explicit is not None:
        return explicit
    from_env = os.environ.get(CORPUS_ENV)
    if from_env:
        return Path(from_env)
    return BUNDLED_CORPUS_DIR


def cache_dir() -> Path | None:
    """The folder for derived caches, or None when caching is switched off."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return None if configured.lower() == "off" else Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / APP_NAME


def briefs_dir(explicit: Path | None = None) -> Path:
    """The folder of packs.

    `--briefs` beats `BRIEF_DIR` beats `./briefs` beats the user's data folder.
    """
    if explicit is not None:
        return explicit
    from_env = os.environ.get(BRIEFS_ENV)
    if from_env:
        return Path(from_env)
    if LOCAL_BRIEFS_DIR.is_dir():
        return LOCAL_BRIEFS_DIR
    return data_dir() / "briefs"


def data_dir() -> Path:
    """The user's data folder: `$XDG_DATA_HOME/briefcase` or `~/.local/share/briefcase`."""
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / APP_NAME


CONFIG_ENV = "XDG_CONFIG_HOME"
BENCH_EXIT_ENV = "BRIEF_BENCH_EXIT_ON_PAINT"
"""A file path: the app writes a marker there once the first screen is painted, and exits."""
BENCH_READY_ENV = "BRIEF_BENCH_EXIT_WHEN_READY"
"""A file path: the app writes a marker there once the corpus is on screen, and exits."""
BENCH_SEARCH_ENV = "BRIEF_BENCH_EXIT_WHEN_SEARCH_READY"
"""A file path: the app asks for the search index as a first search would, writes a marker
there once the index is read and the corpus on screen complete, and exits."""
BENCH_PACK_ENV = "BRIEF_BENCH_EXIT_WHEN_PACK_SHOWN"
"""A file path: the app writes a marker there once the pack screen shows the pack, and exits."""
BUNDLED_THEMES_PACKAGE = "briefcase_tui.bundled_themes"
"""The themes shipped with Briefcase: the top-level `themes/` folder, installed as this package."""


def config_dir() -> Path:
    """The user's settings folder: `$XDG_CONFIG_HOME/briefcase` or `~/.config/briefcase`."""
    xdg = os.environ.get(CONFIG_ENV)
    base = Path(xdg) if xdg else Path.home() / ".config"
    return base / APP_NAME


def config_file() -> Path:
    """The settings file: chosen theme and key remaps."""
    return config_dir() / "config.toml"


def user_themes_dir() -> Path:
    """Where a user drops their own theme files."""
    return config_dir() / "themes"


def bundled_themes_dir() -> Path:
    """The folder of the shipped themes, wherever the package is installed (editable or wheel)."""
    import importlib.util

    spec = importlib.util.find_spec(BUNDLED_THEMES_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return PACKAGE_DIR.parent / "themes"
    return Path(next(iter(spec.submodule_search_locations)))
