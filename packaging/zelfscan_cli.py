"""Frozen entry point of ``zelfscan-cli`` in the bundle (see ``build.spec``)."""

import sys

from zelfscan.cli import main

if __name__ == "__main__":
    sys.exit(main())
