import type { FieldId, PlanKind } from "../../../src/domain/model";
import { TEMPLATES } from "../../../src/domain/templates/definitions";
import { countHeaderSignals, countTitleSignals, matchColumns, scoreHeader } from "../../../src/domain/templates/headers";

function bestField(text: string, kind: PlanKind = "outbound"): FieldId | undefined {
  return scoreHeader(text, kind)[0]?.field;
}

describe("scoreHeader: header variants as units write them", () => {
  const cases: [string, FieldId | undefined, PlanKind?][] = [
    ["STT", "seq"],
    ["Số TT", "seq"],
    ["SốTT", "seq"],
    ["TT", "seq"],
    ["Tên đoàn", "name"],
    ["Ten doan", "name"],
    ["TÊN ĐOÀN", "name"],
    ["Tên đoàn công tác", "name"],
    ["Trưởng đoàn", "leader"],
    ["Họ tên trưởng đoàn", "leader"],
    ["TĐ", "leader"],
    ["td", "leader"],
    ["Chức vụ", "leaderRole"],
    ["Cấp trưởng đoàn", "leaderRole"],
    ["SL", "members"],
    ["Số lượng (người)", "members"],
    ["Quy mô", "members"],
    ["Thành phần đoàn", "composition"],
    ["Nước đến", "countries"],
    ["Nuoc den", "countries"],
    ["Nước/vùng lãnh thổ", "countries"],
    ["Quốc gia/vùng lãnh thổ đến", "countries"],
    ["Địa bàn", "countries"],
    ["Thời gian dự kiến", "period"],
    ["Tháng/Quý", "period"],
    ["T.gian", "period"],
    ["Từ ngày", "start"],
    ["Đến ngày", "end"],
    ["Số ngày", "days"],
    ["Số ngày/nước", "days"],
    ["Mục đích, nội dung", "purpose"],
    ["Mục đích và nội dung làm việc", "purpose"],
    ["ND", "purpose"],
    ["Nội dung làm việc", "purpose"],
    ["Cơ quan mời", "inviter"],
    ["Phía mời", "inviter"],
    ["Nguồn kinh phí", "funding"],
    ["Nguồn KP", "funding"],
    ["nguon kp", "funding"],
    ["Kinh phí dự kiến (triệu đồng)", "cost"],
    ["Dự toán (triệu đồng)", "cost"],
    ["Đơn vị chủ trì", "unit"],
    ["Trong/ngoài kế hoạch", "planStatus"],
    ["Phát sinh", "planStatus"],
    ["NKH", "planStatus"],
    ["Ghi chú", "notes"],
    ["GC", "notes"],
    // Not headers of a plan: never guessed.
    ["Họ và tên", undefined],
    ["Ngày sinh", undefined],
    ["Mã hồ sơ", undefined],
    // Abbreviations only match the whole header.
    ["Mã SL", undefined],
    ["TĐ dự kiến", undefined],
    // Inbound wording.
    ["Quốc tịch", "countries", "inbound"],
    ["Số lượng khách", "members", "inbound"],
    ["Đơn vị mời/đón tiếp", "host", "inbound"],
    ["Lãnh đạo tiếp", "receivingLeader", "inbound"],
    ["Cấp tiếp", "receivingLeader", "inbound"],
    ["Địa điểm làm việc", "venue", "inbound"],
    ["Nguồn kinh phí đón tiếp", "funding", "inbound"],
    ["Cơ quan/tổ chức nước ngoài", "name", "inbound"],
    // A visit starts on arrival and ends on departure; a trip abroad starts on departure.
    ["Ngày đến", "start", "inbound"],
    ["Ngày đi", "end", "inbound"],
    ["Ngày đi", "start", "outbound"],
    ["Ngày về", "end", "outbound"],
    // People-to-people wording.
    ["Xã", "locality", "people"],
    ["Thôn/bản", "locality", "people"],
    ["Hoạt động", "activity", "people"],
    ["Đối tác", "partner", "people"],
    ["Hình thức", "form", "people"],
    ["Địa điểm", "venue", "people"],
  ];
  test.each(cases.map(([text, field, kind]) => [text, field, kind ?? "outbound"] as const))("%s → %s (%s)", (text, field, kind) => {
    expect(bestField(text, kind)).toBe(field);
  });

  test("scores: exact 1, contained less, unrelated nothing", () => {
    expect(scoreHeader("Số lượng", "outbound")[0].score).toBe(1);
    const contained = scoreHeader("Số lượng thành viên đoàn đi", "outbound")[0];
    expect(contained.field).toBe("members");
    expect(contained.score).toBeGreaterThan(0.5);
    expect(contained.score).toBeLessThan(1);
    expect(scoreHeader("Xyz", "outbound")).toEqual([]);
  });
});

