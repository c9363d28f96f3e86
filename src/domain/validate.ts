import type { Finding, Programme } from "./model.js";

/** Runs every validation rule on a programme. Pure: the importer, the API and the web app share it. */
export function validateProgramme(_programme: Programme): Finding[] {
  return [];
}
