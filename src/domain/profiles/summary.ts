/**
 * A profile in plain Vietnamese, one line per setting, for the pane's settings tab and the CLI:
 * "Tối đa 3 nước/chuyến", "Báo cáo kết quả: trong 10 ngày làm việc sau khi nhập cảnh".
 */
import type { FieldId, PlanKind, RuleId } from "../model";
import { ROLE_BY_ID } from "../lists/roles";
import { FUNDING_BY_ID } from "../lists/funding";
import { formatVietnameseDate } from "../calendar/isoDate";
import { CONTINENTS, CONTINENT_NAMES } from "../rules/data/regions";
import { PARTNER_AREA_BY_ID } from "../rules/data/partnerAreas";
import type { Profile } from "./schema";

/** Short Vietnamese names of the template fields, as the summary lists required fields. */
const FIELD_LABELS: Record<FieldId, string> = {
  seq: "STT",
  name: "Tên đoàn",
  leader: "Trưởng đoàn (họ tên hoặc chức vụ)",
  leaderRole: "Chức vụ trưởng đoàn",
  members: "Số lượng",
  composition: "Thành phần đoàn",
  countries: "Nước đến",
  period: "Thời gian",
  start: "Từ ngày",
  end: "Đến ngày",
  days: "Số ngày",
  purpose: "Mục đích, nội dung",
  inviter: "Đối tác, cơ quan mời",
  funding: "Nguồn kinh phí",
  cost: "Kinh phí dự kiến",
  unit: "Đơn vị chủ trì",
  planStatus: "Trong/ngoài kế hoạch",
  notes: "Ghi chú",
  host: "Đơn vị mời, đón tiếp",
  receivingLeader: "Lãnh đạo tiếp",
  venue: "Địa điểm làm việc",
  locality: "Xã, thôn/bản",
  activity: "Hoạt động",
  partner: "Đối tác",
  form: "Hình thức",
};

const KIND_LABELS: Record<PlanKind, string> = {
  outbound: "đoàn ra",
  inbound: "đoàn vào",
  people: "đối ngoại nhân dân",
};

/** The profile's settings by their JSON path, named as the officer reads them (the "(suy luận)" list). */
const SETTING_LABELS: Record<string, string> = {
  requiredFields: "thông tin bắt buộc",
  keyLeaderRoles: "chức vụ lãnh đạo chủ chốt",
  forbiddenFunding: "nguồn kinh phí bị cấm",
  "params.membersMax": "số người tối đa một đoàn",
  "params.countriesMax": "số nước tối đa một chuyến",
  "params.daysPerCountry": "số ngày tối đa ở một nước",
  "params.conferenceDaysPerCountry": "số ngày cho nước có hội nghị quy mô lớn",
  "params.travelDays": "số ngày đi, về",
  "params.travelDaysByRegion": "số ngày đi, về theo khu vực",
  "params.oneRegionPerTrip": "một khu vực mỗi chuyến",
  "params.peoplePartnerAreas": "địa bàn đối tác đối ngoại nhân dân",
  "params.keyLeaderTripsMax": "số chuyến tối đa của lãnh đạo chủ chốt",
  "params.leadersSameDestinationMax": "số lãnh đạo cùng đến một nước",
  "params.mergeSimilarity": "mức gợi ý gộp đoàn",
  incompleteNotConsolidated: "đoàn thiếu thông tin không được tổng hợp",
  planYear: "năm kế hoạch",
  submissionDeadline: "hạn gửi kế hoạch",
  "deadlines.report": "hạn báo cáo kết quả chuyến đi",
  "deadlines.passport": "hạn nộp lại hộ chiếu",
};

const SEVERITY_LABELS: Record<string, string> = { error: "lỗi", warning: "cảnh báo", info: "thông tin", off: "tắt" };

function deadlineText(deadline: Profile["deadlines"]["report"]): string {
  return `trong ${deadline.days} ${deadline.workingDays ? "ngày làm việc" : "ngày (theo lịch)"} sau khi nhập cảnh`;
}

