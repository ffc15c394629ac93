import { jsonResponse } from "../internal/jsonResponse.ts";
import type { FaceSignContext } from "./createFaceSignContext.ts";

/** The 13 languages FaceSign documents. */
export const facesignLangs: readonly { id: string; title: string }[] = [
  { id: "en", title: "English" },
  { id: "it", title: "Italiano" },
  { id: "de", title: "Deutsch" },
  { id: "fr", title: "Français" },
  { id: "es", title: "Español" },
  { id: "pt", title: "Português" },
  { id: "ru", title: "Русский" },
  { id: "ja", title: "日本語" },
  { id: "id", title: "Bahasa Indonesia" },
  { id: "no", title: "Norsk" },
  { id: "zh", title: "中文 (简体)" },
  { id: "zh-TW", title: "中文 (台灣)" },
  { id: "zh-HK", title: "中文 (香港)" },
];

const avatars = [
  { id: "sim-ava", name: "Ava (simulated)", gender: "female" },
  { id: "sim-leo", name: "Leo (simulated)", gender: "male" },
  { id: "sim-robin", name: "Robin (simulated)", gender: "unknown" },
] as const;

/**
 * `GET /langs`.
 * @example
 * langsRoute(); // { langs: [{ id: "en", title: "English" }, ...] }
 */
export function langsRoute(): Response {
  return jsonResponse({ langs: facesignLangs });
}

/**
 * `GET /avatars`; images are placeholders served by the hosted-page origin.
 * @example
 * avatarsRoute(ctx); // { avatars: [{ id, name, gender, imageUrl }] }
 */
export function avatarsRoute(ctx: FaceSignContext): Response {
  return jsonResponse({
    avatars: avatars.map((a) => ({ ...a, imageUrl: `${ctx.appOrigin}/avatars/${a.id}.jpg` })),
  });
}
