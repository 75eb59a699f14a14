/**
 * A small streaming XML tokenizer for SpreadsheetML parts: text is fed in pieces (as a part inflates), tags
 * and text come out as they complete, so a sheet is never held whole in memory. Namespace prefixes are
 * dropped ("x:c" → "c": some writers and strict OOXML use them). Entities are not expanded here (text may
 * arrive split); `decodeXmlText` does it once a value is whole. DOCTYPE declarations are skipped, never
 * expanded: no entity tricks.
 */

export interface XmlHandler {
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text between tags (entities still encoded); may come in several pieces. */
  text(raw: string): void;
}

export class XmlSyntaxError extends Error {}

/** Attributes as XML allows them: name="value" or name='value', separated by whitespace. */
const ATTRIBUTES = /^(?:\s+[^\s=/><"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/;
/** A tag longer than this without its closing ">" is not waiting for more input: it is malformed. */
const MAX_TAG_CHARS = 1 << 20;

export class XmlScanner {
  private buffer = "";
  /** Elements opened and not closed yet: a part that ends inside one was cut off. */
  private depth = 0;

  constructor(private readonly handler: XmlHandler) {}

  feed(piece: string): void {
    this.buffer += piece;
    this.buffer = this.buffer.slice(this.scan(false));
  }

  end(): void {
    const rest = this.scan(true);
    if (this.buffer.slice(rest).trim() !== "") throw new XmlSyntaxError("unterminated markup");
    if (this.depth !== 0) throw new XmlSyntaxError("unclosed elements at the end");
    this.buffer = "";
  }

  /** Emits what is complete; returns where the incomplete rest starts. */
  private scan(final: boolean): number {
    const text = this.buffer;
    let at = 0;
    while (at < text.length) {
      const lt = text.indexOf("<", at);
      if (lt < 0) {
        this.handler.text(text.slice(at));
        return text.length;
      }
      if (lt > at) this.handler.text(text.slice(at, lt));
      at = lt;
      if (text.startsWith("<!--", at) || text.startsWith("<?", at) || text.startsWith("<!", at)) {
        const cdata = text.startsWith("<![CDATA[", at);
        const terminator = text.startsWith("<!--", at) ? "-->" : text.startsWith("<?", at) ? "?>" : cdata ? "]]>" : ">";
        const close = text.indexOf(terminator, at + 2);
        if (close < 0) {
          if (final || text.length - at > MAX_TAG_CHARS) throw new XmlSyntaxError("unterminated declaration");
          return at;
        }
        if (cdata) this.handler.text(encodeXmlText(text.slice(at + 9, close)));
        at = close + terminator.length;
        continue;
      }
      const end = tagEnd(text, at);
      if (end < 0) {
        if (final || text.length - at > MAX_TAG_CHARS) throw new XmlSyntaxError("unterminated tag");
        return at;
      }
      // Read by hand, not by a regular expression: a sheet of 2,000,000 cells has 8,000,000 tags.
      const closing = text.charCodeAt(at + 1) === 0x2f;
      const selfClosing = !closing && text.charCodeAt(end - 1) === 0x2f;
      const nameStart = closing ? at + 2 : at + 1;
      let nameEnd = nameStart;
      const last = selfClosing ? end - 1 : end;
      while (nameEnd < last && !isNameEnd(text.charCodeAt(nameEnd))) {
        const ch = text.charCodeAt(nameEnd);
        if (ch === 0x3c || ch === 0x22 || ch === 0x27 || ch === 0x3d) throw new XmlSyntaxError("malformed tag name");
        nameEnd++;
      }
      if (nameEnd === nameStart) throw new XmlSyntaxError("malformed tag");
      const name = localName(text.slice(nameStart, nameEnd));
      if (closing) {
        if (text.slice(nameEnd, end).trim() !== "") throw new XmlSyntaxError("malformed closing tag");
        this.depth--;
        this.handler.close(name);
      } else {
        const attributes = nameEnd === last ? "" : text.slice(nameEnd, last);
        if (attributes !== "" && !wellFormedAttributes(attributes)) throw new XmlSyntaxError("malformed tag");
        if (!selfClosing) this.depth++;
        this.handler.open(name, attributes, selfClosing);
      }
      at = end + 1;
    }
    return at;
  }
}

/** The index of the ">" closing the tag that starts at `at` (a ">" inside quotes does not count); -1 if not there yet. */
function tagEnd(text: string, at: number): number {
  let quote = 0;
  for (let i = at + 1; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (quote !== 0) {
      if (ch === quote) quote = 0;
    } else if (ch === 0x22 || ch === 0x27) quote = ch;
    else if (ch === 0x3e) return i;
  }
  return -1;
}

/** Whitespace, "/" or ">" end a tag's name; "<" or a quote in it means the markup is broken (caught by the checks). */
function isNameEnd(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d || ch === 0x2f || ch === 0x3e;
}

function wellFormedAttributes(attributes: string): boolean {
  return ATTRIBUTES.test(attributes);
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute's value (entities decoded), by local name; undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
  // By hand: called for every cell ("r", "t", "s"); the attributes were checked well formed by the scanner.
  for (let at = attributes.indexOf(name); at >= 0; at = attributes.indexOf(name, at + 1)) {
    const before = at === 0 ? 0x20 : attributes.charCodeAt(at - 1);
    if (!(before === 0x20 || before === 0x09 || before === 0x0a || before === 0x0d || before === 0x3a)) continue;
    let i = at + name.length;
    while (isSpace(attributes.charCodeAt(i))) i++;
    if (attributes.charCodeAt(i) !== 0x3d) continue;
    i++;
    while (isSpace(attributes.charCodeAt(i))) i++;
    const quote = attributes.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) continue;
    const close = attributes.indexOf(quote === 0x22 ? '"' : "'", i + 1);
    if (close < 0) return undefined;
    return decodeXmlText(attributes.slice(i + 1, close));
  }
  return undefined;
}

function isSpace(ch: number): boolean {
  return ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d;
}

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXmlText(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(NAMED, entity) ? NAMED[entity] : whole;
  });
}

function encodeXmlText(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : "&gt;"));
}
