/**
 * An `XMLHttpRequest` that sends through a `fetch` function: FaceKit's uploads use XHR (for
 * progress), so a test backend must answer them too. Only what FaceKit's uploads use.
 */

type Listener = ((event: ProgressEvent) => void) | null;

const progress = (loaded: number) =>
  ({ lengthComputable: true, loaded, total: 1 }) as unknown as ProgressEvent;

/**
 * The XHR class a test stubs globally, sending every request through `fetcher`.
 * @example
 * vi.stubGlobal("XMLHttpRequest", createInProcessXhr(backend.fetch));
 */
export function createInProcessXhr(fetcher: typeof fetch): typeof XMLHttpRequest {
  class InProcessXhr {
    status = 0;
    responseText = "";
    withCredentials = false;
    upload: { onprogress: Listener; onload: Listener } = { onprogress: null, onload: null };
    onload: Listener = null;
    onerror: Listener = null;
    onabort: Listener = null;
    #method = "GET";
    #url = "";
    #headers = new Headers();
    #abort = new AbortController();

    open(method: string, url: string) {
      this.#method = method;
      this.#url = url;
    }
    setRequestHeader(name: string, value: string) {
      this.#headers.set(name, value);
    }
    abort() {
      this.#abort.abort();
    }
    send(body?: BodyInit | null) {
      void this.#send(body ?? null);
    }
    async #send(body: BodyInit | null) {
      const signal = this.#abort.signal;
      try {
        this.upload.onprogress?.(progress(1));
        this.upload.onload?.(progress(1));
        const init = { method: this.#method, headers: this.#headers, body, signal };
        const response = await fetcher(this.#url, init);
        this.status = response.status;
        this.responseText = await response.text();
        this.onload?.(progress(1));
      } catch {
        if (signal.aborted) this.onabort?.(progress(0));
        else this.onerror?.(progress(0));
      }
    }
  }
  return InProcessXhr as unknown as typeof XMLHttpRequest;
}
