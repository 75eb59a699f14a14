import { attribute, XmlScanner, XmlSyntaxError } from "../../src/xlsx/xmlScan";

/** Every event of `xml` fed in pieces of `step` characters. */
function events(xml: string, step = xml.length): string[] {
  const out: string[] = [];
  const scanner = new XmlScanner({
    open: (name, attributes, selfClosing) => out.push(`<${name}${attributes}${selfClosing ? "/" : ""}>`),
    close: (name) => out.push(`</${name}>`),
    text: (raw) => out.push(raw),
  });
  for (let at = 0; at < xml.length; at += step) scanner.feed(xml.slice(at, at + step));
  scanner.end();
  return out.reduce<string[]>((merged, event) => {
    // Text may arrive in several pieces: join neighbours for comparison.
    if (!event.startsWith("<") && merged.length > 0 && !merged[merged.length - 1].startsWith("<")) merged[merged.length - 1] += event;
    else merged.push(event);
    return merged;
  }, []);
}

describe("XmlScanner", () => {
  const xml = `<?xml version="1.0"?><!-- <c> in a comment --><x:worksheet xmlns:x="urn"><x:c r="A1" t='s' note="a > b"><v>1 &amp; 2</v></x:c><c/><t><![CDATA[<b>]]></t>\n</x:worksheet>`;
  const expected = [`<worksheet xmlns:x="urn">`, `<c r="A1" t='s' note="a > b">`, "<v>", "1 &amp; 2", "</v>", "</c>", "<c/>", "<t>", "&lt;b&gt;", "</t>", "\n", "</worksheet>"];

  test.each([1, 2, 7, 64, 10_000])("the same events whatever the pieces (%i characters)", (step) => {
    expect(events(xml, step)).toEqual(expected);
  });

  test.each([
    ["markup that is not XML", "<c:chartSpace><<<không phải XML"],
    ["an unclosed quote", `<c r="A1><v>1</v></c>`],
    ["an element left open", "<sheetData><row>"],
    ["an attribute without a value", `<c r></c>`],
    ["a closing tag with attributes", `<c></c r="1">`],
    ["text cut in a tag", `<sheetData><row r="1"`],
  ])("%s is a syntax error", (_, broken) => {
    expect(() => events(broken)).toThrow(XmlSyntaxError);
  });
});

describe("attribute", () => {
  test.each([
    [` r="A1" t="s"`, "t", "s"],
    [` r="A1" t="s"`, "r", "A1"],
    [` ht="5" t = 'inlineStr'`, "t", "inlineStr"],
    [` r:id="rId1"`, "id", "rId1"],
    [` name="a &amp; b"`, "name", "a & b"],
    [` r="t"`, "t", undefined],
    [` tx="1"`, "t", undefined],
    ["", "t", undefined],
  ])("%j %s → %s", (attributes, name, value) => {
    expect(attribute(attributes, name)).toBe(value);
  });
});
