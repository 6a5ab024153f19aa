"""English words of the date resolver (`nlp/dates.py`): month, weekday, season and holiday names,
the words that shift a period ("last", "next"), the vague references to now, the past and the
future, and the patterns of the forms news uses. Their coverage was checked against the
TimeBank part of TempEval-3 and, from 2026-11-30, half of AQUAINT ("AQUAINT-tune"); the other
half ("AQUAINT-held") is held out (bench/tempeval_dates.py)."""

from __future__ import annotations

import re

from counterpoint.lang.en import figures

DATE_LABEL = "DATE"  # the spaCy entity label of dates

MONTHS = ("january february march april may june july august september october november "
          "december").split()  # fmt: skip
MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
                       "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}  # fmt: skip
MONTH_NUMBERS = {name: number for number, name in enumerate(MONTHS, 1)} | MONTH_ABBREVIATIONS
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()  # Monday first
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# The month a season starts in (northern hemisphere, as TimeML codes it) and how long it lasts.
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
# The ordinal words of the figures' list, and the forms dates write: "the 3rd quarter".
ORDINALS = figures.ORDINALS | {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4} | {
    f"{tens}-{unit}": base + figures.ORDINALS[unit]
    for tens, base in (("twenty", 20), ("thirty", 30))
    for unit in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                 "ninth")
}  # fmt: skip
NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())} | {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "a": 1, "an": 1, "one": 1, "a couple of": 2}  # fmt: skip
NUMBER_FILLERS = {"oh", "o", "and"}  # "two thousand and one", "nineteen oh five"
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip

# Shift of a period from the one the report date is in: "last week", "next year".
SHIFTS = {"last": -1, "past": -1, "this past": -1, "previous": -1, "prior": -1, "latest": -1,
          "this": 0, "current": 0, "next": 1, "coming": 1, "this coming": 1}  # fmt: skip
# Periods counted from the date told just before, not from the report: "the following month".
ANAPHORIC_SHIFTS = {"following": 1, "next": 1, "preceding": -1, "previous": -1, "prior": -1,
                    "same": 0, "that": 0, "that same": 0, "that very": 0}  # fmt: skip

# Of those, the ones that count from the date told even where they could count from the report
# ("last week" is the report's; "the previous week" is the one before the week told).
TOLD_ONLY_SHIFTS = {"previous", "preceding", "prior"}

# Vague references (TimeML's PRESENT_REF, PAST_REF, FUTURE_REF), as whole expressions.
PRESENT = {"now", "currently", "current", "right now", "just now", "these days", "nowadays",
           "at present", "present", "the present", "at the moment", "the moment",
           "at this time", "this time", "for now", "so far", "as yet", "to date",
           "the time being", "for the time being"}  # fmt: skip
PAST = {"recently", "recent", "the past", "in the past", "previously", "lately", "once",
        "formerly", "earlier", "more recently", "until recently", "in recent times",
        "the old days", "years ago", "long ago", "some time ago", "a while ago",
        "not long ago", "the other day"}  # fmt: skip
# "at this crucial moment", "at this point", "at this stage": the present as a moment.
PRESENT_MOMENT = re.compile(r"(?:at )?this (?:[a-z]+ )?(?:moment|point|stage|juncture)")
FUTURE = {"the future", "future", "soon", "the near future", "in the future", "later",
          "eventually", "someday", "one day", "some day", "a later date", "the near term",
          "the short term", "the long term", "the long run", "the years ahead",
          "as soon as possible", "in due course", "shortly"}  # fmt: skip
# "recent years", "the past few months", "coming weeks": a vague stretch of the past or future.
VAGUE_PERIOD = re.compile(
    r"(?:(?:in|over|during|for) )?(?:the )?"
    r"(?P<when>recent|past|last|previous|coming|next|future|upcoming)"
    r"(?: (?:few|several|many|couple of))? (?:days|weeks|months|quarters|years|decades)"
    r"(?: and (?:days|weeks|months|years))?"
)
VAGUE_PAST_WORDS = {"recent", "past", "last", "previous"}
# "days ago", "months ago", "decades ago": a count too vague to count from, in the past.
VAGUE_AGO = re.compile(r"(?:(?:many|some|several|a few) )?(?:days|weeks|months|years|decades) ago")
# "then", "at that time": the date just told; the vague past when none was.
THAT_TIME = {"then", "at that time", "at the time", "by then", "until then", "since then",
             "at that point", "by that time"}  # fmt: skip

