"""Public duties of a German public body's website: the accessibility statement's feedback
and enforcement data, the legal notice, and the footer that links them."""
