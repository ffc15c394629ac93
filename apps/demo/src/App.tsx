import { useCallback, useEffect, useRef, useState } from "react";
import { AccountPage } from "./AccountPage.tsx";
import { type Account, fetchAccount, signOut } from "./account.ts";
import { DetailsForm } from "./DetailsForm.tsx";
import { EventLog } from "./devtools/EventLog.tsx";
import { useLog } from "./devtools/EventLogProvider.tsx";
import { ScenariosPanel } from "./devtools/ScenariosPanel.tsx";
import { FaceKitLanguageSelect } from "./FaceKitLanguage.tsx";
import { FaceStep } from "./FaceStep.tsx";
import { useScrollIntoView } from "./useScrollIntoView.ts";

type Stage = "details" | "face" | "account";

const steps: [Stage, string][] = [
  ["details", "Your details"],
  ["face", "Face check"],
  ["account", "Done"],
];

/** Acme's signup (details, then a face check, then the account page), and the demo console. */
export function App() {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [stage, setStage] = useState<Stage>("details");
  // Moves focus to the account page's heading once a check ends (not on a plain page load).
  const [arrived, setArrived] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const log = useLog("app");
  const card = useRef<HTMLElement>(null);
  useScrollIntoView(card, stage);

  useEffect(() => {
    fetchAccount().then(
      (a) => {
        setAccount(a);
        setStage(a ? (a.faceCheck ? "account" : "face") : "details");
      },
      () => setAccount(null),
    );
  }, []);

  const refresh = useCallback(() => {
    fetchAccount().then(setAccount, () => {});
  }, []);

  /** A check ended: show what the backend recorded. */
  const done = useCallback(() => {
    fetchAccount().then(
      (a) => {
        setAccount(a);
        const check = a?.faceCheck;
        if (!check) return;
        log.note("backend recorded", `${check.vendor}: ${check.decision}`);
        setAnnouncement(`Face check recorded: ${check.decision}.`);
        setArrived(true);
        setStage("account");
      },
      () => {},
    );
  }, [log]);

  const leave = useCallback(() => {
    signOut().finally(() => {
      setAccount(null);
      setStage("details");
      setArrived(false);
      log.note("signed out");
    });
  }, [log]);

  const current = steps.findIndex(([s]) => s === stage);

  return (
    <div className="shell">
      <header className="topbar">
        <span className="brand" aria-hidden="true">
          ▲
        </span>
        <span className="brand-name">Acme</span>
        <FaceKitLanguageSelect />
        <a className="topbar-note" href="#console-title">
          Demo console
        </a>
      </header>
      <div className="layout">
        {/* The widgets in the library's light theme, like the page around them. */}
        <main className="card" id="main" ref={card} data-facekit-theme="light">
          {stage !== "account" && <h1>Create your Acme account</h1>}
          <ol className="steps" aria-label="Signup progress">
            {steps.map(([s, label], i) => (
              <li
                key={s}
                aria-current={s === stage ? "step" : undefined}
                data-done={i < current || undefined}
              >
                <span className="step-dot" aria-hidden="true">
                  {i < current ? "✓" : i + 1}
                </span>
                {label}
              </li>
            ))}
          </ol>
          {account === undefined ? (
            <p className="muted">Loading…</p>
          ) : account === null || stage === "details" ? (
            <DetailsForm
              onCreated={(a) => {
                log.note("account created", a.email);
                setAccount(a);
                setStage("face");
              }}
            />
          ) : stage === "face" ? (
            <FaceStep account={account} onDone={done} onRefresh={refresh} onSignOut={leave} />
          ) : (
            <AccountPage
              account={account}
              focusOnMount={arrived}
              onVerifyAgain={() => setStage("face")}
              onSignOut={leave}
            />
          )}
          <output className="sr-only">{announcement}</output>
        </main>
        <aside className="console" aria-labelledby="console-title">
          <h2 id="console-title">Demo console</h2>
          <p className="muted small">
            Not part of Acme's product: drives the simulated vendors and shows what the FaceKit
            components report.
          </p>
          <ScenariosPanel />
          <EventLog />
        </aside>
      </div>
    </div>
  );
}
