"""Dutch for the few texts of Qt's own dialogs that Qt's catalogue leaves out.

``qtbase_nl.qm`` translates "Look in:" and "Files of type:" but not the forms with a
mnemonic that Qt's file dialog actually shows ("&Look in:", "Files of &type:"), so the Dutch
save dialog said "Look in:" (issue #17). This translator answers only those; everything else
falls through to Qt's catalogue (Qt asks the translator installed last first).
``tests/gui/test_wording.py`` lists every text of the dialog, so a gap that appears with a new
Qt version shows up there.
"""

from __future__ import annotations

from PySide6.QtCore import QTranslator

GAPS: dict[str, dict[tuple[str, str], str]] = {
    "nl": {
        ("QFileDialog", "&Look in:"): "&Zoeken in:",
        ("QFileDialog", "Files of &type:"): "Bestanden van &type:",
    },
}


class QtGapsTranslator(QTranslator):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.texts = GAPS.get(lang, {})

    def isEmpty(self) -> bool:
        return not self.texts

    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None, not "": Qt takes an empty (non-null) string for a translation, and every
        # other text of Qt (even what the PDF printer writes) came out empty
        return self.texts.get((context, source_text))
