import { type FaceKitMessages, FaceKitProvider } from "@facekit/react";
import { en } from "@facekit/react/locales/en";
import { es } from "@facekit/react/locales/es";
import { fr } from "@facekit/react/locales/fr";
import { createContext, type ReactNode, useContext, useState } from "react";

const catalogues: Record<string, FaceKitMessages> = { en, es, fr };
const names: Record<string, string> = { en: "English", es: "Español", fr: "Français" };
const storageKey = "facekit-demo-locale";

const LanguageContext = createContext<[string, (locale: string) => void]>(["en", () => {}]);

function savedLocale(): string {
  const saved = localStorage.getItem(storageKey) ?? "";
  return saved in catalogues ? saved : "en";
}

/**
 * The FaceKit provider with the language the visitor picked: the components' words come from its
 * catalogue, and the backend opens the vendors' pages in it. Acme's own words stay English.
 */
export function FaceKitLanguageProvider({ children }: { children: ReactNode }) {
  const [locale, setLocale] = useState(savedLocale);
  const choose = (next: string) => {
    localStorage.setItem(storageKey, next);
    setLocale(next);
  };
  return (
    <FaceKitProvider endpoint="/api/facekit" messages={catalogues[locale]}>
      <LanguageContext.Provider value={[locale, choose]}>{children}</LanguageContext.Provider>
    </FaceKitProvider>
  );
}

/** Picks the language of the face check (FaceKit's words and the vendor's page). */
export function FaceKitLanguageSelect() {
  const [locale, choose] = useContext(LanguageContext);
  return (
    <label className="language">
      Face check language
      <select value={locale} onChange={(e) => choose(e.target.value)}>
        {Object.entries(names).map(([value, name]) => (
          <option key={value} value={value} lang={value}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
