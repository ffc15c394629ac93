/**
 * Test stand-in for the developer's Didit routes (FaceKit's own contract, never Didit's): the
 * grant route as a `fetch` function and the compare route as an `XMLHttpRequest` class (stub the
 * global with it), answering from memory. Also a stand-in `prepare` for jsdom, which has no
 * canvas: it refuses blobs typed `text/plain` as `invalid_image`.
 */
import { FaceKitError, type SelfieCompareGrant, type SelfieCompareResult } from "@facekit/core";
import { diditRoutes, grantHeader, toErrorBody } from "@facekit/core/protocol";

export const approved: SelfieCompareResult = {
  requestId: "req-1",
  status: "approved",
  score: 91,
  warnings: [],
  faces: { selfie: 1, reference: 1 },
};

export const declined: SelfieCompareResult = {
  requestId: "req-2",
  status: "declined",
  score: 14,
  warnings: [{ code: "LOW_FACE_MATCH_SIMILARITY", message: "The faces look different." }],
  faces: { selfie: 1, reference: 1 },
};

/** Prepares like `prepareImage` would, without a canvas. */
export async function fakePrepare(file: Blob, { signal }: { signal: AbortSignal }) {
  await new Promise((resolve) => setTimeout(resolve, 0));
  signal.throwIfAborted();
  if (file.type === "text/plain") {
    throw new FaceKitError("invalid_image", "This file is not an image.");
  }
  return { blob: new Blob([file], { type: "image/jpeg" }) };
}

/** One upload the compare route received. */
export interface ReceivedUpload {
  grant: string | undefined;
  selfie: FormDataEntryValue | null;
  reference: FormDataEntryValue | null;
}

/** FaceKit's grant and compare routes; `reference` is what the grants say. */
export function createFakeDiditBackend({
  reference = "upload",
}: {
  reference?: SelfieCompareGrant["reference"];
} = {}) {
  const calls = { grant: 0, compare: 0 };
  const uploads: ReceivedUpload[] = [];
  const open = new Set<string>();
  let result = approved;
  let failNext: FaceKitError | undefined;
  let hold = false;
  const held: (() => void)[] = [];
  const refuse = (error: FaceKitError) => ({
    status: error.status ?? 500,
    body: toErrorBody(error),
  });

  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    // Like the real fetch: an aborted request answers nothing (a grant must not be lost to it).
    await Promise.resolve();
    init?.signal?.throwIfAborted();
    if (!String(input).endsWith(`/${diditRoutes.grant}`)) {
      return Response.json(toErrorBody(new FaceKitError("not_found", "No such route")), {
        status: 404,
      });
    }
    calls.grant++;
    const error = failNext;
    failNext = undefined;
    if (error) return Response.json(refuse(error).body, { status: refuse(error).status });
    const token = `grant-${calls.grant}`;
    open.add(token);
    const grant: SelfieCompareGrant = {
      token,
      expiresAt: Date.now() + 5 * 60_000,
      maxBytes: 5 * 1024 * 1024,
      types: ["image/jpeg", "image/png", "image/webp"],
      reference,
    };
    return Response.json(grant);
  };

  /** The compare route: checks the grant is open (single use), then answers. */
  const answer = (headers: Record<string, string>, form: FormData) => {
    calls.compare++;
    const token = headers[grantHeader];
    uploads.push({ grant: token, selfie: form.get("selfie"), reference: form.get("reference") });
    const error = failNext;
    failNext = undefined;
    if (!token || !open.delete(token)) {
      return refuse(new FaceKitError("session_invalid", "Grant used", { status: 404 }));
    }
    return error ? refuse(error) : { status: 200, body: result };
  };

  class FakeXhr {
    static sent: FakeXhr[] = [];
    upload: { onprogress: ((e: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = "";
    withCredentials = false;
    url = "";
    aborted = false;
    headers: Record<string, string> = {};
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send(form: FormData) {
      FakeXhr.sent.push(this);
      setTimeout(() => {
        if (this.aborted) return;
        this.upload.onprogress?.({ lengthComputable: true, loaded: 40, total: 100 });
        if (hold) held.push(() => this.finish(form));
        else this.finish(form);
      }, 0);
    }
    finish(form: FormData) {
      if (this.aborted) return;
      this.upload.onprogress?.({ lengthComputable: true, loaded: 100, total: 100 });
      const { status, body } = this.url.endsWith(`/${diditRoutes.compare}`)
        ? answer(this.headers, form)
        : refuse(new FaceKitError("not_found", "No such route", { status: 404 }));
      this.status = status;
      this.responseText = JSON.stringify(body);
      this.onload?.();
    }
    abort() {
      this.aborted = true;
      this.onabort?.();
    }
  }

  return {
    fetch: fetch as typeof globalThis.fetch,
    XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest,
    sent: FakeXhr.sent,
    calls,
    uploads,
    /** What the next comparisons answer. */
    setResult(next: SelfieCompareResult) {
      result = next;
    },
    /** The next request (either route) fails with `error`. */
    failNext(error: FaceKitError) {
      failNext = error;
    },
    /** Uploads stop at 40% until `release()`. */
    hold() {
      hold = true;
    },
    /** Lets the held uploads finish, and the next ones run through. */
    release() {
      hold = false;
      for (const finish of held.splice(0)) finish();
    },
  };
}

/**
 * A camera for jsdom (no media, no canvas): stubs `navigator.mediaDevices`, video `play` and the
 * canvas a capture draws on. `liveTracks()` counts tracks not stopped. Undo with `restore()`.
 */
export function stubCamera({ failWith }: { failWith?: string } = {}) {
  const tracks: { stopped: boolean; stop(): void }[] = [];
  const getUserMedia = async () => {
    if (failWith) throw new DOMException("refused", failWith);
    const track = {
      stopped: false,
      stop() {
        this.stopped = true;
      },
    };
    tracks.push(track);
    return { getTracks: () => [track] } as unknown as MediaStream;
  };
  const saved = {
    mediaDevices: Object.getOwnPropertyDescriptor(navigator, "mediaDevices"),
    play: HTMLMediaElement.prototype.play,
    getContext: HTMLCanvasElement.prototype.getContext,
    toBlob: HTMLCanvasElement.prototype.toBlob,
  };
  Object.defineProperty(navigator, "mediaDevices", {
    configurable: true,
    value: { getUserMedia },
  });
  HTMLMediaElement.prototype.play = async () => {};
  HTMLCanvasElement.prototype.getContext = (() => ({
    drawImage() {},
  })) as unknown as typeof HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.toBlob = (done: BlobCallback, type?: string) =>
    done(new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type }));
  return {
    tracks,
    liveTracks: () => tracks.filter((t) => !t.stopped).length,
    restore() {
      if (saved.mediaDevices) Object.defineProperty(navigator, "mediaDevices", saved.mediaDevices);
      else Reflect.deleteProperty(navigator, "mediaDevices");
      HTMLMediaElement.prototype.play = saved.play;
      HTMLCanvasElement.prototype.getContext = saved.getContext;
      HTMLCanvasElement.prototype.toBlob = saved.toBlob;
    },
  };
}

/** Object URLs for jsdom (which has none); `live()` lists those not yet revoked. */
export function stubObjectUrls() {
  const urls = new Set<string>();
  let n = 0;
  const saved = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = () => {
    const url = `blob:fake/${++n}`;
    urls.add(url);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    urls.delete(url);
  };
  return {
    live: () => [...urls],
    restore() {
      URL.createObjectURL = saved.create;
      URL.revokeObjectURL = saved.revoke;
    },
  };
}
