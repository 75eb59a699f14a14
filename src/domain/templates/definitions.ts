/**
 * The three plan templates (DOMAIN.md "The templates as units really fill them"): canonical fields in
 * order, the Vietnamese title each field gets in generated templates and the master, the header
 * variants units write (matched after fold(), see headers.ts), required fields and the signals that
 * tell the kinds apart. Data only: extend the variant lists freely.
 */
import type { FieldId, PlanKind } from "../model";

export interface FieldDefinition {
  id: FieldId;
  /** Header title in generated templates and the master plan. */
  title: string;
  /** Header texts units write; matched exactly, contained in a longer header, or by word overlap. */
  variants: string[];
  /** Abbreviations ("SL", "TĐ"): matched only when the whole header is exactly the abbreviation. */
  abbreviations?: string[];
  /** Group header written above this field in a generated two-row header ("Thời gian" over "Từ ngày | Đến ngày"). */
  group?: string;
}

export interface KindSignals {
  /** Column headers that point to this kind (each header cell counts once). */
  headers: string[];
  /** Phrases in the title rows above the header or in the sheet name. */
  titles: string[];
}

export interface TemplateDefinition {
  kind: PlanKind;
  /** "Kế hoạch đoàn ra": used in messages and generated titles. */
  name: string;
  /** Title of a generated sheet; " NĂM {year}" is appended. */
  title: string;
  /** Default sheet name of a generated template. */
  sheetName: string;
  /** Every field this kind can carry, in canonical (master) order. */
  fields: FieldDefinition[];
  /** Fields of a blank generated template (a subset of `fields`, same order). */
  templateFields: FieldId[];
  /** Fields the default rules require (DOMAIN.md required-field); see REQUIRED_ALTERNATIVES. */
  required: FieldId[];
  /** At least one of these must be recognised for a header row to count as this template. */
  keyFields: FieldId[];
  signals: KindSignals;
}

/**
 * A required field also counts as present when one of these is filled:
 * the leader or his role [S0]; a period or a start date.
 */
export const REQUIRED_ALTERNATIVES: Partial<Record<FieldId, FieldId[]>> = {
  leader: ["leaderRole"],
  leaderRole: ["leader"],
  period: ["start"],
};

