"""Turn saved commentary pages into archive rows: parse (pure), then load (one transaction a page)."""
