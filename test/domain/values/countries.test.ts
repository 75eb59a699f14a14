import isoCountries from "i18n-iso-countries";
import { countryName, matchCountry, mentionedCountryCodes, parseCountries, standardCountryNames } from "../../../src/domain/values";
import { COUNTRY_ALIASES } from "../../../src/domain/values/countryAliases";
import { foldCompact } from "../../../src/domain/text";

const codes = (text: string) => parseCountries(text).map((c) => c.code ?? `?${c.name}`);

describe("standard display names", () => {
  // The ~60 countries Vietnamese delegations visit most, with the names officials write.
  it.each([
    ["US", "Hoa Kỳ"],
    ["CN", "Trung Quốc"],
    ["JP", "Nhật Bản"],
    ["KR", "Hàn Quốc"],
    ["KP", "Triều Tiên"],
    ["TW", "Đài Loan (Trung Quốc)"],
    ["HK", "Hồng Kông (Trung Quốc)"],
    ["MO", "Ma Cao (Trung Quốc)"],
    ["SG", "Singapore"],
    ["TH", "Thái Lan"],
    ["LA", "Lào"],
    ["KH", "Campuchia"],
    ["MM", "Myanmar"],
    ["MY", "Malaysia"],
    ["ID", "Indonesia"],
    ["PH", "Philippines"],
    ["BN", "Brunei"],
    ["TL", "Đông Timor"],
    ["IN", "Ấn Độ"],
    ["AU", "Úc"],
    ["NZ", "New Zealand"],
    ["CA", "Canada"],
    ["GB", "Anh"],
    ["FR", "Pháp"],
    ["DE", "Đức"],
    ["IT", "Ý"],
    ["ES", "Tây Ban Nha"],
    ["NL", "Hà Lan"],
    ["BE", "Bỉ"],
    ["CH", "Thụy Sĩ"],
    ["SE", "Thụy Điển"],
    ["NO", "Na Uy"],
    ["DK", "Đan Mạch"],
    ["FI", "Phần Lan"],
    ["AT", "Áo"],
    ["CZ", "Séc"],
    ["PL", "Ba Lan"],
    ["HU", "Hungary"],
    ["RU", "Nga"],
    ["BY", "Belarus"],
    ["UA", "Ukraine"],
    ["CU", "Cu Ba"],
    ["IL", "Israel"],
    ["AE", "Các Tiểu vương quốc Ả Rập Thống nhất"],
    ["SA", "Ả Rập Xê Út"],
    ["TR", "Thổ Nhĩ Kỳ"],
    ["EG", "Ai Cập"],
    ["ZA", "Nam Phi"],
    ["BR", "Brazil"],
    ["MN", "Mông Cổ"],
    ["IR", "Iran"],
    ["RO", "Romania"],
    ["VN", "Việt Nam"],
  ])("%s is shown as %s", (code, name) => {
    expect(countryName(code)).toBe(name);
  });
});

describe("standardCountryNames (the dropdown)", () => {
  const names = standardCountryNames();

  it("lists the sovereign states and Đài Loan, Hồng Kông, Ma Cao once, sorted in Vietnamese order", () => {
    // 193 UN members, the two observer states (Vatican, Palestine) and the three territories plans name.
    expect(names).toHaveLength(198);
    for (const name of ["Đài Loan (Trung Quốc)", "Hồng Kông (Trung Quốc)", "Ma Cao (Trung Quốc)", "Tòa Thánh Vatican", "Palestine", "Việt Nam"]) expect(names).toContain(name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort(new Intl.Collator("vi").compare)).toEqual(names);
    expect(names.indexOf("Ấn Độ")).toBeLessThan(names.indexOf("Ba Lan"));
    expect(names.indexOf("Đức")).toBeGreaterThan(names.indexOf("Dominica"));
  });

  it("uses the short names, never the long or wrong library forms", () => {
    for (const long of ["Hợp chủng quốc Hoa Kỳ", "Cộng hòa Dân chủ nhân dân Lào", "Liên bang Nga", "Vương quốc Anh", "Bán đảo Mã Lai", "Đài Loan", "Brunei Darussalam"]) {
      expect(names).not.toContain(long);
    }
  });

  it("has no name that a country cell would split or confuse with another country", () => {
    const folded = new Map<string, string>();
    for (const name of names) {
      expect(name).not.toMatch(/[,;/+&\n]/);
      expect(folded.get(foldCompact(name))).toBeUndefined();
      folded.set(foldCompact(name), name);
    }
  });

  it("reads back every dropdown value as exactly that country", () => {
    for (const name of names) {
      const parsed = parseCountries(name);
      expect(parsed).toHaveLength(1);
      expect(parsed[0]).toMatchObject({ name, known: true });
    }
  });

  it("names every state in Vietnamese and leaves out the territories no plan visits as a country", () => {
    for (const english of ["Cyprus", "Georgia", "Lebanon", "Lithuania", "Chad"]) expect(names).not.toContain(english);
    for (const vietnamese of ["Síp", "Gruzia", "Liban", "Litva", "Tchad"]) expect(names).toContain(vietnamese);
    for (const territory of ["Antarctica", "Đảo Bouvet", "Quần đảo Heard và McDonald", "Greenland", "Puerto Rico", "Kosovo", "Vùng đất phía Nam và châu Nam Cực thuộc Pháp"]) {
      expect(names).not.toContain(territory);
    }
  });

  it("still reads the standard name of every ISO code, listed in the dropdown or not", () => {
    const codes = Object.keys(isoCountries.getAlpha2Codes());
    expect(codes.length).toBeGreaterThan(240);
    for (const code of codes) expect({ code, match: matchCountry(countryName(code)!) }).toMatchObject({ code, match: { code } });
  });

  it("still reads every ISO name, in the dropdown or not, Vietnamese or English", () => {
    for (const [text, code] of [["Cyprus", "CY"], ["Síp", "CY"], ["Greenland", "GL"], ["Antarctica", "AQ"], ["Puerto Rico", "PR"], ["Georgia", "GE"]] as const) {
      expect(matchCountry(text)).toMatchObject({ code });
    }
  });

  it("returns a copy the caller may change", () => {
    standardCountryNames().pop();
    expect(standardCountryNames()).toEqual(names);
  });
});

