import { findingsOf, makeDelegation, period, role, testContext, testProfile } from "./support";

describe("key-leaders-together", () => {
  it.each([
    ["director + party secretary of the same department", "giam-doc-so", "Giám đốc Sở, Bí thư Đảng ủy Sở, 02 chuyên viên", 1],
    ["director + deputy (deputies are not key leaders)", "giam-doc-so", "Giám đốc Sở, Phó Giám đốc Sở, 01 chuyên viên", 0],
    ["director listed again in the composition", "giam-doc-so", "Đ/c Nguyễn Văn An - Giám đốc Sở (Trưởng đoàn); 02 chuyên viên", 0],
    ["city vice-chair + directors of two departments", "pho-chu-tich-ubnd", "Giám đốc Sở Công Thương, Giám đốc Sở Tài chính, 02 chuyên viên", 0],
    ["city chair + city vice-chair (both UBND)", "chu-tich-ubnd", "Phó Chủ tịch UBND thành phố, Chánh Văn phòng UBND thành phố Hải Phòng", 1],
    ["\"GD\" of Sở GD&ĐT is not a director", "giam-doc-so", "Chuyên viên Sở GD&ĐT, chuyên viên Sở Y tế", 0],
    ["place names are not roles", "giam-doc-so", "Chuyên viên UBND phường Lê Chân, cán bộ Thành ủy, Tỉnh ủy và Sở Y tế tỉnh", 0],
    ["city party secretary + city chair", "bi-thu-tinh-uy", "Chủ tịch UBND thành phố, Giám đốc Sở Ngoại vụ", 1],
    ["party secretary of the department counts for the department", "giam-doc-so", "Bí thư Đảng ủy Sở Y tế; 02 chuyên viên", 1],
  ])("%s (head %s, composition %p) → %i", (_, roleId, composition, count) => {
    expect(findingsOf("key-leaders-together", [makeDelegation({ leaderRole: role(roleId), composition })])).toHaveLength(count);
  });

  it("names the leaders at the composition cell", () => {
    const delegation = makeDelegation({ composition: "Giám đốc Sở, Bí thư Đảng ủy Sở Y tế, 02 chuyên viên" });
    const [finding] = findingsOf("key-leaders-together", [delegation]);
    expect(finding).toMatchObject({ severity: "error", cell: `F${delegation.row}` });
    expect(finding.message).toBe(
      "Đoàn có 2 lãnh đạo chủ chốt của cùng một cơ quan, đơn vị (Nguyễn Văn An (Giám đốc Sở); Bí thư Đảng ủy), vượt quá 1 lãnh đạo chủ chốt/đoàn",
    );
  });

  it("recognises the agency's key leaders by name from the settings", () => {
    const delegation = makeDelegation({ composition: "Đ/c Trần Thị Bình, Phó Giám đốc Sở; 02 chuyên viên" });
    expect(findingsOf("key-leaders-together", [delegation])).toEqual([]);
    const [finding] = findingsOf("key-leaders-together", [delegation], testContext({ keyLeaderNames: ["Trần Thị Bình"] }));
    expect(finding.message).toContain("Trần Thị Bình");
  });

  it("lowers to a warning when the notes cite the competent authority's approval, and says so", () => {
    const delegation = makeDelegation({ composition: "Giám đốc Sở, Bí thư Đảng ủy Sở", notes: "Đã xin ý kiến cấp có thẩm quyền (Văn bản số 12/UBND)" });
    const [finding] = findingsOf("key-leaders-together", [delegation]);
    expect(finding.severity).toBe("warning");
    expect(finding.message).toContain("ghi chú nêu đã xin ý kiến cấp có thẩm quyền: hạ từ lỗi xuống cảnh báo");
    expect(finding.messageEn).toContain("lowered from error to warning");
  });

  it("takes key roles from the profile", () => {
    const delegation = makeDelegation({ composition: "Giám đốc Sở, Bí thư Đảng ủy Sở" });
    const onlyDirectors = testContext({ profile: testProfile({ keyLeaderRoles: ["giam-doc-so"] }) });
    expect(findingsOf("key-leaders-together", [delegation], onlyDirectors)).toEqual([]);
    const listFlags = testContext({ profile: testProfile({ keyLeaderRoles: [] }) });
    expect(findingsOf("key-leaders-together", [delegation], listFlags)).toHaveLength(1);
  });
});

