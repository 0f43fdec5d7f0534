"""Qt-free storage: the encrypted vault, settings, atomic writes and "alles wissen".

Modules: :mod:`.crypto` (Argon2id + AES-256-GCM file format), :mod:`.vault` (scans in one
encrypted file), :mod:`.content` (the vault's JSON schema), :mod:`.settings` (non-sensitive
preferences), :mod:`.atomic` (crash-safe writes), :mod:`.wipe` (delete everything) and
:mod:`.errors` (user-facing errors in Dutch and English). Nothing here imports Qt.
"""
