"""Storage errors, each with a Dutch and an English message the GUI can show as is.

The kinds are kept apart on purpose: a user who typed the wrong passphrase should try again,
a user with a damaged file should not (retyping will never help), and a user who picked the
wrong file should pick another. Messages never contain file contents or passphrases.
"""

from __future__ import annotations

from typing import ClassVar


class StorageError(Exception):
    """Base class: the GUI catches this one and shows :meth:`message`."""

    nl: ClassVar[str] = "Er ging iets mis met het opgeslagen bestand."
    en: ClassVar[str] = "Something went wrong with the stored file."

    def message(self, lang: str = "nl") -> str:
        """The user-facing text in ``lang`` ("nl" or "en"; anything else gives Dutch)."""
        return self.en if lang == "en" else self.nl

    def __str__(self) -> str:
        detail = super().__str__()
        return f"{self.en} ({detail})" if detail else self.en


class WrongPassphrase(StorageError):
    nl = "Het wachtwoord klopt niet. Probeer het opnieuw."
    en = "The passphrase is not correct. Please try again."


class DamagedFile(StorageError):
    nl = (
        "Het bestand is beschadigd of is veranderd buiten Zelfscan om. "
        "Het kan niet veilig worden geopend."
    )
    en = "The file is damaged or was changed outside Zelfscan. It can not be opened safely."


class NotAVault(StorageError):
    nl = "Dit is geen Zelfscan-kluisbestand. Kies een ander bestand."
    en = "This is not a Zelfscan vault file. Please choose another file."


class UnsupportedVersion(StorageError):
    nl = "Dit bestand is gemaakt met een nieuwere versie van Zelfscan. Werk Zelfscan bij."
    en = "This file was made by a newer version of Zelfscan. Please update Zelfscan."


class StorageIOError(StorageError):
    """Reading or writing failed (disk full, no permission); the old file is untouched."""

    nl = (
        "Het bestand kon niet worden gelezen of opgeslagen (schijf vol of geen toegang). "
        "De vorige versie is bewaard."
    )
    en = (
        "The file could not be read or saved (disk full or no access). "
        "The previous version was kept."
    )


class RolledBack(StorageError):
    """The vault file is not newer than its backup: an older copy was probably put back.

    Raised only when the backup opens with the same key and its authenticated save counter
    is at least the main file's, so opening the backup instead is always possible."""

    nl = (
        "Het kluisbestand is ouder dan de reservekopie ernaast: waarschijnlijk is er een "
        "oudere kopie teruggezet. Uw nieuwste scans staan in de reservekopie. Open de "
        "reservekopie; Zelfscan herstelt de kluis daarmee."
    )
    en = (
        "The vault file is older than the backup copy next to it: an older copy was probably "
        "put back. Your newest scans are in the backup copy. Open the backup copy; Zelfscan "
        "restores the vault from it."
    )


class ReadOnlyVault(StorageError):
    """The vault file was made read-only; Zelfscan does not replace it (nor reset its mode)."""

    nl = (
        "Het kluisbestand is alleen-lezen gemaakt. Zelfscan slaat daarom niets op: wat u nu "
        "invult, gaat verloren bij afsluiten. Maak het bestand weer beschrijfbaar om op te "
        "slaan."
    )
    en = (
        "The vault file was made read-only, so Zelfscan saves nothing: what you fill in now "
        "is lost when you close the app. Make the file writable again to save."
    )


class BackupOnly(StorageError):
    """The vault file is missing but its backup is there: restore, never start anew."""

    nl = (
        "Het kluisbestand ontbreekt, maar de reservekopie is er nog. Herstel de kluis uit de "
        "reservekopie; een nieuwe kluis zou die overschrijven."
    )
    en = (
        "The vault file is missing, but its backup copy is still there. Restore the vault "
        "from the backup; a new vault would overwrite it."
    )
