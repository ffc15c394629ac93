import { FaceKitError } from "@facekit/core";
import { errorStatus } from "@facekit/core/protocol";
import { fakePrepare } from "@facekit/test-utils/core";
import {
  createFakeDiditBackend,
  createFakeFaceSignBackend,
  createFakeVerisoulBackend,
} from "@facekit/test-utils/react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FaceKitMessageOverrides, FaceKitMessages } from "./FaceKitMessages.ts";
import { FaceKitProvider } from "./FaceKitProvider.tsx";
import { FaceMatchButton } from "./FaceMatchButton.tsx";
import { FaceSignEmbed } from "./FaceSignEmbed.tsx";
import { en } from "./locales/en.ts";
import { es } from "./locales/es.ts";
import { fr } from "./locales/fr.ts";
import { SelfieCompareUploader } from "./SelfieCompareUploader.tsx";

afterEach(() => {
  vi.unstubAllGlobals();
});

/** Records the JSON body of every request, then lets `fetch` answer. */
function recording(fetch: typeof globalThis.fetch) {
  const bodies: { url: string; body: unknown }[] = [];
  const wrapped = (input: string | URL | Request, init?: RequestInit) => {
    if (typeof init?.body === "string") {
      bodies.push({ url: String(input), body: JSON.parse(init.body) });
    }
    return fetch(input, init);
  };
  return { fetch: wrapped as typeof globalThis.fetch, bodies };
}

function inProvider(
  ui: ReactNode,
  fetch: typeof globalThis.fetch,
  props: { locale?: string; messages?: FaceKitMessageOverrides } = {},
) {
  return render(
    <FaceKitProvider endpoint="/api/facekit" fetch={fetch} {...props}>
      {ui}
    </FaceKitProvider>,
  );
}

/** Every path to a word of a catalogue (`selfieCompare.errors.network`...), functions included. */
const paths = (words: object, prefix = ""): string[] =>
  Object.entries(words).flatMap(([key, word]) =>
    typeof word === "object" ? paths(word, `${prefix}${key}.`) : [`${prefix}${key}`],
  );

describe("catalogues", () => {
  it.each([
    ["es", es],
    ["fr", fr],
  ])("%s has every English word, translated", (locale, words: FaceKitMessages) => {
    expect(words.locale).toBe(locale);
    // Error words apart: each English section carries only its component's codes (bytes).
    const words_ = (m: FaceKitMessages) => paths(m).filter((p) => !p.includes(".errors."));
    expect(words_(words).sort()).toEqual(words_(en).sort());
    const strings = (m: FaceKitMessages) =>
      [m.faceMatch, m.faceSign, m.selfieCompare, m.faceMatch.errors].flatMap((section) =>
        Object.values(section).filter((w) => typeof w === "string"),
      );
    const english = new Set(strings(en));
    for (const word of strings(words)) {
      expect(word).toMatch(/\S/);
      expect(english.has(word)).toBe(false);
    }
    expect(words.selfieCompare.score(87.5)).toMatch(/87,5/);
  });

  it.each([
    ["es", es],
    ["fr", fr],
  ])("%s words every code a person can meet, in one list for the three components", (_, m) => {
    // otherError: a bug's codes, and scan_incomplete (leaving the hosted page is a cancel).
    const none = ["bad_request", "not_found", "misconfigured", "internal", "scan_incomplete"];
    const codes = Object.keys(errorStatus).filter((code) => !none.includes(code));
    expect(Object.keys(m.faceMatch.errors).sort()).toEqual(codes.sort());
    expect(new Set(Object.values(m.faceMatch.errors)).size).toBe(codes.length);
    expect(m.faceSign.errors).toBe(m.faceMatch.errors);
    expect(m.selfieCompare.errors).toBe(m.faceMatch.errors);
    expect(m.faceSign.otherError).toBe(m.faceMatch.otherError);
  });

  it("English words every code each component can meet, from one shared list", () => {
    const english = { ...en.faceMatch.errors, ...en.selfieCompare.errors };
    expect(Object.keys(english).sort()).toEqual(Object.keys(es.faceMatch.errors).sort());
    for (const section of [en.faceMatch, en.faceSign, en.selfieCompare]) {
      for (const code of Object.keys(en.faceSign.errors)) {
        expect(section.errors[code as "network"]).toBe(en.faceSign.errors[code as "network"]);
      }
    }
    expect(Object.keys(en.faceSign.errors)).not.toContain("popup_blocked");
    expect(en.faceMatch.errors.popup_blocked).toMatch(/allow them/i);
    expect(en.selfieCompare.errors.invalid_image).toMatch(/JPEG/);
  });

  it("has words for Didit's warning codes, and keeps Didit's own for an unknown one", () => {
    const warning = (code: string) => ({ code, message: "Didit's words" });
    expect(en.selfieCompare.warning(warning("LOW_FACE_MATCH_SIMILARITY"))).toBe("Didit's words");
    expect(es.selfieCompare.warning(warning("LOW_FACE_MATCH_SIMILARITY"))).toBe(
      "Los rostros no se parecen lo suficiente.",
    );
    expect(fr.selfieCompare.warning(warning("NO_REFERENCE_IMAGE"))).toBe(
      "Aucun visage n’a pu être trouvé pour la comparaison.",
    );
    expect(fr.selfieCompare.warning(warning("NEW_CODE"))).toBe("Didit's words");
  });
});

