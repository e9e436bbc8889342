"""One module per ``bantin`` subcommand (see ``bantin.cli``)."""
