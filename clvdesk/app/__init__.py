"""The PySide6 desktop calculator. Imports the core; the core never imports this package."""
