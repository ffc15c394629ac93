/**
 * Test doubles for the browser around a selfie compare (never for the flow itself): a camera
 * (`mediaDevices` whose tracks record `stop()`, a `<video>`, a canvas that encodes a JPEG), object
 * URLs that record revocations, and an `XMLHttpRequest` whose answers a test scripts.
 */
import { vi } from "vitest";
import type { CameraVideo, SelfieCompareWindow } from "../../types.ts";

/** A camera that starts (or fails with the DOMException `failWith`); counts live tracks. */
export function createFakeCamera({ failWith }: { failWith?: string } = {}) {
  const tracks: { stopped: boolean; stop(): void }[] = [];
  const getUserMedia = vi.fn(async (_constraints?: MediaStreamConstraints) => {
    if (failWith) throw new DOMException("refused", failWith);
    const track = {
      stopped: false,
      stop() {
        this.stopped = true;
      },
    };
    tracks.push(track);
    return { getTracks: () => [track] } as unknown as MediaStream;
  });
  const drawImage = vi.fn();
  const canvas = {
    width: 0,
    height: 0,
    getContext: () => ({ drawImage }),
    toBlob: (done: (blob: Blob | null) => void, type: string) =>
      done(new Blob([new Uint8Array([0xff, 0xd8, 0xff])], { type })),
  };
  const video: CameraVideo = {
    srcObject: null,
    muted: false,
    playsInline: false,
    videoWidth: 640,
    videoHeight: 480,
    play: vi.fn(async () => {}),
    ownerDocument: { createElement: () => canvas as unknown as HTMLCanvasElement },
  };
  return {
    mediaDevices: { getUserMedia },
    video,
    canvas,
    drawImage,
    tracks,
    liveTracks: () => tracks.filter((t) => !t.stopped).length,
  };
}

/** A window with a camera and object URLs `blob:n`; `live()` lists the URLs not yet revoked. */
export function createFakeMediaWindow(camera = createFakeCamera()) {
  const urls = new Set<string>();
  let n = 0;
  const win: SelfieCompareWindow = {
    URL: {
      createObjectURL: () => {
        const url = `blob:${++n}`;
        urls.add(url);
        return url;
      },
      revokeObjectURL: (url) => {
        urls.delete(url);
      },
    },
    navigator: { mediaDevices: camera.mediaDevices },
    isSecureContext: true,
  };
  return { win, camera, liveUrls: () => [...urls] };
}

/** What the fake XHR hands a test's `answer`. */
export interface FakeUpload {
  url: string;
  headers: Record<string, string>;
  withCredentials: boolean;
  form: FormData;
}

/** Answer of a scripted upload: a response, `network` (no answer), or `hold` (never answers). */
export type FakeAnswer = { status: number; body: unknown; text?: string } | "network" | "hold";

/** An `XMLHttpRequest` class that reports progress 0.5 and 1, then answers with `answer(upload)`. */
export function createFakeXhr(answer: (upload: FakeUpload) => FakeAnswer) {
  const sent: FakeXhr[] = [];
  class FakeXhr {
    upload: { onprogress: ((e: Partial<ProgressEvent>) => void) | null } = { onprogress: null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = "";
    withCredentials = false;
    url = "";
    headers: Record<string, string> = {};
    form: FormData | undefined;
    aborted = false;
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.headers[name] = value;
    }
    send(form: FormData) {
      this.form = form;
      sent.push(this);
      const { url, headers, withCredentials } = this;
      const a = answer({ url, headers, withCredentials, form });
      setTimeout(() => {
        if (this.aborted || a === "hold") return;
        for (const loaded of [50, 100]) {
          this.upload.onprogress?.({ lengthComputable: true, loaded, total: 100 });
        }
        if (a === "network") return this.onerror?.();
        this.status = a.status;
        this.responseText = a.text ?? JSON.stringify(a.body);
        this.onload?.();
      }, 0);
    }
    abort() {
      this.aborted = true;
      this.onabort?.();
    }
  }
  return { XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest, sent };
}
