"""Qt item models: thin adapters over domain objects, with named columns and roles."""
