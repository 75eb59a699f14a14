/** Cross-row findings name the other rows; a huge group names the first ones and counts the rest. */
import type { Delegation } from "../../model";

/** At most this many related rows are carried on one finding (the message gives the total). */
export const MAX_RELATED = 20;

/** The rows of a group other than `self`, at most MAX_RELATED of them, in the group's order. */
export function othersIn(rows: readonly Delegation[], self: Delegation): { others: Delegation[]; total: number } {
  const others: Delegation[] = [];
  for (const row of rows) {
    if (row === self) continue;
    if (others.length >= MAX_RELATED) break;
    others.push(row);
  }
  return { others, total: rows.length - 1 };
}
