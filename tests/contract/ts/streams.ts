// Every page type's detail including its StreamFields is fully typed: each stream a
// discriminated union of block schemas (`type`) with typed values.
import type { PageTypes, Proof } from "./typed";

export const everyPageTypeIsTyped: Proof<PageTypes> = true;
