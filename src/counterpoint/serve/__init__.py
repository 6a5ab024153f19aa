"""The web explorer: `counterpoint serve`. `create_app(db, token)` makes the ASGI app (FastAPI)
over a store; `serve(db, host, port, token)` runs it with uvicorn. See `app.py` for the pages
and the API, `queries.py` for the SQL, `access.py` for how the store is opened."""

from counterpoint.serve.app import create_app, serve

__all__ = ["create_app", "serve"]
