import {
  PROFILES,
  getProfile,
  parseProfileJson,
  profileSummary,
  validateProfile,
  defaultKeyLeaderRoles,
  defaultForbiddenFunding,
  type Profile,
} from "../../../src/domain/profiles";
import { ROLE_BY_ID } from "../../../src/domain/lists/roles";
import { FUNDING_BY_ID } from "../../../src/domain/lists/funding";

const SHIPPED_IDS = ["default", "hai-phong", "ha-noi", "lai-chau"];

function clone(profile: Profile): Record<string, unknown> {
  return JSON.parse(JSON.stringify(profile)) as Record<string, unknown>;
}

describe("shipped profiles", () => {
  it("ships default, hai-phong, ha-noi and lai-chau", () => {
    expect(PROFILES.map((p) => p.id)).toEqual(SHIPPED_IDS);
  });

  it.each(SHIPPED_IDS)("%s is valid against the schema and the standard lists", (id) => {
    const profile = getProfile(id);
    expect(validateProfile(profile)).toEqual({ profile });
    for (const role of profile.keyLeaderRoles) expect(ROLE_BY_ID.has(role)).toBe(true);
    for (const funding of profile.forbiddenFunding) expect(FUNDING_BY_ID.has(funding)).toBe(true);
  });

  it.each([
    ["default", []],
    ["hai-phong", ["S0:", "S1:", "S3:"]],
    ["ha-noi", ["S2:"]],
    ["lai-chau", ["S4:"]],
  ])("%s cites the letters it comes from", (id, letters) => {
    const { sources } = getProfile(id);
    expect(sources.length).toBeGreaterThan(0);
    for (const letter of letters) expect(sources.some((s) => s.startsWith(letter))).toBe(true);
  });

  it("cites the letters by number, subject and date", () => {
    expect(getProfile("ha-noi").sources.join("\n")).toContain("4060-CV/BTCTU ngày 31/5/2019");
    expect(getProfile("hai-phong").sources.join("\n")).toContain("V/v triển khai Kế hoạch đoàn ra, đoàn vào");
    expect(getProfile("lai-chau").sources.join("\n")).toContain("V/v đề nghị xây dựng Kế hoạch đối ngoại năm 2025");
    expect(getProfile("default").sources.join("\n")).toContain("Chỉ thị 38-CT/TW");
  });

  it("every profile shares the central limits (3 countries, 3 days per country, 2 trips, travel 2 days)", () => {
    for (const { params } of PROFILES) {
      expect(params).toMatchObject({ countriesMax: 3, daysPerCountry: 3, keyLeaderTripsMax: 2, travelDays: 2, leadersSameDestinationMax: 3 });
      expect(params.mergeSimilarity).toBeGreaterThan(0);
      expect(params.mergeSimilarity).toBeLessThan(1);
    }
  });

  it("key leaders default to the roles flagged keyLeader in the roles list", () => {
    for (const profile of PROFILES) expect([...profile.keyLeaderRoles].sort()).toEqual(defaultKeyLeaderRoles().sort());
  });
});