describe("matchColumns", () => {
  test("each column maps to one field and each field to one column; the rest are extra columns", () => {
    const mapping = matchColumns(
      [
        { column: 1, text: "STT" },
        { column: 2, text: "Tên đoàn" },
        { column: 3, text: "Thời gian" },
        { column: 4, text: "Thời gian dự kiến" },
        { column: 5, text: "Người liên hệ" },
        { column: 6, text: "Nguồn kinh phí" },
        { column: 7, text: "Kinh phí dự kiến (triệu đồng)" },
      ],
      "outbound",
    );
    expect(mapping.columns).toEqual({ seq: 1, name: 2, period: 3, funding: 6, cost: 7 });
    expect(mapping.extraColumns).toEqual([
      { column: 4, header: "Thời gian dự kiến" },
      { column: 5, header: "Người liên hệ" },
    ]);
    expect(mapping.headers.cost).toBe("Kinh phí dự kiến (triệu đồng)");
  });

  test("the better-scoring column wins a field", () => {
    const mapping = matchColumns(
      [
        { column: 1, text: "Số lượng thành viên tham gia đoàn công tác" },
        { column: 2, text: "Số lượng" },
      ],
      "outbound",
    );
    expect(mapping.columns.members).toBe(2);
  });

  test("every field of every template has a distinct title that maps back to it", () => {
    for (const kind of Object.keys(TEMPLATES) as PlanKind[]) {
      const cells = TEMPLATES[kind].fields.map((f, i) => ({ column: i + 1, text: f.title }));
      const mapping = matchColumns(cells, kind);
      for (const [i, field] of TEMPLATES[kind].fields.entries()) expect([kind, field.id, mapping.columns[field.id]]).toEqual([kind, field.id, i + 1]);
    }
  });
});

describe("kind signals", () => {
  test("header signals", () => {
    const inbound = [{ column: 1, text: "Quốc tịch" }, { column: 2, text: "Số lượng khách" }, { column: 3, text: "Lãnh đạo tiếp" }];
    expect(countHeaderSignals(inbound, "inbound")).toBe(3);
    expect(countHeaderSignals(inbound, "people")).toBe(0);
    expect(countHeaderSignals([{ column: 1, text: "Xã" }, { column: 2, text: "Hình thức" }], "people")).toBe(2);
  });

  test("title signals match whole words after folding", () => {
    expect(countTitleSignals("KẾ HOẠCH ĐOÀN VÀO NĂM 2025", "inbound")).toBe(1);
    expect(countTitleSignals("KE HOACH DOAN RA NAM 2025", "outbound")).toBe(1);
    expect(countTitleSignals("KẾ HOẠCH ĐỐI NGOẠI NHÂN DÂN", "people")).toBe(1);
    expect(countTitleSignals("ỦY BAN NHÂN DÂN THÀNH PHỐ", "people")).toBe(0);
    expect(countTitleSignals("Đoàn rap", "outbound")).toBe(0);
  });
});

describe("every header variant of DOMAIN.md's tables", () => {
  const domain: Record<PlanKind, Partial<Record<FieldId, string[]>>> = {
    outbound: {
      seq: ["STT", "TT", "Số TT"],
      name: ["Tên đoàn", "Tên đoàn công tác", "Đoàn"],
      leader: ["Trưởng đoàn", "Họ tên trưởng đoàn", "TĐ"],
      leaderRole: ["Chức vụ", "Chức vụ trưởng đoàn", "Cấp trưởng đoàn"],
      members: ["Số lượng", "SL", "Số người", "Số thành viên", "Quy mô"],
      composition: ["Thành phần đoàn", "Thành phần", "Thành viên"],
      countries: ["Nước đến", "Quốc gia", "Nước/vùng lãnh thổ", "Địa bàn", "Địa điểm"],
      period: ["Thời gian dự kiến", "Thời gian", "Thời điểm", "Tháng/Quý"],
      start: ["Từ ngày"],
      end: ["Đến ngày"],
      days: ["Số ngày", "Số ngày/nước"],
      purpose: ["Mục đích, nội dung", "Mục đích", "Nội dung làm việc", "ND"],
      inviter: ["Đối tác", "Cơ quan mời", "Phía mời", "Đơn vị mời"],
      funding: ["Nguồn kinh phí", "Nguồn KP", "Kinh phí", "Nguồn vốn"],
      cost: ["Kinh phí dự kiến", "Dự toán (triệu đồng)"],
      unit: ["Đơn vị chủ trì", "Đơn vị đề xuất", "Cơ quan"],
      planStatus: ["Trong/ngoài kế hoạch", "Phát sinh", "NKH"],
      notes: ["Ghi chú", "GC"],
    },
    inbound: {
      seq: ["STT"],
      name: ["Tên đoàn", "Cơ quan/tổ chức nước ngoài"],
      countries: ["Quốc tịch", "Nước"],
      leader: ["Trưởng đoàn"],
      leaderRole: ["Cấp đoàn"],
      members: ["Số lượng khách"],
      period: ["Thời gian"],
      start: ["Từ ngày"],
      end: ["Đến ngày"],
      days: ["Số ngày"],
      purpose: ["Mục đích"],
      host: ["Đơn vị mời/đón tiếp", "Chủ trì"],
      receivingLeader: ["Lãnh đạo tiếp", "Cấp tiếp"],
      venue: ["Địa điểm làm việc"],
      funding: ["Nguồn kinh phí đón tiếp"],
      cost: ["Kinh phí dự kiến"],
      notes: ["Ghi chú"],
    },
    people: {
      seq: ["STT"],
      locality: ["Xã", "Thôn/bản"],
      activity: ["Hoạt động"],
      partner: ["Đối tác"],
      form: ["Hình thức"],
      period: ["Thời gian"],
      venue: ["Địa điểm"],
      members: ["Số lượng", "Số người"],
      funding: ["Nguồn kinh phí"],
      notes: ["Ghi chú"],
    },
  };
  const rows = (Object.keys(domain) as PlanKind[]).flatMap((kind) =>
    Object.entries(domain[kind]).flatMap(([field, variants]) => (variants ?? []).map((text) => [kind, text, field] as const)),
  );
  test.each(rows)("%s: %s → %s", (kind, text, field) => {
    const [best] = scoreHeader(text, kind);
    expect(best).toEqual({ field, score: 1 });
  });
});