export function profileSummary(profile: Profile): string[] {
  const { params } = profile;
  const lines = [`Bộ quy định: ${profile.name}`];
  if (profile.planYear !== undefined) lines.push(`Năm kế hoạch: ${profile.planYear}`);
  if (profile.submissionDeadline !== undefined) {
    lines.push(`Hạn gửi kế hoạch: chậm nhất ngày ${formatVietnameseDate(profile.submissionDeadline)}`);
  }
  lines.push(params.membersMax === null ? "Không giới hạn số người/đoàn" : `Tối đa ${params.membersMax} người/đoàn`);
  lines.push(`Tối đa ${params.countriesMax} nước/chuyến`);
  const travel = CONTINENTS.map((continent) => `${CONTINENT_NAMES[continent].vi} ${params.travelDaysByRegion[continent]}`).join(", ");
  lines.push(`Tối đa ${params.daysPerCountry} ngày/nước (không tính ngày đi, về, quá cảnh — ước tính: ${travel} ngày)`);
  lines.push(
    params.conferenceDaysPerCountry === null
      ? "Hội nghị quy mô lớn: không có ngoại lệ về số ngày"
      : `Hội nghị quy mô lớn: tối đa ${params.conferenceDaysPerCountry} ngày cho nước có hội nghị`,
  );
  if (params.oneRegionPerTrip) lines.push("Các nước của một chuyến phải trong cùng một khu vực");
  if (params.peoplePartnerAreas.length > 0) {
    lines.push(`Đối tác đối ngoại nhân dân: ${params.peoplePartnerAreas.map((id) => PARTNER_AREA_BY_ID.get(id)?.name ?? id).join(", ")}`);
  }
  lines.push(`Lãnh đạo chủ chốt: tối đa ${params.keyLeaderTripsMax} chuyến đi nước ngoài/năm; không 02 người cùng một đoàn`);
  lines.push(`Cảnh báo khi quá ${params.leadersSameDestinationMax} lãnh đạo của một cơ quan đến cùng một nước trong năm`);
  lines.push(`Gợi ý gộp đoàn khi trùng thời gian, nước đến và nội dung giống nhau từ ${Math.round(params.mergeSimilarity * 100)}%`);
  const forbidden = profile.forbiddenFunding.map((id) => FUNDING_BY_ID.get(id)?.name ?? id);
  lines.push(forbidden.length > 0 ? `Nguồn kinh phí bị cấm: ${forbidden.join("; ")}` : "Không cấm nguồn kinh phí nào");
  const keyLeaders = profile.keyLeaderRoles.map((id) => ROLE_BY_ID.get(id)?.name ?? id);
  lines.push(keyLeaders.length > 0 ? `Chức vụ lãnh đạo chủ chốt: ${keyLeaders.join("; ")}` : "Chưa khai báo chức vụ lãnh đạo chủ chốt");
  for (const kind of Object.keys(KIND_LABELS) as PlanKind[]) {
    const fields = profile.requiredFields[kind];
    if (fields.length > 0) lines.push(`Bắt buộc (${KIND_LABELS[kind]}): ${fields.map((f) => FIELD_LABELS[f]).join(", ")}`);
  }
  if (profile.units && profile.units.length > 0) lines.push(`Danh sách đơn vị gửi kế hoạch: ${profile.units.length} đơn vị (sổ tổng hợp liệt kê đơn vị chưa gửi)`);
  lines.push(`Báo cáo kết quả chuyến đi: ${deadlineText(profile.deadlines.report)}`);
  lines.push(`Nộp lại hộ chiếu: ${deadlineText(profile.deadlines.passport)}`);
  const overrides = Object.entries(profile.severities ?? {}) as [RuleId, string][];
  if (overrides.length > 0) {
    lines.push(`Mức độ riêng: ${overrides.map(([rule, level]) => `${rule} → ${SEVERITY_LABELS[level] ?? level}`).join("; ")}`);
  }
  const inferred = Object.keys(profile.citations ?? {}).filter((path) => profile.citations?.[path].includes("(suy luận)"));
  if (inferred.length > 0) lines.push(`Giá trị suy luận (văn bản không nêu, có thể sửa trong bộ quy định riêng): ${inferred.map((path) => SETTING_LABELS[path] ?? path).join(", ")}`);
  // Each source up to its " — " gloss: the letter itself, not the restated rules.
  // The letters' short names (S0…S4) are ours, not the officer's: "S2: Công văn …" reads "Công văn …".
  for (const source of profile.sources) lines.push(`Căn cứ: ${source.split(" — ")[0].replace(/^S\d+:\s*/, "")}`);
  return lines;
}
