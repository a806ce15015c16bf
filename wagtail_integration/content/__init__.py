"""The content layer: typed schemas and builders of everything a page shows.

``objects`` holds the shared objects (image, document, topic, organisation, person, funding,
event, membership, working group, translation), ``blocks`` one schema and builder per
StreamField block type, ``serializers`` the DRF fields that models name in ``api_fields``, and
``loading`` the one function that loads what a page type shows. Models, blocks and the API
import from here; nothing here imports models, blocks or the API.
"""
