import { countries, findingsOf, makeDelegation, period, role, testContext, testProfile } from "./support";

describe("merge-candidate", () => {
  const trip = (extra: Parameters<typeof makeDelegation>[0]) =>
    makeDelegation({ leaderName: undefined, leaderRole: role("pho-giam-doc-so"), composition: "Phó Giám đốc Sở, 02 chuyên viên", ...extra });
  const health = (extra: Parameters<typeof makeDelegation>[0] = {}) =>
    trip({ unit: "Sở Y tế", purpose: "Hợp tác đào tạo nhân lực y tế với Đại học Osaka", period: period("2025-05-10", "2025-05-14"), ...extra });
  const hospital = (extra: Parameters<typeof makeDelegation>[0] = {}) =>
    trip({ unit: "Bệnh viện Việt Tiệp", purpose: "Hợp tác đào tạo nhân lực y tế tại Đại học Osaka", period: period("2025-05-12", "2025-05-16"), ...extra });

  it("flags two units going to the same country at the same time for similar work, on both rows", () => {
    const a = health();
    const b = hospital();
    const findings = findingsOf("merge-candidate", [a, b]);
    expect(findings.map((f) => f.delegationId).sort()).toEqual([a.id, b.id].sort());
    const onA = findings.find((f) => f.delegationId === a.id)!;
    expect(onA).toMatchObject({ severity: "warning", cell: `A${a.row}`, related: [{ sheet: "Đoàn ra", row: b.row }] });
    expect(onA.message).toBe(`Đoàn trùng thời gian, cùng đến Nhật Bản và có nội dung tương tự với dòng ${b.row}: cân nhắc gộp các đoàn`);
  });

  it.each([
    ["no time overlap", { period: period("2025-05-15", "2025-05-19") }, { period: period("2025-05-20", "2025-05-24") }],
    ["no shared country", {}, { countries: countries("Hàn Quốc") }],
    ["different work", {}, { purpose: "Ký kết thỏa thuận kết nghĩa giữa hai thành phố" }],
    ["no readable time", {}, { period: undefined }],
  ])("does not flag %s", (_, first, second) => {
    expect(findingsOf("merge-candidate", [health(first), hospital(second)])).toEqual([]);
  });

  it("matches a month-precise period with a dated trip inside it", () => {
    expect(findingsOf("merge-candidate", [health({ period: period("2025-05-01", "2025-05-31", "month") }), hospital()])).toHaveLength(2);
  });

  it("uses the profile's similarity threshold, boundary included", () => {
    // {hop, tac, y, te} vs {hop, tac, y, duoc, lieu}: 3 shared of 6 = 0.5.
    const rows = [health({ purpose: "Hợp tác y tế" }), hospital({ purpose: "Hợp tác y dược liệu" })];
    expect(findingsOf("merge-candidate", rows, testContext({ profile: testProfile({ params: { mergeSimilarity: 0.5 } }) }))).toHaveLength(2);
    expect(findingsOf("merge-candidate", rows, testContext({ profile: testProfile({ params: { mergeSimilarity: 0.51 } }) }))).toEqual([]);
  });

  it("names every partner of a row", () => {
    const rows = [health(), hospital(), hospital({ unit: "Trường Cao đẳng Y tế", file: "cd-y-te.xlsx" })];
    const findings = findingsOf("merge-candidate", rows);
    expect(findings).toHaveLength(3);
    for (const finding of findings) expect(finding.related).toHaveLength(2);
  });

  it("leaves exact duplicates to duplicate-delegation", () => {
    const a = health({ leaderName: "Lê Văn Cường" });
    const b = health({ leaderName: "Lê Văn Cường" });
    expect(findingsOf("merge-candidate", [a, b])).toEqual([]);
    expect(findingsOf("duplicate-delegation", [a, b])).toHaveLength(2);
  });
});

