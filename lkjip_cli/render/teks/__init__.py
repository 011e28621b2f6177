"""The text streams lkjip prints: tables on the terminal (laid out in linear time, as rich
draws them), the tables as JSON and CSV, `lkjip check`'s findings (text, JSON, GitHub
annotations) and `lkjip explain`'s account of one figure.
"""
