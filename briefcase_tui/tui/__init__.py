"""The Textual terminal app: imported only when the app opens, never by the CLI commands."""
