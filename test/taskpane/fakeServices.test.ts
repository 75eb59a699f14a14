import { createFakeServices, replaceNearest, SAMPLE_FINDINGS } from "./fakeServices";

describe("fake pane services", () => {
  it.each([
    ["Han Quoc", "Hàn Quốc", "Hàn Quốc"],
    ["Nhật Bản, Han Quoc", "Hàn Quốc", "Nhật Bản, Hàn Quốc"],
    ["Hoa Ky - Canada", "Hoa Kỳ", "Hoa Kỳ - Canada"],
    ["Lào và Campuchiaa", "Campuchia", "Lào và Campuchia"],
  ])("replaces only the unknown part of %s", (text, suggestion, expected) => {
    expect(replaceNearest(text, suggestion)).toBe(expected);
  });

  it("previews one edit per cell and applies it only while the cell is unchanged", async () => {
    const fake = createFakeServices();
    const fixes = fake.previewFixes(SAMPLE_FINDINGS);
    expect(fixes.map((fix) => [fix.sheet, fix.cell, fix.from, fix.to])).toEqual([
      ["Đoàn ra 2025", "F8", "Nhật Bản, Han Quoc", "Nhật Bản, Hàn Quốc"],
      ["Đoàn ra 2025", "D10", "P.GĐ Sờ", "Phó Giám đốc Sở"],
      ["Đoàn ra 2025", "F11", "Xingapo", "Singapore"],
      ["Đoàn vào 2025", "D8", "Hoa Ky", "Hoa Kỳ"],
    ]);
    fake.cells["Đoàn ra 2025!F11"] = "Xin-ga-po";
    expect(await fake.applyFixes(fixes)).toEqual({ applied: 3, skipped: 1 });
    const next = await fake.check(fake.savedSettings);
    expect(next.findings.filter((finding) => finding.rule === "country-unknown").map((finding) => finding.cell)).toEqual(["F11"]);
  });

  it("merges two unknown countries of one cell into one edit", () => {
    const fake = createFakeServices({ cells: { "Đoàn ra 2025!F8": "Han Quoc, Xingapo" } });
    const [f8] = SAMPLE_FINDINGS;
    const second = { ...f8, suggestion: "Singapore", message: "Nước đến “Xingapo” không có trong danh mục chuẩn; có phải “Singapore”?" };
    const fixes = fake.previewFixes([f8, second]);
    expect(fixes).toHaveLength(1);
    expect(fixes[0]).toMatchObject({ from: "Han Quoc, Xingapo", to: "Hàn Quốc, Singapore" });
    expect(fixes[0].findings).toHaveLength(2);
  });

  it("fails on request with the given Vietnamese message", async () => {
    const fake = createFakeServices();
    fake.failures.check = "Không đọc được sổ làm việc.";
    await expect(fake.check(fake.savedSettings)).rejects.toThrow("Không đọc được sổ làm việc.");
    fake.failures.listProfiles = "Hỏng danh sách.";
    expect(() => fake.listProfiles()).toThrow("Hỏng danh sách.");
  });

  it("notifies subscribers and remembers the latest result", async () => {
    const fake = createFakeServices();
    const seen: string[] = [];
    const stop = fake.subscribe((result) => seen.push(result.checkedAt));
    expect(fake.latestResult()).toBeUndefined();
    const first = await fake.check(fake.savedSettings);
    stop();
    await fake.check(fake.savedSettings);
    expect(seen).toEqual([first.checkedAt]);
    expect(fake.latestResult()?.checkedAt).not.toBe(first.checkedAt);
  });
});
