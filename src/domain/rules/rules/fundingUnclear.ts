/**
 * funding-unclear: "nguồn kinh phí cụ thể, rõ ràng" [S1]; "xác định rõ nguồn kinh phí tổ chức đoàn ra và
 * đón tiếp đoàn vào" [S4]. Flags written funding that names no source: "Khác", "Chưa xác định", "?" are
 * errors; "Tự túc" or "Xã hội hóa" alone are warnings asking whose funds ("đơn vị tự túc", "cá nhân tự
 * túc" say whose).
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

/** Words that name no source but say how the money comes: whose funds is the question. */
const HOW_WORDS = /\b(?:tu tuc|xa hoi hoa)\b/;
/** Words that make the rest vague whatever else is written. */
const VAGUE_WORDS = /\b(?:khac|huy dong|theo quy dinh)\b/;

/**
 * Why the funding text is unclear, or undefined when it names a source: "?", "undecided",
 * "sourceless" (errors), or "whose" — "tự túc", "xã hội hóa" alone (a warning).
 */
export function unclearFunding(text: string): "?" | "undecided" | "sourceless" | "whose" | undefined {
  if (text.includes("?")) return "?";
  const folded = foldCached(text);
  if (UNDECIDED.test(folded)) return "undecided";
  const words = folded === "" ? [] : folded.split(" ");
  if (!words.every((word) => SOURCELESS_WORDS.has(word))) return undefined;
  return HOW_WORDS.test(folded) && !VAGUE_WORDS.test(folded) ? "whose" : "sourceless";
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
    const why = text === undefined || text.trim() === "" ? undefined : unclearFunding(text);
    if (text === undefined || why === undefined) return [];
    const written = quote(text);
    if (why === "whose") {
      return [
        {
          delegation,
          at: "funding",
          lowerTo: "warning",
          message: `Nguồn kinh phí “${written}”: kinh phí của ai? Ghi rõ, ví dụ “Đơn vị tự túc (kinh phí chi thường xuyên)”, “Cá nhân tự túc”, hoặc tổ chức, cá nhân tài trợ`,
          messageEn: `Funding "${written}": whose funds? Say so, e.g. "the unit's own funds", "self-funded by the members", or who sponsors it`,
        },
      ];
    }
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
