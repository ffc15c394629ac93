import { describe, expect, it } from "vitest";
import { type FaceMatchResult, toFaceMatchResult } from "./routes.ts";
import { type FaceMatchVerdict, toFaceMatchVerdict } from "./verisoul.ts";

const verdict: FaceMatchVerdict = {
  sessionId: "s-1",
  decision: "Suspicious",
  riskScore: 0.7,
  riskFlags: ["repeat_face"],
  accountsLinked: [
    { accountId: "user-secret-1", matchTypes: ["face"] },
    { accountId: "user-secret-2", matchTypes: ["face", "browser"] },
  ],
};

describe("toFaceMatchResult", () => {
  it("turns linked accounts into a count and keeps decision, score and flags", () => {
    const result = toFaceMatchResult(verdict);
    expect(result).toStrictEqual({
      sessionId: "s-1",
      decision: "Suspicious",
      riskScore: 0.7,
      riskFlags: ["repeat_face"],
      linkedAccounts: 2,
    });
    expect(JSON.stringify(result)).not.toMatch(/user-secret/);
    expect(result.riskFlags).not.toBe(verdict.riskFlags);
  });

  it("adds match and enrolled only when the verdict has them, and nothing else", () => {
    const extended = { ...verdict, match: false, enrolled: true, photo: "https://x/face.jpg" };
    expect(toFaceMatchResult(extended)).toStrictEqual<FaceMatchResult>({
      sessionId: "s-1",
      decision: "Suspicious",
      riskScore: 0.7,
      riskFlags: ["repeat_face"],
      linkedAccounts: 2,
      match: false,
      enrolled: true,
    });
  });
});

describe("toFaceMatchVerdict", () => {
  it("maps the vendor body to camelCase, cautious when fields are missing", () => {
    expect(
      toFaceMatchVerdict("s-2", {
        decision: "Real",
        risk_score: 0.1,
        risk_flags: [],
        matches: {
          num_accounts_linked: 1,
          accounts_linked: [{ account_id: "a", match_types: ["face"] }],
        },
      }),
    ).toStrictEqual({
      sessionId: "s-2",
      decision: "Real",
      riskScore: 0.1,
      riskFlags: [],
      accountsLinked: [{ accountId: "a", matchTypes: ["face"] }],
    });
    expect(toFaceMatchVerdict("s-3", {})).toStrictEqual({
      sessionId: "s-3",
      decision: "Suspicious",
      riskScore: 1,
      riskFlags: [],
      accountsLinked: [],
    });
  });
});
