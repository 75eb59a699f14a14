/**
 * The rule contract. A rule reads parsed delegations and the check context and returns violations;
 * the engine (engine.ts) turns them into findings: cell address, effective severity, source.
 */
import type { Delegation, FieldId, PlanKind, RuleId, Severity } from "../model";
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
  checkAll(delegations: readonly Delegation[], context: CheckContext): Violation[];
}

export type Rule = RowRule | PlanRule;

export function isRowRule(rule: Rule): rule is RowRule {
  return "checkRow" in rule;
}
