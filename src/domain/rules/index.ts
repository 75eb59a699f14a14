export { checkPlan, compareFindings, effectiveSeverity } from "./engine";
export { RULES } from "./registry";
export type { CheckContext, Rule, RowRule, PlanRule, Violation, RuleParameters, RuleLocality } from "./types";
export { isOutsidePlanYear, mismatchedTitles, planYearFinding, planYearFindings, type MismatchedTitle, type PlanYearOptions, type YearSetting } from "./planYear";
