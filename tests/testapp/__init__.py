"""A host project's app: its own variant of every abstract page type of the package."""
