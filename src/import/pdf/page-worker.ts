/**
 * The PDF reader's helper thread (`helper.ts`): for each document it is sent, it opens its own copy
 * in pdf.js and reads pages from the back, as many as it can take before the reading thread has
 * taken the rest, sending each page as it is read.
 */
import { parentPort } from "node:worker_threads";
import { pagesLeft, takeBack } from "./claims.js";
import type { HelpAnswer, HelpRequest } from "./helper.js";
import { withWholeInflate } from "./inflate.js";
import { openPdf } from "./load.js";
import { pdfjs } from "./pdfjs.js";

function send(answer: HelpAnswer): void {
  parentPort?.postMessage(answer);
}

/** pdf.js, loaded as the thread starts rather than with a page taken (which the reading thread would wait for). */
const loaded = pdfjs();
loaded.then(() => send({ ready: true }));

/**
 * Opens the document only if a page is left to take (the reading thread may have read them all
 * meanwhile), and takes a page only once it is open.
 */
async function help({ job, bytes, pages, claims, deadline }: HelpRequest): Promise<void> {
  await loaded;
  if (pagesLeft(claims, pages) === 0) return;
  const pdf = await openPdf(bytes);
  try {
    for (
      let number = takeBack(claims, pages);
      number !== undefined && Date.now() <= deadline;
      number = takeBack(claims, pages)
    ) {
      send({ job, number, page: await pdf.read(number) });
    }
  } finally {
    await pdf.close();
  }
}

parentPort?.on("message", (request: HelpRequest) => {
  withWholeInflate(() => help(request)).then(
    () => send({ job: request.job, done: true }),
    () => send({ job: request.job, failed: true }),
  );
});