describe("key-leader-trips", () => {
  const trip = (month: number, extra: Parameters<typeof makeDelegation>[0] = {}) =>
    makeDelegation({ period: period(`2025-${String(month).padStart(2, "0")}-10`, `2025-${String(month).padStart(2, "0")}-14`), ...extra });

  it("accepts 2 trips and flags 3, on every row, naming the others", () => {
    expect(findingsOf("key-leader-trips", [trip(3), trip(6)])).toEqual([]);
    const rows = [trip(3), trip(6), trip(9)];
    const findings = findingsOf("key-leader-trips", rows);
    expect(findings.map((f) => f.delegationId)).toEqual(rows.map((r) => r.id));
    for (const finding of findings) {
      expect(finding.severity).toBe("error");
      expect(finding.related).toHaveLength(2);
      expect(finding.cell).toBe(`C${finding.row}`);
      expect(finding.message).toMatch(/^Lãnh đạo chủ chốt Nguyễn Văn An \(Giám đốc Sở\) đi nước ngoài 3 lần trong năm 2025 \(cùng các dòng \d+, \d+\), vượt quá 2 lần\/năm$/);
    }
    expect(findings[0].related).toEqual([
      { sheet: "Đoàn ra", row: rows[1].row },
      { sheet: "Đoàn ra", row: rows[2].row },
    ]);
  });

  it("counts across sheets and files, matching names without diacritics", () => {
    const rows = [
      trip(3, { file: "so-y-te.xlsx" }),
      trip(6, { file: "so-y-te.xlsx", sheet: "Đoàn ra (bổ sung)" }),
      trip(9, { file: "tong-hop.xlsx", leaderName: "NGUYEN VAN AN" }),
    ];
    const findings = findingsOf("key-leader-trips", rows);
    expect(findings).toHaveLength(3);
    const first = findings.find((f) => f.delegationId === rows[0].id)!;
    expect(first.message).toContain(`dòng ${rows[1].row}, trang tính “Đoàn ra (bổ sung)”`);
    expect(first.message).toContain(`dòng ${rows[2].row}, trang tính “Đoàn ra”, tệp “tong-hop.xlsx”`);
    expect(first.related).toContainEqual({ file: "tong-hop.xlsx", sheet: "Đoàn ra", row: rows[2].row });
  });

  it("does not count leaders who are not key leaders", () => {
    const deputy = { leaderRole: role("pho-giam-doc-so"), composition: "Phó Giám đốc Sở, 02 chuyên viên" };
    expect(findingsOf("key-leader-trips", [trip(3, deputy), trip(6, deputy), trip(9, deputy)])).toEqual([]);
  });

  it("counts only trips starting in the plan year", () => {
    const nextYear = makeDelegation({ period: period("2026-01-10", "2026-01-14") });
    expect(findingsOf("key-leader-trips", [trip(3), trip(6), nextYear])).toEqual([]);
  });

  it("counts a trip the leader joins when named in its composition", () => {
    const joined = trip(9, { leaderName: "Lê Văn Cường", leaderRole: role("pho-giam-doc-so"), composition: "Phó Giám đốc Lê Văn Cường, Giám đốc Nguyễn Văn An và 02 chuyên viên" });
    const findings = findingsOf("key-leader-trips", [trip(3), trip(6), joined]);
    expect(findings).toHaveLength(3);
    const onJoined = findings.find((f) => f.delegationId === joined.id)!;
    expect(onJoined.cell).toBe(`F${joined.row}`);
  });

  it("identifies an unnamed leader by role and unit", () => {
    const unnamed = (month: number, unit: string) => trip(month, { leaderName: undefined, unit });
    expect(findingsOf("key-leader-trips", [unnamed(3, "Sở Y tế"), unnamed(6, "Sở Y tế"), unnamed(9, "Sở Y tế")])).toHaveLength(3);
    expect(findingsOf("key-leader-trips", [unnamed(3, "Sở Y tế"), unnamed(6, "Sở Y tế"), unnamed(9, "Sở Tài chính")])).toEqual([]);
  });

  it("joins an unnamed row to the one named holder of that role in that unit", () => {
    const rows = [trip(3), trip(6), trip(9, { leaderName: undefined })];
    expect(findingsOf("key-leader-trips", rows)).toHaveLength(3);
  });

  it("treats listed key leader names as key leaders whatever the role", () => {
    const staff = { leaderName: "Trần Thị Bình", leaderRole: role("chuyen-vien"), composition: "02 chuyên viên" };
    const rows = [trip(3, staff), trip(6, staff), trip(9, staff)];
    expect(findingsOf("key-leader-trips", rows)).toEqual([]);
    expect(findingsOf("key-leader-trips", rows, testContext({ keyLeaderNames: ["Trần Thị Bình"] }))).toHaveLength(3);
  });

  it("follows the profile's limit", () => {
    const context = testContext({ profile: testProfile({ params: { keyLeaderTripsMax: 1 } }) });
    expect(findingsOf("key-leader-trips", [trip(3), trip(6)], context)).toHaveLength(2);
  });
});

