/**
 * The one `XMLHttpRequest` double of the repo, for multipart uploads (the Didit compare route):
 * core's backend-client tests script it directly, React's fake Didit backend answers through it.
 */

/**
 * What the fake XHR hands `answer`.
 * @example
 * const answer = ({ url, form }: FakeUpload) =>
 *   url.endsWith("/didit/compare") && form.has("selfie") ? ok : notFound;
 */
export interface FakeUpload {
  url: string;
  headers: Record<string, string>;
  withCredentials: boolean;
  form: FormData;
}

/**
 * Answer of an upload: a response (`text` instead of JSON `body` for a non-JSON page), `network`
 * (no answer: `onerror`) or `hold` (never answers).
 * @example
 * const limited: FakeAnswer = { status: 429, body: toErrorBody(error) };
 */
export type FakeAnswer = { status: number; body: unknown; text?: string } | "network" | "hold";

/**
 * An `XMLHttpRequest` class: each `send` reports progress 0.5 on the next timer tick, then
 * progress 1 and `answer(upload)` (asked only then, so an upload aborted first is never answered).
 * `sent` lists the requests (url, headers, form, `aborted`); after `hold()` uploads stop at 0.5
 * until `release()`.
 * @example
 * const xhr = createFakeXhr(() => ({ status: 200, body: makeSelfieCompareResult() }));
 * const didit = createDiditBackendClient({ endpoint: "/api", XMLHttpRequest: xhr.XMLHttpRequest });
 * await didit.compare(grant, { selfie: jpeg() });
 * expect(xhr.sent[0]?.headers).toHaveProperty(grantHeader, grant.token);
 */
export function createFakeXhr(answer: (upload: FakeUpload) => FakeAnswer) {
  const sent: FakeXhr[] = [];
  let holding = false;
  const held: (() => void)[] = [];
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
      setTimeout(() => {
        if (this.aborted) return;
        this.progress(50);
        if (holding) held.push(() => this.finish(form));
        else this.finish(form);
      }, 0);
    }
    abort() {
      this.aborted = true;
      this.onabort?.();
    }
    private progress(loaded: number) {
      this.upload.onprogress?.({ lengthComputable: true, loaded, total: 100 });
    }
    private finish(form: FormData) {
      if (this.aborted) return;
      const { url, headers, withCredentials } = this;
      const a = answer({ url, headers, withCredentials, form });
      if (a === "hold") return;
      this.progress(100);
      if (a === "network") return this.onerror?.();
      this.status = a.status;
      this.responseText = a.text ?? JSON.stringify(a.body);
      this.onload?.();
    }
  }
  return {
    XMLHttpRequest: FakeXhr as unknown as typeof XMLHttpRequest,
    sent,
    /** Uploads from now on stop at progress 0.5 until `release()`. */
    hold() {
      holding = true;
    },
    /** Lets the held uploads finish, and the next ones run through. */
    release() {
      holding = false;
      for (const finish of held.splice(0)) finish();
    },
  };
}
