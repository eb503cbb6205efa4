"""Reading order files, writing tables and report workbooks; every write is atomic."""
