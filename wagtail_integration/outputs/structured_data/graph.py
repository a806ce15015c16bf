"""The ``@graph`` of one page: a :class:`GraphBuilder` handler per page type."""

from __future__ import annotations

from django.conf import settings

from ...text import plain_text
from .common import IMAGE_FILTER, compact, opening_hours, page_site, rendition_url
from .entities import EntityNodes


def page_description(page, limit: int = 300, paragraphs: bool = False) -> str:
    """search_description, else the lead, introduction or tagline, as plain text."""
    for name in ("search_description", "lead", "introduction", "tagline"):
        text = plain_text(
            getattr(page, name, None), limit, rich=name == "introduction", paragraphs=paragraphs
        )
        if text:
            return text
    return ""


class GraphBuilder(EntityNodes):
    """Collects the nodes of one page's ``@graph``; each snippet appears once, by ``@id``."""

    def __init__(self, page, request=None, context: dict | None = None):
        self.page = page
        self.request = request
        self.context = context or {}
        self.nodes: dict[str, dict] = {}
        self.page_url = page.get_full_url(request) or ""
        site = page_site(page, request)
        self.root_url = (site.root_url if site else "") or (
            request.build_absolute_uri("/") if request is not None else ""
        )
        self.site_name = (getattr(site, "site_name", "") or "") or getattr(
            settings, "WAGTAIL_SITE_NAME", ""
        )
        self.language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE

    def website(self) -> dict:
        return self.add(
            compact(
                {
                    "@type": "WebSite",
                    "@id": f"{self.root_url.rstrip('/')}/#website",
                    "url": self.root_url,
                    "name": self.site_name,
                }
            )
        )

    def webpage(self, page_type: str = "WebPage", **extra) -> dict:
        page = self.page
        node = {
            "@type": page_type,
            "@id": f"{self.page_url}#webpage",
            "url": self.page_url,
            "name": page.seo_title or page.title,
            "description": page_description(page, paragraphs=True),
            "inLanguage": self.language,
            "isPartOf": self.ref(self.website()),
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
            **extra,
        }
        return self.add(compact(node))

    def build(self) -> list[dict]:
        page = self.page
        handler = None
        for klass in type(page).__mro__:  # the abstract bases cover hosts' variants too
            handler = getattr(self, f"page_{klass.__name__.lower()}", None)
            if handler is not None:
                break
        (handler or self.page_default)()
        return list(self.nodes.values())

    def page_default(self) -> None:
        events = self.events(getattr(self.page, "events", None))
        self.webpage(mentions=[self.ref(e) for e in events])

    def _collection(self) -> None:
        self.webpage("CollectionPage")

    page_abstractpressreleaseindexpage = _collection
    page_abstractprojectindexpage = _collection
    page_abstractdirectorypage = _collection

    def page_abstractpressreleasepage(self) -> None:
        page = self.page
        publisher = self.organisation(page.publisher)
        if publisher is None and self.site_name:
            publisher = self.add(
                {
                    "@type": "Organization",
                    "@id": f"{self.root_url.rstrip('/')}/#publisher",
                    "name": self.site_name,
                    "url": self.root_url,
                }
            )
        contact = self.person(page.press_contact)
        events = self.events(page.events)
        webpage = self.webpage()
        images = [
            url
            for url in (
                rendition_url(block.value["image"], IMAGE_FILTER, self.root_url)
                for block in page.media
                if block.block_type == "image" and block.value["image"] is not None
            )
            if url
        ]
        article = {
            "@type": "NewsArticle",
            "@id": f"{self.page_url}#article",
            "headline": page.title,
            "alternativeHeadline": page.subheadline,
            "description": page_description(page, paragraphs=True),
            "datePublished": page.release_date.isoformat() if page.release_date else None,
            "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
            "publisher": self.ref(publisher),
            "author": self.ref(publisher),
            "accountablePerson": self.ref(contact),
            "image": images,
            "inLanguage": self.language,
            "mainEntityOfPage": self.ref(webpage),
            "locationCreated": {"@type": "Place", "name": page.dateline} if page.dateline else None,
            "mentions": [self.ref(e) for e in events],
            "url": self.page_url,
        }
        self.add(compact(article))

    def page_abstractorganisationprofilepage(self) -> None:
        page = self.page
        org = self.organisation(page.organisation)
        if org is not None:
            # schema.org: opening hours are a property of the Place, not of the Organization.
            place = self.organisation_place(page.organisation, opening_hours(page.office_hours))
            if place is not None:
                org["location"] = place
            if page.tagline:
                org.setdefault("slogan", page.tagline)
            operator = self.organisation(page.operator, with_logo=False)
            if operator is not None:
                org["parentOrganization"] = self.ref(operator)
        self.webpage("AboutPage", mainEntity=self.ref(org))

    def page_abstractnetworkpage(self) -> None:
        page = self.page
        memberships = self.context.get("memberships")
        if memberships is None:
            memberships = list(page.memberships.select_related("organisation"))
        members = [self.organisation(m.organisation, with_logo=False) for m in memberships]
        network = {
            "@type": "Organization",
            "@id": f"{self.page_url}#network",
            "name": page.title,
            "description": plain_text(page.introduction, 500, paragraphs=True),
            "foundingDate": str(page.founded_year) if page.founded_year else None,
            "areaServed": page.region,
            "url": page.more_info_url or self.page_url,
            "member": [self.ref(m) for m in members if m],
        }
        network = self.add(compact(network))
        self.webpage(mainEntity=self.ref(network))

    def page_abstractpartnerlistingpage(self) -> None:
        partners = self.context.get("partners")
        if partners is None:
            partners = list(self.page.partners.select_related("organisation"))
        items = [self.organisation(p.organisation, with_logo=False) for p in partners]
        events = self.events(self.page.events)
        item_list = {
            "@type": "ItemList",
            "@id": f"{self.page_url}#partners",
            "numberOfItems": len(items),
            "itemListElement": [
                {"@type": "ListItem", "position": i, "item": self.ref(item)}
                for i, item in enumerate(items, start=1)
            ],
        }
        self.add(item_list)
        self.webpage(
            "CollectionPage",
            mainEntity=self.ref(item_list),
            mentions=[self.ref(e) for e in events],
        )

    def page_abstractspeakerteampage(self) -> None:
        people = [
            self.person(block.value["person"])
            for block in self.page.members
            if block.block_type == "member" and block.value["person"] is not None
        ]
        item_list = {
            "@type": "ItemList",
            "@id": f"{self.page_url}#members",
            "itemListElement": [
                {"@type": "ListItem", "position": i, "item": self.ref(person)}
                for i, person in enumerate(people, start=1)
            ],
        }
        self.add(item_list)
        self.webpage(mainEntity=self.ref(item_list))


def page_graph(page, request=None, context: dict | None = None) -> list[dict]:
    """The JSON-LD ``@graph`` nodes of ``page``."""
    return GraphBuilder(page, request, context).build()