# Words before or around a date that do not change which date it is.
MODIFIERS = re.compile(
    r"^(?:(?:on|in|since|by|during|from|until|till|before|after|at|of|around|about|"
    r"approximately|roughly|nearly|almost|some|more than|over|just|only|sometime|circa|"
    r"as early as|as late as|as of|early|late|mid|the middle of|the end of|the start of|"
    r"the beginning of|the turn of|the close of|the rest of|the remainder of|the first days of|"
    r"the last days of|the first part of|the latter part of|the early part of|the dawn of|"
    r"the heart of|a good part of|much of|most of|part of|all of|the depths of|"
    r"the height of|the last half of|the first half of|earlier|later|mid-|the|its|their)"
    r"[\s-]+)+"
)
# An article or "both" before a date that names its own number: "a 20th century", "an Aug. 10,
# 1988", "both 1990" (not "a year ago", where "a" is the count).
LEADING_ARTICLE = re.compile(
    rf"^(?:a|an|both) (?=\d|(?:first|second|third|fourth|last)\b|(?:{'|'.join(MONTH_NUMBERS)})\b)"
)
# A period named by the day it ended or ends: "the quarter ended Sept. 30", "the fiscal year
# ending June 30, 1990", "its fourth quarter ended yesterday".
PERIOD_ENDED = re.compile(
    r"(?P<period>.+?) (?:that |which )?(?P<verb>ended|ending|ends) (?P<end>.+)"
)
# Two dates as one stretch: "Aug. 26 to Oct. 20", "between 1985 and 1987", "today through
# Nov. 17", "1996-1998": from the first's start to the second's end.
DATE_RANGE = re.compile(
    r"(?:between|from) (?P<first>.+?) (?:and|to|until|through) (?P<second>.+)|"
    r"(?P<first2>.+?)(?: (?:to|until|through|thru) |-|–)(?P<second2>.+)"
)
# Words after a date that widen it without moving it: "1990 and beyond", "1994 or later".
OPEN_ENDS = re.compile(
    r"\s+(?:or so|and beyond|or later|or earlier|and later|and after|onward|onwards)$"
)
# Words after a date that do not change which day it is: "Sunday night", "Friday morning".
PARTS_OF_DAY_WORDS = {"morning", "afternoon", "evening", "night", "noon", "midday", "overnight"}
PARTS_OF_DAY = re.compile(rf"\s+(?:{'|'.join(PARTS_OF_DAY_WORDS)})$")

DAY_WORDS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
             "this evening": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
             "the day before yesterday": -2, "the day after tomorrow": 2}  # fmt: skip

# Fixed-date holidays (month, day); movable feasts are computed in nlp/dates.py by name.
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
            "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
            "new year's": (1, 1),
            "halloween": (10, 31), "valentine's day": (2, 14), "independence day": (7, 4),
            "boxing day": (12, 26), "may day": (5, 1), "bastille day": (7, 14),
            "veterans day": (11, 11), "armistice day": (11, 11)}  # fmt: skip
# Movable holidays: (month, weekday, nth; -1 for the last) in the US calendar.
MOVABLE_HOLIDAYS = {"thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4),
                    "labor day": (9, 0, 1), "memorial day": (5, 0, -1),
                    "martin luther king day": (1, 0, 3), "presidents day": (2, 0, 3),
                    "election day": (11, 1, 1)}  # fmt: skip
EASTER = {"easter", "easter sunday", "easter day"}

