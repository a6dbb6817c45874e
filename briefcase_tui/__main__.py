"""`python -m briefcase_tui` runs the same CLI as `brief`."""

from briefcase_tui.cli.app import main

main()
