"""The floor for whole-process timings: a Typer command that does nothing."""

import typer

app = typer.Typer(add_completion=False)


@app.command()
def main() -> None:
    """Do nothing."""


if __name__ == "__main__":
    app()
