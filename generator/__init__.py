"""congkhai: publish catalogs of Vietnamese administrative procedures as a static site."""

__version__ = "0.1.0"
