"""The validation engine of the standard (pure Python): records → issues.

Public API::

    from plugin.core.validation import validate_table, validate_records, check_record, IncrementalValidator
"""

from .duplicates import DuplicateIndex, DuplicateSettings, find_duplicates
from .engine import ValidationOptions, Validator, check_record, validate_records, validate_table, validator_for
from .fixes import Change, apply_fixes
from .incremental import CrossRecordRule, Delta, IncrementalValidator
from .issues import Issue, Report

__all__ = [
    "Change",
    "CrossRecordRule",
    "Delta",
    "DuplicateIndex",
    "DuplicateSettings",
    "IncrementalValidator",
    "Issue",
    "Report",
    "ValidationOptions",
    "Validator",
    "apply_fixes",
    "find_duplicates",
    "check_record",
    "validate_records",
    "validate_table",
    "validator_for",
]
