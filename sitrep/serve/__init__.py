"""`sitrep serve`: the web API and the offline dashboard over a sitrep store (FastAPI, uvicorn)."""
