"""RSS 2.0 and JSON Feed 1.1 for the site, every topic and every official."""
