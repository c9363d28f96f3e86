import "../shared/mantineStyles.js";
import "../shared/styles.css";
import { MantineProvider } from "@mantine/core";
import { createRoot } from "react-dom/client";
import { I18nProvider } from "../i18n/index.js";
import { theme } from "../shared/theme.js";
import { PublicApp } from "./PublicApp.js";

/** Renders the public app into `root`, replacing the first screen the server rendered there, if any. */
export function start(root: HTMLElement): void {
  createRoot(root).render(
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nProvider>
        <PublicApp />
      </I18nProvider>
    </MantineProvider>,
  );
}
