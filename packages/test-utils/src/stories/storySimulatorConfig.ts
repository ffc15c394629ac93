/**
 * Where the stories find the live simulators behind Storybook (started by
 * `.storybook/facekitStoryBackend.ts`), and their control route. Shared by the vendors' story
 * drivers; not exported.
 */

interface StoryConfig {
  verisoul: { apiUrl: string; appUrl: string };
  facesign: { apiUrl: string; appUrl: string };
  didit: { apiUrl: string };
}

let config: Promise<StoryConfig> | undefined;

/**
 * The simulators' URLs, asked once from Storybook's backend.
 * @example
 * const { verisoul } = await storyConfig();
 */
export function storyConfig(): Promise<StoryConfig> {
  config ??= fetch("/__facekit-story/config").then((r) => r.json() as Promise<StoryConfig>);
  return config;
}

/**
 * Resets a simulator, then applies a scenario patch.
 * @example
 * await resetScenario((await storyConfig()).didit.apiUrl, { credits: 0 });
 */
export async function resetScenario(apiUrl: string, patch: Record<string, unknown>) {
  await fetch(`${apiUrl}/__simulator/reset`, { method: "POST" });
  await postScenario(apiUrl, patch);
}

/**
 * Posts a scenario patch to a simulator's control route.
 * @example
 * await postScenario((await storyConfig()).verisoul.apiUrl, { simulateDelayMs: 2000 });
 */
export async function postScenario(apiUrl: string, patch: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${apiUrl}/__simulator/scenario`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(patch),
  });
  if (!response.ok) throw new Error(`scenario refused: ${await response.text()}`);
}

/**
 * Asks `check` every 100 ms (50 times at most) until it returns something; throws `failure` then.
 * @example
 * await poll(async () => ((await isOpen()) ? true : undefined), "the page never opened");
 */
export async function poll<T>(check: () => Promise<T | undefined>, failure: string): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const found = await check();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(failure);
}
