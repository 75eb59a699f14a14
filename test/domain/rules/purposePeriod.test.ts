import { findingsOf, makeDelegation, period, testContext } from "./support";

describe("purpose-unclear", () => {
  it.each([
    ["Công tác", "quá ngắn, thiếu nội dung cụ thể"],
    ["Học tập", "quá ngắn, thiếu nội dung cụ thể"],
    ["Hội thảo", "quá ngắn, thiếu nội dung cụ thể"],
    ["Tham quan, học tập kinh nghiệm", "chủ yếu là tham quan, du lịch"],
    ["Tham quan du lịch kết hợp làm việc", "chủ yếu là tham quan, du lịch"],
    ["Khảo sát thực tế", "chỉ ghi khảo sát, chưa nêu nội dung, đối tác cụ thể"],
    ["Khảo sát, tìm hiểu, học tập kinh nghiệm các nước", "chỉ ghi khảo sát, chưa nêu nội dung, đối tác cụ thể"],
  ])("flags %p", (purpose, why) => {
    const delegation = makeDelegation({ purpose });
    const findings = findingsOf("purpose-unclear", [delegation]);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: "warning", cell: `L${delegation.row}` });
    expect(findings[0].message).toBe(`Mục đích “${purpose}” ${why}: cần nêu mục đích, nội dung, chương trình cụ thể, rõ ràng`);
  });

  it.each([
    "Ký kết thỏa thuận hợp tác",
    "Khảo sát mô hình xử lý rác thải tại thành phố Osaka",
    "Xúc tiến du lịch Hải Phòng tại Hội chợ ITB Berlin",
    "Làm việc với Sở Giáo dục Osaka, tham quan một số trường học",
    "Làm việc với Đại học Osaka về hợp tác đào tạo nguồn nhân lực y tế",
  ])("accepts %p", (purpose) => {
    expect(findingsOf("purpose-unclear", [makeDelegation({ purpose })])).toEqual([]);
  });

  it("leaves an empty purpose to required-field", () => {
    expect(findingsOf("purpose-unclear", [makeDelegation({ purpose: undefined })])).toEqual([]);
  });
});

describe("period-invalid", () => {
  it("reports a time that could not be read, with the parser's reason", () => {
    const delegation = makeDelegation({ period: undefined, periodError: "không hiểu “Quý V/2025”" });
    const [finding] = findingsOf("period-invalid", [delegation]);
    expect(finding).toMatchObject({ severity: "error", cell: `H${delegation.row}`, message: "Thời gian không đọc được: không hiểu “Quý V/2025”" });
  });

  it("points at the time cell that holds the value, not an empty one before it (a master has all three)", () => {
    const delegation = makeDelegation({ period: undefined, periodError: "Ngày bắt đầu: không đọc được «31/06/2026»", raw: { start: "31/06/2026", end: "02/07/2026" } });
    const [finding] = findingsOf("period-invalid", [delegation]);
    expect(finding).toMatchObject({ cell: `I${delegation.row}` });
  });

  it("reports a return before the departure at the end date", () => {
    const delegation = makeDelegation({ period: period("2025-05-20", "2025-05-15") });
    const [finding] = findingsOf("period-invalid", [delegation]);
    expect(finding).toMatchObject({ cell: `J${delegation.row}`, message: "Ngày về 15/05/2025 trước ngày đi 20/05/2025" });
  });

  it.each([
    ["2024-12-20", "2024-12-24", 1],
    ["2025-01-01", "2025-01-05", 0],
    ["2025-12-28", "2026-01-02", 0],
    ["2026-01-01", "2026-01-05", 1],
  ])("a trip %s–%s in plan year 2025 → %i", (start, end, count) => {
    const findings = findingsOf("period-invalid", [makeDelegation({ period: period(start, end) })]);
    expect(findings).toHaveLength(count);
    if (count) expect(findings[0].message).toMatch(/không thuộc năm kế hoạch 2025$/);
  });

  it("uses the context's plan year", () => {
    expect(findingsOf("period-invalid", [makeDelegation({ period: period("2026-03-01", "2026-03-05") })], testContext({ year: 2026 }))).toEqual([]);
  });

  it("is silent when no time is written (required-field's job)", () => {
    expect(findingsOf("period-invalid", [makeDelegation({ period: undefined })])).toEqual([]);
  });
});
