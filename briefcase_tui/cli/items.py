"""`brief list`, `brief show` and `brief search`: the corpus's items, filtered, shown, searched."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from briefcase_tui.cli import output
from briefcase_tui.cli.options import JsonOption, choose_value, date_option
from briefcase_tui.cli.state import State, state_of

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.filters import SearchFilters

app = typer.Typer()
"""Commands of `brief` itself (no group of their own)."""

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


def _filters(
    state: State,
    kind: list[str] | None,
    tag: list[str] | None,
    day: str | None,
    source: list[str] | None,
) -> SearchFilters:
    """The filters the options ask for; an unknown kind, tag or source is a usage error."""
    from briefcase_tui.domain.corpus.filters import SearchFilters
    from briefcase_tui.domain.corpus.kinds import KINDS

    corpus = state.corpus
    date = date_option(day, "--day")
    return SearchFilters(
        kinds=frozenset(choose_value(k, list(KINDS), "--kind") for k in kind or ()),
        tags=frozenset(choose_value(t, list(corpus.tags), "--tag") for t in tag or ()),
        days=frozenset([date]) if date else frozenset(),
        sources=frozenset(choose_value(s, list(corpus.sources), "--source") for s in source or ()),
    )


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
    rows = [(i.id, i.kind, i.title) for i in chosen]
    if as_json:
        output.print_json(
            [{"id": id_, "kind": kind_, "title": title} for id_, kind_, title in rows]
        )
        return
    if rows:
        print(output.render_rows(rows))
    output.tell(output.counted(len(rows), "item"))


@app.command("show")
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

        output.print_json(item_data(item, corpus))
        return
    print(output.render_item(item, corpus))


@app.command("search")
def search(
    context: typer.Context,
    query: Annotated[
        str,
        typer.Argument(
            metavar="QUERY",
            help=(
                "Words to look for, in English or French; the last may be the start of a word. "
                "Filters may be written in it: kind:person day:2025-02-11 tag:security "
                'source:statement; "quoted words" must appear side by side.'
            ),
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
    from briefcase_tui.domain.corpus.explain import explain_hit

    state = state_of(context)
    filters = _filters(state, kind, tag, day, source)
    result = state.index.find(query, filters, limit=limit)
    if result.problems:
        output.error(result.problems[0])
        raise typer.Exit(2)
    if result.did_you_mean:
        output.tell(f"did you mean: {result.did_you_mean}?")
    explained = [explain_hit(hit, result, state.index, state.corpus) for hit in result.hits]
    if as_json:
        output.print_json(
            [
                {
                    "id": h.id,
                    "kind": h.kind,
                    "title": h.title,
                    "score": h.score,
                    "matched_in": h.field,
                    "matched_words": list(words),
                }
                for h, (_, words) in zip(result.hits, explained, strict=True)
            ]
        )
        return
    if not result.hits:
        output.tell(f"no items match {query!r}")
        return
    print(output.render_hits(result.hits, [line for line, _ in explained]))
