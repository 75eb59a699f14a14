import { matchRole } from "../../../src/domain/values";
import { ROLES, ROLE_BY_ID } from "../../../src/domain/lists/roles";

describe("matchRole: standard roles and abbreviations", () => {
  it.each([
    ["PCT UBND TP", "pho-chu-tich-ubnd", "UBND TP"],
    ["Phó Chủ tịch UBND thành phố", "pho-chu-tich-ubnd", "UBND thành phố"],
    ["Phó Chủ tịch Ủy ban nhân dân thành phố Hải Phòng", "pho-chu-tich-ubnd", "Ủy ban nhân dân thành phố Hải Phòng"],
    ["Phó Chủ tịch Thường trực UBND tỉnh", "pho-chu-tich-ubnd", "UBND tỉnh"],
    ["CT UBND TP", "chu-tich-ubnd", "UBND TP"],
    ["Chủ tịch UBND", "chu-tich-ubnd", "UBND"],
    ["PCT UBND xã Tân Hưng", "pho-chu-tich-ubnd-xa", "UBND xã Tân Hưng"],
    ["Chủ tịch UBND phường Lê Chân", "chu-tich-ubnd-xa", "UBND phường Lê Chân"],
    ["Phó Chủ tịch Ủy ban nhân dân xã Mường Tè", "pho-chu-tich-ubnd-xa", "Ủy ban nhân dân xã Mường Tè"],
    ["PCT HĐND TP", "pho-chu-tich-hdnd", "HĐND TP"],
    ["Chủ tịch Hội đồng nhân dân tỉnh", "chu-tich-hdnd", "Hội đồng nhân dân tỉnh"],
    ["Bí thư Thành ủy", "bi-thu-tinh-uy", "Thành ủy"],
    ["BT Tỉnh ủy Lai Châu", "bi-thu-tinh-uy", "Tỉnh ủy Lai Châu"],
    ["Phó Bí thư Thường trực Thành ủy", "pho-bi-thu-tinh-uy", "Thành ủy"],
    ["PBT TU", "pho-bi-thu-tinh-uy", "TU"],
    ["Bí thư Đảng ủy xã Tân Hưng", "bi-thu-dang-uy", "Đảng ủy xã Tân Hưng"],
    ["PBT ĐU", "pho-bi-thu-dang-uy", "ĐU"],
    ["Trưởng đoàn ĐBQH thành phố", "truong-doan-dbqh", "ĐBQH thành phố"],
    ["Trưởng đoàn Đại biểu Quốc hội", "truong-doan-dbqh", "Đại biểu Quốc hội"],
    ["Giám đốc Sở Y tế", "giam-doc-so", "Sở Y tế"],
    ["GĐ Sở Tư pháp", "giam-doc-so", "Sở Tư pháp"],
    ["PGĐ Sở GD&ĐT", "pho-giam-doc-so", "Sở GD&ĐT"],
    ["Phó Giám đốc", "pho-giam-doc-so", undefined],
    ["Q. Giám đốc Sở", "giam-doc-so", "Sở"],
    ["CVP", "chanh-van-phong", undefined],
    ["Phó Chánh Văn phòng UBND TP", "pho-chanh-van-phong", "UBND TP"],
    ["TB Tuyên giáo", "truong-ban", "Tuyên giáo"],
    ["PTB Dân tộc", "pho-truong-ban", "Dân tộc"],
    ["Hiệu trưởng Trường THPT Lê Quý Đôn", "hieu-truong", "Trường THPT Lê Quý Đôn"],
    ["PHT", "pho-hieu-truong", undefined],
    ["HT Trường Tiểu học Kim Đồng", "hieu-truong", "Trường Tiểu học Kim Đồng"],
    ["BT Thành ủy", "bi-thu-tinh-uy", "Thành ủy"],
    ["PBT Thành ủy", "pho-bi-thu-tinh-uy", "Thành ủy"],
    ["TGĐ", "tong-giam-doc-dnnn", undefined],
    ["P. Hiệu trưởng", "pho-hieu-truong", undefined],
    ["TP Kế hoạch", "truong-phong", "Kế hoạch"],
    ["PTP Hợp tác quốc tế", "pho-truong-phong", "Hợp tác quốc tế"],
    ["Phó TP", "pho-truong-phong", undefined],
    ["TGĐ Tổng công ty Cảng", "tong-giam-doc-dnnn", "Tổng công ty Cảng"],
    ["Chủ tịch HĐQT", "chu-tich-dnnn", "HĐQT"],
    ["Chuyên viên", "chuyen-vien", undefined],
    ["pho giam doc so", "pho-giam-doc-so", "so"],
    ["PHÓ CHỦ TỊCH UBND TP", "pho-chu-tich-ubnd", "UBND TP"],
  ])("%s → %s (agency %s)", (text, id, agency) => {
    const role = ROLE_BY_ID.get(id);
    const match = matchRole(text);
    expect(match).toMatchObject({ raw: text, id, name: role?.name, cityLeader: role?.cityLeader, keyLeader: role?.keyLeader });
    expect(match?.agency).toBe(agency);
    expect(match?.suggestion).toBeUndefined();
  });

  it("reads every name and alias of the list as its own role", () => {
    for (const role of ROLES) for (const text of [role.name, ...role.aliases]) expect(matchRole(text)?.id).toBe(role.id);
  });
});

