"""The app's pages by name, in navigation order, without importing Qt.

``clvdesk gui --page NAME`` checks its argument against these before the app starts;
:data:`clvdesk.app.pages.PAGE_CLASSES` holds the pages themselves in the same order (a test
keeps the two equal).
"""

PAGE_NAMES: tuple[str, ...] = (
    "data", "quality", "assumptions", "results", "scenarios", "actions", "export", "help",
)
