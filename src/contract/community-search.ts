/** GET /api/v1/communities/search: finding a community by its name (shared by the API and the web app). */
import { z } from "zod";

export const COMMUNITY_SEARCH_LIMIT = { default: 10, max: 50 } as const;

export const communitySearchQuery = z.object({
  q: z.string().trim().min(1).max(100).describe("Назва громади або її частина, з помилками чи латиницею"),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(COMMUNITY_SEARCH_LIMIT.max)
    .default(COMMUNITY_SEARCH_LIMIT.default),
});

export const communityHit = z.object({
  katottg: z.string(),
  name: z.string(),
  oblast: z.string().nullable(),
  population: z.number().int().nullable(),
});
export type CommunityHit = z.infer<typeof communityHit>;

/** Communities with a published programme, best match first. */
export const communitySearchAnswer = z.object({ data: z.array(communityHit) });
export type CommunitySearchAnswer = z.infer<typeof communitySearchAnswer>;
