"""Headless preview: ``HEADLESS_PREVIEW_URL`` sends the preview pane to a decoupled front end."""

from __future__ import annotations

import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils import WagtailPageTestCase

from wagtail_integration import preview
from wagtail_integration.models import NetworkPage

from . import factories
from .form_helpers import page_edit_data

FRONTEND = "https://frontend.example/preview"
PREVIEW_API = "/api/v2/page_preview/"


class HeadlessPreviewTests(WagtailPageTestCase):
    def setUp(self):
        cache.clear()
        self.page = factories.NetworkPageFactory(
            title="Netzwerk Integration Emsland", region="Emsland"
        )
        self.editor = self.create_superuser("redaktion")
        self.client.force_login(self.editor)

    def preview(self, **changes):
        """Post the edit form with ``changes`` to the preview (as the preview pane does, the
        draft is not saved) and load the preview."""
        data = page_edit_data(self.client, self.page)
        for name, value in changes.items():
            data[name] = value
        url = reverse("wagtailadmin_pages:preview_on_edit", args=[self.page.pk])
        response = self.client.post(url, data=data)
        self.assertJSONEqual(response.content, {"is_valid": True, "is_available": True})
        return self.client.get(url)

    def redirect_params(self, response) -> dict[str, str]:
        self.assertEqual(response.status_code, 302)
        location = urlsplit(response["Location"])
        self.assertEqual(f"{location.scheme}://{location.netloc}{location.path}", FRONTEND)
        return {key: values[0] for key, values in parse_qs(location.query).items()}

    def test_without_setting_the_html_preview_works_as_before(self):
        self.assertPageIsPreviewable(self.page, post_data=page_edit_data(self.client, self.page))
        self.client.force_login(self.editor)  # assertPageIsPreviewable logs out
        response = self.preview(title="Entwurfstitel")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Entwurfstitel")

    @override_settings(WAGTAIL_INTEGRATION={"HEADLESS_PREVIEW_URL": FRONTEND})
    def test_with_setting_the_preview_redirects_to_the_front_end(self):
        params = self.redirect_params(self.preview(title="Entwurfstitel"))
        self.assertEqual(params["content_type"], "wagtail_integration.networkpage")
        self.assertTrue(params["token"])

    @override_settings(WAGTAIL_INTEGRATION={"HEADLESS_PREVIEW_URL": FRONTEND})
    def test_api_returns_the_unsaved_draft(self):
        params = self.redirect_params(
            self.preview(title="Entwurfstitel", region="Grafschaft Bentheim")
        )
        self.client.logout()  # the front end fetches without an admin session
        response = self.client.get(PREVIEW_API, params)
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertEqual(data["id"], self.page.pk)
        self.assertEqual(data["meta"]["type"], "wagtail_integration.NetworkPage")
        self.assertEqual(data["title"], "Entwurfstitel")
        self.assertEqual(data["region"], "Grafschaft Bentheim")
        self.assertIn("memberships", data)
        self.assertIn("translations", data)
        # the draft was not saved
        self.page.refresh_from_db()
        self.assertEqual(self.page.title, "Netzwerk Integration Emsland")

    @override_settings(WAGTAIL_INTEGRATION={"HEADLESS_PREVIEW_URL": FRONTEND + "?site=de"})
    def test_front_end_url_with_a_query_string(self):
        response = self.preview()
        self.assertEqual(response.status_code, 302)
        self.assertIn("?site=de&content_type=", response["Location"])

    def test_api_returns_a_new_page_that_is_not_saved_yet(self):
        # as Wagtail's preview of the create view builds it: in the tree, without a pk
        parent = self.page
        page = NetworkPage(title="Neues Netzwerk", slug="neu", region="Emsland")
        page.locale = parent.locale
        page.depth = parent.depth + 1
        page.path = page._get_path(parent.path, page.depth, 1)
        page.set_url_path(parent)
        token = preview.store_preview(page)
        response = self.client.get(
            PREVIEW_API, {"content_type": "wagtail_integration.networkpage", "token": token}
        )
        self.assertEqual(response.status_code, 200)
        data = response.json()
        self.assertIsNone(data["id"])
        self.assertNotIn("detail_url", data["meta"])  # no detail URL before it is saved
        self.assertEqual(data["title"], "Neues Netzwerk")
        self.assertEqual(data["region"], "Emsland")
        self.assertEqual(data["meta"]["parent"]["id"], parent.pk)

    def test_bad_token_answers_404(self):
        token = preview.store_preview(self.page)
        label = "wagtail_integration.networkpage"
        for params in (
            {"content_type": label, "token": token + "x"},
            {"content_type": label, "token": "nicht-signiert"},
            {"content_type": "wagtail_integration.projectpage", "token": token},
            {"content_type": "kein.typ", "token": token},
            {"content_type": "wagtailcore.page.x", "token": token},
        ):
            with self.subTest(params=params):
                self.assertEqual(self.client.get(PREVIEW_API, params).status_code, 404)

    def test_missing_or_unknown_parameters_answer_400(self):
        for params in ({}, {"token": "x"}, {"content_type": "a.b"}, {"token": "x", "foo": 1}):
            with self.subTest(params=params):
                self.assertEqual(self.client.get(PREVIEW_API, params).status_code, 400)

    def test_expired_token_answers_404(self):
        token = preview.store_preview(self.page)
        params = {"content_type": "wagtail_integration.networkpage", "token": token}
        self.assertEqual(self.client.get(PREVIEW_API, params).status_code, 200)
        later = time.time() + preview.MAX_AGE + 5
        with mock.patch("django.core.signing.time.time", return_value=later):
            self.assertEqual(self.client.get(PREVIEW_API, params).status_code, 404)

    def test_evicted_cache_entry_answers_404(self):
        token = preview.store_preview(self.page)
        cache.clear()
        params = {"content_type": "wagtail_integration.networkpage", "token": token}
        self.assertEqual(self.client.get(PREVIEW_API, params).status_code, 404)

    def test_preview_detail_route_answers_404(self):
        self.assertEqual(self.client.get(f"{PREVIEW_API}{self.page.pk}/").status_code, 404)
