"""Three short reports of one quarry shooting, written for the align tests: two outlets tell it
the same day (one pledge told with two amounts), a third weeks later with a larger toll."""

HARBOR = """---
title: Police kill nine miners at Dunmore quarry
outlet: Harbor Post
published: 2024-03-06
---
Police killed 9 miners at the Dunmore quarry in Tallis on Tuesday, the regional governor said.

The Dunmore Mining Company pledged $400 million last year to expand the quarry.
"""

VALLEY = """---
title: Nine miners dead in Tallis
outlet: Valley Ledger
published: 2024-03-07
---
Police killed 9 miners at the Dunmore quarry in Tallis on Tuesday.

The Dunmore Mining Company pledged $650 million last year to expand the quarry.
"""

RIVER = """---
title: Quarry death toll rises
outlet: River Times
published: 2024-04-20
---
At least 21 miners have been killed at the Dunmore quarry in Tallis since the strike began.
"""
