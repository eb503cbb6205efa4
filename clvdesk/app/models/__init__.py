"""Qt item models over the core's pandas tables."""

from clvdesk.app.models.dataframe_model import ColumnKind, DataFrameModel
from clvdesk.app.models.order_entry_model import OrderEntryModel

__all__ = ["ColumnKind", "DataFrameModel", "OrderEntryModel"]
