import { FaceKitError } from "@facekit/core/protocol";
import { handleDiditCompare, handleDiditGrant } from "../didit/diditRoutes.ts";
import {
  handleFaceSignRefresh,
  handleFaceSignSession,
  handleFaceSignStatus,
} from "../facesign/faceSignRoutes.ts";
import { handleFaceSignWebhook } from "../facesign/faceSignWebhook.ts";
import { createFaceSignState } from "../facesign/state.ts";
import { createResultCache } from "../verisoul/createResultCache.ts";
import {
  type CompletedFaceMatch,
  type FaceMatchResults,
  handleVerisoulResult,
  handleVerisoulSession,
} from "../verisoul/verisoulRoutes.ts";
import { authorizeRequest } from "./authorizeRequest.ts";
import { createRations } from "./createRation.ts";
import { matchRoute } from "./matchRoute.ts";
import { notConfigured } from "./notConfigured.ts";
import type { ResolvedConfig } from "./resolveConfig.ts";
import { errorResponse } from "./responses.ts";

/**
 * Routes a request to its vendor's route by path suffix, after the method check and (except for
 * FaceSign's signed webhook) `authorize`, then the account's ration of session mints and FaceSign
 * lookups (`rations`, counted in the store). Verisoul's results and FaceSign's statuses live in
 * `app.store` too (shared by every instance sharing it). May throw a `FaceKitError`; the handler turns it into a response.
 * @example
 * const route = createRouter(resolveConfig(config));
 * const response = await route(request);
 */
export function createRouter(app: ResolvedConfig): (request: Request) => Promise<Response> {
  const { key, verisoul, facesign, didit } = app;
  const results: FaceMatchResults = createResultCache<CompletedFaceMatch>({
    store: app.store,
    pendingLookupIntervalMs: verisoul?.pendingLookupIntervalMs ?? 0,
  });
  const state = facesign && createFaceSignState(app.store, facesign);
  const ration = createRations(app.store, app.rations);

  return async (request) => {
    const name = matchRoute(new URL(request.url));
    if (!name) throw new FaceKitError("not_found", "No FaceKit route at this path.");
    if (request.method !== "POST") {
      return errorResponse(
        new FaceKitError("not_found", `Use POST for this FaceKit route, not ${request.method}.`, {
          status: 405,
        }),
        { allow: "POST" },
      );
    }
    if (name.startsWith("facesign")) {
      if (!facesign || !state) throw notConfigured("facesign");
      // FaceSign calls the webhook: its signature, not authorize(), is the proof.
      if (name === "facesignWebhook") return handleFaceSignWebhook(request, { facesign, state });
      const auth = await authorizeRequest(app.authorize, request);
      await ration(name, auth.accountId);
      const context = { facesign, auth, state };
      if (name === "facesignSession") return handleFaceSignSession(request, context);
      if (name === "facesignRefresh") return handleFaceSignRefresh(request, context);
      return handleFaceSignStatus(request, context);
    }
    if (name.startsWith("didit")) {
      if (!didit) throw notConfigured("didit");
      const context = { didit, key, auth: await authorizeRequest(app.authorize, request) };
      return name === "diditGrant"
        ? handleDiditGrant(request, context)
        : handleDiditCompare(request, context);
    }
    if (!verisoul) throw notConfigured("verisoul");
    const auth = await authorizeRequest(app.authorize, request);
    await ration(name, auth.accountId);
    const context = { verisoul, key, auth, results, store: app.store };
    return name === "verisoulSession"
      ? handleVerisoulSession(request, context)
      : handleVerisoulResult(request, context);
  };
}
