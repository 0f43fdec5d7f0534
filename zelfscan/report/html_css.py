"""The style sheet inlined in every HTML report: calm, readable, printable, dark-mode aware.

No fonts or images by URL: the page uses the reader's own sans-serif font, and the only
picture (the score bars) is inline SVG coloured from here. Colours meet 4.5:1 contrast in
both schemes; levels are never told by colour alone (symbol and word stand next to them).
Qt's rich-text engine (the print-out) reads the plain rules and skips what it does not know
(it takes cell padding in pixels only, hence ``px`` there).
"""

CSS = """
:root { color-scheme: light dark; }
body {
  font-family: "DejaVu Sans", "Segoe UI", "Helvetica Neue", Arial, sans-serif;
  font-size: 1rem; line-height: 1.5; color: #1a1a1a; background: #ffffff;
  max-width: 46rem; margin: 0 auto; padding: 1.5rem;
}
h1 { font-size: 1.8rem; line-height: 1.25; color: #1f3a5f; margin: 0.2rem 0 0.2rem; }
h2 { font-size: 1.4rem; color: #1f3a5f; margin: 2rem 0 0.6rem;
     border-bottom: 2px solid #1f3a5f; padding-bottom: 0.2rem; }
h3 { font-size: 1.12rem; color: #1f3a5f; margin: 1.2rem 0 0.4rem; }
h4 { font-size: 1rem; margin: 1rem 0 0.3rem; }
p { margin: 0.3rem 0 0.6rem; }
.subtitle { font-size: 1.15rem; margin-top: 0; }
.confidential { color: #b3261e; font-weight: bold; margin: 0; }
.muted, .note, .meta { color: #555555; font-size: 0.9rem; }
.overall { font-size: 1.35rem; font-weight: bold; margin: 0.4rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 0.8rem; }
caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
th, td { text-align: left; vertical-align: top; padding: 5px 7px;
         border-bottom: 1px solid #b0b0b0; }
thead th { background: #1f3a5f; color: #ffffff; }
tbody th { font-weight: normal; }
tr.group th { background: #eef1f4; font-weight: bold; }
td.box { font-size: 1.2rem; text-align: center; width: 2.2rem; }
td.fill { width: 6rem; }
.small { color: #555555; font-size: 0.85rem; font-weight: normal; }
.urgent { background: #fce8e6; border-left: 4px solid #b3261e; padding: 0.6rem 1rem;
          margin: 1rem 0; }
.urgent h2 { color: #b3261e; border: none; margin-top: 0.2rem; }
.box { background: #eef1f4; border-left: 4px solid #1f3a5f; padding: 0.5rem 1rem;
       margin: 0.8rem 0; }
.box h3 { margin-top: 0.2rem; }
.sym { font-weight: bold; }
.goed .sym { color: #2e7d32; }
.aandacht .sym { color: #8a5a00; }
.risico .sym { color: #c62828; }
.onbekend .sym { color: #555555; }
svg.bar { display: block; margin: 0.35rem 0 0.15rem; }
svg.bar .track { fill: #eef1f4; stroke: #8a8a8a; stroke-width: 0.5; }
svg.bar .goed { fill: #2e7d32; }
svg.bar .aandacht { fill: #e0a000; }
svg.bar .risico { fill: #c62828; }
svg.bar .tick { stroke: #555555; stroke-width: 0.8; stroke-dasharray: 2 1.5; }
a { color: #1f3a5f; }
nav ul { padding-left: 1.2rem; margin: 0.3rem 0; }
footer { margin-top: 2rem; border-top: 1px solid #b0b0b0; color: #555555;
         font-size: 0.85rem; }
@media (prefers-color-scheme: dark) {
  body { color: #eaeaea; background: #16181c; }
  h1, h2, h3, a { color: #9ec5ff; }
  h2 { border-bottom-color: #9ec5ff; }
  .subtitle { color: #eaeaea; }
  .muted, .note, .meta, .small, footer { color: #b8b8b8; }
  thead th { background: #2b4a75; color: #ffffff; }
  tr.group th, .box { background: #23272e; }
  .box { border-left-color: #9ec5ff; }
  .urgent { background: #3a1d1b; border-left-color: #ff8a80; }
  .urgent h2, .confidential { color: #ff8a80; }
  .goed .sym { color: #7bd88f; }
  .aandacht .sym { color: #ffd166; }
  .risico .sym { color: #ff8a80; }
  .onbekend .sym { color: #b8b8b8; }
  svg.bar .track { fill: #23272e; stroke: #8a8a8a; }
  svg.bar .tick { stroke: #b8b8b8; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; color: #000000; background: #ffffff; }
  nav { display: none; }
  h2 { break-after: avoid; }
  h3, h4 { break-after: avoid; }
  .box, tr { break-inside: avoid; }
  thead { display: table-header-group; }
  section.appendix { break-before: page; }
  a { color: inherit; text-decoration: none; }
}
"""
