"""``python -m clvdesk`` runs the command line."""

import sys

from clvdesk.cli import main

sys.exit(main())
