/**
 * funding-unclear: "nguồn kinh phí cụ thể, rõ ràng" [S1]; "xác định rõ nguồn kinh phí tổ chức đoàn ra và
 * đón tiếp đoàn vào" [S4]. Flags written funding that names no source: "Khác", "Chưa xác định", "?",
 * "Tự túc", "Xã hội hóa" alone.
 */
import { quote } from "../messages";
import { rawText, foldCached } from "../lib/text";
import { S1, S4, cite } from "../sources";
import type { RowRule } from "../types";

/** Words that say how money is raised but not from where. */
const SOURCELESS_WORDS = new Set(
  "khac nguon kinh phi kp tu tuc xa hoi hoa huy dong theo quy dinh va cac hop phap von tien chi khoan mot so x".split(" "),
);
const UNDECIDED = /\b(?:chua xac dinh|chua ro|chua co|chua bo tri|dang xac dinh|dang xin|dang cho|se xac dinh|se bo sung|chua biet|tbd)\b/;

/** Why the funding text is unclear, or undefined when it names a source. */
export function unclearFunding(text: string): string | undefined {
  if (text.includes("?")) return "?";
  const folded = foldCached(text);
  if (UNDECIDED.test(folded)) return "undecided";
  const words = folded === "" ? [] : folded.split(" ");
  if (words.every((word) => SOURCELESS_WORDS.has(word))) return "sourceless";
  return undefined;
}

export const fundingUnclear: RowRule = {
  id: "funding-unclear",
  defaultSeverity: "error",
  kinds: ["outbound", "inbound", "people"],
  fields: ["funding"],
  parameters: {},
  source: cite(S1, S4),
  checkRow(delegation) {
    if (delegation.funding?.id) return [];
    const text = rawText(delegation, "funding") ?? delegation.funding?.raw;
    if (text === undefined || text.trim() === "" || unclearFunding(text) === undefined) return [];
    const written = quote(text);
    return [
      {
        delegation,
        at: "funding",
        message: `Nguồn kinh phí “${written}” không rõ ràng: cần ghi cụ thể nguồn (ngân sách, kinh phí của đơn vị, phía mời đài thọ…)`,
        messageEn: `Funding "${written}" is vague: name the actual source (budget, the unit's funds, paid by the host…)`,
      },
    ];
  },
};
