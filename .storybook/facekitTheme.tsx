/**
 * Storybook toolbar global `facekitTheme`: how FaceKit's stylesheet shows the stories. `auto`
 * follows the system's colour scheme, `light` and `dark` force one (`data-facekit-theme` on a
 * wrapper), `unstyled` opts the story out of the stylesheet (`data-facekit-unstyled`), as a team
 * with its own design system sees the components: semantic HTML only.
 */
import type { Decorator, Preview } from "@storybook/react-vite";

type FaceKitTheme = "auto" | "light" | "dark" | "unstyled";

export const facekitThemeGlobalTypes: NonNullable<Preview["globalTypes"]> = {
  facekitTheme: {
    description: "FaceKit theme (styles.css)",
    toolbar: {
      title: "Theme",
      icon: "contrast",
      items: [
        { value: "auto", title: "Auto (system)" },
        { value: "light", title: "Light" },
        { value: "dark", title: "Dark" },
        { value: "unstyled", title: "Unstyled (no FaceKit CSS)" },
      ],
      dynamicTitle: true,
    },
  },
};

// Set by the story tests' Vitest project (vitest.config.ts); absent in `storybook dev`.
declare const __FACEKIT_STORY_THEME__: FaceKitTheme | undefined;

export const facekitThemeInitialGlobals = {
  facekitTheme: typeof __FACEKIT_STORY_THEME__ === "string" ? __FACEKIT_STORY_THEME__ : "auto",
};

/** Page colours around the story, so a forced theme is seen on a matching page. */
const page = {
  light: { background: "#f4f5f7", color: "#111827", colorScheme: "light" },
  dark: { background: "#0b0f17", color: "#e6e9ef", colorScheme: "dark" },
} as const;

export const withFacekitTheme: Decorator = (Story, context) => {
  const theme = (context.globals.facekitTheme ?? "auto") as FaceKitTheme;
  if (theme === "unstyled") {
    return (
      <div data-facekit-unstyled="">
        <Story />
      </div>
    );
  }
  if (theme === "auto") return <Story />;
  return (
    <div data-facekit-theme={theme} style={{ ...page[theme], padding: "1rem", borderRadius: 8 }}>
      <Story />
    </div>
  );
};