_MONTH = rf"(?P<month>{'|'.join(MONTHS)}|{'|'.join(MONTH_ABBREVIATIONS)})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
# "Aug. 2, 1990", "August 2 1990", "2 August 1990", "August 2", "the 2nd of August".
MONTH_DAY = re.compile(rf"{_MONTH} {_DAY}(?:,? {_YEAR})?")
DAY_MONTH = re.compile(rf"{_DAY}(?: of)? {_MONTH}(?:,? {_YEAR})?")
NUMERIC_DATE = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})|"
    r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})"
)
# "August 1988", "January this year", "June last year", "the first week of August".
MONTH_YEAR = re.compile(rf"{_MONTH},?(?: of)? (?P<year>\d{{4}}|(?P<shift>last|this|next) year)")
# "November", "last November", "this September", "next March".
NAMED_MONTH = re.compile(rf"(?:(?P<shift>last|this|next|this past|this coming) )?{_MONTH}")
# "Saturday, April 25", "this coming Sunday, March 8": a weekday before the date it falls on.
WEEKDAY_AND_DATE = re.compile(
    rf"(?:(?:last|this|next|this past|this coming) )?({'|'.join(WEEKDAYS)}),? (.+)"
)
# "March eighth", "the eighth of March": a day of the month in words, read as its number.
DAY_IN_WORDS = re.compile(
    rf"\b(?P<month>{'|'.join(MONTHS)}) (?P<word>[a-z]+(?:-[a-z]+)?)$|"
    rf"^(?:the )?(?P<word2>[a-z]+(?:-[a-z]+)?) of (?P<month2>{'|'.join(MONTHS)})\b"
)
# "January nineteen ninety-seven": a month before its year in words.
MONTH_AND_WORDS = re.compile(rf"({'|'.join(MONTH_NUMBERS)}),? (.+)")
# "Wednesday", "last Wednesday", "next Monday".
NAMED_WEEKDAY = re.compile(
    rf"(?:(?P<shift>last|this|next|this past|this coming) )?(?P<weekday>{'|'.join(WEEKDAYS)})"
)
# "the previous Friday", "the following Monday": counted from the day just told.
TOLD_WEEKDAY = re.compile(
    rf"(?:the )?(?P<shift>previous|preceding|following|next|same) (?P<weekday>{'|'.join(WEEKDAYS)})"
)
# "1998", "fiscal 1989", "the year 2000", "'98", "calendar 1990".
YEAR = re.compile(r"(?:(?:fiscal|calendar|the year|the fiscal year|fiscal year|model year|year) )?"
                  r"(?:(?P<year>\d{4})|'(?P<short>\d{2}))(?: (?:fiscal )?year)?")  # fmt: skip
