"""The edge of files, below the model, in both directions: reading files from anyone (regular
files only, YAML with positions and exact numbers, office files inspected within named limits)
and writing other people's text safely (commented YAML, spreadsheet cells and CSV fields)."""
