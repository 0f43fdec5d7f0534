"""How text becomes a reportlab Paragraph: always escaped.

Every text that reaches a :class:`Paragraph` goes through :func:`para` or :func:`esc`, which
escape reportlab's mini-markup: YAML content or a name must print literally and can never
become an ``<img>`` fetch or a ``<font>`` change. Only our own constant templates carry
markup (:func:`markup`).
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph


def escape(text: str) -> str:
    """``xml.sax.saxutils.escape`` (``&``, ``<``, ``>``), without importing it: that module
    pulls in urllib.request, http.client and ssl, ~25 ms of every report for three replaces."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def esc(text: str) -> str:
    """Escape ``text`` for reportlab's paragraph markup; line breaks stay line breaks."""
    return escape(text).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle, bullet: str | None = None) -> Paragraph:
    """A Paragraph of literal ``text`` (escaped): the only way dynamic text enters a PDF."""
    return Paragraph(esc(text), style, bulletText=bullet)


def markup(template: str, *values: str) -> str:
    """Fill ``{}`` slots in a trusted markup ``template`` with escaped ``values``.

    For the few places that need bold labels next to dynamic text: the template is a
    constant of ours, only the values come from YAML or answers.
    """
    return template.format(*(esc(v) for v in values))
