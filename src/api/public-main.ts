import { config } from "../config.js";
import { openStore } from "../store/index.js";
import { listenAddress } from "./listen.js";
import { buildPublicApp } from "./public-app.js";

/** `npm run serve:public`: the open-data API alone, on DATABASE_URL (a primary or a read replica). */
async function main(): Promise<void> {
  const store = await openStore();
  const settings = config();
  const app = buildPublicApp({ store, config: settings, logger: { level: settings.logLevel } });
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
