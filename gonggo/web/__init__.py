"""`gonggo serve`: the review desk for staff (FastAPI + Jinja2, Korean UI) over the store."""