describe("jurisdictions differ where their letters differ", () => {
  const haiPhong = getProfile("hai-phong");
  const haNoi = getProfile("ha-noi");
  const laiChau = getProfile("lai-chau");
  const base = getProfile("default");

  it("members-max: 7 in Hà Nội [S2], no limit elsewhere", () => {
    expect(haNoi.params.membersMax).toBe(7);
    expect([base, haiPhong, laiChau].map((p) => p.params.membersMax)).toEqual([null, null, null]);
  });

  it("conference exception: the central rule's 5 days (quoted in S1) everywhere but Hà Nội, whose S2 states none", () => {
    expect([base, haiPhong, laiChau].map((p) => p.params.conferenceDaysPerCountry)).toEqual([5, 5, 5]);
    expect(haNoi.params.conferenceDaysPerCountry).toBeNull();
  });

  it("one region a trip only in Hà Nội [S2]; partner provinces only in Lai Châu [S4]", () => {
    expect(PROFILES.filter((p) => p.params.oneRegionPerTrip).map((p) => p.id)).toEqual(["ha-noi"]);
    expect(PROFILES.filter((p) => p.params.peoplePartnerAreas.length > 0).map((p) => p.id)).toEqual(["lai-chau"]);
    expect(laiChau.params.peoplePartnerAreas).toHaveLength(8);
  });

  it("“sẽ không được tổng hợp” only where the letter says it (Hải Phòng, S0)", () => {
    expect(PROFILES.filter((p) => p.incompleteNotConsolidated).map((p) => p.id)).toEqual(["hai-phong"]);
  });

  it("deadlines: Hải Phòng 10 and 5 working days [S1]; Hà Nội 10 calendar days [S2]", () => {
    expect(haiPhong.deadlines).toEqual({ report: { days: 10, workingDays: true }, passport: { days: 5, workingDays: true } });
    expect(haNoi.deadlines.report).toEqual({ days: 10, workingDays: false });
    expect(base.deadlines.passport).toEqual({ days: 5, workingDays: true });
  });

  it("forbidden funding: enterprises everywhere; Hà Nội adds foreign loans and other sponsorship", () => {
    const everywhere = ["doanh-nghiep-dai-tho", "doanh-nghiep-nuoc-ngoai-moi"];
    expect([...base.forbiddenFunding].sort()).toEqual(defaultForbiddenFunding().sort());
    for (const profile of [base, haiPhong, laiChau]) expect([...profile.forbiddenFunding].sort()).toEqual(everywhere.sort());
    expect([...haNoi.forbiddenFunding].sort()).toEqual([...everywhere, "tai-tro-khac", "von-vay-nuoc-ngoai"].sort());
  });

  it("submission deadlines are the Sở Ngoại vụ's (S0, S4): “trước ngày 25/9” is by 24/9; none where the letter gives none", () => {
    expect([haiPhong.planYear, haiPhong.submissionDeadline]).toEqual([2025, "2024-10-04"]);
    expect(haiPhong.citations?.submissionDeadline).toContain("trước ngày 05/10");
    expect([laiChau.planYear, laiChau.submissionDeadline]).toEqual([2025, "2024-09-24"]);
    expect(laiChau.citations?.submissionDeadline).toContain("trước ngày 25/9/2024");
    expect([haNoi.planYear, haNoi.submissionDeadline]).toEqual([undefined, undefined]);
    expect([base.planYear, base.submissionDeadline]).toEqual([undefined, undefined]);
  });

  it("required fields follow DOMAIN.md; only Lai Châu has the people-to-people plan [S4]", () => {
    for (const profile of PROFILES) {
      expect([...profile.requiredFields.outbound].sort()).toEqual(["countries", "funding", "leader", "members", "period", "purpose"]);
      expect([...profile.requiredFields.inbound].sort()).toEqual(["countries", "funding", "host", "name", "period", "purpose"]);
    }
    expect(laiChau.requiredFields.people).toEqual(expect.arrayContaining(["locality", "activity", "partner", "period", "funding"]));
    expect([base, haiPhong, haNoi].map((p) => p.requiredFields.people)).toEqual([[], [], []]);
  });
});

