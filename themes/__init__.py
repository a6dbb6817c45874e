"""The themes that ship with Briefcase, as TOML data; installed as `briefcase_tui.bundled_themes`."""