# Years in words: "nineteen ninety-six", "two thousand", "two thousand and one".
YEAR_WORDS = re.compile(
    r"(?:(?:the )?year )?(?:(?P<century>nineteen|eighteen|twenty) (?P<rest>[a-z-]+(?: [a-z]+)?)|"
    r"two thousand(?: and)?(?: (?P<units>[a-z-]+))?)"
)
# "the 1990s", "the '90s", "the nineties", "the late 1970s", "the 1900s".
DECADE = re.compile(r"(?:(?P<year>\d{3})0'?s|'?(?P<short>\d)0'?s|(?P<word>[a-z]+ies))")
# "the 20th century", "the eleventh century", "this century".
CENTURY = re.compile(
    r"(?:(?P<shift>last|this|next|previous|current|past)|(?P<ordinal>[a-z0-9-]+)) century"
)
# "the third quarter", "third-quarter", "this year's third quarter", "the third quarter of 1984",
# "the fiscal first quarter", "the 1988 second quarter", "next year's first quarter".
QUARTER = re.compile(
    r"(?:(?P<year>\d{4})(?:'s)? |(?P<shift>last|this|next) year's |(?:fiscal|calendar)[- ])*"
    r"(?:(?P<ordinal>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ](?:fiscal[- ])?"
    r"(?:quarter|qtr\.?|period)|(?:fiscal )?q(?P<number>[1-4]))"
    r"(?: of (?:(?P<of_year>\d{4})|(?:fiscal )?(?P<of_shift>last|this|next) year))?"
)
# "the first half", "the second half of 1989", "the last half of 1989".
HALF = re.compile(
    r"(?:(?P<shift>last|this|next) year's )?(?P<ordinal>first|second|last|latter) "
    r"(?:half|two quarters)"
    r"(?: of (?:(?P<year>\d{4})|(?:the )?(?P<of_shift>last|this|next)? ?year))?"
)
# The quarter or period just told or just ended: "the quarter", "the latest period".
THAT_QUARTER = re.compile(
    r"(?:that|the|its|the latest|the most recent|the recent|latest|this|the current|current|"
    r"last|the last|the previous|the past|the latest fiscal|the fiscal|"
    r"the same)? ?(?:fiscal )?(?:quarter|period|three months)"
)
# The same quarter a year before: "the year-ago quarter", "the year-earlier period",
# "the 1988 quarter", "the quarter a year ago", "the corresponding period last year".
YEAR_AGO_QUARTER = re.compile(
    r"(?:the |a )?(?:comparable |corresponding |same )?(?:(?:year-ago|year-earlier|"
    r"(?P<year>\d{4}))(?: (?:comparable |corresponding )?(?:(?P<ordinal>first|second|third|"
    r"fourth) )?(?:quarter|period|three months)))|(?:the )?(?:comparable |corresponding |same )?"
    r"(?:quarter|period)(?: a year (?:ago|earlier)| last year| of last year| the year before)"
    r"|last year's (?:quarter|period)"
)
# "last week", "this month", "next year", "the past year", "the coming weekend".
SHIFTED_PERIOD = re.compile(
    rf"(?P<shift>{'|'.join(SHIFTS)}) (?P<unit>week|weekend|month|year|decade|fiscal year|"
    r"quarter)"
)
# "this season", "last summer", "the summer of 1994", "summer".
SEASON = re.compile(
    rf"(?:(?P<shift>last|this|next|this past|this coming) |(?P<year_shift>last|this|next) year's )?"
    rf"(?P<season>{'|'.join(SEASONS)})"
    r"(?:,? (?:of )?(?:(?P<year>\d{4})|(?P<of_shift>last|this|next) year|"
    r"(?P<year_words>[a-z -]+)))?"
)
# The period the report date is in, named without a shift: "the year", "the week".
PLAIN_PERIOD = re.compile(r"(?P<unit>week|weekend|month|year|fiscal year|full year|decade)")
# "five years ago", "two weeks earlier", "three days later", "a year from now".
# Counts too vague to count from: "several years ago", "a few weeks ago" (the vague past).
VAGUE_AMOUNTS = {"several", "a few", "few", "many", "some", "a number of", "countless"}
COUNTED = re.compile(
    r"(?P<amount>\d+|[a-z]+(?:-[a-z]+)?|a couple of|a few|a number of) "
    r"(?P<unit>day|week|month|year|decade|quarter|century|centurie)s? "
    r"(?P<direction>ago|earlier|before|later|after|from now|hence|back)"
)
COUNTED_DIRECTIONS = {"ago": -1, "back": -1, "earlier": -1, "before": -1, "later": 1, "after": 1,
                      "from now": 1, "hence": 1}  # fmt: skip
# Directions counted from the date just told rather than from the report date.
ANAPHORIC_DIRECTIONS = {"earlier", "before", "later", "after"}
# "a year earlier", "year-earlier", "year-ago": the same period a year before.
YEAR_AGO = re.compile(r"(?:a |one )?year[- ](?:ago|earlier|before)")
YEAR_AGO_WORDS = {"year-ago", "year-earlier", "a year", "the year-ago period", "year earlier"}
# "the following month", "that year", "the same week", "the next day".
ANAPHORIC_PERIOD = re.compile(
    rf"(?P<shift>{'|'.join(ANAPHORIC_SHIFTS)}) (?P<unit>day|morning|evening|night|week|month|"
    r"year|quarter)"
)
# "the day before", "the night after", "the week before": one unit from the date just told.
TOLD_NEIGHBOUR = re.compile(
    r"(?P<unit>day|night|morning|evening|week|month|year) (?P<direction>before|after|earlier|later)"
)
# "the week before last", "the year before last": two periods back from the report's.
BEFORE_LAST = re.compile(r"(?P<unit>week|weekend|month|year) before last")
# "year-end", "year's end", "the end of the year": the year, as TimeML values it (mod END).
YEAR_END = re.compile(r"(?:the )?(?:year[- ]end|year's end)")
# "the 8th", "the 21st": a day of the month named alone.
DAY_OF_MONTH = re.compile(r"(?:the )?(?P<day>\d{1,2})(?:st|nd|rd|th)")
# "25" in "May 24 and 25": a day's number alone, read only after a day told.
BARE_DAY = re.compile(r"(?P<day>[1-9]|[12]\d|3[01])")
# A number alone that is no day told: an age ("Cohen, 52,") or a count the tagger took for a date.
BARE_NUMBER = re.compile(r"\d{1,3}")
# "the Nth day of" a tally told of the report's day: "today is the eighth day of the strike".
NTH_DAY = re.compile(r"(?:the )?(?P<ordinal>[a-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th)) day")
# "earlier this year", "later this month", "this year": the period itself.
WITHIN_PERIOD = re.compile(r"(?:earlier|later|early|late|so far) (?P<rest>.+)")

