import { openStore } from "../store/index.js";
import { listenAddress } from "./listen.js";
import { buildPublicApp } from "./public-app.js";

/** `npm run serve:public`: the open-data API alone, on DATABASE_URL (a primary or a read replica). */
async function main(): Promise<void> {
  const store = await openStore();
  const app = buildPublicApp({ store, logger: { level: process.env.LOG_LEVEL ?? "info" } });
  const close = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  const { port, host } = listenAddress();
  await app.listen({ port, host });
  console.log(`infoprog, відкриті дані: ${app.listeningOrigin}/api/v1`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
