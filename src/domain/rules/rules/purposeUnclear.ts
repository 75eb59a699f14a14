/**
 * purpose-unclear: "mục đích, nội dung, chương trình … cụ thể, rõ ràng" [S1]; "nội dung chủ yếu là tham
 * quan kết hợp học tập kinh nghiệm" is what Hà Nội criticises [S2]. Flags a purpose of one or two words,
 * and one whose only content is sightseeing or a bare survey.
 */
import { quote } from "../messages";
import { fieldText, foldCached } from "../lib/text";
import { S1, S2, cite } from "../sources";
import type { RowRule } from "../types";

/** Fewer words than this say too little ("Công tác", "Học tập"). */
const MIN_WORDS = 3;
/** Legitimate uses of "du lịch": promoting tourism, the tourism sector. */
const TOURISM_BUSINESS = /\b(?:xuc tien|nganh|hop tac|phat trien|san pham|hoi cho|quang ba|thi truong|lu hanh|kinh doanh) du lich\b|\bdu lich (?:viet nam|hai phong|ha noi|lai chau)\b/g;
const SIGHTSEEING = /\b(?:tham quan|du lich|ngam canh|vui choi)\b/;
const SURVEY = /\b(?:khao sat|tim hieu)\b/;
/** Words that add nothing concrete to a sightseeing or survey purpose. */
const FILLER = new Set(
  "tham quan du lich khao sat tim hieu hoc tap kinh nghiem ket hop va cac mot so tai o cua thuc te nuoc ngoai ban lam viec cong tac di doan nghien cuu mo hinh".split(" "),
);

/** Why the purpose is unclear: "short", "sightseeing", "survey"; undefined when it is specific. */
export function unclearPurpose(text: string): "short" | "sightseeing" | "survey" | undefined {
  const folded = foldCached(text);
  const words = folded === "" ? [] : folded.split(" ");
  if (words.length < MIN_WORDS) return "short";
  const content = folded.replace(TOURISM_BUSINESS, " ");
  const concrete = content.split(" ").filter((word) => word !== "" && !FILLER.has(word));
  if (concrete.length >= MIN_WORDS) return undefined;
  if (SIGHTSEEING.test(content)) return "sightseeing";
  if (SURVEY.test(content)) return "survey";
  return undefined;
}

export const purposeUnclear: RowRule = {
  id: "purpose-unclear",
  defaultSeverity: "warning",
  kinds: ["outbound", "inbound"],
  fields: ["purpose"],
  parameters: {},
  source: cite(S1, S2),
  checkRow(delegation) {
    const text = fieldText(delegation, "purpose");
    if (text === undefined) return [];
    const reason = unclearPurpose(text);
    if (!reason) return [];
    const written = quote(text);
    const why = {
      short: { vi: "quá ngắn, thiếu nội dung cụ thể", en: "too short, no concrete content" },
      sightseeing: { vi: "chủ yếu là tham quan, du lịch", en: "reads as sightseeing" },
      survey: { vi: "chỉ ghi khảo sát, chưa nêu nội dung, đối tác cụ thể", en: "a bare survey with no concrete content or partner" },
    }[reason];
    return [
      {
        delegation,
        at: "purpose",
        message: `Mục đích “${written}” ${why.vi}: cần nêu mục đích, nội dung, chương trình cụ thể, rõ ràng`,
        messageEn: `Purpose "${written}": ${why.en}; state a specific purpose and programme`,
      },
    ];
  },
};
