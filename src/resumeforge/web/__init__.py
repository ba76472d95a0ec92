"""The browser pages: handlers (pages.py), Jinja2 templates and static assets, all local."""
