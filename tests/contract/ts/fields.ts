// Every page type's detail, its StreamFields left out, is fully typed; render.ts renders it.
import type { PageTypes, Proof, WithoutStreams } from "./typed";
import { render } from "./render";

export const everyFieldButStreamsIsTyped: Proof<WithoutStreams<PageTypes>> = true;
export { render };
