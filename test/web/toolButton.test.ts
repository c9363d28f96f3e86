import { ActionIcon, MantineProvider } from "@mantine/core";
import { type ComponentType, createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { theme } from "../../web/src/shared/theme.js";
import { ToolButton } from "../../web/src/workspace/components/ItemEditor.js";

/** The button a component renders with these props and "↑" in the app's theme (no provider's style tags). */
function markup(component: unknown, props: Record<string, unknown>): string {
  const button = createElement(component as ComponentType<Record<string, unknown>>, props, "↑");
  const html = renderToStaticMarkup(
    createElement(MantineProvider, { theme, defaultColorScheme: "light" }, button),
  );
  return html.slice(html.indexOf("<button"));
}

const onClick = () => {};
const mantine = (disabled: boolean) =>
  markup(ActionIcon, {
    variant: "default",
    size: "md",
    "aria-label": "Вище",
    title: "Вище",
    disabled,
    onClick,
  });
const light = (disabled: boolean) => markup(ToolButton, { label: "Вище", disabled, onClick });

describe("a task toolbar's button", () => {
  it("is the same element as Mantine's default md ActionIcon, enabled and disabled", () => {
    for (const disabled of [false, true]) {
      expect(light(disabled)).toBe(mantine(disabled));
    }
    expect(light(true)).toContain("disabled");
    expect(light(false)).not.toBe(light(true));
  });
});