describe("leaders-same-destination", () => {
  const names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"];
  const leaderTrip = (index: number, extra: Parameters<typeof makeDelegation>[0] = {}) =>
    makeDelegation({
      leaderName: names[index],
      leaderRole: role(index === 0 ? "giam-doc-so" : "pho-giam-doc-so"),
      composition: "02 chuyên viên",
      period: period(`2025-${String(index + 2).padStart(2, "0")}-10`, `2025-${String(index + 2).padStart(2, "0")}-14`),
      purpose: `Làm việc với đối tác số ${index + 1} về chuyên đề ${["y tế dự phòng", "bệnh viện thông minh", "dược phẩm", "đào tạo điều dưỡng", "chuyển đổi số"][index]}`,
      ...extra,
    });

  it("accepts 3 leaders of one agency to one country and flags 4, on every row", () => {
    expect(findingsOf("leaders-same-destination", [0, 1, 2].map((i) => leaderTrip(i)))).toEqual([]);
    const rows = [0, 1, 2, 3].map((i) => leaderTrip(i));
    const findings = findingsOf("leaders-same-destination", rows);
    expect(findings.map((f) => f.delegationId).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const finding of findings) {
      expect(finding).toMatchObject({ severity: "warning", cell: `G${finding.row}` });
      expect(finding.related).toHaveLength(3);
      expect(finding.message).toMatch(/^4 lãnh đạo của cùng cơ quan \(Sở Y tế\) cùng đến Nhật Bản trong năm 2025 \(cùng .+\), vượt quá 3 người/);
    }
  });

  it("counts people, not trips", () => {
    const rows = [leaderTrip(0), leaderTrip(0, { period: period("2025-11-01", "2025-11-05") }), leaderTrip(1), leaderTrip(2)];
    expect(findingsOf("leaders-same-destination", rows)).toEqual([]);
  });

  it("does not count staff trips, other agencies or other countries", () => {
    const staff = leaderTrip(3, { leaderRole: role("chuyen-vien") });
    const otherAgency = leaderTrip(3, { unit: "Sở Tài chính" });
    const otherCountry = leaderTrip(3, { countries: countries("Hàn Quốc") });
    for (const fourth of [staff, otherAgency, otherCountry]) {
      expect(findingsOf("leaders-same-destination", [leaderTrip(0), leaderTrip(1), leaderTrip(2), fourth])).toEqual([]);
    }
  });

  it("follows the profile's limit", () => {
    const context = testContext({ profile: testProfile({ params: { leadersSameDestinationMax: 1 } }) });
    expect(findingsOf("leaders-same-destination", [leaderTrip(0), leaderTrip(1)], context)).toHaveLength(2);
  });
});

describe("duplicate-delegation", () => {
  it("flags the same unit, head, countries and time on every copy, across files", () => {
    const a = makeDelegation({ file: "so-y-te.xlsx", countries: countries("Nhật Bản", "Hàn Quốc") });
    const b = makeDelegation({ file: "tong-hop.xlsx", countries: countries("Hàn Quốc", "Nhật Bản") });
    const findings = findingsOf("duplicate-delegation", [a, b]);
    expect(findings).toHaveLength(2);
    const onA = findings.find((f) => f.delegationId === a.id)!;
    expect(onA).toMatchObject({ severity: "warning", cell: `A${a.row}`, related: [{ file: "tong-hop.xlsx", sheet: "Đoàn ra", row: b.row }] });
    expect(onA.message).toBe(`Đoàn trùng lặp với dòng ${b.row}, trang tính “Đoàn ra”, tệp “tong-hop.xlsx”: cùng đơn vị, trưởng đoàn, nước đến và thời gian`);
  });

  it.each([
    ["another time", { period: period("2025-09-10", "2025-09-14") }],
    ["another head", { leaderName: "Trần Thị Bình" }],
    ["another unit", { unit: "Sở Tài chính" }],
    ["another country", { countries: countries("Hàn Quốc") }],
  ])("does not flag %s", (_, change) => {
    expect(findingsOf("duplicate-delegation", [makeDelegation(), makeDelegation(change)])).toEqual([]);
  });

  it("ignores rows that say too little to compare", () => {
    const bare = { leaderName: undefined, leaderRole: undefined, name: undefined, countries: [], period: undefined };
    expect(findingsOf("duplicate-delegation", [makeDelegation(bare), makeDelegation(bare)])).toEqual([]);
  });
});

describe("large groups", () => {
  it("name the first related rows in order and count the rest", () => {
    const rows = Array.from({ length: 60 }, (_, i) =>
      makeDelegation({
        row: 100 + i,
        leaderName: `Người số ${i}`,
        leaderRole: role("pho-giam-doc-so"),
        composition: "02 chuyên viên",
        unit: `Đơn vị ${i}`,
        purpose: "Hợp tác đào tạo nhân lực y tế với Đại học Osaka",
      }),
    );
    const findings = findingsOf("merge-candidate", [...rows].reverse());
    expect(findings).toHaveLength(60);
    const onLast = findings[findings.length - 1];
    expect(onLast.related).toHaveLength(20);
    expect(onLast.related![0].row).toBe(100);
    expect(onLast.message).toContain("và 49 dòng khác");
  });
});

describe("leaders-same-destination at city level", () => {
  it("counts the city's leaders together and says so", () => {
    const cityRoles = ["chu-tich-ubnd", "pho-chu-tich-ubnd", "pho-chu-tich-hdnd", "bi-thu-tinh-uy"];
    const rows = cityRoles.map((roleId, i) =>
      makeDelegation({ leaderName: `Lãnh đạo ${i}`, leaderRole: role(roleId), composition: "02 chuyên viên", unit: `Sở số ${i}`, purpose: `Chuyên đề riêng số ${i} ${"abcd"[i]}` }),
    );
    const findings = findingsOf("leaders-same-destination", rows);
    expect(findings).toHaveLength(4);
    expect(findings[0].message).toContain("4 lãnh đạo của cùng cơ quan (Lãnh đạo thành phố/tỉnh) cùng đến Nhật Bản");
  });
});
