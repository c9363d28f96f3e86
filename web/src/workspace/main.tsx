import "./mantineStyles.js";
import "../shared/styles.css";
import { MantineProvider } from "@mantine/core";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { I18nProvider } from "../i18n/index.js";
import { theme } from "../shared/theme.js";
import { App } from "./App.js";
import { probeSession } from "./data.js";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <I18nProvider>
          <App probe={probeSession} />
        </I18nProvider>
      </MantineProvider>
    </StrictMode>,
  );
}