// Fields whose header wording is the same in every kind.
const SEQ: FieldDefinition = { id: "seq", title: "STT", variants: ["Số TT", "Số thứ tự", "Thứ tự"], abbreviations: ["STT", "TT"] };
const PERIOD: FieldDefinition = {
  id: "period",
  title: "Thời gian dự kiến",
  variants: [
    "Thời gian dự kiến",
    "Thời gian",
    "Thời điểm",
    "Tháng/Quý",
    "Thời gian đi",
    "Thời gian thực hiện",
    "Thời gian tổ chức",
    "Dự kiến thời gian",
    "Thời gian dự kiến đi",
    "Thời điểm dự kiến",
    "Thời gian (tháng/quý)",
  ],
  abbreviations: ["TG", "T.gian"],
};
const START: FieldDefinition = {
  id: "start",
  title: "Từ ngày",
  group: "Thời gian",
  variants: ["Từ ngày", "Ngày đi", "Ngày bắt đầu", "Ngày xuất cảnh", "Bắt đầu", "Thời gian bắt đầu"],
  abbreviations: ["Từ", "Đi"],
};
const END: FieldDefinition = {
  id: "end",
  title: "Đến ngày",
  group: "Thời gian",
  variants: ["Đến ngày", "Ngày về", "Ngày kết thúc", "Ngày nhập cảnh", "Kết thúc", "Thời gian kết thúc"],
  abbreviations: ["Đến", "Về"],
};
// A visit to Vietnam starts on arrival ("Ngày đến", entry) and ends on departure ("Ngày đi", exit).
const INBOUND_START: FieldDefinition = {
  ...START,
  variants: ["Từ ngày", "Ngày đến", "Ngày bắt đầu", "Ngày nhập cảnh", "Bắt đầu", "Thời gian bắt đầu"],
  abbreviations: ["Từ"],
};
const INBOUND_END: FieldDefinition = {
  ...END,
  variants: ["Đến ngày", "Ngày đi", "Ngày về", "Ngày kết thúc", "Ngày xuất cảnh", "Kết thúc", "Thời gian kết thúc"],
  abbreviations: ["Đến"],
};
const DAYS: FieldDefinition = {
  id: "days",
  title: "Số ngày",
  variants: ["Số ngày", "Số ngày/nước", "Số ngày công tác", "Tổng số ngày", "Số ngày đi", "Thời gian (ngày)", "Số ngày làm việc"],
  abbreviations: ["SN"],
};
const PURPOSE: FieldDefinition = {
  id: "purpose",
  title: "Mục đích, nội dung",
  variants: [
    "Mục đích, nội dung",
    "Mục đích",
    "Nội dung làm việc",
    "Nội dung",
    "Mục đích chuyến đi",
    "Nội dung công tác",
    "Mục đích, nội dung làm việc",
    "Mục đích, nội dung công tác",
    "Nhiệm vụ",
    "Mục đích, yêu cầu",
  ],
  abbreviations: ["ND", "MĐ", "MĐ, ND"],
};
const COST: FieldDefinition = {
  id: "cost",
  title: "Kinh phí dự kiến (triệu đồng)",
  variants: [
    "Kinh phí dự kiến",
    "Dự toán (triệu đồng)",
    "Dự toán",
    "Dự toán kinh phí",
    "Kinh phí dự kiến (triệu đồng)",
    "Tổng kinh phí",
    "Dự trù kinh phí",
    "Số tiền",
    "Kinh phí (triệu đồng)",
  ],
  abbreviations: ["KP dự kiến", "DT"],
};
const PLAN_STATUS: FieldDefinition = {
  id: "planStatus",
  title: "Trong/ngoài kế hoạch",
  variants: [
    "Trong/ngoài kế hoạch",
    "Phát sinh",
    "Ngoài kế hoạch",
    "Đoàn phát sinh",
    "Trong kế hoạch/phát sinh",
    "Kế hoạch/phát sinh",
    "Phát sinh ngoài kế hoạch",
    "Ngoài kế hoạch (phát sinh)",
  ],
  abbreviations: ["NKH", "Ngoài KH", "Trong/ngoài KH"],
};
const NOTES: FieldDefinition = { id: "notes", title: "Ghi chú", variants: ["Ghi chú", "Ghi chú khác"], abbreviations: ["GC"] };
const LEADER: FieldDefinition = {
  id: "leader",
  title: "Trưởng đoàn (họ và tên)",
  variants: [
    "Trưởng đoàn",
    "Họ tên trưởng đoàn",
    "Họ và tên trưởng đoàn",
    "Trưởng đoàn (họ tên, chức vụ)",
    "Trưởng đoàn (họ và tên)",
    "Người dẫn đoàn",
    "Lãnh đạo dẫn đoàn",
    "Trưởng đoàn (họ tên)",
  ],
  abbreviations: ["TĐ"],
};
const LEADER_ROLE_VARIANTS = ["Chức vụ", "Chức vụ trưởng đoàn", "Cấp trưởng đoàn", "Chức danh", "Cấp đoàn", "Cấp lãnh đạo", "Chức danh trưởng đoàn"];
const FUNDING_VARIANTS = ["Nguồn kinh phí", "Kinh phí", "Nguồn vốn", "Nguồn kinh phí thực hiện", "Nguồn tài chính"];
const FUNDING_ABBREVIATIONS = ["Nguồn KP", "KP", "NKP"];

/**
 * The unit that hosts an inbound visit or a people-to-people activity, as a consolidation names it (the
 * unit that sent the row): a master of masters keeps the first level's units in it. Not in the blank
 * templates (a unit's own plan is all its own). Listed after "Đơn vị mời, đón tiếp", which claims the same
 * header "Đơn vị chủ trì" in a unit's inbound sheet: a lone "Đơn vị chủ trì" column is the host (the
 * required field, ties go to the earlier field), and only a sheet with both columns (a master) fills this.
 */
const HOSTING_UNIT: FieldDefinition = {
  id: "unit",
  title: "Đơn vị chủ trì",
  variants: ["Đơn vị chủ trì", "Đơn vị đề xuất", "Cơ quan đề xuất", "Đơn vị đăng ký"],
};

