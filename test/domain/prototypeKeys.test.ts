/**
 * JavaScript's reserved property names typed into cells ("Constructor của Sở" in a Chức vụ cell) must
 * read as ordinary unknown text: no lookup keyed by user text may reach Object.prototype. Every value
 * parser and the template reader (recognise → parse → check) get them, in many case and diacritic variants.
 */
import fc from "fast-check";
import { checkPlan } from "../../src/domain/rules";
import { getProfile } from "../../src/domain/profiles";
import { readPlan } from "../../src/domain/templates";
import { readMaster } from "../../src/domain/merge/readMaster";
import { matchCountry, matchFunding, matchRole, mentionedCountryCodes, parseCountries, parseDateCell, parseMembers, parsePeriod, splitLeader } from "../../src/domain/values";
import { fold } from "../../src/domain/text";
import { gridOf } from "./templates/helpers";

const RESERVED = [
  "constructor",
  "__proto__",
  "toString",
  "hasOwnProperty",
  "valueOf",
  "prototype",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toLocaleString",
  "__defineGetter__",
  "__lookupSetter__",
  "caller",
  "arguments",
  "length",
  "name",
];

/** A reserved name as people might type it: capitalised, upper case, with a Vietnamese diacritic, inside a phrase. */
const reservedVariant = fc
  .tuple(
    fc.constantFrom(...RESERVED),
    fc.constantFrom<(word: string) => string>(
      (w) => w,
      (w) => w[0].toUpperCase() + w.slice(1),
      (w) => w.toUpperCase(),
      (w) => w.replace("o", "ô").replace("a", "á"),
      (w) => `${w} của Sở`,
      (w) => `PCT ${w}`,
      (w) => `Đ/c ${w}\n${w}`,
      (w) => `Phó ${w} UBND xã`,
      (w) => `${w}, ${w}; Nhật Bản`,
      (w) => `Tháng ${w}`,
      (w) => `Quý ${w}`,
    ),
  )
  .map(([word, shape]) => shape(word));

const ALL = RESERVED.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1), w.toUpperCase(), `${w} của Sở`, `Đ/c ${w} - ${w} UBND TP`]);

describe("reserved property names in cells", () => {
  it("every value parser reads them as ordinary text (table)", () => {
    for (const text of ALL) {
      const role = matchRole(text);
      expect(role?.id).toBeUndefined();
      expect(typeof role?.raw).toBe("string");
      const leader = splitLeader(text);
      for (const part of [leader.name, leader.role]) expect(part === undefined || typeof part === "string").toBe(true);
      const country = matchCountry(text);
      expect(country.known).toBe(false);
      expect(typeof country.name).toBe("string");
      for (const c of parseCountries(text)) expect(typeof c.name).toBe("string");
      expect(matchFunding(text).id).toBeUndefined();
      expect(mentionedCountryCodes(text)).toEqual([]);
      expect(parsePeriod(text, 2026).period).toBeUndefined();
      expect(parseMembers(text).members).toBeUndefined();
      expect(parseDateCell(text)).toBeUndefined();
      expect(typeof fold(text)).toBe("string");
    }
  });

  it("the Chức vụ cell «Constructor …» leaves the sheet readable and the other rows intact", () => {
    const grid = gridOf([
      ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Thời gian", "Mục đích", "Nguồn kinh phí"],
      [1, "Đoàn A", "Nguyễn Văn An", "Constructor của Sở", 4, "Nhật Bản", "Tháng 5/2026", "Hợp tác đào tạo", "Ngân sách thành phố"],
      [2, "Đoàn B", "Đ/c toString - __proto__", "Giám đốc Sở", 3, "Lào", "Tháng 6/2026", "Hợp tác", "Ngân sách thành phố"],
    ]);
    const plan = readPlan([grid], { year: 2026 });
    expect(plan.sheets[0].template).toBe(true);
    expect(plan.delegations.map((d) => d.leaderRole?.raw)).toEqual(["Constructor của Sở", "Giám đốc Sở"]);
    expect(plan.delegations[0].leaderRole?.id).toBeUndefined();
    expect(plan.delegations[1].leaderRole?.id).toBe("giam-doc-so");
    const findings = checkPlan(plan.delegations, { profile: getProfile("default"), year: 2026 });
    expect(findings.filter((f) => f.rule === "role-unknown").map((f) => f.cell)).toEqual(["D2"]);
  });

  it("recognise, parse, check and the master reader take any reserved name in any cell (property)", () => {
    const header = ["STT", "Tên đoàn", "Trưởng đoàn", "Chức vụ", "Số lượng", "Nước đến", "Thời gian", "Mục đích", "Nguồn kinh phí", "Ghi chú"];
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(reservedVariant, fc.constant(null), fc.constant("Nhật Bản")), { minLength: 10, maxLength: 10 }), { minLength: 1, maxLength: 4 }), fc.boolean(), (rows, reservedHeader) => {
        const head = reservedHeader ? [...header.slice(0, 9), "constructor"] : header;
        const grids = [gridOf([head, ...rows], { name: "Đoàn ra" }), gridOf([head, ...rows], { name: "Tổng hợp đoàn ra" }), gridOf(rows, { name: "__proto__" })];
        const plan = readPlan(grids, { year: 2026 });
        expect(plan.sheets.filter((s) => s.template).length).toBeGreaterThanOrEqual(1);
        for (const sheet of plan.sheets) if (!sheet.template) expect(sheet.reason).not.toMatch(/is not a function|Cannot read/);
        checkPlan(plan.delegations, { profile: getProfile("hai-phong"), year: 2026 });
        readMaster(grids);
      }),
      { numRuns: 150 },
    );
  });
});
