"""The action plan's progress per advice item: open, done, planned or not applicable.

A small combo box next to each advice item on the results page. It only hands the choice to
:meth:`ScanSession.set_plan_state`; the vault (when open) persists it and the next report ticks
the box. The state is a word, never only a colour or an icon.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from zelfscan.i18n import N_, _

STATES: tuple[tuple[str | None, str], ...] = (
    (None, N_("Open")),
    ("gedaan", N_("Done")),
    ("gepland", N_("Planned")),
    ("nvt", N_("Not applicable")),
)
"""(stored value, label) in menu order; ``None`` means not marked yet."""


def states_model(parent: QObject) -> QStandardItemModel:
    """One item model for all boxes on a page: a long advice list then builds in a fraction
    of the time (filling each combo box item by item cost more than the rest of the row).
    Owned by the page, so it never outlives the boxes that show it."""
    model = QStandardItemModel(parent)
    for value, _label in STATES:
        item = QStandardItem()
        item.setData(value, Qt.ItemDataRole.UserRole)
        model.appendRow(item)
    relabel(model)
    return model


def relabel(model: QStandardItemModel) -> None:
    """Put the state words in the current language (after a language switch)."""
    for row, (_value, label) in enumerate(STATES):
        item = model.item(row)
        if item is not None:
            item.setText(_(label))


class PlanStateBox(QComboBox):
    """Choose the state of one action; emits :attr:`state_chosen` only on a user choice."""

    state_chosen = Signal(str, object)
    """(advice id, "gedaan" | "gepland" | "nvt" or None)."""

    def __init__(
        self,
        advice_id: str,
        title: str,
        model: QStandardItemModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.advice_id = advice_id
        self.title = title
        self.setObjectName("planState")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setModel(model)
        self.activated.connect(self._on_activated)
        self.retranslate()

    def state(self) -> str | None:
        value = self.currentData()
        return value if isinstance(value, str) else None

    def set_state(self, state: str | None) -> None:
        """Show ``state`` without emitting :attr:`state_chosen` (it came from the session)."""
        for index, (value, _label) in enumerate(STATES):
            if value == state:
                self.setCurrentIndex(index)
                return
        self.setCurrentIndex(0)

    def _on_activated(self, _index: int) -> None:
        self.state_chosen.emit(self.advice_id, self.state())

    def retranslate(self) -> None:
        self.setAccessibleName(_("Status of the action: {title}").format(title=self.title))
        self.setAccessibleDescription(_("Mark the action as open, done, planned or not applicable"))
