"""The example site's start page: introduces the demo and links its pages."""
