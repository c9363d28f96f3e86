/** Where a programme is on its way from draft to publication. */
export const PROGRAMME_STATUSES = ["draft", "agreed", "adopted", "published"] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];