describe("matchCountry: aliases", () => {
  it.each([
    ["Mỹ", "US"],
    ["Hoa Kỳ", "US"],
    ["Hoa Kì", "US"],
    ["USA", "US"],
    ["Hàn", "KR"],
    ["Hàn Quốc", "KR"],
    ["Nam Triều Tiên", "KR"],
    ["Triều Tiên", "KP"],
    ["CHLB Đức", "DE"],
    ["Đức", "DE"],
    ["LB Nga", "RU"],
    ["Nga", "RU"],
    ["Anh", "GB"],
    ["Vương quốc Anh", "GB"],
    ["UK", "GB"],
    ["Úc", "AU"],
    ["Ô-xtrây-li-a", "AU"],
    ["Australia", "AU"],
    ["Lào", "LA"],
    ["CHDCND Lào", "LA"],
    ["Campuchia", "KH"],
    ["Cam-pu-chia", "KH"],
    ["Singapore", "SG"],
    ["Xinh-ga-po", "SG"],
    ["Nhật", "JP"],
    ["Nhật Bản", "JP"],
    ["Pháp", "FR"],
    ["Thái Lan", "TH"],
    ["Trung Quốc", "CN"],
    ["TQ", "CN"],
    ["Đài Loan", "TW"],
    ["Hồng Kông", "HK"],
    ["Ma Cao", "MO"],
    ["Ấn Độ", "IN"],
    ["Canada", "CA"],
    ["Ca-na-đa", "CA"],
    ["Hà Lan", "NL"],
    ["Bỉ", "BE"],
    ["Thụy Sĩ", "CH"],
    ["Thụy Điển", "SE"],
    ["Ý", "IT"],
    ["Italia", "IT"],
    ["Tây Ban Nha", "ES"],
    ["Séc", "CZ"],
    ["Ba Lan", "PL"],
    ["Hung-ga-ri", "HU"],
    ["Cu Ba", "CU"],
    ["New Zealand", "NZ"],
    ["Niu Di-lân", "NZ"],
    ["Ixraen", "IL"],
    ["Israel", "IL"],
    ["UAE", "AE"],
    ["Các Tiểu vương quốc Ả Rập Thống nhất", "AE"],
    ["Myanmar", "MM"],
    ["Mi-an-ma", "MM"],
    ["Indonesia", "ID"],
    ["In-đô-nê-xi-a", "ID"],
    ["Malaysia", "MY"],
    ["Ma-lai-xi-a", "MY"],
    ["Philippines", "PH"],
    ["Phi-líp-pin", "PH"],
    ["Brunei", "BN"],
    ["Đông Timo", "TL"],
    ["Germany", "DE"],
    ["Japan", "JP"],
    ["South Korea", "KR"],
    ["United States of America", "US"],
  ])("%s → %s", (text, code) => {
    const match = matchCountry(text);
    expect(match).toEqual({ raw: text, name: countryName(code), code, known: true });
  });

  it("has every alias in the table pointing at a listed country", () => {
    for (const [code, aliases] of Object.entries(COUNTRY_ALIASES)) {
      expect(countryName(code)).toBeDefined();
      for (const alias of aliases) expect(matchCountry(alias).code).toBe(code);
    }
  });
});

describe("matchCountry: spelling variants", () => {
  it.each([
    ["Nhat Ban", "JP"],
    ["han quoc", "KR"],
    ["NHẬT BẢN", "JP"],
    ["  nhật   bản ", "JP"],
    ["Thuỵ Sĩ", "CH"],
    ["Ôx-trây-li-a", "AU"],
    ["Xinhgapo", "SG"],
    ["Cộng hòa Pháp", "FR"],
    ["Nước Pháp", "FR"],
    ["Vương quốc Thái Lan", "TH"],
    ["Nhật Bản (Tokyo, Osaka)", "JP"],
    ["Vân Nam (Trung Quốc)", "CN"],
    ["Trung Quốc (Đài Loan)", "TW"],
    ["Đài Loan (Trung Quốc)", "TW"],
    ["Các nước: Nhật Bản", "JP"],
  ])("%s → %s", (text, code) => {
    expect(matchCountry(text)).toMatchObject({ code, known: true });
  });

  it("keeps the text as written in raw", () => {
    expect(matchCountry("  Nhat   Ban ")).toMatchObject({ raw: "Nhat Ban", name: "Nhật Bản" });
  });
});