describe("citations: the sentence each value comes from", () => {
  /** Every setting a shipped profile gives: top-level values and each parameter and deadline. */
  function settingPaths(profile: Profile): string[] {
    const paths = ["requiredFields", "keyLeaderRoles", "forbiddenFunding", "incompleteNotConsolidated"];
    for (const key of Object.keys(profile.params)) paths.push(`params.${key}`);
    for (const key of Object.keys(profile.deadlines)) paths.push(`deadlines.${key}`);
    if (profile.planYear !== undefined) paths.push("planYear");
    if (profile.submissionDeadline !== undefined) paths.push("submissionDeadline");
    return paths;
  }

  it.each(SHIPPED_IDS)("%s cites every value, quoting a letter or saying “(suy luận)”", (id) => {
    const profile = getProfile(id);
    for (const path of settingPaths(profile)) {
      const citation = profile.citations?.[path];
      expect([path, citation && (/“[^”]+”/.test(citation) || citation.includes("(suy luận)") || /không nêu|Chỉ /.test(citation))]).toEqual([path, true]);
    }
  });

  it.each<[string, string, string]>([
    ["hai-phong", "params.daysPerCountry", "“1 nước không quá 3 ngày"],
    ["hai-phong", "incompleteNotConsolidated", "sẽ không được tổng hợp"],
    ["ha-noi", "params.membersMax", "“không quá 07 người/đoàn”"],
    ["ha-noi", "params.oneRegionPerTrip", "trong cùng một khu vực"],
    ["lai-chau", "params.peoplePartnerAreas", "tỉnh Vân Nam - Trung Quốc"],
    ["default", "params.travelDaysByRegion", "(suy luận)"],
    ["default", "params.leadersSameDestinationMax", "(suy luận)"],
  ])("%s %s cites %p", (id, path, quoted) => {
    expect(getProfile(id).citations?.[path]).toContain(quoted);
  });

  it("an inferred value is editable in a department's profile", () => {
    const { profile, errors } = parseProfileJson(
      JSON.stringify({ extends: "hai-phong", id: "so-gd-hai-phong", params: { travelDaysByRegion: { europe: 4 } }, submissionDeadline: "2025-10-06" }),
    );
    expect(errors).toBeUndefined();
    expect(profile?.params.travelDaysByRegion).toEqual({ asia: 2, europe: 4, africa: 3, oceania: 3, americas: 3 });
    expect(profile?.submissionDeadline).toBe("2025-10-06");
  });

  it("a department's older profile without the new settings still loads, with the shipped estimates", () => {
    const old = clone(getProfile("hai-phong"));
    const params = old.params as Record<string, unknown>;
    delete params.travelDaysByRegion;
    delete params.oneRegionPerTrip;
    delete params.peoplePartnerAreas;
    delete old.citations;
    delete old.incompleteNotConsolidated;
    const { profile } = parseProfileJson(JSON.stringify({ ...old, id: "cu" }));
    expect(profile?.params).toMatchObject({ travelDaysByRegion: { asia: 2, europe: 3 }, oneRegionPerTrip: false, peoplePartnerAreas: [] });
    expect(profile?.incompleteNotConsolidated).toBe(false);
  });

  it.each<[string, (p: Record<string, unknown>) => void, RegExp]>([
    ["a citation of no setting", (p) => (p.citations = { "params.daysPerCountri": "S1" }), /^citations\.params\.daysPerCountri: không có giá trị .*có phải "params\.daysPerCountry"\?/],
    ["an unknown partner province", (p) => ((p.params as Record<string, unknown>).peoplePartnerAreas = ["van-nan"]), /^params\.peoplePartnerAreas\[0\]: mã tỉnh "van-nan" .*có phải "van-nam"\?/],
    ["a negative travel allowance", (p) => ((p.params as Record<string, unknown>).travelDaysByRegion = { asia: -1, europe: 3, africa: 3, oceania: 3, americas: 3 }), /^params\.travelDaysByRegion\.asia: phải là số không âm/],
    ["a region that does not exist", (p) => ((p.params as Record<string, unknown>).travelDaysByRegion = { asia: 2, europe: 3, africa: 3, oceania: 3, americas: 3, antarctica: 9 }), /^params\.travelDaysByRegion\.antarctica: trường không được hỗ trợ/],
  ])("rejects %s in Vietnamese", (_, change, expected) => {
    const value = clone(getProfile("lai-chau"));
    change(value);
    const { errors } = validateProfile(value);
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatch(expected);
  });
});

describe("getProfile", () => {
  it("returns the profile by id", () => {
    expect(getProfile("ha-noi").name).toContain("Hà Nội");
  });

  it("returns shared profiles that cannot be changed by accident", () => {
    const profile = getProfile("hai-phong");
    expect(() => {
      (profile.params as { countriesMax: number }).countriesMax = 9;
    }).toThrow(TypeError);
    expect(getProfile("hai-phong").params.countriesMax).toBe(3);
  });

  it("throws a Vietnamese error listing the known ids", () => {
    expect(() => getProfile("da-nang")).toThrow('Không có bộ quy định «da-nang». Các bộ quy định có sẵn: default, hai-phong, ha-noi, lai-chau');
  });
});

