"""English forms of the credits news text carries beside its story: who took a photograph, who
wrote or sent the report. The names inside them are not actors of the story
(`nlp.no_actors.drop_credits`); each pattern's group "credit" is the part to leave out."""

from __future__ import annotations

import re

# Wire and picture agencies as they sign a photograph, in capitals before a slash.
_AGENCY = r"(?:REUTERS|AFP|EPA|UPI|AP|GETTY IMAGES|POOL)"
# Agencies as they end a photographer's signature: "Jonathan Ernst/Reuters".
_SIGNING = r"(?:AP|AFP|EPA|UPI|Reuters|REUTERS|Getty Images|Bloomberg|Pool|POOL)"
# The platforms a share button names.
_SHARE = r"(?:Facebook|Twitter|Pinterest|LinkedIn|WhatsApp|Reddit|Email|Messenger|Share|Tweet)"
# A name as a credit writes it: up to four capitalised words ("Kevin Lamarque", "U.S. Army").
_NAME = r"[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*){0,3}"
# Capitalised words, commas and "and": a byline's names, titles and places.
_NAMES = r"[A-Z][\w.'’-]*(?:(?:,? and |,? & |, | )[A-Z][\w.'’-]*)*"

CREDITS = (
    # "Image copyright Getty Images Image caption ...": the credit, up to the caption.
    re.compile(r"Image copyright (?P<credit>.+?)(?= Image caption|\n|$)"),
    # "(AP Photo/Evan Vucci, File)", "(Photo by Jane Doe/Getty Images)".
    re.compile(r"(?P<credit>\((?:[A-Z][\w.]* )*Photo(?:graph)?s?\b[^()\n]{0,80}\))"),
    # "... on Monday. REUTERS/Kevin Lamarque", "AFP/Getty Images", "REUTERS/ Jay Paul/File
    # Photo": an agency in capitals and the names after its slash.
    re.compile(rf"(?<![\w/])(?P<credit>{_AGENCY}(?:/ ?{_NAME})+)"),
    # "Photo by Jane Doe/Getty Images", "Photograph: Jane Doe/AP", "Credit: Jane Doe".
    re.compile(
        rf"(?:^|(?<=[\n.|—(]) ?)(?P<credit>(?:Photo(?:graph)?|Image|Photo credit|Credit)"
        rf"(?: by|:) {_NAME}(?:/{_NAME})*)"
    ),
    # "Jonathan Ernst/Reuters", "Andrew Harnik/AFP/Getty Images", "Noah Berger/AP, FILE".
    re.compile(rf"(?<![\w/])(?P<credit>{_NAME}(?:/{_NAME})*/{_SIGNING}(?: via {_NAME})?)\b"),
    # "Bloomberg via Getty Images", "(Marion Curtis via AP)".
    re.compile(rf"(?P<credit>(?:{_NAME}/)*{_NAME},? via (?:AP Photo|{_SIGNING}))\b"),
    # A byline alone on its line: "By Steve Holland and Andrew Osborn", "Analysis by Paul
    # Wood, World Affairs Correspondent, BBC News".
    re.compile(
        rf"(?m)^(?:By|BY|(?:Analysis|Reporting|Written|Reported) by) (?P<credit>{_NAMES}):?$"
    ),
    # "Follow Ian Hanchett on Twitter @IanHanchett": the writer's accounts.
    re.compile(rf"Follow (?P<credit>{_NAME} on (?:Twitter|Facebook|Instagram)(?: @\w+)?)"),
    # "Facebook Twitter Pinterest Duane Miller, 79, ...": a photograph's share buttons, their
    # platforms' names in a row at a line's start.
    re.compile(rf"(?m)^(?P<credit>{_SHARE}(?: {_SHARE})+)\b"),
    # "WASHINGTON (AP) —", "LONDON (Reuters) -": the wire of a dateline.
    re.compile(r"(?m)^[A-Z][A-Z .,'’-]*\((?P<credit>[\w .]{1,30})\)\s*[—–-]"),
)
