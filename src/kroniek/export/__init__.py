"""Export formats for event records: JSON Lines, CSV, TSV, GDELT 1.0 TSV and ICEWS-style TSV."""

from kroniek.export.formats import COLUMNS, EXTRA_COLUMNS, FORMATS, export_columns, flatten, unflatten, write_records
from kroniek.export.gdelt import write_gdelt
from kroniek.export.icews import write_icews

__all__ = ["COLUMNS", "EXTRA_COLUMNS", "FORMATS", "export_columns", "flatten", "unflatten", "write_gdelt",
           "write_icews", "write_records"]
