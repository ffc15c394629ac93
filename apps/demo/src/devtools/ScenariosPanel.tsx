import { useEffect, useState } from "react";
import { type Vendor, vendorNames } from "../account.ts";
import { VendorScenario } from "./VendorScenario.tsx";

/** What the demo backend says about each vendor: its simulator's control URL, or null (live). */
type Vendors = Record<Vendor, { simulatorUrl: string | null }>;

const order: Vendor[] = ["verisoul", "facesign", "didit"];

/**
 * Drives the simulated vendors for a live demo: outcomes, latency, faults, credits. A vendor
 * whose real API key is set has no scenario to drive.
 */
export function ScenariosPanel() {
  const [vendors, setVendors] = useState<Vendors | null | "failed">(null);
  useEffect(() => {
    fetch("/api/demo/vendors")
      .then((r) => r.json() as Promise<Vendors>)
      .then(setVendors, () => setVendors("failed"));
  }, []);

  return (
    <section className="panel" aria-labelledby="scenarios-title">
      <h3 id="scenarios-title">Scenarios</h3>
      <p className="muted small">
        Changes what the simulated vendors answer next. Applies to everyone using this demo.
      </p>
      {vendors === null ? (
        <p className="muted">Loading…</p>
      ) : vendors === "failed" ? (
        <p className="error">The demo backend does not answer.</p>
      ) : (
        order.map((vendor) => {
          const url = vendors[vendor].simulatorUrl;
          return url ? (
            <VendorScenario key={vendor} vendor={vendor} controlUrl={url} />
          ) : (
            <div key={vendor} className="scenario">
              <h4>
                {vendorNames[vendor]} <span className="tag tag-live">live API</span>
              </h4>
              <p className="muted small">
                Uses the real vendor (its API key is set): no scenarios.
              </p>
            </div>
          );
        })
      )}
    </section>
  );
}
