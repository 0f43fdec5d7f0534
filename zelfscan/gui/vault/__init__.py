"""The encrypted vault in the app: the user's path through it (:mod:`.flow`), the storage
work behind it (:mod:`.controller`), saving while the user types (:mod:`.autosave`) and the
file lock that keeps a second running Zelfscan out (:mod:`.file_lock`)."""
