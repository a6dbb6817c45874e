"""Dialogs about whole packs: open one from the briefs folder, or make a new one (from a template).

They are given what to show (summaries, problems, templates, parameter choices) and
return what was chosen; loading, creating and saving are the app's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from briefcase_tui.tui.screens.dialogs import CLOSE, ChoiceDialog

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus
    from briefcase_tui.domain.packs.store import PackSummary
    from briefcase_tui.errors import BriefcaseError

NEW_PACK = "new-pack"
"""The option id of "New pack…" in the open dialog."""


def open_pack_dialog(summaries: list[PackSummary], problems: list[BriefcaseError], folder: str) -> ChoiceDialog:
    """Every pack in the folder to choose from; packs that do not load are listed with their problem.

    The chosen id is the pack's path, or `NEW_PACK`.
    """
    choices = [
        (str(s.path), f"{s.title}  ({s.name} · {s.entries} entr{'y' if s.entries == 1 else 'ies'})") for s in summaries
    ]
    choices.append((NEW_PACK, "＋ New pack…"))
    hint = f"Packs in {folder} · Enter opens · Esc cancels"
    if problems:
        hint = f"{len(problems)} pack{'s' if len(problems) != 1 else ''} cannot be opened (✗) · " + hint
    return ChoiceDialog("Open a pack", choices, hint=hint, disabled=[str(p) for p in problems])


@dataclass(frozen=True)
class TemplateChoice:
    """A template offered in the new-pack dialog, with the values its one parameter may take."""

    name: str
    description: str
    parameter: str | None = None
    """The name of its parameter (`day`, `workstream`), if it takes one."""
    prompt: str = ""
    values: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) pairs: programme days, workstreams."""


def template_choices(corpus: Corpus | None) -> list[TemplateChoice]:
    """The templates the dialog can fill: those with at most one parameter, once the corpus is here.

    A day parameter lists the programme days; an item parameter lists the items of its kind.
    """
    from briefcase_tui.domain.corpus.facts import format_date
    from briefcase_tui.domain.packs.templates import load_templates

    if corpus is None:
        return []
    choices: list[TemplateChoice] = []
    for template in load_templates().values():
        if not template.parameters:
            choices.append(TemplateChoice(template.name, template.description))
            continue
        if len(template.parameters) > 1:
            continue
        name, spec = next(iter(template.parameters.items()))
        if spec.kind == "day":
            values = [(format_date(day.date), day.date.isoformat()) for day in corpus.days()]
            prompt = "Choose the programme day"
        else:
            values = [(item.title, item.id) for item in corpus.of_kind(spec.item_kind)]
            prompt = f"Choose the {spec.item_kind or name}"
        choices.append(TemplateChoice(template.name, template.description, name, prompt, values))
    return choices


@dataclass(frozen=True)
class NewPackRequest:
    """What the user asked for: a title, and a template with its parameter, if any."""

    title: str
    template: str | None = None
    params: dict[str, str] = field(default_factory=dict)


class NewPackDialog(ModalScreen[NewPackRequest | None]):
    """A title, then optionally a template and its parameter (a day or a workstream) from a list."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [CLOSE]

    def __init__(self, templates: list[TemplateChoice]) -> None:
        super().__init__(classes="dialog")
        self.templates = {t.name: t for t in templates}

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="new-pack-box"):
            yield Static(Content.styled("New pack", "bold"), classes="dialog-title", markup=False)
            yield Input(placeholder="Title, e.g. Tuesday in Paris", id="new-pack-title")
            yield Select(
                ((Text(f"{t.name}: {t.description}"), t.name) for t in self.templates.values()),
                prompt="No template (an empty pack)",
                id="new-pack-template",
            )
            yield Select[str]((), prompt="Choose…", id="new-pack-parameter")
            yield Static(Content(""), id="new-pack-problem", markup=False)
            yield Button(Content("Create"), id="new-pack-create", variant="primary")
            yield Static(Content("Enter or Create makes the pack · Esc cancels"), classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        """Start in the title; the parameter list shows only for a template that takes one."""
        self.query_one("#new-pack-parameter", Select).display = False
        self.query_one("#new-pack-title", Input).focus()

    @on(Select.Changed, "#new-pack-template")
    def _template_changed(self, event: Select.Changed) -> None:
        parameter = self.query_one("#new-pack-parameter", Select)
        template = self.templates.get(event.value) if isinstance(event.value, str) else None
        if template is None or template.parameter is None:
            parameter.display = False
            return
        parameter.set_options((Text(label), value) for label, value in template.values)
        parameter.prompt = template.prompt or f"Choose the {template.parameter}"
        parameter.display = True

    @on(Input.Submitted, "#new-pack-title")
    @on(Button.Pressed, "#new-pack-create")
    def _create(self) -> None:
        title = self.query_one("#new-pack-title", Input).value.strip()
        problem = self.query_one("#new-pack-problem", Static)
        if not title:
            problem.update(Content("✗ A pack needs a title."))
            self.query_one("#new-pack-title", Input).focus()
            return
        chosen = self.query_one("#new-pack-template", Select).value
        template = self.templates.get(chosen) if isinstance(chosen, str) else None
        if template is None:
            self.dismiss(NewPackRequest(title))
            return
        params: dict[str, str] = {}
        if template.parameter is not None:
            value = self.query_one("#new-pack-parameter", Select).value
            if not isinstance(value, str):
                problem.update(Content(f"✗ The {template.name} template needs {template.parameter}."))
                self.query_one("#new-pack-parameter", Select).focus()
                return
            params[template.parameter] = value
        self.dismiss(NewPackRequest(title, template.name, params))

    def action_cancel(self) -> None:
        """Close without making a pack."""
        self.dismiss(None)