describe("matchRole: tiers", () => {
  it.each([
    ["PCT UBND TP", true],
    ["PCT UBND xã Tân Hưng", false],
    ["Chủ tịch UBND xã", false],
    ["Chủ tịch UBND thị trấn Mường Tè", false],
    ["PCT UBND thị xã", false],
    ["Phó Chủ tịch HĐND", true],
    ["Bí thư Thành ủy", true],
    ["Bí thư Đảng ủy", false],
    ["Giám đốc Sở", false],
  ])("%s: city leader %s", (text, cityLeader) => {
    expect(matchRole(text)?.cityLeader).toBe(cityLeader);
  });
});

describe("matchRole: deputies never read as heads", () => {
  it.each([
    ["Phó Chủ tịch UBND", "Chủ tịch UBND"],
    ["Phó Chủ tịch UBND xã", "Chủ tịch UBND xã"],
    ["Phó Chủ tịch HĐND", "Chủ tịch HĐND"],
    ["Phó Bí thư Thành ủy", "Bí thư Thành ủy"],
    ["Phó Bí thư", "Bí thư"],
    ["Phó Giám đốc Sở", "Giám đốc Sở"],
    ["PGĐ", "GĐ"],
    ["Phó Chánh Văn phòng", "Chánh Văn phòng"],
    ["Phó Trưởng ban", "Trưởng ban"],
    ["Phó Hiệu trưởng", "Hiệu trưởng"],
    ["Phó Trưởng phòng", "Trưởng phòng"],
  ])("%s ≠ %s", (deputy, head) => {
    const deputyMatch = matchRole(deputy);
    const headMatch = matchRole(head);
    expect(deputyMatch?.id).toMatch(/^pho-/);
    expect(headMatch?.id).toBeDefined();
    expect(headMatch?.id).not.toMatch(/^pho-/);
    expect(deputyMatch?.id).toBe(`pho-${headMatch?.id}`);
  });
});

describe("matchRole: unknown roles", () => {
  it("ignores diacritics, which role lists do not distinguish", () => {
    expect(matchRole("Hiệu trưỡng")?.id).toBe("hieu-truong");
  });

  it.each([
    ["Phó Giám đốx Sở", "Phó Giám đốc Sở"],
    ["Phó Chủ tịc UBND", "Phó Chủ tịch UBND thành phố/tỉnh"],
    ["Hiệu trưởg", "Hiệu trưởng"],
    ["Chánh Văn phòn", "Chánh Văn phòng"],
  ])("%s suggests %s", (text, suggestion) => {
    const match = matchRole(text);
    expect(match).toMatchObject({ raw: text, cityLeader: false, keyLeader: false, suggestion });
    expect(match?.id).toBeUndefined();
  });

  it.each(["Lãnh đạo Sở", "Đại diện lãnh đạo", "Chủ tịch", "Nghệ nhân", "Chủ tịch Hội Nông dân xã Tân Hưng"])("%s stays unknown without a suggestion", (text) => {
    const match = matchRole(text);
    expect(match).toMatchObject({ raw: text, cityLeader: false, keyLeader: false });
    expect(match?.id).toBeUndefined();
    expect(match?.suggestion).toBeUndefined();
  });

  it("still separates the agency of an unknown role", () => {
    expect(matchRole("Lãnh đạo Sở Ngoại vụ")?.agency).toBe("Sở Ngoại vụ");
  });

  it.each(["", "   ", "\n", "---"])("answers %j with undefined", (text) => {
    expect(matchRole(text)).toBeUndefined();
  });
});

describe("matchRole: words as written first, folding only as the fallback (issue 13, item 7)", () => {
  it.each([
    // Commune and village roles are known roles, never the city's or the department's that they fold like.
    ["trưởng bản", "truong-ban-thon"],
    ["Trưởng bản Nậm Ngà", "truong-ban-thon"],
    ["Phó trưởng bản", "pho-truong-ban-thon"],
    ["Trưởng thôn", "truong-ban-thon"],
    ["Bí thư chi bộ bản Ma Ly Chải", "bi-thu-chi-bo"],
    ["Chủ tịch HĐND xã Tân Hưng", "chu-tich-hdnd-xa"],
    ["Phó Chủ tịch HĐND phường", "pho-chu-tich-hdnd-xa"],
    ["PCT HĐND xã", "pho-chu-tich-hdnd-xa"],
    // The words that fold alike stay what they are.
    ["Trưởng ban", "truong-ban"],
    ["Trưởng ban Tuyên giáo", "truong-ban"],
    ["Chủ tịch HĐND thành phố", "chu-tich-hdnd"],
    // Without diacritics or with a tone typo, folding still reads the role (the more common one on a tie).
    ["Truong ban", "truong-ban"],
    ["Giam doc So", "giam-doc-so"],
    ["Giám đôc Sở", "giam-doc-so"],
    ["Phó Chủ tịch UBND xả Tân Hòa", "pho-chu-tich-ubnd-xa"],
    ["Pho chu tich uy ban nhan dan xa", "pho-chu-tich-ubnd-xa"],
  ])("%s → %s", (text, id) => {
    expect(matchRole(text)?.id).toBe(id);
  });

  it("a village head is no key leader, a head of a party board is", () => {
    expect(matchRole("Trưởng bản")).toMatchObject({ keyLeader: false, cityLeader: false });
    expect(matchRole("Trưởng ban")).toMatchObject({ keyLeader: true, cityLeader: false });
  });
});

describe("the roles list stays distinct where folding collides", () => {
  it("every name and alias reads back as its own entry (Trưởng ban and Trưởng bản/thôn included)", () => {
    const misread = ROLES.flatMap((role) => [role.name, ...role.aliases].filter((text) => matchRole(text)?.id !== role.id).map((text) => `${text} → ${matchRole(text)?.id}`));
    expect(misread).toEqual([]);
    expect(new Set(ROLES.map((role) => role.name)).size).toBe(ROLES.length);
  });
});
