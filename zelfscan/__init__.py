"""Zelfscan: offline safety scans with personal advice for Dutch political office holders."""

APP_NAME = "Zelfscan"
APP_ID = "nl.zelfscan.Zelfscan"
__version__ = "0.1.0"
