"""Self-hosted publishing: verified builds copied into release folders behind a symlink."""
