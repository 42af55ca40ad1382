/** Prints a Markdown table (the README's format) of rows of cells. */
export function printTable(title: string, head: readonly string[], rows: readonly (readonly (string | number)[])[]): void {
  console.log(`\n${title}\n`);
  console.log(`| ${head.join(' | ')} |`);
  console.log(`|${head.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

/** Milliseconds as a whole number, or "–" when not measured. */
export const ms = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : String(Math.round(x)));

/** A ratio with two decimals, or "–". */
export const ratio = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `×${x.toFixed(2)}`);