const OUTBOUND: TemplateDefinition = {
  kind: "outbound",
  name: "Kế hoạch đoàn ra",
  title: "KẾ HOẠCH ĐOÀN RA",
  sheetName: "Đoàn ra",
  fields: [
    SEQ,
    {
      id: "name",
      title: "Tên đoàn",
      variants: ["Tên đoàn", "Tên đoàn công tác", "Đoàn", "Tên đoàn ra", "Đoàn công tác", "Tên đoàn đi công tác"],
    },
    LEADER,
    { id: "leaderRole", title: "Chức vụ trưởng đoàn", variants: LEADER_ROLE_VARIANTS },
    {
      id: "members",
      title: "Số lượng (người)",
      variants: ["Số lượng", "Số người", "Số thành viên", "Quy mô", "Số lượng thành viên", "Số lượng người", "Quy mô đoàn", "Số lượng (người)"],
      abbreviations: ["SL", "SL (người)"],
    },
    { id: "composition", title: "Thành phần đoàn", variants: ["Thành phần đoàn", "Thành phần", "Thành viên", "Thành viên đoàn", "Thành phần tham gia"] },
    {
      id: "countries",
      title: "Nước đến",
      variants: [
        "Nước đến",
        "Quốc gia",
        "Nước/vùng lãnh thổ",
        "Địa bàn",
        "Địa điểm",
        "Quốc gia đến",
        "Nước",
        "Nơi đến",
        "Địa điểm đến",
        "Nước/vùng lãnh thổ đến",
        "Quốc gia/vùng lãnh thổ",
        "Nước, vùng lãnh thổ",
        "Nước đến công tác",
      ],
    },
    PERIOD,
    START,
    END,
    DAYS,
    PURPOSE,
    {
      id: "inviter",
      title: "Đối tác, cơ quan mời",
      variants: ["Đối tác", "Cơ quan mời", "Phía mời", "Đơn vị mời", "Đối tác làm việc", "Cơ quan, tổ chức mời", "Đối tác nước ngoài", "Cơ quan đối tác", "Đối tác, cơ quan mời"],
    },
    { id: "funding", title: "Nguồn kinh phí", variants: FUNDING_VARIANTS, abbreviations: FUNDING_ABBREVIATIONS },
    COST,
    {
      id: "unit",
      title: "Đơn vị chủ trì",
      variants: ["Đơn vị chủ trì", "Đơn vị đề xuất", "Cơ quan", "Cơ quan chủ trì", "Đơn vị", "Đơn vị thực hiện", "Cơ quan đề xuất", "Đơn vị tổ chức", "Cơ quan, đơn vị"],
    },
    PLAN_STATUS,
    NOTES,
  ],
  templateFields: ["seq", "name", "leader", "leaderRole", "members", "composition", "countries", "start", "end", "days", "purpose", "inviter", "funding", "cost", "planStatus", "notes"],
  required: ["leader", "countries", "period", "purpose", "funding", "members"],
  keyFields: ["name", "leader", "countries", "purpose"],
  signals: {
    headers: ["Nước đến", "Quốc gia đến", "Nước đến công tác", "Nơi đến", "Phía mời", "Cơ quan mời"],
    titles: ["đoàn ra", "đi công tác nước ngoài", "đi nước ngoài", "biểu mẫu 04"],
  },
};

const INBOUND: TemplateDefinition = {
  kind: "inbound",
  name: "Kế hoạch đoàn vào",
  title: "KẾ HOẠCH ĐOÀN VÀO",
  sheetName: "Đoàn vào",
  fields: [
    SEQ,
    {
      id: "name",
      title: "Tên đoàn (cơ quan/tổ chức nước ngoài)",
      variants: [
        "Tên đoàn",
        "Cơ quan/tổ chức nước ngoài",
        "Đoàn",
        "Tên đoàn vào",
        "Tên cơ quan, tổ chức nước ngoài",
        "Đoàn khách",
        "Tên đoàn khách",
        "Khách nước ngoài",
        "Tên đoàn (cơ quan/tổ chức nước ngoài)",
      ],
    },
    { id: "countries", title: "Quốc tịch", variants: ["Quốc tịch", "Nước", "Quốc gia", "Nước/vùng lãnh thổ", "Quốc gia/vùng lãnh thổ", "Quốc tịch đoàn"] },
    LEADER,
    { id: "leaderRole", title: "Cấp đoàn (chức vụ trưởng đoàn)", variants: LEADER_ROLE_VARIANTS },
    {
      id: "members",
      title: "Số lượng khách",
      variants: ["Số lượng khách", "Số lượng", "Số khách", "Số người", "Quy mô", "Số lượng thành viên", "Quy mô đoàn"],
      abbreviations: ["SL", "SL khách"],
    },
    { id: "composition", title: "Thành phần đoàn", variants: ["Thành phần đoàn", "Thành phần", "Thành viên đoàn"] },
    PERIOD,
    INBOUND_START,
    INBOUND_END,
    DAYS,
    PURPOSE,
    {
      id: "host",
      title: "Đơn vị mời, đón tiếp",
      variants: [
        "Đơn vị mời/đón tiếp",
        "Đơn vị mời",
        "Đơn vị đón tiếp",
        "Đơn vị chủ trì",
        "Cơ quan mời",
        "Cơ quan đón tiếp",
        "Đơn vị mời, đón tiếp",
        "Cơ quan chủ trì đón tiếp",
        "Chủ trì",
        "Đơn vị chủ trì đón tiếp",
      ],
    },
    { id: "receivingLeader", title: "Lãnh đạo tiếp", variants: ["Lãnh đạo tiếp", "Cấp tiếp", "Lãnh đạo tiếp đoàn", "Người tiếp", "Cấp lãnh đạo tiếp", "Lãnh đạo tiếp khách"] },
    { id: "venue", title: "Địa điểm làm việc", variants: ["Địa điểm làm việc", "Địa điểm", "Nơi làm việc", "Địa điểm đón tiếp", "Địa bàn làm việc"] },
    {
      id: "funding",
      title: "Nguồn kinh phí đón tiếp",
      variants: ["Nguồn kinh phí đón tiếp", "Kinh phí đón tiếp", ...FUNDING_VARIANTS],
      abbreviations: FUNDING_ABBREVIATIONS,
    },
    COST,
    HOSTING_UNIT,
    PLAN_STATUS,
    NOTES,
  ],
  templateFields: ["seq", "name", "countries", "leader", "leaderRole", "members", "start", "end", "days", "purpose", "host", "receivingLeader", "venue", "funding", "cost", "planStatus", "notes"],
  required: ["name", "countries", "period", "purpose", "host", "funding"],
  keyFields: ["name", "leader", "countries", "purpose"],
  signals: {
    headers: ["Quốc tịch", "Số lượng khách", "Đơn vị mời/đón tiếp", "Đơn vị đón tiếp", "Lãnh đạo tiếp", "Cấp tiếp", "Đoàn khách", "Kinh phí đón tiếp", "Cơ quan/tổ chức nước ngoài"],
    titles: ["đoàn vào", "đón tiếp", "đoàn nước ngoài vào", "biểu mẫu 05"],
  },
};

