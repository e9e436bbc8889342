"""The ``bantin`` command line: one dispatcher, one module per subcommand.

Each subcommand module exposes ``add_arguments(parser)`` and ``run(args) -> int`` and is
imported only when used, so ``bantin check`` stays fast and never loads MkDocs.
Exit codes: 0 success, 1 problems found, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# name → (module, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "new": ("bantin.commands.new", "start a news item with valid front matter"),
    "check": ("bantin.commands.check", "validate content without building"),
    "import": ("bantin.commands.import_", "migrate pages from a legacy portal"),
    "stats": ("bantin.commands.stats", "count visitors from web server access logs"),
    "publish": ("bantin.commands.publish", "publish a verified build to a release folder"),
}


def build_parser(chosen: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bantin",
        description="bantin: news portals for provincial People's Committee Offices.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, help_text) in COMMANDS.items():
        if name != chosen:
            # Only the chosen command's module is imported; the others get a bare entry.
            sub.add_parser(name, help=help_text)
            continue
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        module = importlib.import_module(module_name)
        module.add_arguments(command_parser)
        command_parser.set_defaults(_module=module_name)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    chosen = arguments[0] if arguments else None
    parser = build_parser(chosen if chosen in COMMANDS else None)
    try:
        args = parser.parse_args(arguments)
    except SystemExit as exit_:
        return 0 if exit_.code in (0, None) else 2
    if not getattr(args, "_module", None):
        parser.print_help()
        return 2
    module = importlib.import_module(args._module)
    return int(module.run(args))


if __name__ == "__main__":
    raise SystemExit(main())
