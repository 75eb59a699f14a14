import fc from "fast-check";
import { attribute, readAttributes, wellFormedAttributes, XmlScanner, XmlSyntaxError } from "../../src/xlsx/xmlScan";

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

describe("wellFormedAttributes", () => {
  /** The regular expression it replaces (read by hand for speed): both must accept the same strings. */
  const ATTRIBUTES = /^(?:\s+[^\s=/><"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;
  // Built from the characters that matter, every JavaScript whitespace among them.
  const pieces = [" ", "\t", "\n", "\r", "\v", "\f", "\u00a0", "\u1680", "\u2003", "\u2028", "\u202f", "\u3000", "\ufeff", "\u0085", "\u180e",
    "=", '"', "'", "<", ">", "/", "r", "t", ":", "A1", "x"];

  test("accepts exactly what the regular expression accepts", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 24 }), (chosen) => {
        const attributes = chosen.join("");
        expect(wellFormedAttributes(attributes)).toBe(ATTRIBUTES.test(attributes));
      }),
      { numRuns: 5_000 },
    );
  });

  test("accepts what the regular expression accepts for attribute-shaped strings, spaces of every kind", () => {
    const space = fc.array(fc.constantFrom(...pieces.slice(0, 15)), { maxLength: 2 }).map((chosen) => chosen.join(""));
    const word = fc.array(fc.constantFrom("r", "t", ":", "x", "<", "/"), { minLength: 0, maxLength: 3 }).map((chosen) => chosen.join(""));
    const attribute = fc.tuple(space, word, space, fc.constantFrom("=", ""), space, fc.constantFrom('"', "'"), word, fc.constantFrom('"', "'", "")).map((parts) => parts.join(""));
    fc.assert(
      fc.property(fc.array(attribute, { maxLength: 4 }), space, (attributes, tail) => {
        const text = attributes.join("") + tail;
        expect(wellFormedAttributes(text)).toBe(ATTRIBUTES.test(text));
      }),
      { numRuns: 5_000 },
    );
  });

  test.each([
    [` r="A1" t="s"`, true],
    [` r = 'A1'\u00a0s="2" `, true],
    [`r="A1"`, false],
    [` r="A1"t="s"`, false],
    [` r="A<1"`, false],
    [` r="A1`, false],
    [` r`, false],
  ])("%j → %s", (attributes, expected) => {
    expect(wellFormedAttributes(attributes)).toBe(expected);
  });
});

describe("readAttributes", () => {
  const read = (attributes: string, names: string[]) => {
    const into: (string | undefined)[] = ["stale", "stale", "stale"];
    readAttributes(attributes, names, into);
    return into.slice(0, names.length);
  };

  test("several attributes in one pass, as attribute() reads each", () => {
    const attributes = ` r="B7" s="3" t="inlineStr" x:name="a &amp; b"`;
    expect(read(attributes, ["r", "t", "s", "name", "missing"])).toEqual(["B7", "inlineStr", "3", "a & b", undefined]);
    for (const name of ["r", "t", "s", "name", "missing"]) expect(read(attributes, [name])[0]).toBe(attribute(attributes, name));
  });

  test("the first of a repeated name; a name inside another's value is not an attribute", () => {
    expect(read(` r="A1" r="A2"`, ["r"])).toEqual(["A1"]);
    expect(read(` t=' r="Z9"' r="A1"`, ["r", "t"])).toEqual(["A1", ` r="Z9"`]);
    expect(read(` tr="1" rt="2"`, ["r", "t"])).toEqual([undefined, undefined]);
  });

  test("names after a namespace prefix, spaces around the equals sign, single quotes", () => {
    expect(read(` r:id = 'rId1'`, ["id"])).toEqual(["rId1"]);
    expect(read("", ["r", "t"])).toEqual([undefined, undefined]);
  });
});