const PEOPLE: TemplateDefinition = {
  kind: "people",
  name: "Kế hoạch đối ngoại nhân dân",
  title: "KẾ HOẠCH ĐỐI NGOẠI NHÂN DÂN",
  sheetName: "Đối ngoại nhân dân",
  fields: [
    SEQ,
    {
      id: "locality",
      title: "Xã, thôn/bản",
      variants: ["Xã", "Thôn/bản", "Xã, thôn/bản", "Địa phương", "Thôn", "Bản", "Xã/thôn/bản", "Xã, thôn, bản", "Đơn vị (xã, thôn, bản)", "Xã, phường"],
    },
    {
      id: "activity",
      title: "Hoạt động",
      variants: ["Hoạt động", "Nội dung hoạt động", "Hoạt động đối ngoại", "Nội dung", "Tên hoạt động", "Hoạt động đối ngoại nhân dân", "Nội dung, hoạt động"],
    },
    {
      id: "partner",
      title: "Đối tác",
      variants: ["Đối tác", "Địa phương đối tác", "Đối tác nước ngoài", "Xã/thôn đối tác", "Đơn vị kết nghĩa", "Phía bạn", "Đối tác (xã, thôn, bản nước bạn)"],
    },
    {
      id: "form",
      title: "Hình thức (đoàn ra/đoàn vào/tại chỗ)",
      variants: ["Hình thức", "Hình thức tổ chức", "Hình thức hoạt động", "Hình thức (đoàn ra/đoàn vào/tại chỗ)"],
    },
    PERIOD,
    START,
    END,
    { id: "venue", title: "Địa điểm", variants: ["Địa điểm", "Địa điểm tổ chức", "Nơi tổ chức", "Địa điểm thực hiện"] },
    {
      id: "members",
      title: "Số người tham gia",
      variants: ["Số người tham gia", "Số lượng", "Số người", "Quy mô", "Số lượng người tham gia", "Thành phần, số lượng"],
      abbreviations: ["SL"],
    },
    { id: "funding", title: "Nguồn kinh phí", variants: FUNDING_VARIANTS, abbreviations: FUNDING_ABBREVIATIONS },
    COST,
    HOSTING_UNIT,
    NOTES,
  ],
  templateFields: ["seq", "locality", "activity", "partner", "form", "period", "venue", "members", "funding", "notes"],
  // Inferred from [S4] ("Xác định rõ nguồn kinh phí"); profiles may change it.
  required: ["locality", "activity", "partner", "period", "funding"],
  keyFields: ["locality", "activity", "partner"],
  signals: {
    headers: ["Xã", "Thôn/bản", "Hoạt động", "Đối tác", "Hình thức", "Xã, thôn/bản", "Địa phương đối tác", "Đơn vị kết nghĩa"],
    titles: ["đối ngoại nhân dân", "mẫu số 02"],
  },
};

export const TEMPLATES: Record<PlanKind, TemplateDefinition> = { outbound: OUTBOUND, inbound: INBOUND, people: PEOPLE };

/** The definition of one field of one kind, if the kind has it. */
export function fieldDefinition(kind: PlanKind, field: FieldId): FieldDefinition | undefined {
  return TEMPLATES[kind].fields.find((f) => f.id === field);
}