describe("FaceMatchButton words and locale", () => {
  it("speaks the provider's language; its own messages prop wins", () => {
    const backend = createFakeVerisoulBackend();
    const spanish = inProvider(<FaceMatchButton />, backend.fetch, { messages: es });
    expect(screen.getByRole("button")).toHaveTextContent("Verificar con el rostro");
    spanish.unmount();
    const french = inProvider(<FaceMatchButton />, backend.fetch, { messages: fr });
    expect(screen.getByRole("button")).toHaveTextContent("Vérifier avec mon visage");
    french.unmount();
    inProvider(<FaceMatchButton messages={{ idle: "Vérifier" }} />, backend.fetch, {
      messages: fr,
    });
    expect(screen.getByRole("button")).toHaveTextContent(/^Vérifier$/);
  });

  it("takes single words from the provider over English", () => {
    inProvider(<FaceMatchButton />, createFakeVerisoulBackend().fetch, {
      messages: { faceMatch: { idle: "Check my face" } },
    });
    expect(screen.getByRole("button")).toHaveTextContent("Check my face");
  });

  it("sends the locale when minting: the provider's, else the catalogue's", async () => {
    const a = recording(createFakeVerisoulBackend().fetch);
    const first = inProvider(<FaceMatchButton prefetch />, a.fetch, {
      locale: "es-MX",
      messages: es,
    });
    fireEvent.focus(screen.getByRole("button"));
    await waitFor(() => expect(a.bodies).toHaveLength(1));
    expect(a.bodies[0]).toEqual({
      url: "/api/facekit/verisoul/session",
      body: { locale: "es-MX" },
    });
    first.unmount();
    const b = recording(createFakeVerisoulBackend().fetch);
    inProvider(<FaceMatchButton prefetch />, b.fetch, { messages: fr });
    fireEvent.focus(screen.getByRole("button"));
    await waitFor(() => expect(b.bodies).toHaveLength(1));
    expect(b.bodies[0]?.body).toEqual({ locale: "fr" });
  });
});

describe("FaceSignEmbed words and locale", () => {
  it("loads, names the iframe and explains a failure in the provider's language", async () => {
    const backend = createFakeFaceSignBackend();
    backend.failNext(new FaceKitError("unauthorized", "Sign in first.", { status: 401 }));
    const rec = recording(backend.fetch);
    inProvider(<FaceSignEmbed pollIntervalMs={10} />, rec.fetch, { messages: es });
    expect(screen.getByRole("status")).toHaveTextContent("Cargando la verificación…");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Has cerrado la sesión. Inicia sesión primero.",
    );
    await userEvent.click(screen.getByRole("button", { name: "Volver a intentarlo" }));
    expect(await screen.findByTitle("Verificación de FaceSign")).toBeInTheDocument();
    expect(rec.bodies.filter((r) => r.url.endsWith("/facesign/session"))).toEqual([
      { url: "/api/facekit/facesign/session", body: { locale: "es" } },
      { url: "/api/facekit/facesign/session", body: { locale: "es" } },
    ]);
  });

  it("speaks French, with a word of its own messages prop winning", async () => {
    const rec = recording(createFakeFaceSignBackend().fetch);
    inProvider(
      <FaceSignEmbed pollIntervalMs={10} messages={{ title: "Vérification d’identité" }} />,
      rec.fetch,
      { locale: "fr-CA", messages: fr },
    );
    expect(screen.getByRole("status")).toHaveTextContent("Chargement de la vérification…");
    expect(await screen.findByTitle("Vérification d’identité")).toBeInTheDocument();
    expect(rec.bodies[0]?.body).toEqual({ locale: "fr-CA" });
  });
});

describe("SelfieCompareUploader words", () => {
  function setup(
    messages: FaceKitMessageOverrides,
    own?: Parameters<typeof SelfieCompareUploader>[0]["messages"],
  ) {
    const backend = createFakeDiditBackend();
    vi.stubGlobal("XMLHttpRequest", backend.XMLHttpRequest);
    inProvider(<SelfieCompareUploader prepare={fakePrepare} messages={own} />, backend.fetch, {
      messages,
    });
  }

  it("speaks Spanish", async () => {
    setup(es);
    expect(screen.getByRole("group", { name: "Tu selfie" })).toBeInTheDocument();
    expect(await screen.findByRole("group", { name: "Foto de referencia" })).toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: "Elegir una foto" })).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Comparar" })).toBeDisabled();
  });

  it("speaks French; its own messages prop wins, error words merging by code", async () => {
    setup(fr, { compare: "Lancer la comparaison", errors: { network: "Hors ligne." } });
    const selfie = screen.getByRole("group", { name: "Votre selfie" });
    expect(await screen.findByRole("group", { name: "Photo de référence" })).toBeInTheDocument();
    expect(screen.getAllByRole("button", { name: "Utiliser la caméra" })).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Lancer la comparaison" })).toBeDisabled();
    // The `accept` filter is a hint: a drop can still bring anything.
    const notAPhoto = new File(["x"], "notes.jpg", { type: "text/plain" });
    fireEvent.drop(selfie, { dataTransfer: { files: [notAPhoto] } });
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Ce fichier n’est pas une photo lisible. Choisissez une image JPEG, PNG ou WebP.",
    );
  });
});
