"""The personal advice: one report document (:mod:`.document`, built by :mod:`.build`) and
its renderers: PDF (:mod:`.pdf`), HTML (:mod:`.html`); :mod:`.output` writes either to a file.

Importing this package is cheap and imports no reportlab: the GUI takes its level and
priority words from :mod:`.words` at start-up.
"""
