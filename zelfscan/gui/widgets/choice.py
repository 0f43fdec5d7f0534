"""Single choice and yes/no as radio buttons; checklists as check boxes.

The checklist asks the core (``flow.toggle_option``) what a tick means, so the rule that
"geen van deze" clears the others lives in one place.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QVBoxLayout

from zelfscan.core.model import Option
from zelfscan.gui.widgets.question import QuestionWidget
from zelfscan.gui.widgets.wrapping import WrapCheckBox, WrapRadioButton


class _OptionsWidget(QuestionWidget):
    buttons: dict[str, QAbstractButton]

    def controls(self) -> list[QAbstractButton]:  # type: ignore[override]
        return list(self.buttons.values())

    def retranslate_controls(self, lang: str) -> None:
        description = self.description(lang)
        for option in self.question.options:
            button = self.buttons[option.id]
            label = option.label.get(lang)
            button.setText(label.replace("&", "&&"))
            button.setAccessibleName(label)
            button.setAccessibleDescription(description)

    def _layout_buttons(self, options: tuple[Option, ...], make: type[QAbstractButton]) -> None:
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons = {}
        for option in options:
            button = make(self.body)
            button.setObjectName(f"option-{option.id}")
            layout.addWidget(button)
            self.buttons[option.id] = button


class ChoiceQuestion(_OptionsWidget):
    """``single`` and ``yesno``: exactly one option, radio buttons in one exclusive group."""

    def build_controls(self) -> None:
        self._layout_buttons(self.question.options, WrapRadioButton)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for button in self.buttons.values():
            self.group.addButton(button)
        self.group.buttonToggled.connect(self._on_toggled)

    def _on_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if not checked:
            return
        for option_id, candidate in self.buttons.items():
            if candidate is button:
                self.session.set_answer(self.question.id, option_id)

    def refresh(self) -> None:
        value = self.session.answer(self.question.id)
        self.group.blockSignals(True)
        if value is None or value not in self.buttons:
            self.group.setExclusive(False)  # the only way to show "nothing chosen" again
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.buttons[str(value)].setChecked(True)
        self.group.blockSignals(False)


class ChecklistQuestion(_OptionsWidget):
    """``multiple``: check boxes; exclusive options clear the others (asked from the core)."""

    def build_controls(self) -> None:
        self._layout_buttons(self.question.options, WrapCheckBox)
        for option_id, button in self.buttons.items():
            button.toggled.connect(
                lambda on, oid=option_id: self.session.toggle_option(self.question.id, oid, on)
            )

    def refresh(self) -> None:
        value = self.session.answer(self.question.id)
        ticked = set() if value is None or isinstance(value, str) else set(value)
        for option_id, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(option_id in ticked)
            button.blockSignals(False)
