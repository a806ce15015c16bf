"""Every page type: tree rules, routing, rendering, preview and the admin edit form."""

from __future__ import annotations

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from modelcluster.models import get_all_child_relations
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from wagtail_integration.models import (
    AccessibilityStatementPage,
    EasyReadPage,
    ImpressumPage,
    NetworkPage,
    OrganisationProfilePage,
    PartnerListingPage,
    PressReleaseIndexPage,
    PressReleasePage,
    ProjectIndexPage,
    ProjectPage,
    SpeakerTeamPage,
)
from wagtail_integration.models.common import RICH_TEXT_FEATURES

from . import factories
from .form_helpers import page_edit_data

ALL_PAGE_TYPES = [
    NetworkPage,
    PartnerListingPage,
    SpeakerTeamPage,
    PressReleaseIndexPage,
    PressReleasePage,
    ProjectIndexPage,
    ProjectPage,
    OrganisationProfilePage,
]
TOP_LEVEL_PAGE_TYPES = [
    NetworkPage,
    PartnerListingPage,
    SpeakerTeamPage,
    PressReleaseIndexPage,
    ProjectIndexPage,
    OrganisationProfilePage,
]

MINIMAL_PAGE_BUILDERS = {
    NetworkPage: factories.NetworkPageFactory,
    PartnerListingPage: factories.PartnerListingPageFactory,
    SpeakerTeamPage: factories.SpeakerTeamPageFactory,
    PressReleaseIndexPage: factories.PressReleaseIndexPageFactory,
    PressReleasePage: factories.PressReleasePageFactory,
    ProjectIndexPage: factories.ProjectIndexPageFactory,
    ProjectPage: factories.ProjectPageFactory,
    OrganisationProfilePage: factories.OrganisationProfilePageFactory,
    AccessibilityStatementPage: lambda: factories.AccessibilityStatementPageFactory(
        conformance_status="full",
        non_accessible_content=[],
        last_reviewed_on=None,
        enforcement_body="federal",
    ),
    ImpressumPage: factories.ImpressumPageFactory,
    EasyReadPage: factories.EasyReadPageFactory,
}


def as_json(value):
    """A stream's stored form, with dates and times as the database holds them."""
    return json.loads(json.dumps(value, cls=DjangoJSONEncoder))


class PageTreeRulesTests(WagtailPageTestCase):
    def test_top_level_types_can_be_created_under_a_plain_page(self):
        for model in TOP_LEVEL_PAGE_TYPES:
            with self.subTest(model=model.__name__):
                self.assertCanCreateAt(Page, model)

    def test_press_release_only_under_press_release_index(self):
        self.assertCanCreateAt(PressReleaseIndexPage, PressReleasePage)
        self.assertAllowedParentPageTypes(PressReleasePage, {PressReleaseIndexPage})
        self.assertCanNotCreateAt(Page, PressReleasePage)
        for model in ALL_PAGE_TYPES:
            if model is not PressReleaseIndexPage:
                with self.subTest(parent=model.__name__):
                    self.assertCanNotCreateAt(model, PressReleasePage)

    def test_project_page_only_under_project_index(self):
        self.assertCanCreateAt(ProjectIndexPage, ProjectPage)
        self.assertAllowedParentPageTypes(ProjectPage, {ProjectIndexPage})
        self.assertCanNotCreateAt(Page, ProjectPage)
        for model in ALL_PAGE_TYPES:
            if model is not ProjectIndexPage:
                with self.subTest(parent=model.__name__):
                    self.assertCanNotCreateAt(model, ProjectPage)

    def test_index_pages_accept_only_their_items(self):
        self.assertAllowedSubpageTypes(PressReleaseIndexPage, {PressReleasePage})
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})

    def test_leaf_pages_allow_no_children(self):
        for parent in (SpeakerTeamPage, PressReleasePage, ProjectPage):
            with self.subTest(parent=parent.__name__):
                self.assertAllowedSubpageTypes(parent, set())
                self.assertCanNotCreateAt(parent, Page)
                for model in ALL_PAGE_TYPES:
                    self.assertCanNotCreateAt(parent, model)

    def test_network_page_may_hold_a_speaker_team(self):
        self.assertCanCreateAt(NetworkPage, SpeakerTeamPage)


