"""The new-pack dialog: a title, and maybe a template with its parameters, each from a list.

It is given what to offer (templates, parameter choices, the titles taken) and returns
what was asked for; making the pack is the pack controller's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from briefcase_tui.domain.text import fold
from briefcase_tui.tui.dialogs.prompts import CLOSE

if TYPE_CHECKING:
    from briefcase_tui.domain.corpus.corpus import Corpus


MAX_PARAMETERS = 3
"""The most parameters a template offered here takes (the meeting brief: workstream, who, day)."""


@dataclass(frozen=True)
class ParameterChoice:
    """One parameter of a template, with the values it may take."""

    name: str
    """`day`, `workstream`, `counterpart`."""
    values: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) pairs: programme days, workstreams, people and organisations."""
    noun: str = ""
    """What the parameter is, in words: `programme day`, `workstream`."""

    @property
    def prompt(self) -> str:
        """The list's prompt: `Choose the programme day`."""
        return f"Choose the {self.noun or self.name}"

    @property
    def missing(self) -> str:
        """What the dialog says when nothing was chosen: `Choose a programme day`."""
        noun = self.noun or self.name
        return f"Choose {'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


@dataclass(frozen=True)
class TemplateChoice:
    """A template offered in the new-pack dialog, with its parameters' values."""

    name: str
    description: str
    parameters: list[ParameterChoice] = field(default_factory=list)


def template_choices(corpus: Corpus | None) -> list[TemplateChoice]:
    """The templates the dialog can fill, once the corpus is here.

    A day parameter lists the programme days; an item parameter lists the items of its kinds.
    """
    from briefcase_tui.domain.corpus.facts import format_date
    from briefcase_tui.domain.packs.templates import load_templates

    if corpus is None:
        return []
    choices: list[TemplateChoice] = []
    from briefcase_tui.domain.corpus.kinds import KIND_LABELS

    for template in load_templates().values():
        if len(template.parameters) > MAX_PARAMETERS:
            continue
        parameters = []
        for name, spec in template.parameters.items():
            if spec.kind == "day":
                values = [(format_date(day.date), day.date.isoformat()) for day in corpus.days()]
                noun = "programme day"
            elif len(spec.kinds) == 1:
                values = [(item.title, item.id) for item in corpus.of_kind(spec.kinds[0])]
                noun = spec.kinds[0]
            else:
                values = [
                    (f"{item.title} ({KIND_LABELS.get(kind, kind).lower()})", item.id)
                    for kind in spec.kinds
                    for item in corpus.of_kind(kind)
                ]
                noun = " or ".join(KIND_LABELS.get(k, k).lower() for k in spec.kinds) or name
            parameters.append(ParameterChoice(name, values, noun))
        choices.append(TemplateChoice(template.name, template.description, parameters))
    return choices


@dataclass(frozen=True)
class NewPackRequest:
    """What the user asked for: a title, and a template with its parameters, if any."""

    title: str
    template: str | None = None
    params: dict[str, str] = field(default_factory=dict)


def title_key(title: str) -> str:
    """A title as two packs must not share it: case, accents and spacing aside."""
    return " ".join(fold(title).split())


def duplicate_title(title: str, file_name: str) -> str:
    """Why a title is refused: another pack has it, and the two could not be told apart in lists."""
    return f"A pack called “{title.strip()}” already exists ({file_name}): choose another title."


