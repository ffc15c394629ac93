import { describe, expect, it } from "vitest";
import {
  type FaceSignSessionObject,
  toFaceSignSessionStatus,
  toFaceSignSummary,
} from "./facesign.ts";

const finished: FaceSignSessionObject = {
  id: "sess_1",
  createdAt: 1,
  status: "complete",
  settings: { clientReferenceId: "acct-1" },
  report: {
    isVerified: true,
    livenessDetected: true,
    lang: "fr",
    aiAnalysis: {
      ageMin: 25,
      ageMax: 35,
      sex: "female",
      realPersonOrVirtual: "real",
      overallSummary: "ok",
    },
    transcript: [{ id: "t1", createdAt: 2, text: "Bonjour", isAvatar: true }],
    extractedData: { email: "a@b.c" },
    videos: { userVideoUrl: "https://media.test/u.webm" },
  },
};

describe("toFaceSignSessionStatus", () => {
  it("keeps the current lifecycle and folds the legacy values in", () => {
    expect(
      ["created", "inProgress", "complete", "incomplete"].map(toFaceSignSessionStatus),
    ).toEqual(["created", "inProgress", "complete", "incomplete"]);
    expect(toFaceSignSessionStatus("requiresInput")).toBe("created");
    expect(toFaceSignSessionStatus("processing")).toBe("inProgress");
    expect(toFaceSignSessionStatus("canceled")).toBe("incomplete");
    expect(toFaceSignSessionStatus("somethingNew")).toBe("incomplete");
  });
});

describe("toFaceSignSummary", () => {
  it("gives the browser the default summary only: no media, transcript, extracted data or sex", () => {
    const summary = toFaceSignSummary(finished);
    expect(summary).toEqual({
      status: "complete",
      verdict: "verified",
      isVerified: true,
      livenessDetected: true,
      lang: "fr",
      aiAnalysis: { ageMin: 25, ageMax: 35, realPersonOrVirtual: "real", overallSummary: "ok" },
    });
    expect(JSON.stringify(summary)).not.toContain("media.test");
  });

  it("adds exactly the fields the server chose to expose", () => {
    const summary = toFaceSignSummary(finished, ["transcript", "screenshots"]);
    expect(summary.transcript).toHaveLength(1);
    expect(summary).not.toHaveProperty("screenshots");
    expect(summary).not.toHaveProperty("extractedData");
  });

  it("answers nulls for a session without a report; one the person left is not verified", () => {
    const summary = toFaceSignSummary({ ...finished, status: "incomplete", report: undefined });
    expect(summary).toEqual({
      status: "incomplete",
      verdict: "not_verified",
      isVerified: false,
      livenessDetected: null,
      lang: null,
      aiAnalysis: null,
    });
  });
});