describe("parseProfileJson", () => {
  it("loads a department's own JSON", () => {
    const own = { ...clone(getProfile("hai-phong")), id: "so-gd-hai-phong", name: "Sở GD&ĐT Hải Phòng", submissionDeadline: "2025-10-06", planYear: 2026 };
    const result = parseProfileJson(JSON.stringify(own, null, 2));
    expect(result.errors).toBeUndefined();
    expect(result.profile).toMatchObject({ id: "so-gd-hai-phong", planYear: 2026, submissionDeadline: "2025-10-06" });
    expect(result.profile?.params.conferenceDaysPerCountry).toBe(5);
  });

  it("accepts a byte-order mark (files saved by Notepad)", () => {
    expect(parseProfileJson("\uFEFF" + JSON.stringify(getProfile("ha-noi"))).profile?.id).toBe("ha-noi");
  });

  it("loads a department's file that extends a shipped profile, overriding only what it gives", () => {
    const text = JSON.stringify({
      extends: "ha-noi",
      id: "quan-x",
      name: "Quận X",
      sources: ["Công văn số 12/UBND ngày 01/9/2025"],
      params: { membersMax: 5 },
    });
    const { profile, errors } = parseProfileJson(text);
    expect(errors).toBeUndefined();
    expect(profile?.id).toBe("quan-x");
    expect(profile?.params.membersMax).toBe(5);
    expect(profile?.params.countriesMax).toBe(3);
    expect(profile?.forbiddenFunding).toEqual(getProfile("ha-noi").forbiddenFunding);
    expect(profile?.sources).toEqual(["Công văn số 12/UBND ngày 01/9/2025"]);
    expect(profile).not.toHaveProperty("extends");
  });

  it("rejects extending an unknown profile, or without an own id", () => {
    expect(parseProfileJson('{"extends":"da-nang","id":"x"}').errors).toEqual([
      'extends: không có bộ quy định «da-nang» để kế thừa. Các bộ quy định có sẵn: default, hai-phong, ha-noi, lai-chau',
    ]);
    expect(parseProfileJson('{"extends":"ha-noi"}').errors?.[0]).toMatch(/^id: /);
  });

  it("reports invalid JSON in Vietnamese with where it broke", () => {
    const { errors, profile } = parseProfileJson('{\n  "id": "x",\n  "name": \n}');
    expect(profile).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatch(/^Tệp cấu hình không phải JSON hợp lệ: /);
    expect(errors?.[0]).toBe("Tệp cấu hình không phải JSON hợp lệ: dòng 4, cột 1 — thiếu giá trị sau dấu hai chấm");
  });

  it("reports a JSON that is not an object", () => {
    expect(parseProfileJson("[1, 2]").errors).toEqual(["Tệp cấu hình phải là một đối tượng JSON { … } chứa các trường của bộ quy định"]);
  });

  it("lists EVERY wrong field, one message each, naming its path (3 wrong fields → 3 errors)", () => {
    const wrong = clone(getProfile("hai-phong"));
    (wrong.params as Record<string, unknown>).countriesMax = -1;
    (wrong.deadlines as { report: Record<string, unknown> }).report.workingDays = "có";
    wrong.keyLeaderRoles = ["giam-doc-so", "giam-doc-sox"];
    const { errors, profile } = parseProfileJson(JSON.stringify(wrong));
    expect(profile).toBeUndefined();
    expect(errors).toEqual([
      "params.countriesMax: phải là số nguyên dương (đang là -1)",
      'deadlines.report.workingDays: phải là true (ngày làm việc) hoặc false (ngày theo lịch) (đang là "có")',
      'keyLeaderRoles[1]: mã chức vụ "giam-doc-sox" không có trong danh mục; có phải "giam-doc-so"?',
    ]);
  });

  it.each<[string, (p: Record<string, unknown>) => void, RegExp]>([
    ["missing field", (p) => delete (p.params as Record<string, unknown>).travelDays, /^params\.travelDays: thiếu trường bắt buộc — phải là số không âm$/],
    ["fraction where an integer is needed", (p) => ((p.params as Record<string, unknown>).keyLeaderTripsMax = 2.5), /^params\.keyLeaderTripsMax: phải là số nguyên dương \(đang là 2\.5\)$/],
    ["similarity above 1", (p) => ((p.params as Record<string, unknown>).mergeSimilarity = 1.5), /^params\.mergeSimilarity: phải là số từ 0 đến 1/],
    ["unknown funding id", (p) => (p.forbiddenFunding = ["vay-ngan-hang"]), /^forbiddenFunding\[0\]: mã nguồn kinh phí "vay-ngan-hang" không có trong danh mục; /],
    ["unknown required field", (p) => ((p.requiredFields as Record<string, unknown>).inbound = ["name", "nuoc"]), /^requiredFields\.inbound\[1\]: phải là một mã trường: seq, name, /],
    ["impossible date", (p) => (p.submissionDeadline = "2024-02-30"), /^submissionDeadline: phải là ngày có thật dạng YYYY-MM-DD .*"2024-02-30"/],
    ["badly formed date", (p) => (p.submissionDeadline = "07/10/2024"), /^submissionDeadline: phải là ngày có thật/],
    ["misspelt key", (p) => (p.paramz = {}), /^paramz: trường không được hỗ trợ — kiểm tra chính tả/],
    ["unknown rule in severities", (p) => (p.severities = { "members-maxx": "off" }), /^severities\.members-maxx: trường không được hỗ trợ/],
    ["bad severity", (p) => (p.severities = { "members-max": "tắt" }), /^severities\.members-max: phải là một trong: error, warning, info, off/],
    ["id with capitals", (p) => (p.id = "Hai Phong"), /^id: chỉ gồm chữ thường không dấu/],
    ["no sources", (p) => (p.sources = []), /^sources: phải là danh sách \(ít nhất 1\) văn bản căn cứ/],
  ])("%s", (_label, spoil, expected) => {
    const profile = clone(getProfile("hai-phong"));
    spoil(profile);
    const { errors } = parseProfileJson(JSON.stringify(profile));
    expect(errors).toHaveLength(1);
    expect(errors?.[0]).toMatch(expected);
  });

  it("reports unknown ids even when other fields are wrong too", () => {
    const wrong = clone(getProfile("default"));
    delete wrong.params;
    wrong.forbiddenFunding = ["khong-ro"];
    const { errors } = parseProfileJson(JSON.stringify(wrong));
    expect(errors).toHaveLength(2);
    expect(errors?.[0]).toMatch(/^params: thiếu trường bắt buộc/);
    expect(errors?.[1]).toMatch(/^forbiddenFunding\[0\]: /);
  });
});

