"""`brief list`, `show`, `search`, `corpus dump` and `corpus check`: thin commands over the domain."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from briefcase_tui.cli.state import State


def _state(context: typer.Context) -> State:
    return context.find_root().obj  # type: ignore[no-any-return]


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _choose(value: str, known: list[str], option: str) -> str:
    """Check an option value against the known ones; a typo is a usage error with a hint."""
    if value in known:
        return value
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.5)
    hint = f" (did you mean {close[0]!r}?)" if close else f" (expected one of: {', '.join(known)})"
    raise typer.BadParameter(f"unknown value {value!r}{hint}", param_hint=option)


def _day(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD", param_hint="--day") from None


KindOption = Annotated[Optional[list[str]], typer.Option("--kind", "-k", help="Only items of this kind (repeatable).", show_default=False)]
TagOption = Annotated[Optional[list[str]], typer.Option("--tag", "-t", help="Only items with this tag (repeatable).", show_default=False)]
DayOption = Annotated[Optional[str], typer.Option("--day", "-d", help="Only items on this date (YYYY-MM-DD).", show_default=False)]
SourceOption = Annotated[Optional[list[str]], typer.Option("--source", "-s", help="Only items citing this source id (repeatable).", show_default=False)]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def _filters(state: State, kind: list[str] | None, tag: list[str] | None, day: str | None,
             source: list[str] | None) -> Any:
    from briefcase_tui.domain.corpus.models import KINDS
    from briefcase_tui.domain.corpus.filters import SearchFilters

    corpus = state.corpus
    date = _day(day)
    return SearchFilters(
        kinds=frozenset(_choose(k, list(KINDS), "--kind") for k in kind or ()),
        tags=frozenset(_choose(t, list(corpus.tags), "--tag") for t in tag or ()),
        days=frozenset([date]) if date else frozenset(),
        sources=frozenset(_choose(s, list(corpus.sources), "--source") for s in source or ()),
    )


def register(app: typer.Typer, corpus_app: typer.Typer) -> None:
    """Add the corpus commands to the app."""

    @app.command("list")
    def list_items(
        context: typer.Context,
        kind: KindOption = None,
        tag: TagOption = None,
        day: DayOption = None,
        source: SourceOption = None,
        as_json: JsonOption = False,
    ) -> None:
        """List items, optionally filtered by kind, tag, day or source."""
        state = _state(context)
        chosen = _filters(state, kind, tag, day, source).select(state.corpus)
        if as_json:
            _print_json([{"id": i.id, "kind": i.kind, "title": i.title} for i in chosen])
            return
        from briefcase_tui.cli.text_output import render_rows

        if chosen:
            print(render_rows([(i.id, i.kind, i.title) for i in chosen]))
        print(f"{len(chosen)} item{'s' if len(chosen) != 1 else ''}", file=sys.stderr)

    @app.command()
    def show(
        context: typer.Context,
        item_id: Annotated[str, typer.Argument(metavar="ID", help="The item's id, e.g. ws-future-of-work.")],
        as_json: JsonOption = False,
    ) -> None:
        """Show one item: facts, summary, quotes with citations, caveats and related items."""
        corpus = _state(context).corpus
        item = corpus.item(item_id)
        if as_json:
            from briefcase_tui.domain.corpus.serialize import item_data

            _print_json(item_data(item, corpus))
            return
        from briefcase_tui.cli.text_output import render_item

        print(render_item(item, corpus))

    @app.command()
    def search(
        context: typer.Context,
        query: Annotated[str, typer.Argument(help="Words to look for; the last may be the start of a word.")],
        kind: KindOption = None,
        tag: TagOption = None,
        day: DayOption = None,
        source: SourceOption = None,
        limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many results at most.")] = 10,
        as_json: JsonOption = False,
    ) -> None:
        """Search titles, summaries, quotes, names, venues and tags; best matches first."""
        state = _state(context)
        filters = _filters(state, kind, tag, day, source)
        hits = state.index.search(query, filters, limit=limit)
        if as_json:
            _print_json([{"id": h.id, "kind": h.kind, "title": h.title, "score": h.score} for h in hits])
            return
        if not hits:
            print(f"no items match {query!r}", file=sys.stderr)
            return
        from briefcase_tui.cli.text_output import render_hits

        print(render_hits(hits))

    @corpus_app.command("dump")
    def dump(context: typer.Context) -> None:
        """Print the whole corpus as one JSON object."""
        from briefcase_tui.domain.corpus.serialize import corpus_data

        _print_json(corpus_data(_state(context).corpus))

    @corpus_app.command("check")
    def check(
        context: typer.Context,
        folder: Annotated[
            Optional[Path],
            typer.Argument(help="Corpus folder to check (default: the one in use).", show_default=False),
        ] = None,
    ) -> None:
        """Validate a corpus folder and list every problem, not just the first."""
        from briefcase_tui.domain.corpus.load import check_corpus

        target = folder if folder is not None else _state(context).folder
        problems = check_corpus(target)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {target}", file=sys.stderr)
            raise typer.Exit(1)
        print(f"{target}: ok")
