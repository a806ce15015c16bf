from django.urls import path
from django.utils.html import escape
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler
from wagtail.snippets.models import register_snippet

from .deletion import ReferencesDeleteBulkAction
from .edit_conflicts import refuse_outdated_page_save, refuse_outdated_snippet_save
from .organisations_io import admin_views
from .snippets import IntegrationViewSetGroup
from .visibility import is_visible

register_snippet(IntegrationViewSetGroup)


class LivePageLinkHandler(PageLinkHandler):
    """Rich-text links to pages, with the URL only for live pages.

    Wagtail writes the URL of any page, so a link to a draft or an expired page would publish
    its address (and with it the slug, usually its title). Such links keep their text and
    lose the ``href`` until the page goes live, as links to deleted pages do.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(page.localized.url)}">'
            if page is not None and page.live and is_visible(page)
            else "<a>"
            for page in cls.get_many(attrs_list)
        ]


@hooks.register("before_serve_page")
def hide_expired_and_embargoed_pages(page, request, serve_args, serve_kwargs):
    """Expired pages and releases under embargo are not found, whether or not Wagtail's
    ``publish_scheduled`` has run yet (``visibility``)."""
    if not is_visible(page):
        from django.http import Http404

        raise Http404("No such page.")


# After Wagtail's own registration (order 0), which this replaces for the "page" link type.
@hooks.register("register_rich_text_features", order=10)
def register_live_page_links(features):
    features.register_link_type(LivePageLinkHandler)


@hooks.register("before_serve_page")
def refuse_foreign_language_prefix(page, request, serve_args, serve_kwargs):
    from .translation import refuse_foreign_language_prefix as refuse

    return refuse(page, request, serve_args, serve_kwargs)


@hooks.register("register_admin_viewset")
def register_press_preview_viewsets():
    from .press_preview import PressPreviewAccessViewSet, PressPreviewLinkViewSet

    return [
        PressPreviewLinkViewSet("press_preview_links"),
        PressPreviewAccessViewSet("press_preview_log"),
    ]


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path(
            "integration/organisations/import/",
            admin_views.ImportOrganisationsView.as_view(),
            name="wagtail_integration_import_organisations",
        ),
        path(
            "integration/organisations/export/",
            admin_views.ExportOrganisationsView.as_view(),
            name="wagtail_integration_export_organisations",
        ),
    ]


@hooks.register("register_wagtail_integration_menu_item")
def register_import_menu_item():
    return admin_views.import_menu_item()


# Before wagtail-localize's own hook (order 0), which answers every edit of a translation.
@hooks.register("before_edit_page", order=-10)
def submit_translation_for_review(request, page):
    from .translation_review import submit_translation_for_review as submit

    return submit(request, page)


# Saves based on an outdated version are refused on the server (edit_conflicts.py).
hooks.register("before_edit_page", refuse_outdated_page_save)
hooks.register("before_edit_snippet", refuse_outdated_snippet_save)


@hooks.register("before_delete_snippet")
def refuse_deleting_protected_snippets(request, instances):
    """Deleting a snippet that references protect (members, partners, a release's publisher,
    a profile's organisation), live or in an unpublished draft, ends with a message naming
    those pages and the usage view, not with Django's ``ProtectedError`` (a 500 on Wagtail 7,
    "permission denied" on Wagtail 8) or with a draft that cannot be opened any more."""
    if request.method != "POST":
        return None
    from django.contrib import messages
    from django.db import router
    from django.db.models.deletion import Collector, ProtectedError
    from django.shortcuts import redirect
    from django.urls import NoReverseMatch, reverse
    from django.utils.text import get_text_list
    from django.utils.translation import gettext as _

    from .deletion import drafts_protect, protecting_names

    for instance in instances:
        collector = Collector(using=router.db_for_write(type(instance)))
        try:
            collector.collect([instance])
            error = None
        except ProtectedError as protected:
            error = protected
        # Django's collector does not see references that only unpublished drafts hold.
        if error is not None or drafts_protect(instance):
            messages.error(
                request,
                _(
                    "“%(object)s” is still used by %(pages)s and cannot be deleted; "
                    "choose another one there first."
                )
                % {
                    "object": instance,
                    "pages": get_text_list(protecting_names(instance, error), _("and")),
                },
            )
            try:
                viewset = type(instance).snippet_viewset
                return redirect(reverse(viewset.get_url_name("usage"), args=[instance.pk]))
            except (AttributeError, NoReverseMatch):
                return redirect("wagtailadmin_home")
    return None


# Registered after Wagtail's own delete action, which it replaces for the package's snippets.
hooks.register("register_bulk_action", ReferencesDeleteBulkAction, order=1)


@hooks.register("register_admin_viewset")
def register_accessibility_feedback_viewset():
    from .duties.admin import accessibility_feedback_viewset

    return accessibility_feedback_viewset


@hooks.register("construct_homepage_panels")
def add_review_dates_panel(request, panels):
    from .review.panels import ReviewDatesPanel

    panels.append(ReviewDatesPanel(request))
