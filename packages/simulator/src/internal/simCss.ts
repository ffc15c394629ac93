/**
 * The one stylesheet of every simulated hosted page, served as `/sim.css` so pages need no inline
 * styles under their CSP.
 */
const simCss = `:root {
  color-scheme: light;
  --ink: #1c2330;
  --muted: #5b6577;
  --line: #d7dce5;
  --accent: #3554d1;
  --accent-ink: #ffffff;
  --warn: #8a4b00;
  --focus: #f5a524;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: var(--ink);
  background: #eef1f6;
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; line-height: 1.5; }
.banner {
  display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center;
  padding: 0.6rem 1rem; background: #1c2330; color: #fff; font-size: 0.9rem;
}
.badge {
  padding: 0.15rem 0.6rem; border-radius: 999px; background: var(--focus); color: #1c2330;
  font-weight: 700; letter-spacing: 0.02em;
}
.by { opacity: 0.85; }
.card {
  max-width: 34rem; margin: 2rem auto; padding: 1.5rem; background: #fff;
  border: 1px solid var(--line); border-radius: 12px; box-shadow: 0 4px 18px rgb(28 35 48 / 8%);
}
h1 { font-size: 1.4rem; margin: 0 0 0.5rem; }
p { margin: 0.5rem 0; }
.muted { color: var(--muted); font-size: 0.9rem; }
.camera {
  display: grid; place-items: center; aspect-ratio: 4 / 3; margin: 1rem 0; padding: 1rem;
  border: 3px dashed #9aa5b8; border-radius: 50% / 40%; text-align: center;
  background: repeating-linear-gradient(45deg, #f6f7fa, #f6f7fa 12px, #eceff5 12px, #eceff5 24px);
  color: var(--muted); font-weight: 600;
}
label { display: block; font-weight: 600; margin: 1rem 0 0.35rem; }
select, button, .button {
  font: inherit; border-radius: 8px; border: 1px solid var(--line); padding: 0.55rem 0.8rem;
}
select { width: 100%; background: #fff; color: var(--ink); }
.actions { display: grid; gap: 0.5rem; margin-top: 1.25rem; }
button, .button {
  cursor: pointer; background: #f6f7fa; color: var(--ink); text-align: center; text-decoration: none;
}
button.primary, .button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-ink); font-weight: 600; }
button:hover, .button:hover { filter: brightness(0.96); }
a { color: var(--accent); overflow-wrap: anywhere; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.qr { display: grid; place-items: center; margin: 1rem 0; }
.qr svg { width: min(16rem, 100%); height: auto; border: 1px solid var(--line); border-radius: 8px; }
.status { padding: 0.6rem 0.8rem; border-left: 4px solid var(--accent); background: #f3f5fd; }
.error { border-left-color: var(--warn); background: #fff6ea; }
code { font-size: 0.85em; overflow-wrap: anywhere; }
`;

/**
 * Serves {@link simCss}.
 * @example
 * if (url.pathname === "/sim.css") return cssResponse();
 */
export function cssResponse(): Response {
  return new Response(simCss, {
    headers: {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=300",
      "x-content-type-options": "nosniff",
    },
  });
}
