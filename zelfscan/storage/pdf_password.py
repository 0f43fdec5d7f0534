"""PDF passwords: what a PDF can hold, read from a file or typed, and encrypting with one.

What really limits a password in an AES-256 PDF (PDF 2.0, ISO 32000-2 §7.6.4.3.3, revision 6,
which pypdf writes for ``algorithm="AES-256"``):

* the password is first prepared with **SASLprep** (RFC 4013): some characters are mapped
  (soft hyphen and other invisible ones to nothing, non-ASCII spaces to a space), the text is
  NFKC-normalised (``ﬁ`` becomes ``fi``), and control characters (a tab, a newline), private
  use and code points unassigned in Unicode 3.2 (which SASLprep is bound to: every emoji)
  are *prohibited*, as is mixing right-to-left and left-to-right letters;
* then it is encoded as UTF-8 and **truncated to 127 bytes**. Every reader does the same, so
  a longer password "works", but only its first 127 bytes count: two long passwords that
  share those bytes open the same file, and whatever follows adds no protection.

pypdf applies both (it logs "SASLprep normalization failed" and falls back to plain UTF-8
when a password is prohibited, which other readers may then refuse). So Zelfscan checks a
password up front, with :func:`normalise`: a prohibited character or more than
:data:`MAX_BYTES` bytes after preparation is refused with a clear message
(:class:`PasswordProblem`, in Dutch and English), before anything is rendered. The password
handed to pypdf is already prepared, so pypdf never has to fall back or warn.

:func:`encrypt_pdf` encrypts with AES-256 (revision 6) and checks the result before anyone
writes it: it does not open without a password, nor with a wrong one, and opens with the
right one. The checks pass the prepared password as UTF-8 bytes (pypdf then skips its own
preparation), and the wrong password differs in its first byte, so truncation can never make
it the right one.

Password files (``zelfscan-cli report --password-file``): UTF-8 (a byte order mark is
dropped), exactly one line; only the final line ending is removed, so spaces at the end are
part of the password; a file with a second line is refused rather than guessed at.
"""

from __future__ import annotations

import io
import secrets
import stringprep
import unicodedata
from pathlib import Path
from typing import ClassVar

from zelfscan.safe_read import read_limited

MAX_BYTES = 127
"""PDF 2.0 truncates the prepared UTF-8 password to 127 bytes; longer ones are refused."""
MAX_FILE_BYTES = 4096

_PROHIBITED = (
    stringprep.in_table_c12,  # non-ASCII space (after mapping: none left)
    stringprep.in_table_c21,  # ASCII control characters: tab, newline, ...
    stringprep.in_table_c22,  # non-ASCII control characters
    stringprep.in_table_c3,  # private use
    stringprep.in_table_c4,  # non-characters
    stringprep.in_table_c5,  # surrogates
    stringprep.in_table_c6,  # inappropriate for plain text
    stringprep.in_table_c7,  # inappropriate for canonical representation
    stringprep.in_table_c8,  # change display properties
    stringprep.in_table_c9,  # tagging characters
    stringprep.in_table_a1,  # unassigned in Unicode 3.2
)


class PasswordProblem(ValueError):
    """A password a PDF can not hold as typed; :meth:`message` says why, in nl or en."""

    nl: ClassVar[str] = "Dit wachtwoord kan niet voor een PDF worden gebruikt."
    en: ClassVar[str] = "This password can not be used for a PDF."

    def message(self, lang: str = "nl") -> str:
        return self.en if lang == "en" else self.nl

    def __str__(self) -> str:
        return self.nl


class EmptyPassword(PasswordProblem):
    nl = "Het wachtwoord is leeg."
    en = "The password is empty."


class PasswordTooLong(PasswordProblem):
    nl = (
        f"Het wachtwoord is te lang. Een PDF-wachtwoord telt hoogstens {MAX_BYTES} bytes: "
        f"ongeveer {MAX_BYTES} gewone letters en cijfers; letters met accenten en andere "
        "tekens tellen voor twee tot vier. Kies een korter wachtwoord."
    )
    en = (
        f"The password is too long. A PDF password counts at most {MAX_BYTES} bytes: about "
        f"{MAX_BYTES} plain letters and digits; accented letters and other characters count "
        "as two to four. Choose a shorter password."
    )


