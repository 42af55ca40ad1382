/** A budget of the issue: a measured value against its limit (null when it could not be measured). */
export interface Budget {
  name: string;
  value: number | null;
  limit: number;
}

/** Whether a budget is met; a value that could not be measured does not meet it. */
export const met = (b: Budget): boolean => b.value !== null && Number.isFinite(b.value) && b.value <= b.limit;

/** Prints the budgets and returns the broken ones. */
export function checkBudgets(budgets: readonly Budget[]): Budget[] {
  console.log('\nBudgets');
  for (const b of budgets) console.log(`  ${met(b) ? 'met   ' : 'BROKEN'} ${b.name}: ${b.value === null ? 'not measured' : b.value.toFixed(2)} (≤ ${b.limit})`);
  return budgets.filter((b) => !met(b));
}
