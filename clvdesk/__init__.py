"""CLV Desk: Customer Lifetime Value for Excel, the desktop and the command line.

The calculation core lives in :mod:`clvdesk.core` and imports neither Qt nor xlwings; the
frontends (:mod:`clvdesk.cli`, :mod:`clvdesk.app`, :mod:`excel_addin`) import the core, never the
reverse.
"""

__version__ = "0.1.0"