describe("leadership-half", () => {
  it("is silent without the leadership size", () => {
    expect(findingsOf("leadership-half", [makeDelegation({ membersLeaders: 6 })])).toEqual([]);
  });

  it.each([
    [5, 2, 0],
    [5, 3, 1],
    [4, 2, 0],
    [4, 3, 1],
  ])("leadership of %i, %i leaders written → %i", (size, leaders, count) => {
    const delegation = makeDelegation({ membersLeaders: leaders });
    const findings = findingsOf("leadership-half", [delegation], testContext({ leadershipSize: size }));
    expect(findings).toHaveLength(count);
    if (count) expect(findings[0]).toMatchObject({ severity: "warning", cell: `E${delegation.row}` });
  });

  it.each([
    ["Giám đốc Sở, 01 Phó Giám đốc Sở, 02 chuyên viên", 0],
    ["Giám đốc Sở, 02 Phó Giám đốc Sở, 01 chuyên viên", 1],
    ["Giám đốc Sở, hai Phó Giám đốc, Trưởng phòng Kế hoạch", 1],
    ["Giám đốc Sở, 01 Phó Giám đốc Sở, Trưởng phòng Kế hoạch, Phó Trưởng phòng", 0],
  ])("counts leaders in the composition %p → %i", (composition, count) => {
    const delegation = makeDelegation({ composition });
    const findings = findingsOf("leadership-half", [delegation], testContext({ leadershipSize: 4 }));
    expect(findings).toHaveLength(count);
    if (count) {
      expect(findings[0].cell).toBe(`F${delegation.row}`);
      expect(findings[0].message).toBe("Đoàn có 3 lãnh đạo trong tập thể 4 lãnh đạo của cơ quan, vượt quá 1/2 (2)");
    }
  });

  it("is lowered to info by a note citing approval", () => {
    const [finding] = findingsOf("leadership-half", [makeDelegation({ membersLeaders: 3, notes: "Đã được UBND thành phố cho phép" })], testContext({ leadershipSize: 4 }));
    expect(finding.severity).toBe("info");
    expect(finding.message).toContain("hạ từ cảnh báo xuống thông tin");
  });
});

describe("key leaders of one locality count together [S2 “của một cơ quan, đơn vị, địa phương”]", () => {
  it.each([
    ["Bí thư Đảng ủy xã An Lão, 02 công chức", 1],
    ["Bí thư Đảng ủy xã Tiên Lãng, 02 công chức", 0],
    ["Phó Chủ tịch UBND xã An Lão, 02 công chức", 0],
  ])("chair of xã An Lão's UBND with %p → %i", (composition, count) => {
    const delegation = makeDelegation({ leaderRole: role("chu-tich-ubnd-xa", "xã An Lão"), unit: "UBND xã An Lão", composition });
    expect(findingsOf("key-leaders-together", [delegation])).toHaveLength(count);
  });

  it("says the locality's party committee and UBND count together", () => {
    const delegation = makeDelegation({ leaderRole: role("chu-tich-ubnd-xa", "xã An Lão"), unit: "UBND xã An Lão", composition: "Bí thư Đảng ủy xã An Lão" });
    const [finding] = findingsOf("key-leaders-together", [delegation]);
    expect(finding.message).toContain("lãnh đạo chủ chốt của cùng địa phương (");
    expect(finding.message).toContain("lãnh đạo cấp ủy, HĐND, UBND của một địa phương tính chung");
  });

  it("the city's leaders are one locality too", () => {
    const delegation = makeDelegation({ leaderRole: role("bi-thu-tinh-uy"), composition: "Chủ tịch UBND thành phố, Giám đốc Sở Ngoại vụ" });
    expect(findingsOf("key-leaders-together", [delegation])[0].message).toContain("của cùng địa phương");
  });
});

describe("key leaders written with names in the composition", () => {
  it("does not take a person's name for an agency", () => {
    const delegation = makeDelegation({
      leaderName: undefined,
      leaderRole: role("pho-giam-doc-so"),
      composition: "Giám đốc Nguyễn Văn An, Bí thư Đảng ủy Trần Văn Bình, 02 chuyên viên",
    });
    expect(findingsOf("key-leaders-together", [delegation])).toHaveLength(1);
  });
});

describe("the head listed again in the composition", () => {
  it("is recognised even when the row names no unit", () => {
    const delegation = makeDelegation({ unit: undefined, file: "so-y-te.xlsx", composition: "Giám đốc Sở Y tế, 02 chuyên viên" });
    expect(findingsOf("key-leaders-together", [delegation])).toEqual([]);
    expect(findingsOf("leadership-half", [delegation], testContext({ leadershipSize: 2 }))).toEqual([]);
  });

  it("is not confused with the director of another department", () => {
    const delegation = makeDelegation({ unit: "Sở Y tế", composition: "Giám đốc Sở Tài chính, Giám đốc Sở Y tế" });
    expect(findingsOf("key-leaders-together", [delegation])).toEqual([]);
  });
});

describe("a listed key leader written with a role", () => {
  it("counts once", () => {
    const context = testContext({ keyLeaderNames: ["Trần Thị Bình"] });
    const once = makeDelegation({ leaderRole: role("pho-giam-doc-so"), composition: "Đ/c Trần Thị Bình - Bí thư Đảng ủy Sở; 02 chuyên viên" });
    expect(findingsOf("key-leaders-together", [once], context)).toEqual([]);
    const twice = makeDelegation({ composition: "Giám đốc Sở; Đ/c Trần Thị Bình - Bí thư Đảng ủy Sở" });
    const [finding] = findingsOf("key-leaders-together", [twice], context);
    expect(finding.message).toContain("Trần Thị Bình (Bí thư Đảng ủy)");
  });
});
