"""The library: many documents remembered, indexed, searched and counted at once (no Qt)."""
