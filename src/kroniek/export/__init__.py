"""Export formats for event records: JSON Lines, CSV, TSV and GDELT 1.0 TSV."""

from kroniek.export.formats import COLUMNS, FORMATS, flatten, unflatten, write_records
from kroniek.export.gdelt import write_gdelt

__all__ = ["COLUMNS", "FORMATS", "flatten", "unflatten", "write_gdelt", "write_records"]
