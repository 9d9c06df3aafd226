"""Schemathesis hooks for the govflow API: strategies for the formats the document names beyond JSON Schema's own."""

from datetime import date

import schemathesis
from hypothesis import strategies as st

# GB 11643-1999: 6-digit area code, birth date, 3-digit sequence, ISO 7064 MOD 11-2 check character (the same rule
# as apps/gateway/src/registrations/application/resident-id-number.ts).
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARACTERS = "10X98765432"


def with_check_character(first17: str) -> str:
    return first17 + CHECK_CHARACTERS[sum(int(c) * w for c, w in zip(first17, WEIGHTS)) % 11]


resident_id_numbers = st.builds(
    lambda area, birth, sequence: with_check_character(f"{area:06d}{birth:%Y%m%d}{sequence:03d}"),
    st.integers(min_value=110000, max_value=659999),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2008, 12, 31)),
    st.integers(min_value=0, max_value=999),
)

schemathesis.openapi.format("cn-resident-id", resident_id_numbers)
