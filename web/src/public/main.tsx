/**
 * The public page's entry, kept to a few hundred bytes with no stylesheet: the page's <head> then holds
 * nothing that delays the first paint of the screen the server rendered (src/api/public-page.ts). The
 * app — React, Mantine, its stylesheet — is fetched and run only after that paint, together with the
 * programme from the API address the server named on the root (`data-programme`); Vite's loader of the
 * dynamic import applies the app's stylesheet before the app renders, so it never shows unstyled.
 * A page the server did not render (not published, the list) starts the app at once.
 */
const root = document.getElementById("root");

function start(element: HTMLElement): void {
  const address = element.dataset.programme;
  const programme = address ? fetch(address, { headers: { accept: "application/json" } }) : undefined;
  void import("./start.js").then((app) => app.start(element, programme));
}

if (root?.hasChildNodes()) {
  const element = root;
  // After the next paint: the frame with the server's first screen is produced before any app work.
  requestAnimationFrame(() => setTimeout(() => start(element), 0));
} else if (root) {
  start(root);
}
