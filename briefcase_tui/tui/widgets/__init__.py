"""Reusable widgets: they post messages and do no I/O."""
