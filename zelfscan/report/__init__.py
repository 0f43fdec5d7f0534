"""The personal advice PDF: a plain report model (:mod:`.document`), rendered by reportlab.

Importing this package pins reportlab's ``trustedHosts`` to ``None`` before anything is
rendered: with the ``RL_trustedHosts`` environment variable set, a Paragraph holding
``<img src="http://…">`` would make a real network connection (reliability.md §3). All text
is escaped as well; this is the second lock on the same door.
"""

from __future__ import annotations

import reportlab.rl_config

reportlab.rl_config.trustedHosts = None
reportlab.rl_config.useA85 = 0
"""Compressed streams are written as binary, not also ASCII85-encoded: the pages look the
same, the file is ~13% smaller and rendering ~20 ms faster (reportlab encodes in pure
Python). ASCII85 only mattered for 7-bit transports."""
