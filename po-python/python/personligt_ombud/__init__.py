"""personligt_ombud: the rules and statistics of Swedish personligt ombud (SFS 2013:522).

Every computation happens in the Rust library po-core; this package converts to and from Python
types (``datetime.date``, ``decimal.Decimal``) and raises ``PoError`` subclasses (all
``ValueError``) for bad input.
"""

from ._native import (
    IdentityNumber,
    InvalidIdentityNumberError,
    InvalidInputError,
    PoError,
    PseudonymKey,
    UnknownCodeError,
    __version__,
    code_list,
    code_list_names,
    parse_code,
)

__all__ = [
    "IdentityNumber",
    "InvalidIdentityNumberError",
    "InvalidInputError",
    "PoError",
    "PseudonymKey",
    "UnknownCodeError",
    "__version__",
    "code_list",
    "code_list_names",
    "parse_code",
]
