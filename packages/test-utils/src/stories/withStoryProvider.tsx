/**
 * The provider every story renders in: Storybook's live backend (`/api/facekit`, or the variant a
 * story names in `parameters.facekitBackend`, see {@link storyBackends}), a fresh
 * QueryClient per story, and the catalogue of the `locale` toolbar global (declared in
 * `.storybook/preview.ts`), so the components speak the chosen language and send it to the backend.
 */
import { type FaceKitMessages, FaceKitProvider } from "@facekit/react";
import { en } from "@facekit/react/locales/en";
import { es } from "@facekit/react/locales/es";
import { fr } from "@facekit/react/locales/fr";
import type { Decorator } from "@storybook/react-vite";
import { QueryClient } from "@tanstack/react-query";

const catalogues: Record<string, FaceKitMessages> = { en, es, fr };

/**
 * The backends Storybook serves (`.storybook/facekitStoryBackend.ts`): the live one, and variants
 * for what a real deployment meets.
 * @example
 * export const NotSignedIn: Story = { parameters: { facekitBackend: storyBackends.signedOut } };
 */
export const storyBackends = {
  live: "/api/facekit",
  /** `authorize` refuses: nobody is signed in. */
  signedOut: "/api/facekit-signed-out",
  /** Verisoul 1:1 authentication for an account with no enrolled face. */
  login: "/api/facekit-login",
  /** Vendor keys the simulators refuse. */
  badVendorKey: "/api/facekit-bad-key",
  /** The connection drops: the backend cannot be reached. */
  offline: "/api/facekit-offline",
} as const;

/**
 * The catalogue of the toolbar's language (English for anything else).
 * @example
 * storyMessages("fr").faceSign.loading;
 */
export function storyMessages(locale: unknown): FaceKitMessages {
  return catalogues[String(locale)] ?? en;
}

/**
 * A story decorator: the story inside a FaceKitProvider (see the module comment).
 * @example
 * const meta = { decorators: [withStoryProvider] } satisfies Meta<typeof FaceSignEmbed>;
 */
export const withStoryProvider: Decorator = (Story, { globals, parameters }) => (
  <FaceKitProvider
    endpoint={parameters.facekitBackend ?? storyBackends.live}
    queryClient={new QueryClient()}
    messages={storyMessages(globals.locale)}
  >
    <Story />
  </FaceKitProvider>
);
