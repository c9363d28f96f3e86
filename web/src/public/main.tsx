import "../shared/mantineStyles.js";
import "../shared/styles.css";
import { MantineProvider } from "@mantine/core";
import { createRoot } from "react-dom/client";
import { I18nProvider } from "../i18n/index.js";
import { theme } from "../shared/theme.js";
import { PublicApp } from "./PublicApp.js";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nProvider>
        <PublicApp />
      </I18nProvider>
    </MantineProvider>,
  );
}
