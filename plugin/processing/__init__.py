"""The `mednum` Processing provider and its algorithms (the stable, scriptable interface)."""
