"""Schemathesis hooks for the govflow API: strategies for the formats the document names beyond JSON Schema's own."""

import itertools
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


# A declared enterprise name passes the registry's rules (R1.3): a division of the registering city (北京 in every
# stack), a trade name that is no place name, industry term or prohibited word, an industry and a form from the
# name policy. No schema states all of that (the registry owns the rules; GET /api/names/check asks it), so the
# schema-valid cases carry such a name; the others keep what Schemathesis generated, to be refused. A map_case hook,
# not a strategy: the examples and coverage phases build their cases without Hypothesis, and apply only map_case.
TRADE_NAME_CHARACTERS = "瑞禾嘉泓澜谦煜祺骁翊琨珩"
VALID_NAMES = itertools.cycle(
    {
        "division": division,
        "tradeName": first + second,
        "industry": industry,
        "organizationForm": form,
    }
    for first, second in itertools.permutations(TRADE_NAME_CHARACTERS, 2)
    for division, industry, form in [("北京", "科技", "有限公司"), ("海淀", "信息技术", "有限责任公司")]
)


def _holder_of_name(case):
    """The object of the body that holds a declared `name`, if the operation declares one."""
    body = case.body
    if not isinstance(body, dict):
        return None
    if case.operation.path == "/api/registrations":
        return body
    changes = body.get("changes")
    if case.operation.path == "/api/registrations/{caseId}/supplement" and isinstance(changes, dict):
        return changes
    return None


@schemathesis.hook
def map_case(context, case):
    positive = case.meta is not None and case.meta.generation.mode.is_positive
    holder = _holder_of_name(case) if positive else None
    if holder is not None and isinstance(holder.get("name"), dict):
        holder["name"] = dict(next(VALID_NAMES))
    return case
