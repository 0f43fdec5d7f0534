"""Sources: the file's ``sources:`` list, the ``sources: [id, ...]`` citations, and the rule that
a legal or normative fact never stands without one (part of the loader).

A text *states a legal or normative fact* when its Dutch version names an article, a law, a
decree, a scheme or a covenant, a duty ("verplicht") or a crime ("strafbaar"), a norm or mark
(NEN/EN numbers, SKG, PKVW, Politiekeurmerk, BORG), a percentage, a date or a year. Such a
text must sit on an element that cites at least one source: the question, section, advice
item (its variants and additions may add their own), red flag or contact it belongs to, or,
for the questionnaire's ``intro`` and ``about``, the top-level ``about_sources``. Every contact
cites a source whatever its text says, and a listed source that nobody cites is an error too,
so the list stays the file's real bibliography.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

import yaml

from zelfscan.core import fields as f
from zelfscan.core.fields import Ctx
from zelfscan.core.model import Source, Text, TextList

_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
CLAIM_PATTERNS: tuple[re.Pattern[str], ...] = (
    # a decree is "Besluit" or a compound with a capital ("Bouwbesluit"), not "een besluit"
    re.compile(r"\b(Besluit|[A-Z]\w*besluit)\b"),
    # norms and marks in capitals: "NEN 5087", "EN 50518", "SKG" (not "en 112")
    re.compile(r"\b(NEN|EN|ISO)[ -]?\d{3,5}\b"),
    re.compile(r"\b(SKG|PKVW|BORG)\b"),
    *(
        re.compile(p, re.IGNORECASE)
        for p in (
            r"\bartikel\s+\d",
            r"\bart\.\s*\d",
            r"\b\w*(wet|wetboek|regeling|convenant|circulaire|verordening|richtlijn)\b",
            r"\bverplicht",
            r"\bstrafbaar\b",
            r"politiekeurmerk",
            r"\b\d+([.,]\d+)?\s?(procent|%)",
            rf"\b\d{{1,2}} ({_MONTHS})\b",
            r"\b(19|20)\d\d\b",
        )
    ),
)
"""What counts as a legal or normative claim in a Dutch text (see the module docstring)."""

_SOURCE_FIELDS = ("id", "title", "address", "stand_per")


def claim_in(text: str) -> str | None:
    """The first words of ``text`` that state a legal or normative fact, or ``None``."""
    for pattern in CLAIM_PATTERNS:
        found = pattern.search(text)
        if found:
            return found.group(0)
    return None


class Citations:
    """The file's source list, and the citations checked against it while the file is read."""

    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.registry: dict[str, Source] = {}
        self.nodes: dict[str, yaml.Node] = {}
        self.used: set[str] = set()
        self.mistyped = False
        """A citation named an unknown source: then "nobody cites it" is likely the same typo."""

    def read_registry(self, node: yaml.Node | None) -> tuple[Source, ...]:
        """The top-level ``sources:`` list (read first, so every element can cite it)."""
        if node is None:
            return ()
        for item in f.sequence(self.ctx, node, "sources") or ():
            what = f.owner(item, "source")
            found = f.fields(self.ctx, item, what, _SOURCE_FIELDS)
            if found is None or len(found) != len(_SOURCE_FIELDS):
                continue
            sid = f.ident(self.ctx, found["id"], what)
            title = f.text(self.ctx, found["title"], f"{what}: title", plain_ok=True)
            address = f.scalar(self.ctx, found["address"], f"{what}: address")
            stand_per = f.date(self.ctx, found["stand_per"], f"{what}: stand_per")
            if sid is None or title is None or address is None or stand_per is None:
                continue
            if sid in self.registry:
                self.ctx.error(found["id"], f"{what}: the id is used by another source too")
                continue
            self.registry[sid] = Source(sid, title, address.strip(), stand_per)
            self.nodes[sid] = found["id"]
        return tuple(self.registry.values())

    def cite(
        self, found: dict[str, yaml.Node], what: str, key: str = "sources"
    ) -> tuple[Source, ...]:
        """The sources ``found[key]`` names (unknown ids are errors); ``()`` without the key."""
        if key not in found:
            return ()
        items = f.sequence(self.ctx, found[key], f"{what}: {key}", non_empty=True) or []
        cited: list[Source] = []
        for item in items:
            sid = f.ident(self.ctx, item, f"{what}: {key}")
            if sid is None:
                continue
            source = self.registry.get(sid)
            if source is None:
                hint = self.ctx.hints(sid, self.registry)
                self.ctx.error(item, f"{what}: {key}: unknown source {sid!r}{hint}")
                self.mistyped = True
                continue
            self.used.add(sid)
            cited.append(source)
        return tuple(cited)

    def require_for_claims(
        self,
        found: dict[str, yaml.Node],
        what: str,
        names: Iterable[str],
        texts: Mapping[str, Text | TextList | None],
        sources: tuple[Source, ...],
        key: str = "sources",
    ) -> None:
        """An error for each text field in ``names`` that states a legal or normative fact
        while ``sources`` is empty."""
        if sources:
            return
        for name in names:
            value = texts.get(name)
            if value is None or name not in found:
                continue
            parts = value.get("nl")
            for part in (parts,) if isinstance(parts, str) else parts:
                claim = claim_in(part)
                if claim is not None:
                    self.ctx.error(
                        found[name],
                        f"{what}: {name} states a legal or normative fact ({claim!r}) but "
                        f"cites no source; add {key}: [id] from the file's sources list",
                    )
                    break

    def report_unused(self) -> None:
        if self.mistyped:
            return
        for sid in sorted(set(self.registry) - self.used):
            self.ctx.error(self.nodes[sid], f"source {sid!r}: no element cites it")
