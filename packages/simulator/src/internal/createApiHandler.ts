/** Where every simulator's own routes (scenario, reset, stats...) live. */
export const controlPrefix = "/__simulator/";

type Route = (req: Request, url: URL) => Promise<Response>;

/**
 * The API origin of one simulated vendor: `/__simulator/*` goes to `control`, everything else to
 * `vendor`. Nothing throws out: an unexpected error is logged and answered with `serverError()`,
 * in the vendor's own error shape.
 * @example
 * const api = createApiHandler("didit", { control, vendor, serverError: () => diditDetail(500, "…") });
 */
export function createApiHandler(
  name: string,
  routes: { control: Route; vendor: Route; serverError: () => Response },
): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      const url = new URL(req.url);
      if (url.pathname.startsWith(controlPrefix)) return await routes.control(req, url);
      return await routes.vendor(req, url);
    } catch (error) {
      console.error(`[facekit simulator] ${name} api failed`, error);
      return routes.serverError();
    }
  };
}