class ChosenSelect(Select[str]):
    """A Select where Enter, once something is chosen, submits the dialog; before, opens the list.

    Down, Up and Space still open the list to change the choice.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "submit_or_open",
            "Choose",
            show=False,
            id="new-pack-submit",
            tooltip="Make the pack once a choice is made; open the list before",
        ),
    ]

    @dataclass
    class Submitted(Message):
        """Enter on a Select that has a value."""

    def action_submit_or_open(self) -> None:
        """Submit when a value is chosen, else open the list."""
        if isinstance(self.value, str):
            self.post_message(self.Submitted())
        else:
            self.action_show_overlay()


class NewPackDialog(ModalScreen[NewPackRequest | None]):
    """A title, then optionally a template and its parameters (a day, a workstream…) from lists.

    Enter makes the pack from the title or from a list with a choice made; a title another
    pack already has, or a template's choice not made, is said under the fields and the
    dialog stays open.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [CLOSE]

    def __init__(
        self, templates: list[TemplateChoice], taken: dict[str, str] | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self.templates = {t.name: t for t in templates}
        self.taken = dict(taken or {})
        """File names of the packs in the folder by `title_key` of their titles."""

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box", id="new-pack-box"):
            yield Static(Content.styled("New pack", "bold"), classes="dialog-title", markup=False)
            yield Input(placeholder="Title, e.g. Day two: who we meet", id="new-pack-title")
            yield ChosenSelect(
                ((Text(f"{t.name}: {t.description}"), t.name) for t in self.templates.values()),
                prompt="No template (an empty pack)",
                id="new-pack-template",
            )
            for number in range(MAX_PARAMETERS):
                yield ChosenSelect((), prompt="Choose…", id=_parameter_id(number))
            yield Static(Content(""), id="new-pack-problem", markup=False)
            yield Button(Content("Create"), id="new-pack-create", variant="primary")
            yield Static(
                Content("Enter or Create makes the pack · Esc cancels"),
                classes="dialog-hint",
                markup=False,
            )

    def _lists(self) -> list[Select[str]]:
        return [self.query_one(f"#{_parameter_id(n)}", Select) for n in range(MAX_PARAMETERS)]

    def on_mount(self) -> None:
        """Start in the title; parameter lists show only for a template that takes them."""
        for parameter in self._lists():
            parameter.display = False
        self.query_one("#new-pack-title", Input).focus()

    @on(Select.Changed, "#new-pack-template")
    def _template_changed(self, event: Select.Changed) -> None:
        template = self.templates.get(event.value) if isinstance(event.value, str) else None
        wanted = template.parameters if template is not None else []
        lists = self._lists()
        for number, parameter in enumerate(lists):
            parameter.display = number < len(wanted)
            if number < len(wanted):
                choice = wanted[number]
                parameter.set_options((Text(label), value) for label, value in choice.values)
                parameter.prompt = choice.prompt
        if wanted and event.select.has_focus_within:  # chosen by the user, not by a test
            self.call_after_refresh(lists[0].focus)  # the next thing to choose

    @on(Input.Submitted, "#new-pack-title")
    @on(Button.Pressed, "#new-pack-create")
    @on(ChosenSelect.Submitted)
    def _create(self) -> None:
        title = self.query_one("#new-pack-title", Input).value.strip()
        problem = self.query_one("#new-pack-problem", Static)
        if not title:
            problem.update(Content("✗ A pack needs a title."))
            self.query_one("#new-pack-title", Input).focus()
            return
        if title_key(title) in self.taken:
            problem.update(Content(f"✗ {duplicate_title(title, self.taken[title_key(title)])}"))
            self.query_one("#new-pack-title", Input).focus()
            return
        chosen = self.query_one("#new-pack-template", Select).value
        template = self.templates.get(chosen) if isinstance(chosen, str) else None
        if template is None:
            self.dismiss(NewPackRequest(title))
            return
        params: dict[str, str] = {}
        for choice, parameter in zip(template.parameters, self._lists(), strict=False):
            value = parameter.value
            if not isinstance(value, str):
                problem.update(Content(f"✗ {choice.missing}."))
                parameter.focus()
                return
            params[choice.name] = value
        self.dismiss(NewPackRequest(title, template.name, params))

    def action_cancel(self) -> None:
        """Close without making a pack."""
        self.dismiss(None)


def _parameter_id(number: int) -> str:
    """The id of the list for a template's parameter, counted from 0."""
    return "new-pack-parameter" if number == 0 else f"new-pack-parameter-{number + 1}"
