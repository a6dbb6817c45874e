"""`python -m briefcase_tui` runs the same CLI as `brief`."""

from briefcase_tui.cli.launch import main

if __name__ == "__main__":
    main()
