"""Outputs: the comparison report (HTML and Markdown) and the exports (JSON, Parquet, GraphML,
GEXF, FollowTheMoney).
"""
