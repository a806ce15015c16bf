from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from wagtail_integration.slugs import GermanSlugMixin, GermanSlugPageForm
from wagtail_integration.visibility import visible


class HomePage(Page):
    """The site's root page: an introduction and one card per page shown in menus."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    page_description = _("The start page of the site: an introduction and links to its sections.")
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cards"] = visible(self.get_children().live().public().in_menu()).specific()
        return context


class ContentPage(GermanSlugMixin, Page):
    """A plain text page of the site, such as its privacy notice (Datenschutzerklärung);
    German slugs like the package's pages."""

    base_form_class = GermanSlugPageForm
    body = RichTextField(
        _("text"), blank=True, features=["h2", "h3", "bold", "italic", "link", "ol", "ul"]
    )

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["home.ContentPage"]
    page_description = _("A page of text, e.g. the privacy notice linked in the footer.")
    template = "home/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
