// A strict consumer of every page type's detail (GET /api/v3/pages/{id}/), typed only by
// the OpenAPI document: no `any`, no `unknown`, no casts. Compiled with `tsc --strict`.
import type { components, operations } from "./api";

type Schemas = components["schemas"];
export type PageDetail =
  operations["pages_detail"]["responses"][200]["content"]["application/json"];
type Person = Schemas["PersonOut"];
type Organisation = Schemas["OrganisationOut"];
type Image = Schemas["ImageOut"];
type Translation = Schemas["TranslationOut"];
type Links = Schemas["PageLinksOut"];
type Selection = Schemas["DirectorySelectionOut"];

const esc = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const opt = (text: string | null | undefined): string => (text ? esc(text) : "");
const html = (text: string | null | undefined): string => text ?? ""; // display HTML
const list = <T>(items: readonly T[] | null | undefined, each: (item: T) => string): string =>
  (items ?? []).map(each).join("");

export function image(value: Image | null | undefined): string {
  if (!value) return "";
  const rendition = value.renditions["medium"];
  return rendition
    ? `<img src="${esc(rendition.url)}" width="${rendition.width}" height="${rendition.height}" alt="${esc(value.alt)}">`
    : "";
}

export function person(value: Person | null | undefined): string {
  if (!value) return "";
  const vcard = value.vcard_url ? `<a type="text/vcard" href="${esc(value.vcard_url)}">vCard</a>` : "";
  return `<p>${esc(value.full_name)} ${esc(value.position)} ${esc(value.email)} ${esc(value.phone)}</p>${vcard}`;
}

// The calendar and feed links the HTML page offers (absolute URLs).
function links(value: Links | null | undefined): string {
  if (!value) return "";
  const calendar = value.calendar ? `<a type="text/calendar" href="${esc(value.calendar)}">.ics</a>` : "";
  const feeds = value.feeds
    ? `<link rel="alternate" type="application/rss+xml" href="${esc(value.feeds.rss)}">` +
      `<link rel="alternate" type="application/atom+xml" href="${esc(value.feeds.atom)}">`
    : "";
  return calendar + feeds;
}

// The page's schema.org graph, embedded as the HTML page embeds it.
function jsonLd(graph: readonly object[] | null | undefined): string {
  if (!graph) return "";
  const text = JSON.stringify({ "@context": "https://schema.org", "@graph": graph });
  return `<script type="application/ld+json">${text.replace(/</g, "\\u003c")}</script>`;
}

function selection(value: Selection | null | undefined): string {
  if (!value) return "";
  return `<p>${list(value.kinds, (k) => esc(k.label) + " ")}${esc(value.municipality)}</p>` +
    list(value.topics, (t) => `<span data-topic="${t.id}">${esc(t.name)}</span>`);
}

export function organisation(value: Organisation | null | undefined): string {
  if (!value) return "";
  return `<p>${esc(value.name)} (${esc(value.kind_label)}) ${esc(value.city)}</p>${html(value.description)}${image(value.logo)}`;
}

function translations(items: readonly Translation[] | null | undefined): string {
  return list(items, (t) => `<a hreflang="${esc(t.locale)}" href="${opt(t.url)}">${esc(t.title)}</a>`);
}

function contact(page: {
  contact_person?: Person | null;
  contact_organisation?: Organisation | null;
}): string {
  return person(page.contact_person) + organisation(page.contact_organisation);
}

// The package's page types; the test host's own variants (testapp.*) are the host's contract.
type TypeName = Extract<PageDetail["meta"]["type"], `wagtail_integration.${string}` | "wagtailcore.Page">;
type DetailOf<T extends TypeName> = Extract<PageDetail, { meta: { type: T } }>;
type Renderers = { [T in TypeName]: (page: DetailOf<T>) => string };

const head = (page: { title: string }): string => `<h1>${esc(page.title)}</h1>`;

