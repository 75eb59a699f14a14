import { contentHash, isRecordedText, mergeMarkStates, recordedLength, sheetOfRecord, type MarkState } from "../../src/excel/markState";

const state = (notes: Record<string, string>, name = "S", id?: string): MarkState => ({ version: 1, sheets: [{ name, ...(id ? { id } : {}), notes }] });

describe("mark state", () => {
  it("merges two states so that either text of a note being rewritten counts as the add-in's", () => {
    const before = contentHash("cũ");
    const after = contentHash("mới");
    const merged = mergeMarkStates(state({ A1: before, B2: before }), state({ A1: after, C3: after }));
    expect(merged.sheets).toHaveLength(1);
    const notes = merged.sheets[0].notes;
    expect(isRecordedText("cũ", notes.A1)).toBe(true);
    expect(isRecordedText("mới", notes.A1)).toBe(true);
    expect(isRecordedText("của người dùng", notes.A1)).toBe(false);
    expect(notes.B2).toBe(before);
    expect(notes.C3).toBe(after);
    // Merging again with the same text adds nothing.
    expect(mergeMarkStates(merged, state({ A1: after })).sheets[0].notes.A1).toBe(notes.A1);
  });

  it.each([
    [undefined, "x", false],
    [contentHash("x"), "x", true],
    [contentHash("x"), "y", false],
    [`${contentHash("y")}|${contentHash("x")}`, "x", true],
  ])("recorded %p, text %p → the add-in's: %p", (recorded, text, expected) => {
    expect(isRecordedText(text, recorded)).toBe(expected);
  });

  it("knows the longest recorded text's length", () => {
    expect(recordedLength(contentHash("abc"))).toBe(3);
    expect(recordedLength(`${contentHash("abc")}|${contentHash("abcdefg")}`)).toBe(7);
    expect(recordedLength("garbage")).toBe(0);
  });

  it("finds a record's sheet by id first, then by name ignoring case", () => {
    const sheets = [
      { id: "{1}", name: "Đoàn ra (sửa)" },
      { id: "{2}", name: "Đoàn vào" },
    ];
    expect(sheetOfRecord(sheets, { name: "Đoàn ra", id: "{1}", notes: {} })).toBe(sheets[0]);
    expect(sheetOfRecord(sheets, { name: "ĐOÀN VÀO", notes: {} })).toBe(sheets[1]);
    expect(sheetOfRecord(sheets, { name: "Đoàn vào", id: "{gone}", notes: {} })).toBe(sheets[1]);
    expect(sheetOfRecord(sheets, { name: "Đã xóa", id: "{gone}", notes: {} })).toBeUndefined();
  });
});
