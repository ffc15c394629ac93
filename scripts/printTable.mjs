/**
 * A plain fixed-width table for the benchmarks (console.table is not allowed by the linter, and
 * quotes strings).
 * @example
 * printTable([{ run: 1, ms: 120 }, { run: 2, ms: 118 }]);
 */
export function printTable(rows) {
  const keys = Object.keys(rows[0] ?? {});
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join("  ");
  console.info(line(keys));
  console.info(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.info(line(keys.map((k) => r[k])));
}
