"""Modal dialogs, one family a module: each asks, answers through `dismiss`, and does no more."""