class ForbiddenCharacter(PasswordProblem):
    nl = (
        "Het wachtwoord bevat een teken dat niet in een PDF-wachtwoord kan, zoals een emoji, "
        "een tab of een ander onzichtbaar teken. Gebruik letters, cijfers, spaties en "
        "leestekens."
    )
    en = (
        "The password contains a character a PDF password can not hold, such as an emoji, a "
        "tab or another invisible character. Use letters, digits, spaces and punctuation."
    )


class MixedDirection(PasswordProblem):
    nl = (
        "Het wachtwoord mengt letters die van rechts naar links en van links naar rechts "
        "geschreven worden; dat kan een PDF-wachtwoord niet bevatten. Kies een ander wachtwoord."
    )
    en = (
        "The password mixes right-to-left and left-to-right letters, which a PDF password "
        "can not hold. Choose another password."
    )


class MultiLineFile(PasswordProblem):
    nl = (
        "Het wachtwoordbestand heeft meer dan één regel. Zet alleen het wachtwoord erin, "
        "op één regel."
    )
    en = "The password file has more than one line. Put only the password in it, on one line."


class ProtectionFailed(RuntimeError):
    """The encrypted PDF did not pass its own check; nothing may be written."""


def normalise(password: str) -> str:
    """The password as a PDF 2.0 reader prepares it (SASLprep, RFC 4013), or
    :class:`PasswordProblem` when it is empty, prohibited or longer than :data:`MAX_BYTES`."""
    mapped = "".join(
        " " if stringprep.in_table_c12(c) else c for c in password if not stringprep.in_table_b1(c)
    )
    prepared = unicodedata.normalize("NFKC", mapped)
    if not prepared:
        raise EmptyPassword
    if any(check(c) for c in prepared for check in _PROHIBITED):
        raise ForbiddenCharacter
    right_to_left = [stringprep.in_table_d1(c) for c in prepared]
    if any(right_to_left) and (
        any(stringprep.in_table_d2(c) for c in prepared)
        or not (right_to_left[0] and right_to_left[-1])
    ):
        raise MixedDirection
    if len(prepared.encode("utf-8")) > MAX_BYTES:
        raise PasswordTooLong
    return prepared


def read_password_file(path: Path) -> str:
    """The one-line password in ``path``, checked with :func:`normalise`.

    Raises ``OSError`` (unreadable, not a regular file, larger than 4 KB),
    ``UnicodeDecodeError`` (not UTF-8) or :class:`PasswordProblem`.
    """
    text = read_limited(path, MAX_FILE_BYTES).decode("utf-8").removeprefix("\ufeff")
    for ending in ("\r\n", "\n", "\r"):
        if text.endswith(ending):
            text = text[: -len(ending)]
            break
    if "\n" in text or "\r" in text:
        raise MultiLineFile
    return normalise(text)


def encrypt_pdf(pdf: bytes, password: str, *, metadata: dict[str, str] | None = None) -> bytes:
    """``pdf`` encrypted with AES-256 (revision 6) under ``password``, checked before it is
    returned. The owner password is random and thrown away (nobody needs to lift the
    restrictions, and a known one would open the file). ``metadata`` replaces Info entries.

    Raises :class:`PasswordProblem` before any work, :class:`ProtectionFailed` when the
    result does not behave (then nothing must be written).
    """
    prepared = normalise(password)
    # pypdf is imported here: ~50 ms that a report without a password never needs.
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    if metadata:
        writer.add_metadata(metadata)
    writer.encrypt(
        user_password=prepared, owner_password=secrets.token_urlsafe(32), algorithm="AES-256"
    )
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    _check(data, prepared.encode("utf-8"), len(writer.pages))
    return data


def _check(data: bytes, secret: bytes, pages: int) -> None:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    locked = PdfReader(io.BytesIO(data))
    if not locked.is_encrypted:
        raise ProtectionFailed("the PDF is not encrypted")
    try:
        locked.pages[0].extract_text()
    except FileNotDecryptedError:
        pass
    else:
        raise ProtectionFailed("the PDF opens without a password")
    wrong = bytes([secret[0] ^ 0x01]) + secret[1:]  # differs within the 127 bytes that count
    if PdfReader(io.BytesIO(data)).decrypt(wrong):
        raise ProtectionFailed("the PDF opens with a wrong password")
    reader = PdfReader(io.BytesIO(data))
    try:
        if not reader.decrypt(secret) or len(reader.pages) != pages:
            raise ProtectionFailed("the PDF does not open with its password")
        reader.pages[0].extract_text()
    except PdfReadError as error:
        raise ProtectionFailed(f"the PDF does not open with its password: {error}") from error
