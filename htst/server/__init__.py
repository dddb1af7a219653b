"""The HTTP layer: the only part of htst that imports Flask."""
