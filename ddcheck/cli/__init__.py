"""The `ddcheck` command line: argparse subcommands over the services."""
