"""URLconfs of a host site with one install step left out, for the system check tests."""
