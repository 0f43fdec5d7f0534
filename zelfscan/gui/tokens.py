"""Design tokens: every colour, size and gap of the window, in one place.

The one stylesheet (``resources/styles/app.qss``) names tokens (``${accent}``,
``${body_pt}``); :func:`stylesheet` fills them in for the current colour scheme and text size,
and :func:`palette_roles` gives Qt's palette the same colours, so widgets the stylesheet does
not name (tables, combo boxes, scroll bars) match too.

The choices follow the open tokens of the NL Design System (a neutral canvas, one accent,
a type scale in steps of about 1.2, spacing in steps of 4 px, contrast of at least 4.5:1 for
text), without its government brand: no Rijkshuisstijl colours or logo, because Zelfscan is
an independent check and must not look like an official instrument.

Levels are never told by colour alone: a colour *band* goes with the word and the symbol
(``✓ Goed``); the band only helps the eye to group.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from string import Template


@dataclass(frozen=True)
class Colours:
    """A colour scheme. Pairs used for text are checked for WCAG AA contrast by a test."""

    canvas: str  # the window background
    surface: str  # cards, inputs, tables
    text: str
    muted: str  # secondary text (also on surface and canvas: >= 4.5:1)
    border: str  # lines that separate (not text)
    border_strong: str  # control outlines (>= 3:1 against surface, WCAG 1.4.11)
    accent: str  # the one accent: primary buttons, links, the progress bar
    on_accent: str  # text on the accent
    accent_soft: str  # hover and selected backgrounds (text stays ``text``)
    focus: str  # the focus ring (>= 3:1 against canvas and surface)
    info_bg: str
    info_text: str
    urgent_bg: str
    urgent_text: str
    urgent_border: str
    training_bg: str
    training_text: str
    training_border: str
    band_goed: str  # level bands: next to a word and a symbol, never alone
    band_aandacht: str
    band_risico: str
    band_onbekend: str


LIGHT = Colours(
    canvas="#f4f5f7",
    surface="#ffffff",
    text="#1b1f24",
    muted="#4b5563",
    border="#d5d9e0",
    border_strong="#7b8494",
    accent="#1f5a8a",
    on_accent="#ffffff",
    accent_soft="#e6eef6",
    focus="#0b3558",
    info_bg="#e6eef6",
    info_text="#163e61",
    urgent_bg="#fdecec",
    urgent_text="#6b0000",
    urgent_border="#a00000",
    training_bg="#fff3c4",
    training_text="#3d2e00",
    training_border="#8a6d00",
    band_goed="#2e7d32",
    band_aandacht="#b45309",
    band_risico="#b3261e",
    band_onbekend="#6b7280",
)

DARK = Colours(
    canvas="#15181c",
    surface="#1f2329",
    text="#e9ecef",
    muted="#b3bac4",
    border="#353b44",
    border_strong="#8a94a3",
    accent="#8cbde8",
    on_accent="#0c1b2a",
    accent_soft="#23374b",
    focus="#ffd166",
    info_bg="#1d2a3d",
    info_text="#dce8f8",
    urgent_bg="#4a1010",
    urgent_text="#ffd9d9",
    urgent_border="#ff8080",
    training_bg="#3d3100",
    training_text="#ffe89a",
    training_border="#c9a400",
    band_goed="#66bb6a",
    band_aandacht="#f0a030",
    band_risico="#ff7a70",
    band_onbekend="#9aa3af",
)

TYPE_SCALE: dict[str, float] = {
    "small": 0.9,
    "body": 1.0,
    "h3": 1.15,
    "h2": 1.35,
    "h1": 1.65,
    "display": 2.1,
}
"""Font sizes relative to the body text; the body follows the text-size menu."""

SPACE: dict[str, int] = {"xs": 4, "s": 8, "m": 12, "l": 16, "xl": 24, "xxl": 32}
"""Gaps in pixels at 100% text; they grow with the text size."""

RADIUS = 6
INDICATOR = 14
"""Radio and check box indicators in pixels at 100% text."""
FOCUS_WIDTH = 2
"""The focus mark in pixels (WCAG 2.4.7; at least 2 px so it is seen on a projector)."""


def sizes(body_pt: float, scale: float) -> dict[str, str]:
    """The size tokens for a body size in points and a text scale (1.0 = 100%)."""
    values = {f"{name}_pt": f"{body_pt * factor:.1f}" for name, factor in TYPE_SCALE.items()}
    # gaps grow at half the rate of the text: at 200% on a small screen, doubled padding
    # took the room the text needed
    space = 1 + (scale - 1) / 2
    values.update({f"space_{name}": str(round(px * space)) for name, px in SPACE.items()})
    values["radius"] = str(round(RADIUS * space))
    # button padding: one pixel more than the focus border takes away, so a focused
    # button's text keeps its room (the border grows from 1 to 2 px)
    pad_v, pad_h = round(SPACE["xs"] * space), round(SPACE["m"] * space)
    values["pad_v"], values["pad_h"] = str(pad_v + 1), str(pad_h + 1)
    values["pad_v_focus"], values["pad_h_focus"] = str(pad_v), str(pad_h)
    values["focus_width"] = str(FOCUS_WIDTH)
    values["indicator"] = str(round(INDICATOR * scale))  # grows with the text, like it
    values["band_width"] = str(round(6 * space))
    return values


def stylesheet(template: str, colours: Colours | None, body_pt: float, scale: float) -> str:
    """The stylesheet for a scheme and size. ``colours=None`` (high contrast): only the sizes
    and the focus mark, so the system's high-contrast palette and buttons rule alone."""
    values = sizes(body_pt, scale)
    if colours is None:
        template = _without_colours(template)
    else:
        values.update(asdict(colours))
    return Template(template).substitute(values)


COLOURS_MARKER = "/* @colours"
"""In the stylesheet, the comment with this word starts the part left out in high contrast."""


def _without_colours(template: str) -> str:
    """Only the sizes and the focus mark: the part above the ``@colours`` comment."""
    at = template.find(COLOURS_MARKER)
    return template if at < 0 else template[:at]


def palette_roles(colours: Colours) -> dict[str, str]:
    """QPalette role name -> colour, so unstyled widgets use the same scheme."""
    return {
        "Window": colours.canvas,
        "WindowText": colours.text,
        "Base": colours.surface,
        "AlternateBase": colours.canvas,
        "Text": colours.text,
        "PlaceholderText": colours.muted,
        "Button": colours.surface,
        "ButtonText": colours.text,
        "BrightText": colours.on_accent,
        "Highlight": colours.accent,
        "HighlightedText": colours.on_accent,
        "Link": colours.accent,
        "LinkVisited": colours.accent,
        "ToolTipBase": colours.surface,
        "ToolTipText": colours.text,
        "Mid": colours.border_strong,
        "Midlight": colours.border,
        "Dark": colours.border_strong,
        "Light": colours.surface,
        "Shadow": colours.border_strong,
    }
