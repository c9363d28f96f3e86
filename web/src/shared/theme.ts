import { createTheme, ScrollArea } from "@mantine/core";

/** Shade 8 of blue keeps white text on buttons above 4.5:1 (WCAG AA). */
export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: { light: 8, dark: 5 },
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
  defaultRadius: "sm",
  focusRing: "auto",
  components: {
    // A region that scrolls sideways (a wide table on a phone) must be reachable by keyboard (WCAG 2.1.1).
    ScrollArea: ScrollArea.extend({ defaultProps: { viewportProps: { tabIndex: 0 } } }),
  },
});
