import "../shared/mantineStyles.js";
import "../shared/styles.css";
import { MantineProvider } from "@mantine/core";
import { createRoot } from "react-dom/client";
import { I18nProvider } from "../i18n/index.js";
import { theme } from "../shared/theme.js";
import { PublicApp } from "./PublicApp.js";

/** After the next paint: the first screen the server rendered shows before the app's first render. */
function afterFirstPaint(start: () => void): void {
  requestAnimationFrame(() => setTimeout(start, 0));
}

const root = document.getElementById("root");
if (root) {
  const start = () =>
    createRoot(root).render(
      <MantineProvider theme={theme} defaultColorScheme="light">
        <I18nProvider>
          <PublicApp />
        </I18nProvider>
      </MantineProvider>,
    );
  if (root.hasChildNodes()) afterFirstPaint(start);
  else start();
}
