"""Widgets: docks, dialogs, options pages (their .ui files live in forms/)."""
