/// <reference types="vite/client" />
import { storyDidit, withStoryProvider } from "@facekit/test-utils/stories";
import type { Meta, StoryObj } from "@storybook/react-vite";
import type { CSSProperties, ReactNode } from "react";
import { expect, waitFor, within } from "storybook/test";
import { FaceMatchButton } from "./FaceMatchButton.tsx";
import { SelfieCompareUploader } from "./SelfieCompareUploader.tsx";
import css from "./styles.css?raw";

/**
 * The theming page's live parts (packages/react/docs/Theming.mdx): every `--facekit-*` custom
 * property read from the stylesheet itself (so the list cannot fall behind it), with its light
 * and dark defaults, and the components in both themes and in a brand of your own.
 */
const meta = {
  title: "Theming",
  decorators: [withStoryProvider],
  parameters: { layout: "padded" },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** What each property sets. A property of the stylesheet missing here fails `Tokens`' test. */
const words: Record<string, string> = {
  "--facekit-color-primary": "Primary buttons, progress, the focus ring",
  "--facekit-color-primary-text": "Text on primary (and success) buttons",
  "--facekit-color-surface": "Component backgrounds",
  "--facekit-color-text": "Text",
  "--facekit-color-muted": "Secondary text, the status line, tips",
  "--facekit-color-border": "Borders of cards, slots and buttons",
  "--facekit-color-danger": "Alerts, a declined result",
  "--facekit-color-success": "A completed check, an approved result",
  "--facekit-radius": "Corners of buttons (cards: 1.5 times it, at most 1.25rem)",
  "--facekit-space": "The spacing unit: paddings and gaps are multiples of it",
  "--facekit-font-family": "All text; `inherit` takes your page's font",
  "--facekit-focus-ring": "The outline of a focused control (:focus-visible)",
  "--facekit-aspect-ratio": "FaceSign's iframe: its shape",
  "--facekit-min-height": "FaceSign's iframe: its least height",
  "--facekit-max-height": "FaceSign's iframe: its greatest height",
};

interface Token {
  name: string;
  light: string;
  dark: string;
}

/** The private defaults (`--_fk-*`) of one `[data-facekit-theme="…"]` block of the stylesheet. */
function themeDefaults(theme: "light" | "dark"): Record<string, string> {
  const block = css.split(`[data-facekit-theme="${theme}"] {`)[1]?.split("}")[0] ?? "";
  return Object.fromEntries(
    [...block.matchAll(/(--_fk-[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2]]),
  );
}

/** Every `var(--facekit-…, default)` of the stylesheet, with its default in each theme. */
function themeTokens(): Token[] {
  const themes = { light: themeDefaults("light"), dark: themeDefaults("dark") };
  const tokens = new Map<string, Token>();
  for (const m of css.matchAll(/var\(\s*(--facekit-[\w-]+),\s*([^;]+?)\);/g)) {
    const [, name = "", fallback = ""] = m;
    const shown = fallback.replace(/\s+/g, " ");
    const own = /^var\((--_fk-[\w-]+)\)?$/.exec(shown)?.[1];
    const resolve = (t: "light" | "dark") => (own ? (themes[t][own] ?? shown) : shown);
    tokens.set(name, { name, light: resolve("light"), dark: resolve("dark") });
  }
  return [...tokens.values()];
}

const swatch = (value: string) =>
  value.startsWith("#") && (
    <span
      aria-hidden="true"
      style={{
        display: "inline-block",
        width: "1em",
        height: "1em",
        marginRight: 6,
        verticalAlign: "-0.15em",
        border: "1px solid #8886",
        borderRadius: 3,
        background: value,
      }}
    />
  );

/** Every custom property, with what it sets and its defaults. */
export const Tokens: Story = {
  parameters: { docs: { source: { code: 'import "@facekit/react/styles.css";' } } },
  render: () => (
    <table style={{ borderCollapse: "collapse", fontSize: 14, width: "100%" }}>
      <thead>
        <tr style={{ textAlign: "left" }}>
          <th>Property</th>
          <th>What it sets</th>
          <th>Light default</th>
          <th>Dark default</th>
        </tr>
      </thead>
      <tbody>
        {themeTokens().map((t) => (
          <tr key={t.name} style={{ borderTop: "1px solid #8884" }}>
            <td>
              <code>{t.name}</code>
            </td>
            <td>{words[t.name] ?? "(not described)"}</td>
            <td>
              {swatch(t.light)}
              <code>{t.light}</code>
            </td>
            <td>
              {swatch(t.dark)}
              <code>{t.dark}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  ),
  play: async ({ canvasElement }) => {
    const names = themeTokens().map((t) => t.name);
    await expect(names).toHaveLength(Object.keys(words).length);
    await expect(names.filter((n) => !words[n])).toEqual([]);
    await expect(within(canvasElement).queryByText("(not described)")).toBeNull();
  },
};

/** The page colours around each example, so a theme is seen on a matching page. */
const pages = {
  light: { background: "#f4f5f7", color: "#111827" },
  dark: { background: "#0b0f17", color: "#e6e9ef" },
};

function Example({
  title,
  theme,
  style,
}: {
  title: string;
  theme: "light" | "dark";
  style?: CSSProperties;
}) {
  return (
    <section
      aria-label={title}
      data-facekit-theme={theme}
      style={{ ...pages[theme], ...style, padding: 16, borderRadius: 8, display: "grid", gap: 12 }}
    >
      <h3 style={{ margin: 0, fontSize: 15 }}>{title}</h3>
      <FaceMatchButton />
      <SelfieCompareUploader {...storyDidit({ reference: "server" })} />
    </section>
  );
}

const Row = ({ children }: { children: ReactNode }) => (
  <div
    style={{
      display: "grid",
      gap: 16,
      gridTemplateColumns: "repeat(auto-fit, minmax(18rem, 1fr))",
    }}
  >
    {children}
  </div>
);

/** A brand of your own: a few properties on any ancestor (here, inline on the wrapper). */
const brand = {
  "--facekit-color-primary": "#6d28d9",
  "--facekit-radius": "999px",
  "--facekit-font-family": "Georgia, serif",
} as CSSProperties;

/** The defaults in the light and the dark theme, and a brand of your own, live. */
export const LightAndDark: Story = {
  parameters: {
    docs: {
      source: {
        language: "css",
        code: `.signup {\n${Object.entries(brand)
          .map(([name, value]) => `  ${name}: ${value};`)
          .join("\n")}\n}`,
      },
    },
  },
  render: () => (
    <Row>
      <Example title="Light" theme="light" />
      <Example title="Dark" theme="dark" />
      <Example title="Your brand" theme="light" style={brand} />
    </Row>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = (name: string) =>
      within(canvas.getByRole("region", { name })).getByRole("button", { name: /face/i });
    await waitFor(() =>
      expect(canvas.getAllByRole("group", { name: "Your selfie" })).toHaveLength(3),
    );
    const background = (name: string) => getComputedStyle(button(name)).backgroundColor;
    await expect(background("Light")).toBe("rgb(29, 78, 216)");
    await expect(background("Dark")).toBe("rgb(138, 180, 255)");
    await expect(background("Your brand")).toBe("rgb(109, 40, 217)");
    await expect(getComputedStyle(button("Your brand")).borderRadius).toBe("999px");
  },
};
