"""The reviewer's checks behind ``bantin check``: plain Python, no MkDocs."""
