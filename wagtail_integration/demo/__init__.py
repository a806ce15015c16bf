"""Demo content of the package, built by ``manage.py wagtail_integration_demo``.

``content`` holds the data (plain Python structures), ``builder`` turns it into snippets,
images and pages.
"""
