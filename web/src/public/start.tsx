import "../shared/mantineStyles.js";
import "../shared/styles.css";
import { MantineProvider } from "@mantine/core";
import { createRoot } from "react-dom/client";
import { I18nProvider } from "../i18n/index.js";
import { api, type ProgrammeDetail } from "../lib/api.js";
import { theme } from "../shared/theme.js";
import { PublicApp } from "./PublicApp.js";

/**
 * Renders the public app into `root`, replacing the first screen the server rendered there, if any.
 * `programme`: the answer of the programme's API address, asked for by the entry; the first screen stays
 * until it has come, so the app replaces it with the programme, not with a loading message.
 */
export async function start(root: HTMLElement, programme?: Promise<Response>): Promise<void> {
  // When it failed, the app asks again and says why.
  const early =
    programme && (await api.publicFrom(programme).catch((): ProgrammeDetail | undefined => undefined));
  createRoot(root).render(
    <MantineProvider theme={theme} defaultColorScheme="light">
      <I18nProvider>
        <PublicApp early={early} />
      </I18nProvider>
    </MantineProvider>,
  );
}