describe("profileSummary", () => {
  it("describes Hải Phòng in Vietnamese lines", () => {
    const lines = profileSummary(getProfile("hai-phong"));
    expect(lines).toEqual(
      expect.arrayContaining([
        "Bộ quy định: Hải Phòng (Sở Ngoại vụ thành phố Hải Phòng)",
        "Năm kế hoạch: 2025",
        "Hạn gửi kế hoạch: chậm nhất ngày 04/10/2024",
        "Không giới hạn số người/đoàn",
        "Tối đa 3 nước/chuyến",
        "Tối đa 3 ngày/nước (không tính ngày đi, về, quá cảnh — ước tính: châu Á 2, châu Âu 3, châu Phi 3, châu Đại Dương 3, châu Mỹ 3 ngày)",
        "Hội nghị quy mô lớn: tối đa 5 ngày cho nước có hội nghị",
        "Nguồn kinh phí bị cấm: Doanh nghiệp tổ chức, đài thọ; Doanh nghiệp nước ngoài mời đích danh",
        "Báo cáo kết quả chuyến đi: trong 10 ngày làm việc sau khi nhập cảnh",
        "Nộp lại hộ chiếu: trong 5 ngày làm việc sau khi nhập cảnh",
      ]),
    );
    expect(lines.some((l) => l.startsWith("Căn cứ: Sở Ngoại vụ Hải Phòng"))).toBe(true);
    expect(lines.some((l) => l.startsWith("Bắt buộc (đối ngoại nhân dân)"))).toBe(false);
  });

  it("describes what makes Hà Nội and Lai Châu different", () => {
    const haNoi = profileSummary(getProfile("ha-noi"));
    expect(haNoi).toContain("Tối đa 7 người/đoàn");
    expect(haNoi).toContain("Hội nghị quy mô lớn: không có ngoại lệ về số ngày");
    expect(haNoi).toContain("Các nước của một chuyến phải trong cùng một khu vực");
    expect(haNoi.find((l) => l.startsWith("Giá trị suy luận"))).toContain("số ngày đi, về theo khu vực");
    expect(haNoi).toContain("Báo cáo kết quả chuyến đi: trong 10 ngày (theo lịch) sau khi nhập cảnh");
    expect(haNoi.find((l) => l.startsWith("Nguồn kinh phí bị cấm"))).toContain("Vốn vay nước ngoài");
    expect(profileSummary(getProfile("lai-chau"))).toContain("Bắt buộc (đối ngoại nhân dân): Xã, thôn/bản, Hoạt động, Đối tác, Thời gian, Nguồn kinh phí");
  });

  it("counts a department's list of units (units that sent nothing are listed on the master)", () => {
    const { profile } = parseProfileJson(JSON.stringify({ extends: "hai-phong", id: "so-gd-hp", units: ["Trường THPT Trần Phú", "Trường THPT Ngô Quyền"] }));
    expect(profileSummary(profile!)).toContain("Danh sách đơn vị gửi kế hoạch: 2 đơn vị (sổ tổng hợp liệt kê đơn vị chưa gửi)");
    expect(validateProfile({ ...clone(getProfile("hai-phong")), units: [""] }).errors?.[0]).toMatch(/^units\[0\]: phải là tên đơn vị/);
  });

  it("shows severity overrides", () => {
    const profile = { ...getProfile("default"), severities: { "purpose-unclear": "off" as const } };
    expect(profileSummary(profile)).toContain("Mức độ riêng: purpose-unclear → tắt");
  });
});

describe("the summary speaks the officer's language", () => {
  it("names no internal id, JSON path or letter code", () => {
    for (const profile of PROFILES) {
      const text = profileSummary(profile).join("\n");
      expect(text).not.toContain(`(${profile.id})`);
      expect(text).not.toMatch(/params\.|deadlines\.|requiredFields|keyLeaderRoles|forbiddenFunding|incompleteNotConsolidated/);
      expect(text).not.toMatch(/Căn cứ: S\d/);
      expect(text).not.toMatch(/\bHồ sơ\b/);
    }
  });
});