# Tense: a date in a clause whose verb looks ahead resolves forward ("will meet on Monday").
FUTURE_AUXILIARIES = {"will", "'ll", "shall", "wo"}
FUTURE_VERBS = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "prepare",
                "go"}  # fmt: skip  # "is scheduled to", "plans to", "is going to" + a verb
# Verbs of planning: a date after one ("was scheduled for Thursday", "planned a march on Saturday")
# is the planned event's, which lies ahead, even when the planning is told in the past; a date
# told before a past one ("On Friday, the ministry planned to pay") is when the plan was made.
PLAN_VERBS = {"plan", "schedule", "slate", "reschedule"}
# Words before a date that give the earliest it may come: "could arrive as early as Tuesday".
PROSPECTIVE_WORDS = {"as early as", "as soon as"}
# Words before a date that come before it: "campaigning ahead of the November election". What
# happens ahead of a date is told before it, so a past verb does not date it.
AHEAD_WORDS = {"ahead of", "in advance of", "in the run-up to", "in the runup to"}
# A date after these words ends a stretch ("extended to Nov. 16", "gave him until March"): it
# says when something stops, not when the past verb happened.
ENDPOINT_PREPOSITIONS = {"to", "until", "till", "through", "by", "into"}
# Verbs of saying keep their present for what was said ("officials say"), so a present verb
# of one of these does not make a date scheduled.
SAYING_VERBS = {"say", "tell", "report", "announce", "add", "note", "claim", "insist", "deny",
                "confirm", "quote", "write", "argue", "believe", "think", "know", "see", "show",
                "expect"}  # fmt: skip
# Verbs whose past is spelt as their present ("hurt", "cut"): a tagger's present for these is no
# sign of a scheduled event.
SAME_PAST_FORMS = {"hurt", "cut", "set", "put", "hit", "cost", "let", "quit", "shut", "spread",
                   "split", "bet", "cast", "burst", "beat", "bid", "broadcast", "forecast", "read",
                   "upset", "shed", "thrust", "slit", "rid", "fit", "wed"}  # fmt: skip

# A stretch of time, not a date: "90 days", "two weeks", "the past 10 years".
DURATION = re.compile(
    r"(?:the )?(?:(?:past|last|next|first|coming|previous) )?(?:\d+|[a-z]+(?:-[a-z]+)?) "
    r"(?:hours?|minutes?|days?|weeks?|months?|years?|decades?|quarters?)(?: (?:long|old))?"
)

# News tells of the past more than of the future: with no tense to go by, "Jan. 6" in a July
# paper is the January past unless the next one is this many times nearer.
FUTURE_DISTANCE_WEIGHT = (
    2.0  # tuned on TimeBank: 1.0 (the nearest) 0.874, 1.5 0.876, 2 0.877, 3 0.874
)

# Naming the languages spares dateparser trying each of its two hundred locales.
DATE_LANGUAGES = ["en", "es"]
# Incidents: events named by their date only once they have happened ("the Jan. 6 attack",
# "Sunday's shooting"), so such a date is past even in a clause that looks ahead.
INCIDENT_NOUNS = {"attack", "shooting", "bombing", "massacre", "riot", "insurrection", "killing",
                  "murder", "assassination", "crash", "explosion", "blast", "assault", "raid",
                  "ambush", "siege", "storming", "stabbing", "coup", "uprising", "incident",
                  "accident", "disaster", "hack", "leak", "breach", "fire", "earthquake",
                  "hurricane", "flood", "outbreak", "collapse"}  # fmt: skip
