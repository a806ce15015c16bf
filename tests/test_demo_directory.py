"""The demo directory lists organisations out of the box (its filter is the kind
"migrant organisation", which only the synthetic entries have)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from wagtail_integration.models import DirectoryPage

pytestmark = pytest.mark.django_db


def test_demo_directory_is_not_empty(client, root_page):
    call_command("wagtail_integration_demo", verbosity=0)
    directory = DirectoryPage.objects.live().get()
    response = client.get(directory.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".wi-organisation__name")) > 0
    assert not soup.select_one(".wi-result-count").get_text(strip=True).startswith("0")