class PageTypeTestsMixin:
    """Routing, rendering, preview and edit-form round trip for one page type."""

    model: type[Page]

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.full_page = factories.FULL_PAGE_BUILDERS[cls.model]()
        cls.minimal_page = MINIMAL_PAGE_BUILDERS[cls.model]()
        cls.editor = cls.create_superuser("redaktion")

    def expected_texts(self, page) -> list[str]:
        """Content of the fully filled page that its template must show."""
        return [page.title]

    def test_full_page_is_routable(self):
        self.assertPageIsRoutable(self.full_page)

    def test_minimal_page_is_routable(self):
        self.assertPageIsRoutable(self.minimal_page)

    def test_full_page_is_renderable(self):
        self.assertPageIsRenderable(self.full_page)

    def test_minimal_page_is_renderable(self):
        self.assertPageIsRenderable(self.minimal_page)

    def test_full_page_shows_its_content(self):
        page = self.model.objects.get(pk=self.full_page.pk)
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, 200)
        for text in self.expected_texts(page):
            self.assertContains(response, text, msg_prefix=f"{self.model.__name__}: ")

    def test_full_page_is_previewable(self):
        self.client.force_login(self.editor)
        self.assertPageIsPreviewable(
            self.full_page,
            post_data=page_edit_data(self.client, self.full_page),
            user=self.editor,
        )

    def test_minimal_page_is_previewable(self):
        self.client.force_login(self.editor)
        self.assertPageIsPreviewable(
            self.minimal_page,
            post_data=page_edit_data(self.client, self.minimal_page),
            user=self.editor,
        )

    def test_full_page_edit_form_round_trip(self):
        """The unchanged edit form of a fully filled page saves, and keeps every stream."""
        self.client.force_login(self.editor)
        before = self.model.objects.get(pk=self.full_page.pk)
        data = page_edit_data(self.client, before)
        response = self.client.post(reverse("wagtailadmin_pages:edit", args=[before.pk]), data)
        if response.status_code != 302:
            form = response.context["form"]
            formset_errors = {name: fs.errors for name, fs in form.formsets.items()}
            self.fail(f"edit form rejected: {form.errors.as_data()} {formset_errors}")
        after = self.model.objects.get(pk=before.pk)
        for relation in get_all_child_relations(self.model):
            name = relation.get_accessor_name()
            self.assertEqual(
                list(getattr(after, name).values_list("pk", flat=True)),
                list(getattr(before, name).values_list("pk", flat=True)),
                name,
            )
        for field in after._meta.get_fields():
            if isinstance(field, StreamField):
                self.assertEqual(
                    as_json(field.get_prep_value(getattr(after, field.name))),
                    as_json(field.get_prep_value(getattr(before, field.name))),
                    field.name,
                )


class NetworkPageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = NetworkPage

    def expected_texts(self, page):
        texts = [page.title, page.region, page.meeting_rhythm, "Teilhabe verbessern"]
        texts += [m.organisation.name for m in page.memberships.all()]
        texts += [g.name for g in page.working_groups.all()]
        texts += [child.value["person"].last_name for child in page.speakers]
        texts += [child.value["role"] for child in page.speakers]
        return texts

    def test_can_create_network_page_with_members_in_admin(self):
        self.client.force_login(self.editor)
        first, second = factories.OrganisationFactory.create_batch(2)
        speaker = factories.PersonFactory(first_name="Ayşe", last_name="Yılmaz")
        data = nested_form_data(
            {
                "title": "Integrationsnetzwerk Grafschaft Bentheim",
                "slug": "integrationsnetzwerk-grafschaft-bentheim",
                "introduction": rich_text(
                    "<p>Ein Netzwerk von 40 Organisationen.</p>", features=RICH_TEXT_FEATURES
                ),
                "region": "Landkreis Grafschaft Bentheim",
                "founded_year": "2016",
                "declared_member_count": "40",
                "goals": streamfield([("item", "Teilhabe stärken"), ("item", "Angebote bündeln")]),
                "way_of_working": rich_text("<p>Plenum und Arbeitsgruppen.</p>"),
                "meetings_per_year": "3",
                "meeting_rhythm": "drei Plenarsitzungen im Jahr",
                "memberships": inline_formset(
                    [
                        {"organisation": str(first.pk), "note": "Gründungsmitglied"},
                        {"organisation": str(second.pk), "note": ""},
                    ]
                ),
                "working_groups": inline_formset(
                    [
                        {
                            "name": "AG Sprache",
                            "description": "Sprachkurse im Landkreis abstimmen.",
                            "contact": str(speaker.pk),
                        }
                    ]
                ),
                "speakers": streamfield(
                    [("member", {"person": str(speaker.pk), "role": "Sprecherin"})]
                ),
                "contact_person": str(speaker.pk),
                "contact_organisation": str(first.pk),
                "more_info_url": "https://netzwerk.example.org/",
                "body": streamfield([("heading", "Aktuelles")]),
            }
        )
        self.assertCanCreate(Page.objects.get(pk=self.full_page.get_parent().pk), NetworkPage, data)

        page = NetworkPage.objects.get(slug="integrationsnetzwerk-grafschaft-bentheim")
        self.assertEqual([m.organisation for m in page.memberships.all()], [first, second])
        self.assertEqual([g.name for g in page.working_groups.all()], ["AG Sprache"])
        self.assertEqual(page.speakers[0].value["person"], speaker)
        self.assertEqual(page.member_count, 40)
        self.assertEqual(page.locale, first.locale)


class PartnerListingPageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = PartnerListingPage

    def expected_texts(self, page):
        texts = [page.title, "Praktikumsplätze anbieten", page.patron.last_name]
        for partnership in page.partners.all():
            texts += [partnership.organisation.name, partnership.note]
        texts += [child.value.title for child in page.events]
        return texts


class SpeakerTeamPageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = SpeakerTeamPage

    def expected_texts(self, page):
        texts = [page.title]
        for child in page.members:
            texts += [child.value["person"].last_name, child.value["role"]]
        return texts


class PressReleaseIndexPageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = PressReleaseIndexPage

    def expected_texts(self, page):
        return [page.title] + [release.title for release in page.get_releases()]

    def test_out_of_range_page_number_falls_back(self):
        for number in ("999", "abc", "-1"):
            with self.subTest(page=number):
                response = self.client.get(self.full_page.url, {"page": number})
                self.assertEqual(response.status_code, 200)


class PressReleasePageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = PressReleasePage

    def expected_texts(self, page):
        return [
            page.title,
            page.subheadline,
            page.lead,
            page.dateline,
            page.publisher.name,
            page.press_contact.last_name,
            "Unterzeichnung der Kooperationsvereinbarung",
        ] + [child.value.title for child in page.events]


class ProjectIndexPageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = ProjectIndexPage

    def expected_texts(self, page):
        return [page.title] + [project.title for project in page.get_projects()]


class ProjectPageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = ProjectPage

    def expected_texts(self, page):
        texts = [page.title, page.region, "Herzlake", "Sprachcafés", "Geflüchtete Familien"]
        texts += [child.value.name for child in page.partners]
        texts += [child.value.name for child in page.funding]
        texts += [child.value.title for child in page.events]
        return texts

    def test_model_rejects_end_before_start(self):
        from django.core.exceptions import ValidationError

        page = ProjectPage(
            title="Rückwärts",
            slug="rueckwaerts",
            start_date=datetime.date(2025, 6, 1),
            end_date=datetime.date(2025, 5, 1),
        )
        with self.assertRaises(ValidationError) as caught:
            page.clean()
        self.assertIn("end_date", caught.exception.message_dict)


class OrganisationProfilePageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = OrganisationProfilePage

    def expected_texts(self, page):
        texts = [page.title, page.tagline, page.office_hours_note, "Migrationsberatung", "Blanke"]
        texts += [child.value.name for child in page.funding]
        return texts


class AccessibilityStatementPageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = AccessibilityStatementPage

    def expected_texts(self, page):
        return [
            page.title,
            "Ältere PDF-Formulare haben keine Tags.",
            "Landesstelle für barrierefreie IT",
            "landesstelle@example.org",
            "BITV-Test einer Prüfstelle",
        ]


class ImpressumPageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = ImpressumPage

    def expected_texts(self, page):
        return [
            page.title,
            page.provider_name,
            page.represented_by,
            page.editor_name,
            "DE123456789",
            "Bezirksregierung Musterstadt",
        ]


class EasyReadPageTests(PageTypeTestsMixin, WagtailPageTestCase):
    model = EasyReadPage

    def expected_texts(self, page):
        return [
            page.title,
            "Hilfe für Menschen aus anderen Ländern",
            'kind="captions"',
            page.sign_language_captions.url,
            "Hier erklären wir die Seite.",
        ]