describe("matchCountry: unknown countries", () => {
  it.each([
    ["Hàn Quôc", "Hàn Quốc"],
    ["Nhật Ban", "Nhật Bản"],
    ["Singapor", "Singapore"],
    ["Malaysa", "Malaysia"],
    ["Campuchea", "Campuchia"],
    ["Indonesa", "Indonesia"],
    ["Phillipines", "Philippines"],
    ["Thai Lann", "Thái Lan"],
  ])("%s is kept as written, suggesting %s", (text, suggestion) => {
    expect(matchCountry(text)).toEqual({ raw: text, name: text, known: false, suggestion });
  });

  it.each(["Châu Âu", "Các nước ASEAN", "Xứ sở thần tiên", "abc", "12345"])("%s has no suggestion", (text) => {
    expect(matchCountry(text)).toEqual({ raw: text, name: text, known: false });
  });

  it("answers an empty text with an empty unknown match", () => {
    expect(matchCountry("   ")).toEqual({ raw: "", name: "", known: false });
  });
});

describe("parseCountries", () => {
  it.each([
    ["Nhật Bản, Hàn Quốc", ["JP", "KR"]],
    ["Nhật Bản; Hàn Quốc / Trung Quốc + Lào & Thái Lan", ["JP", "KR", "CN", "LA", "TH"]],
    ["Nhật Bản\nHàn Quốc", ["JP", "KR"]],
    ["- Nhật Bản\n- Hàn Quốc", ["JP", "KR"]],
    ["Hoa Kỳ - Canada", ["US", "CA"]],
    ["Hoa Kỳ-Canada", ["US", "CA"]],
    ["Hoa Kỳ -Canada", ["US", "CA"]],
    ["Pháp – Đức", ["FR", "DE"]],
    ["Pháp và Đức", ["FR", "DE"]],
    ["Nhật Bản, Hàn Quốc và Trung Quốc", ["JP", "KR", "CN"]],
    ["Ô-xtrây-li-a", ["AU"]],
    ["Cam-pu-chia", ["KH"]],
    ["Cam-pu-chia-Lào", ["KH", "LA"]],
    ["Ô-xtrây-li-a - Niu Di-lân", ["AU", "NZ"]],
    ["Guinea-Bissau", ["GW"]],
    ["Timor-Leste", ["TL"]],
    ["Bosnia và Herzegovina", ["BA"]],
    ["Trinidad và Tobago, Cu Ba", ["TT", "CU"]],
    ["Nhật Bản (Tokyo, Osaka)", ["JP"]],
    ["Nhật Bản (Tokyo), Hàn Quốc (Seoul - Busan)", ["JP", "KR"]],
    ["Vân Nam (Trung Quốc), Phông-xa-lỳ (Lào)", ["CN", "LA"]],
    ["Đài Loan (Trung Quốc), Hồng Kông", ["TW", "HK"]],
    ["Nhật Bản, Nhật, Nhat Ban", ["JP"]],
    ["Nhật Bản, , ;", ["JP"]],
    ["Nhật Bản, Hàn Quốc, v.v.", ["JP", "KR"]],
    ["Nhật Bản, Châu Âu", ["JP", "?Châu Âu"]],
    ["Nhật Bản (Tokyo, Hàn Quốc", ["JP", "KR"]],
    ["1. Nhật Bản\n2. Hàn Quốc", ["JP", "KR"]],
    ["Mỹ, Hoa Kỳ, USA", ["US"]],
    ["", []],
    ["   ", []],
  ])("%j → %j", (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });

  it("keeps unknown pieces as written with their suggestion", () => {
    expect(parseCountries("Singapor, Malaysia")).toEqual([
      { raw: "Singapor", name: "Singapor", known: false, suggestion: "Singapore" },
      { raw: "Malaysia", name: "Malaysia", code: "MY", known: true },
    ]);
  });

  it("gives standard names for recognised pieces", () => {
    expect(parseCountries("Mỹ - Hàn").map((c) => c.name)).toEqual(["Hoa Kỳ", "Hàn Quốc"]);
  });
});

describe("mentionedCountryCodes", () => {
  it.each([
    ["Công ty Samsung (Hàn Quốc) mời", ["KR"]],
    ["Đối tác Nhật Bản và Hoa Kỳ", ["JP", "US"]],
    ["Phía Đức đài thọ", ["DE"]],
    ["đức tính và anh em", []],
    ["Sở Y tế", []],
  ])("%s → %j", (text, expected) => {
    expect(mentionedCountryCodes(text)).toEqual(expected);
  });
});
