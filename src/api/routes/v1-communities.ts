import type { z } from "zod";
import { errorSchema } from "../../contract/common.js";
import { communitySearchAnswer, communitySearchQuery } from "../../contract/community-search.js";
import { communityOfCode, matchNames } from "../../domain/geo/communities.js";
import { publishedCommunities } from "../../store/community-search.js";
import type { Store } from "../../store/index.js";
import type { ZodApp } from "../zod-provider.js";

/** The names a community is found by: the document's, and the codifier's for its code. */
function namesOf(community: { katottg: string; name: string }): string[] {
  const codified = communityOfCode(community.katottg)?.community;
  return codified ? [community.name, `${codified.name} ${codified.kind ?? ""}`] : [community.name];
}

export async function v1CommunityRoutes(app: ZodApp, options: { store: Store }): Promise<void> {
  const db = options.store.kysely();
  app.get<{ Querystring: z.infer<typeof communitySearchQuery> }>(
    "/communities/search",
    {
      schema: {
        tags: ["open data"],
        summary: "Пошук громади з оприлюдненою програмою за назвою (з помилками, латиницею)",
        querystring: communitySearchQuery,
        response: { 200: communitySearchAnswer, 400: errorSchema },
      },
    },
    async (request) => {
      const { q, limit } = request.query;
      const communities = await publishedCommunities(db);
      const named = communities.flatMap((community) =>
        namesOf(community).map((name) => ({ community, name })),
      );
      const seen = new Set<string>();
      const data = [];
      for (const { item } of matchNames(q, named, (each) => each.name)) {
        if (seen.has(item.community.katottg)) continue;
        seen.add(item.community.katottg);
        data.push(item.community);
        if (data.length === limit) break;
      }
      return { data };
    },
  );
}
