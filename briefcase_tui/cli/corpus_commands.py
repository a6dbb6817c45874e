"""`brief list`, `show`, `search`, `corpus dump` and `corpus check`: thin commands over the domain."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from briefcase_tui.cli.common import choose_value, date_option, print_json, state_of
from briefcase_tui.cli.state import State

KindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        "-k",
        metavar="KIND",
        help="Only items of this kind (repeatable).",
        show_default=False,
    ),
]
TagOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        "-t",
        metavar="TAG",
        help="Only items with this tag (repeatable).",
        show_default=False,
    ),
]
DayOption = Annotated[
    str | None,
    typer.Option(
        "--day",
        "-d",
        metavar="DATE",
        help="Only items on this date (YYYY-MM-DD).",
        show_default=False,
    ),
]
SourceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--source",
        "-s",
        metavar="SOURCE",
        help="Only items citing this source id (repeatable).",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]


def _filters(
    state: State,
    kind: list[str] | None,
    tag: list[str] | None,
    day: str | None,
    source: list[str] | None,
) -> Any:
    from briefcase_tui.domain.corpus.filters import SearchFilters
    from briefcase_tui.domain.corpus.models import KINDS

    corpus = state.corpus
    date = date_option(day, "--day")
    return SearchFilters(
        kinds=frozenset(choose_value(k, list(KINDS), "--kind") for k in kind or ()),
        tags=frozenset(choose_value(t, list(corpus.tags), "--tag") for t in tag or ()),
        days=frozenset([date]) if date else frozenset(),
        sources=frozenset(choose_value(s, list(corpus.sources), "--source") for s in source or ()),
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
        state = state_of(context)
        chosen = _filters(state, kind, tag, day, source).select(state.corpus)
        if as_json:
            print_json([{"id": i.id, "kind": i.kind, "title": i.title} for i in chosen])
            return
        from briefcase_tui.cli.text_output import render_rows

        if chosen:
            print(render_rows([(i.id, i.kind, i.title) for i in chosen]))
        print(f"{len(chosen)} item{'s' if len(chosen) != 1 else ''}", file=sys.stderr)

    @app.command()
    def show(
        context: typer.Context,
        item_id: Annotated[
            str, typer.Argument(metavar="ID", help="The item's id, e.g. ws-future-of-work.")
        ],
        as_json: JsonOption = False,
    ) -> None:
        """Show one item: facts, summary, quotes with citations, caveats and related items."""
        corpus = state_of(context).corpus
        item = corpus.item(item_id)
        if as_json:
            from briefcase_tui.domain.corpus.serialize import item_data

            print_json(item_data(item, corpus))
            return
        from briefcase_tui.cli.text_output import render_item

        print(render_item(item, corpus))

    @app.command()
    def search(
        context: typer.Context,
        query: Annotated[
            str,
            typer.Argument(
                metavar="QUERY", help="Words to look for; the last may be the start of a word."
            ),
        ],
        kind: KindOption = None,
        tag: TagOption = None,
        day: DayOption = None,
        source: SourceOption = None,
        limit: Annotated[
            int, typer.Option("--limit", "-n", metavar="N", min=1, help="How many results at most.")
        ] = 10,
        as_json: JsonOption = False,
    ) -> None:
        """Search titles, summaries, quotes, names, venues and tags; best matches first."""
        state = state_of(context)
        filters = _filters(state, kind, tag, day, source)
        hits = state.index.search(query, filters, limit=limit)
        if as_json:
            print_json(
                [{"id": h.id, "kind": h.kind, "title": h.title, "score": h.score} for h in hits]
            )
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

        print_json(corpus_data(state_of(context).corpus))

    @corpus_app.command("check")
    def check(
        context: typer.Context,
        folder: Annotated[
            Path | None,
            typer.Argument(
                metavar="DIR",
                help="Corpus folder to check (default: the one in use).",
                show_default=False,
            ),
        ] = None,
    ) -> None:
        """Validate a corpus folder and list every problem, not just the first."""
        from briefcase_tui.domain.corpus.load import check_corpus

        target = folder if folder is not None else state_of(context).folder
        problems = check_corpus(target)
        for problem in problems:
            print(problem, file=sys.stderr)
        if problems:
            print(
                f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {target}",
                file=sys.stderr,
            )
            raise typer.Exit(1)
        print(f"{target}: ok")
