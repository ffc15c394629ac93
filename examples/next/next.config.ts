import type { NextConfig } from "next";

/** Headers of the README's "Headers" section, but the CSP (Next.js's own guide sets it, with nonces). */
const shared = [
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
];

const nextConfig: NextConfig = {
  async headers() {
    return [
      {
        // The callback page: no COOP (the popup must reach its opener), no referrer (session id).
        source: "/facekit/callback",
        headers: [...shared, { key: "Referrer-Policy", value: "no-referrer" }],
      },
      {
        source: "/((?!facekit/callback).*)",
        headers: [
          ...shared,
          { key: "Cross-Origin-Opener-Policy", value: "same-origin-allow-popups" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
