"""English words of the top of a plain-text article (`ingest/reader.py`): the byline and the
dateline that give its author and date."""

from __future__ import annotations

import re

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_PATTERN = re.compile(
    rf"\b(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
# "PORT AUREL, March 3, 2025 —": a place in capitals, a date, a dash.
DATELINE_PATTERN = re.compile(rf"^[A-Z][A-Z .'’-]+,\s+(?P<date>{DATE_PATTERN.pattern})\s*[—–-]")
BYLINE_PATTERN = re.compile(
    r"^\s*(?:By|BY)\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|da|del|la|van|von))*)"
    r"\s*$"
)
