"""Review dates (Prüftermine): when pages, organisations and people are next to be checked.

``models``: the ``review_by`` field and its mixin, the reminder log; ``rules``: intervals and
how the date moves on; ``items``: what is due, in one query; ``panels``: the dashboard panel;
``reminders``: the reminder mails of ``manage.py wagtail_integration_review_reminders``.
"""
