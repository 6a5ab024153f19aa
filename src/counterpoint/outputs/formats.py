"""The export formats and where each is written by default: apart from `export.py`, so that
the command line can offer them without loading the exporters."""

FORMATS = ("json", "parquet", "graphml", "gexf", "ftm")
DEFAULT_OUT = {
    "json": "counterpoint.json",
    "parquet": "counterpoint-parquet",
    "graphml": "counterpoint.graphml",
    "gexf": "counterpoint.gexf",
    "ftm": "counterpoint.ftm.jsonl",
}
