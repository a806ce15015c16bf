"""Which alerts a page or an API answer shows, and how long that answer may be cached."""
