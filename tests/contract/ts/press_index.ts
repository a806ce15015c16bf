// A press index front end: the release cards of one API v3 listing request
// (GET /api/v3/pages/?type=wagtail_integration.PressReleasePage&order=-release_date), typed
// only by the OpenAPI document: no `any`, no `unknown`, no casts. Compiled with `tsc --strict`;
// the test also runs it on a real answer.
import type { components, operations } from "./api";

export type Listing =
  operations["pages_list"]["responses"][200]["content"]["application/json"];
type Card = Listing["items"][number];
// Narrowed by the card's `type`: a release card's date is a release date, never missing.
type ReleaseCard = Extract<Card, { type: "wagtail_integration.PressReleasePage" }>;
type Image = components["schemas"]["ImageOut"];

const esc = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function picture(image: Image | null): string {
  const rendition = image?.renditions["thumbnail"];
  if (!image || !rendition) return "";
  const credit = image.credit ? `<small>${esc(image.credit)}</small>` : "";
  return `<img src="${esc(rendition.url)}" width="${rendition.width}" height="${rendition.height}" alt="${esc(image.alt)}">${credit}`;
}

export function releaseCard(card: ReleaseCard): string {
  const day: string = card.date; // a string, not `string | null`: the release date
  const kind: "release_date" = card.date_field;
  return (
    `<article lang="${esc(card.locale)}" data-date="${kind}">` +
    `<p>${esc(card.type_label)}</p>` +
    `<h2><a href="${esc(card.url ?? card.meta.html_url ?? "")}">${esc(card.title)}</a></h2>` +
    `<time datetime="${esc(day)}">${esc(day)}</time>` +
    `<p>${esc(card.lead)}</p>` +
    picture(card.image) +
    `</article>`
  );
}

// Any other page in the same listing (a host's own type, say): the common card fields.
function otherCard(card: Exclude<Card, ReleaseCard>): string {
  const date = card.date ? `<time datetime="${esc(card.date)}">${esc(card.date)}</time>` : "";
  return `<article><h2>${esc(card.title)}</h2>${date}<p>${esc(card.lead)}</p>${picture(card.image)}</article>`;
}

export function pressIndex(listing: Listing): string {
  const cards = listing.items.map((card) =>
    card.type === "wagtail_integration.PressReleasePage" ? releaseCard(card) : otherCard(card),
  );
  return `<section><p>${listing.count}</p>${cards.join("")}</section>`;
}
