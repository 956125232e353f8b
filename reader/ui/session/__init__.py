"""The open document's session: what is made per opened document (its readings in context,
and the workers that make them), owned in one place rather than by the views."""
