import { existsSync } from "node:fs";
import { config } from "../config.js";
import { DataDirLockedError } from "../store/data-dir-lock.js";
import { openStore } from "../store/index.js";
import { devMailCatcher, scheduleNotifications } from "../store/notifications.js";
import { createMailer, scheduleReminders } from "../store/reminders.js";
import { seedDemo, seedDemoUsers } from "../store/seed.js";
import { buildApp, DEFAULT_WEB_DIST } from "./app.js";
import { listenAddress } from "./listen.js";

/**
 * `npm start` (or `npm run serve`, compiled): the embedded database (or DATABASE_URL), the demo programme
 * and users unless INFOPROG_DEMO=0, the API and the web app.
 */
async function main(): Promise<void> {
  const settings = config();
  // PGlite's planner statistics refreshed once per start (it has no autovacuum; the CLI's opens only
  // fill in missing ones).
  const store = await openStore({ planStatistics: "refresh" });
  const withDemo = settings.demo.enabled;
  const seeded = withDemo && (await seedDemo(store));
  const demoPassword = settings.demo.password;
  const usersSeeded = withDemo && (await seedDemoUsers(store, demoPassword));
  // One SMTP transport (SMTP_URL) for the reminders (scheduled and by hand) and the notifications.
  const mailer = createMailer();
  const app = buildApp({ store, config: settings, logger: { level: settings.logLevel }, mailer });
  const { port, host } = listenAddress();
  const stopReminders = scheduleReminders(store, mailer, (error) =>
    app.log.error({ err: error }, "reminders failed"),
  );
  const stopNotifications = scheduleNotifications(
    store,
    mailer ?? devMailCatcher,
    settings.smtp.from,
    (error) => app.log.error({ err: error }, "notifications failed"),
  );
  const close = async () => {
    stopReminders();
    stopNotifications();
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  await app.listen({ port, host });
  const url = app.listeningOrigin;
  if (seeded) console.log("Додано демонстраційну програму.");
  if (usersSeeded) {
    console.log(`Демо-користувачі admin, head, executor1, executor2, controller; пароль: ${demoPassword}`);
  }
  console.log(`infoprog: ${url}  (API: ${url}/api, документація: ${url}/api/docs)`);
  if (!existsSync(DEFAULT_WEB_DIST)) console.log("Вебзастосунок не зібрано: npm run build:web");
}

main().catch((error: unknown) => {
  console.error(error instanceof DataDirLockedError ? `infoprog: ${error.message}` : error);
  process.exit(1);
});
