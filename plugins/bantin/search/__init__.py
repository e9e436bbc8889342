"""Vietnamese search with or without diacritics: a static, sharded index read by a small script."""
