// Type-level checks of the generated types: the only file that names `any` and `unknown`,
// to detect them. `Proof<T>` is `true` only if no property of T, at any depth, is either.
import type { components } from "./api";

type Schemas = components["schemas"];
export type PageTypes =
  | Schemas["NetworkPageSchema"]
  | Schemas["PartnerListingPageSchema"]
  | Schemas["SpeakerTeamPageSchema"]
  | Schemas["DirectoryPageSchema"]
  | Schemas["OrganisationProfilePageSchema"]
  | Schemas["PressReleaseIndexPageSchema"]
  | Schemas["PressReleasePageSchema"]
  | Schemas["ProjectIndexPageSchema"]
  | Schemas["ProjectPageSchema"]
  | Schemas["PhotoArchivePageSchema"];

type Untyped<T> = 0 extends 1 & T ? true : unknown extends T ? true : false;
type Typed<T, Depth extends 0[] = []> = Depth["length"] extends 10
  ? true
  : Untyped<T> extends true
    ? false
    : T extends readonly (infer Item)[]
      ? Typed<Item, [...Depth, 0]>
      : T extends object
        ? false extends { [K in keyof T]-?: Typed<T[K], [...Depth, 0]> }[keyof T]
          ? false
          : true
        : true;

// `Typed` distributes over unions: the proof holds only if no member yields `false`.
export type Proof<T> = false extends Typed<T> ? false : true;
type StreamFields = "body" | "media" | "events" | "goals" | "speakers" | "tasks" | "focus_districts"
  | "office_hours" | "funding" | "measures" | "municipalities" | "target_groups" | "partners"
  | "members";
export type WithoutStreams<T> = T extends object ? Omit<T, StreamFields> : T;

