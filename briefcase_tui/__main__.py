"""`python -m briefcase_tui` runs the same CLI as `brief`."""

from briefcase_tui.cli.launch import main

main()
