/**
 * The rule contract. A rule reads parsed delegations and the check context and returns violations;
 * the engine (engine.ts) turns them into findings: cell address, effective severity, source.
 */
import type { CellRef, Delegation, FieldId, PlanKind, RuleId, Severity } from "../model";
import type { Profile } from "../profiles/schema";

export interface CheckContext {
  profile: Profile;
  /** Plan year: periods starting in another year are flagged; cross-row counts are per this year. */
  year: number;
  /** Size of the agency's leadership (tập thể lãnh đạo); leadership-half is silent without it. */
  leadershipSize?: number;
  /** Names of the agency's key leaders, key leaders whatever role text is written. */
  keyLeaderNames?: string[];
}

/** What a rule reads from the profile and the context (documentation, and tests check it is honest). */
export interface RuleParameters {
  profileParams?: readonly (keyof Profile["params"])[];
  profileLists?: readonly ("requiredFields" | "keyLeaderRoles" | "forbiddenFunding")[];
  context?: readonly ("year" | "leadershipSize" | "keyLeaderNames")[];
}

/** One violation found by a rule on one delegation. */
export interface Violation {
  delegation: Delegation;
  /**
   * The offending field(s): the finding points at the first one that has a cell on the row, else at the
   * row's first column. Omitted for whole-row findings.
   */
  at?: FieldId | readonly FieldId[];
  /** The cell itself, when it is none of the delegation's own fields (one stop of a trip written over several rows); wins over `at`. */
  cell?: CellRef;
  /** Vietnamese: the rule, the value found and the limit. */
  message: string;
  messageEn: string;
  /** A standard value that would fix it. */
  suggestion?: string;
  /** A severity this finding is lowered to (never raised): an estimate's margin, an informative note. */
  lowerTo?: Severity;
  /** Other delegations involved (cross-row rules). */
  related?: readonly Delegation[];
}

interface RuleBase {
  id: RuleId;
  defaultSeverity: Severity;
  /** Plan kinds the rule applies to; rows of other kinds are never given to it. */
  kinds: readonly PlanKind[];
  /** Fields the rule reads. */
  fields: readonly FieldId[];
  parameters: RuleParameters;
  /** The letter or regulation the rule comes from. */
  source: string;
  /**
   * The letters allow an exception "when truly necessary, ask the competent authority": a note citing
   * such approval lowers the finding one step (error → warning) and the message says so.
   */
  approvalException?: { source: string };
}

/** Checks each row on its own. */
export interface RowRule extends RuleBase {
  checkRow(delegation: Delegation, context: CheckContext): Violation[];
}

/** Checks rows against each other (near-linear: indexes, never all pairs). */
export interface PlanRule extends RuleBase {
  /**
   * `focus`, when given: only violations of these rows are wanted (a live check re-checking a few rows
   * among their neighbours); a rule may skip work that concerns other rows only, or ignore it.
   */
  checkAll(delegations: readonly Delegation[], context: CheckContext, focus?: ReadonlySet<Delegation>): Violation[];
  /**
   * Which rows can change each other's findings, so a live check re-runs the rule on the groups an edit
   * touches only (src/domain/live). A rule without it is re-run on the whole plan after every edit.
   */
  locality?: RuleLocality;
}

/**
 * The groups of a cross-row rule. Two rows are linked when they share a key, or when one row's key is
 * among the other's `mentions` (a name written in a composition joins that person's trips; names written
 * but heading no row link nothing). Keys may over-approximate (more links only cost time), never miss one.
 * - "neighbours": a row's violations depend only on the rows linked to it (pairs, or one group per key).
 * - "component": they depend on every row reachable through links (a person found through a role).
 */
export interface RuleLocality {
  reach: "neighbours" | "component";
  keys(delegation: Delegation, context: CheckContext): Iterable<string>;
  mentions?(delegation: Delegation, context: CheckContext): Iterable<string>;
  /**
   * For a "neighbours" rule whose violations are assembled from one part per key, each part depending only
   * on the rows holding that key: a live check keeps the parts and works out again only those of the keys
   * an edited row held or holds, instead of re-running the rule on every group of the rows linked to it.
   */
  parts?: KeyedParts;
}

/** A rule's result kept per key (RuleLocality.parts); a part is opaque to the live check. */
export interface KeyedParts<Part = unknown> {
  /** The part of one key, from the rows holding it (in any order); undefined: the key adds nothing. */
  part(key: string, rows: readonly Delegation[], context: CheckContext): Part | undefined;
  /** Every key's part at once (a first build; faster than key by key), keys without a part left out. */
  allParts?(rows: readonly Delegation[], context: CheckContext): Map<string, Part>;
  /** The violations of these rows, given the current part of every key. */
  violations(rows: readonly Delegation[], partOf: (key: string) => Part | undefined, context: CheckContext): Violation[];
  /**
   * Ids of the rows whose violations may differ when a key's part goes from `before` to `after` (either may be
   * undefined), given the ids of the rows that were edited (their own violations are always worked out again).
   */
  rowsChanged(before: Part | undefined, after: Part | undefined, edited: ReadonlySet<string>): Iterable<string>;
}

export type Rule = RowRule | PlanRule;

export function isRowRule(rule: Rule): rule is RowRule {
  return "checkRow" in rule;
}
