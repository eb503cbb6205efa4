"""The six steps of the flow and Help, one module per page, in navigation order."""

from clvdesk.app.pages.assumptions import AssumptionsPage
from clvdesk.app.pages.data import DataPage
from clvdesk.app.pages.export import ExportPage
from clvdesk.app.pages.help import HelpPage
from clvdesk.app.pages.quality import QualityPage
from clvdesk.app.pages.results import ResultsPage
from clvdesk.app.pages.scenarios import ScenariosPage

PAGE_CLASSES = (DataPage, QualityPage, AssumptionsPage, ResultsPage, ScenariosPage, ExportPage,
                HelpPage)
PAGE_NAMES = tuple(cls.name for cls in PAGE_CLASSES)

__all__ = ["PAGE_CLASSES", "PAGE_NAMES"]
