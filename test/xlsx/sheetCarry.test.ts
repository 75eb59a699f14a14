/** Formula references moved with the rows a re-import moves (sheetCarry.ts). */
import { carryOfficerWork, formulaForTests } from "../../src/xlsx/sheetCarry";

const { rewriteReferences, shiftRelative } = formulaForTests;
const rows = new Map([[16, 18], [13, 13]]);
const columns = new Map([[25, 19], [5, 5]]);
const mapper = { row: (row: number) => rows.get(row) ?? row + 2, column: (column: number) => columns.get(column) ?? column };

test.each([
  ["E16*10", "E18*10"],
  ["$E$16+Y13", "$E$18+S13"],
  ['IF(E16>3,"E16 người",Y16)', 'IF(E18>3,"E16 người",S18)'],
  ["SUM(E13:E16)", "SUM(E13:E18)"],
  ["COUNTA(Y:Y)", "COUNTA(S:S)"],
  ["'Theo dõi'!E16+Sheet2!A1+E16", "'Theo dõi'!E16+Sheet2!A1+E18"],
  ["'Tổng hợp đoàn ra'!E16", "'Tổng hợp đoàn ra'!E18"],
  ["LOG10(E16)+ATAN2(1,2)", "LOG10(E18)+ATAN2(1,2)"],
])("%s → %s", (formula, expected) => {
  expect(rewriteReferences(formula, "Tổng hợp đoàn ra", mapper)).toBe(expected);
});

test("a shared formula read at another cell shifts only its relative references", () => {
  expect(shiftRelative("E13*$B$2+F$1", "S", 3, 1)).toBe("F16*$B$2+G$1");
});

describe("carryOfficerWork on package XML as Excel writes it", () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const oldSheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="5"><c r="B5" s="3"><v>1</v></c><c r="C5"><f t="shared" ref="C5:C6" si="0">B5*2</f><v>2</v></c></row><row r="6"><c r="B6"><v>2</v></c><c r="C6"><f t="shared" si="0"/><v>4</v></c></row></sheetData><dataValidations count="1"><dataValidation type="custom" sqref="B5:B6"><formula1>B5&gt;0</formula1></dataValidation></dataValidations><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><legacyDrawing r:id="rId1"/></worksheet>`;
  const parts: Record<string, string> = {
    "xl/comments1.xml": '<comments><authors><author>Hoa</author></authors><commentList><comment ref="C6" authorId="0"><text><t>Kiểm tra lại</t></text></comment><comment ref="Z40" authorId="0"><text><t>Ô khác</t></text></comment></commentList></comments>',
    "xl/threadedComments/threadedComment1.xml": '<ThreadedComments><ThreadedComment ref="C6" id="{1}" personId="{P}"><text>Kiểm tra lại</text></ThreadedComment></ThreadedComments>',
    "xl/drawings/vmlDrawing1.vml": '<xml><v:shapetype id="_x0000_t202"/><v:shape id="_x0000_s1025"><x:ClientData ObjectType="Note"><x:Anchor>3, 15, 4, 10, 5, 15, 8, 4</x:Anchor><x:Row>5</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>',
  };
  const relations = [
    { id: "rId1", type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing", part: "xl/drawings/vmlDrawing1.vml", element: '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>' },
    { id: "rId2", type: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments", part: "xl/comments1.xml", element: '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments1.xml"/>' },
    { id: "rId3", type: "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment", part: "xl/threadedComments/threadedComment1.xml", element: '<Relationship Id="rId3" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>' },
  ];
  const fresh = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>STT</t></is></c></row><row r="7"><c r="B7" t="inlineStr"><is><t>1</t></is></c></row><row r="9"><c r="B9"><v>2</v></c></row></sheetData><pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.3" footer="0.3"/></worksheet>`;
  const plan = { rows: new Map([[1, 1], [5, 7], [6, 9]]), handRows: new Set([5, 6]), columns: new Map([[1, 1], [2, 2], [3, 3]]), addedColumns: new Set<number>(), headerRow: { old: 1, new: 1 } };
  const carried = carryOfficerWork({ sheetXml: oldSheet, sheetName: "Tổng hợp đoàn ra", relations, read: (part) => parts[part] }, fresh, plan);

  test("a shared formula becomes each cell's own formula, moved with its row; the old style stays", () => {
    expect(carried.sheetXml).toContain('<c r="C7"><f>B7*2</f><v>2</v></c>');
    expect(carried.sheetXml).toContain('<c r="C9"><f>B9*2</f><v>4</v></c>');
    expect(carried.sheetXml).toContain('<c r="B7" s="3" t="inlineStr"><is><t>1</t></is></c>');
  });

  test("a validation whose rows moved apart is split, each part's relative formula reading its own cell; in schema order", () => {
    expect(carried.sheetXml).toContain('<dataValidations count="2"><dataValidation type="custom" sqref="B7"><formula1>B7&gt;0</formula1></dataValidation><dataValidation type="custom" sqref="B9"><formula1>B9&gt;0</formula1></dataValidation></dataValidations><pageMargins');
    expect(carried.sheetXml).toMatch(/<pageMargins [^>]*\/><legacyDrawing r:id="rIdCarriedVml"\/><\/worksheet>$/);
  });

  test("notes, threaded comments and their shapes move with the cell; notes on cells not carried are dropped", () => {
    expect(carried.parts.get("xl/comments1.xml")).toBe('<comments><authors><author>Hoa</author></authors><commentList><comment ref="C9" authorId="0"><text><t>Kiểm tra lại</t></text></comment></commentList></comments>');
    expect(carried.parts.get("xl/threadedComments/threadedComment1.xml")).toContain('<ThreadedComment ref="C9" id="{1}"');
    expect(carried.parts.get("xl/drawings/vmlDrawing1.vml")).toContain("<x:Anchor>3, 15, 7, 10, 5, 15, 11, 4</x:Anchor><x:Row>8</x:Row><x:Column>2</x:Column>");
    expect(carried.relations.map((relation) => /Id="([^"]+)"/.exec(relation)![1]).sort()).toEqual(["rIdCarriedComments", "rIdCarriedThreaded1", "rIdCarriedVml"]);
  });
});
