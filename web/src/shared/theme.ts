import { createTheme, ScrollArea } from "@mantine/core";

/** Shade 8 of blue keeps white text on buttons above 4.5:1 (WCAG AA). */
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 5 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  defaultRadius: "sm",
  focusRing: "auto",
  components: {
    // A region that scrolls sideways (a wide table on a phone) must be reachable by keyboard (WCAG 2.1.1),
    // and show its scrollbar whenever it overflows: a phone has no hover to reveal it, and a table cut
    // at the screen's edge would give no cue that more of it is there.
    ScrollArea: ScrollArea.extend({ defaultProps: { type: "auto", viewportProps: { tabIndex: 0 } } }),
  },
});
