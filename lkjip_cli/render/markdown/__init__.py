"""The report's chapters as Markdown from Jinja2 templates (`templat`), and the sandbox every
template runs in: what a template can reach (`konteks`: plain read-only data), what it can do
(`sandbox`: an allow-list) and how much (`batas`: named limits).
"""
