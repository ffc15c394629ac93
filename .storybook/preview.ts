import type { Preview } from "@storybook/react-vite";
import "@facekit/react/styles.css";
import {
  facekitThemeGlobalTypes,
  facekitThemeInitialGlobals,
  withFacekitTheme,
} from "./facekitTheme.tsx";
import { storySource } from "./storySource.ts";

// The components' language: each story file's provider decorator reads it (`storyMessages`).
const facekitLocaleGlobalTypes: Preview["globalTypes"] = {
  locale: {
    description: "Language of the FaceKit components",
    toolbar: {
      title: "Language",
      icon: "globe",
      items: [
        { value: "en", title: "English" },
        { value: "es", title: "Español" },
        { value: "fr", title: "Français" },
      ],
      dynamicTitle: true,
    },
  },
};

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    a11y: { test: "error" },
    docs: { source: { transform: storySource } },
  },
  globalTypes: { ...facekitThemeGlobalTypes, ...facekitLocaleGlobalTypes },
  initialGlobals: { ...facekitThemeInitialGlobals, locale: "en" },
  decorators: [withFacekitTheme],
};

export default preview;