// One renderer per page type: the mapped type makes a missing page type a compile error.
const renderers: Renderers = {
  "wagtailcore.Page": (page) => head(page),
  "wagtail_integration.NetworkPage": (page) =>
    head(page) +
      `<p>${opt(page.region)} ${page.founded_year ?? ""} ${page.declared_member_count ?? ""}</p>` +
      `<p>${page.meetings_per_year ?? ""} ${opt(page.meeting_rhythm)} ${opt(page.more_info_url)}</p>` +
      html(page.introduction) +
      html(page.way_of_working) +
      list(page.memberships, (m) => organisation(m.organisation) + esc(m.note)) +
      list(page.working_groups, (g) => esc(g.name) + html(g.description) + person(g.contact)) +
      contact(page) +
      translations(page.translations),
  "wagtail_integration.PartnerListingPage": (page) =>
    head(page) +
      `<p>${page.founded_year ?? ""}</p>` +
      html(page.introduction) +
      html(page.aims) +
      html(page.network_work) +
      person(page.patron) +
      contact(page) +
      links(page.links) +
      translations(page.translations),
  "wagtail_integration.SpeakerTeamPage": (page) =>
    head(page) + html(page.introduction) + contact(page) + translations(page.translations),
  "wagtail_integration.DirectoryPage": (page) =>
    head(page) + html(page.introduction) + selection(page.selection) + translations(page.translations),
  "wagtail_integration.OrganisationProfilePage": (page) =>
    head(page) +
      `<p>${opt(page.tagline)} ${opt(page.office_hours_note)}</p>` +
      `<p>${page.by_appointment ? "by appointment" : ""} ${page.free_and_confidential ? "free" : ""}</p>` +
      organisation(page.organisation) +
      organisation(page.operator) +
      html(page.introduction) +
      html(page.approach) +
      html(page.funding_note) +
      contact(page) +
      translations(page.translations),
  "wagtail_integration.PressReleaseIndexPage": (page) =>
    head(page) + html(page.introduction) + translations(page.translations),
  "wagtail_integration.PressReleasePage": (page) =>
    head(page) +
      `<time datetime="${opt(page.release_date)}">${opt(page.release_date)}</time>` +
      `<p>${opt(page.dateline)} ${opt(page.subheadline)}</p>` +
      html(page.lead) +
      person(page.press_contact) +
      organisation(page.publisher) +
      links(page.links) +
      jsonLd(page.structured_data) +
      translations(page.translations),
  "wagtail_integration.ProjectIndexPage": (page) =>
    head(page) + html(page.introduction) + translations(page.translations),
  "wagtail_integration.ProjectPage": (page) =>
    head(page) +
      `<p>${opt(page.region)} ${opt(page.start_date)} ${opt(page.end_date)}</p>` +
      html(page.introduction) +
      html(page.region_description) +
      html(page.funding_note) +
      person(page.press_contact) +
      contact(page) +
      translations(page.translations),
  "wagtail_integration.AccessibilityStatementPage": (page) =>
    head(page) + `<p>${esc(page.conformance_status)}</p>` + translations(page.translations),
  "wagtail_integration.ImpressumPage": (page) =>
    head(page) + `<p>${esc(page.provider_name)}</p>` + translations(page.translations),
  "wagtail_integration.EasyReadPage": (page) =>
    head(page) + html(page.easy_read_text) + translations(page.translations),
  "wagtail_integration.PhotoArchivePage": (page) =>
    head(page) +
      html(page.introduction) +
      list(page.photos, (p) => image(p.image) + esc(p.caption) + esc(p.credit) + esc(p.licence)) +
      translations(page.translations),
};

function dispatch<T extends TypeName>(page: DetailOf<T>, type: T): string {
  const renderer: Renderers[T] = renderers[type];
  return renderer(page);
}

type PackagePageDetail = DetailOf<TypeName>;
const isPackagePage = (page: PageDetail): page is PackagePageDetail => page.meta.type in renderers;

// A host's own page types get the title only; a real front end adds renderers for them.
export function render(page: PageDetail): string {
  return isPackagePage(page) ? dispatch(page, page.meta.type) : head(page);
}
