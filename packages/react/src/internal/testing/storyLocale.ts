/**
 * The `locale` toolbar global of Storybook (declared in `.storybook/preview.ts`): each story file's
 * provider decorator takes its catalogue from here, so the components speak the chosen language.
 */
import type { FaceKitMessages } from "../../FaceKitMessages.ts";
import { en } from "../../locales/en.ts";
import { es } from "../../locales/es.ts";
import { fr } from "../../locales/fr.ts";

const catalogues: Record<string, FaceKitMessages> = { en, es, fr };

/**
 * The catalogue of the toolbar's language (English for anything else), for `<FaceKitProvider
 * messages>`; its `locale` goes to the backend with it.
 * @example
 * (Story, { globals }) => <FaceKitProvider endpoint="/api/facekit" messages={storyMessages(globals.locale)}><Story /></FaceKitProvider>
 */
export function storyMessages(locale: unknown): FaceKitMessages {
  return catalogues[String(locale)] ?? en;
}
