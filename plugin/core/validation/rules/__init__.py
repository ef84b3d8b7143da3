"""The rules of the validation engine, grouped by what they look at (structure, cells, rows)."""
