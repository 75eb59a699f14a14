/** period-invalid: the time cannot be read, ends before it starts, or starts outside the plan year. */
import { displayDate } from "../lib/time";
import { QD272 } from "../sources";
import type { Delegation, FieldId } from "../../model";
import type { RowRule, Violation } from "../types";

/** The time fields in this order, those holding a value first: a master has all three cells, often one filled. */
function filledFirst(delegation: Delegation, fields: FieldId[]): FieldId[] {
  const filled = (field: FieldId) => (delegation.raw[field] ?? "").trim() !== "";
  return [...fields.filter(filled), ...fields.filter((field) => !filled(field))];
}

export const periodInvalid: RowRule = {
  id: "period-invalid",
  defaultSeverity: "error",
  kinds: ["outbound", "inbound", "people"],
  fields: ["period", "start", "end"],
  parameters: { context: ["year"] },
  source: `Kế hoạch đoàn ra, đoàn vào theo năm (${QD272})`,
  checkRow(delegation, context) {
    const violations: Violation[] = [];
    if (delegation.periodError) {
      violations.push({
        delegation,
        at: filledFirst(delegation, ["period", "start", "end"]),
        message: `Thời gian không đọc được: ${delegation.periodError}`,
        messageEn: `The time cannot be read: ${delegation.periodError}`,
      });
    }
    const period = delegation.period;
    if (!period) return violations;
    const from = displayDate(period.start);
    const to = displayDate(period.end);
    if (period.end < period.start) {
      violations.push({
        delegation,
        at: filledFirst(delegation, ["end", "period", "start"]),
        message: `Ngày về ${to} trước ngày đi ${from}`,
        messageEn: `The return date ${to} is before the departure date ${from}`,
      });
    }
    const year = Number(period.start.slice(0, 4));
    if (year !== context.year) {
      violations.push({
        delegation,
        at: filledFirst(delegation, ["period", "start"]),
        message: `Thời gian bắt đầu ${from} không thuộc năm kế hoạch ${context.year}`,
        messageEn: `The trip starts on ${from}, outside the plan year ${context.year}`,
      });
    }
    return violations;
  },
};
