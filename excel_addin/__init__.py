"""CLV Desk's Excel add-in: xlwings user-defined functions over :mod:`clvdesk.core`."""
