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
    const length = text.length;
    const handler = this.handler;
    let at = 0;
    while (at < length) {
      const lt = text.indexOf("<", at);
      if (lt < 0) {
        handler.text(at === 0 ? text : text.slice(at));
        return length;
      }
      if (lt > at) handler.text(text.slice(at, lt));
      at = lt;
      // Read by hand, not by a regular expression nor startsWith: a sheet of 2,000,000 cells has 8,000,000 tags.
      const first = text.charCodeAt(at + 1);
      if (first === 0x21 || first === 0x3f) {
        const cdata = text.startsWith("<![CDATA[", at);
        const terminator = text.startsWith("<!--", at) ? "-->" : first === 0x3f ? "?>" : cdata ? "]]>" : ">";
        const close = text.indexOf(terminator, at + 2);
        if (close < 0) {
          if (final || length - at > MAX_TAG_CHARS) throw new XmlSyntaxError("unterminated declaration");
          return at;
        }
        if (cdata) handler.text(encodeXmlText(text.slice(at + 9, close)));
        at = close + terminator.length;
        continue;
      }
      const closing = first === 0x2f;
      const nameStart = closing ? at + 2 : at + 1;
      // The name ends at whitespace, "/" or ">"; only its local part (after a namespace prefix) is kept.
      let nameEnd = nameStart;
      let colon = -1;
      for (; nameEnd < length; nameEnd++) {
        const ch = text.charCodeAt(nameEnd);
        if (ch === 0x3e || ch === 0x2f || ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) break;
        if (ch === 0x3a) {
          if (colon < 0) colon = nameEnd;
        } else if (ch === 0x3c || ch === 0x22 || ch === 0x27 || ch === 0x3d) throw new XmlSyntaxError("malformed tag name");
      }
      // The commonest tags (<c>, </v>) end right after their name: no search for the ">" past quotes.
      const end = nameEnd < length && text.charCodeAt(nameEnd) === 0x3e ? nameEnd : nameEnd < length ? tagEnd(text, nameEnd) : -1;
      if (end < 0) {
        if (final || length - at > MAX_TAG_CHARS) throw new XmlSyntaxError("unterminated tag");
        return at;
      }
      if (nameEnd === nameStart) throw new XmlSyntaxError("malformed tag");
      const name = text.slice(colon < 0 ? nameStart : colon + 1, nameEnd);
      if (closing) {
        for (let i = nameEnd; i < end; i++) if (!isWhitespace(text.charCodeAt(i))) throw new XmlSyntaxError("malformed closing tag");
        this.depth--;
        handler.close(name);
      } else {
        const selfClosing = text.charCodeAt(end - 1) === 0x2f;
        const last = selfClosing ? end - 1 : end;
        if (nameEnd > last) throw new XmlSyntaxError("malformed tag");
        const attributes = nameEnd === last ? "" : text.slice(nameEnd, last);
        if (attributes !== "" && !wellFormedAttributes(attributes)) throw new XmlSyntaxError("malformed tag");
        if (!selfClosing) this.depth++;
        handler.open(name, attributes, selfClosing);
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

/**
 * Attributes as XML allows them: name="value" or name='value', each after whitespace; the same strings as
 * /^(?:\s+[^\s=/><"']+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*$/ accepts (\s as JavaScript reads it), read by hand:
 * a sheet's every cell has attributes.
 */
export function wellFormedAttributes(attributes: string): boolean {
  const length = attributes.length;
  let i = 0;
  for (;;) {
    const spaced = i;
    while (i < length && isWhitespace(attributes.charCodeAt(i))) i++;
    if (i === length) return true;
    if (i === spaced) return false;
    const nameStart = i;
    for (; i < length; i++) {
      const ch = attributes.charCodeAt(i);
      if (ch === 0x3d || ch === 0x2f || ch === 0x3e || ch === 0x3c || ch === 0x22 || ch === 0x27 || isWhitespace(ch)) break;
    }
    if (i === nameStart) return false;
    while (i < length && isWhitespace(attributes.charCodeAt(i))) i++;
    if (attributes.charCodeAt(i) !== 0x3d) return false;
    i++;
    while (i < length && isWhitespace(attributes.charCodeAt(i))) i++;
    const quote = attributes.charCodeAt(i);
    if (quote !== 0x22 && quote !== 0x27) return false;
    for (i++; i < length; i++) {
      const ch = attributes.charCodeAt(i);
      if (ch === quote) break;
      if (ch === 0x3c) return false;
    }
    if (i === length) return false;
    i++;
  }
}

/** What \s matches in a JavaScript regular expression. */
function isWhitespace(ch: number): boolean {
  return ch < 0x80 ? ASCII_WHITESPACE[ch] === 1 : isOtherSpace(ch);
}

/** 1 for the ASCII characters \s matches: one look-up per character of every tag's attributes. */
const ASCII_WHITESPACE = new Uint8Array(0x80);
for (const ch of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) ASCII_WHITESPACE[ch] = 1;

/** \s beyond the four XML whitespace characters: vertical tab, form feed and the Unicode spaces. */
function isOtherSpace(ch: number): boolean {
  if (ch < 0xa0) return ch === 0x0b || ch === 0x0c;
  return (
    ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff
  );
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

/**
 * attribute() for several names in one pass over the attributes (a sheet's every cell asks for "r", "t" and
 * "s"): `into[k]` becomes the value (entities decoded) of the first attribute whose local name is `names[k]`,
 * undefined when absent. The attributes must have passed the scanner's check (wellFormedAttributes).
 */
export function readAttributes(attributes: string, names: readonly string[], into: (string | undefined)[]): void {
  for (let k = 0; k < names.length; k++) into[k] = undefined;
  const length = attributes.length;
  let i = 0;
  while (i < length) {
    while (i < length && isWhitespace(attributes.charCodeAt(i))) i++;
    if (i >= length) return;
    const nameStart = i;
    let localStart = i;
    for (; i < length; i++) {
      const ch = attributes.charCodeAt(i);
      if (ch === 0x3d || isWhitespace(ch)) break;
      if (ch === 0x3a) localStart = i + 1;
    }
    const nameEnd = i;
    while (i < length && attributes.charCodeAt(i) !== 0x22 && attributes.charCodeAt(i) !== 0x27) i++;
    if (i >= length || nameEnd === nameStart) return;
    const close = attributes.indexOf(attributes.charCodeAt(i) === 0x22 ? '"' : "'", i + 1);
    if (close < 0) return;
    for (let k = 0; k < names.length; k++) {
      const name = names[k];
      if (into[k] === undefined && name.length === nameEnd - localStart && attributes.startsWith(name, localStart)) into[k] = decodeXmlText(attributes.slice(i + 1, close));
    }
    i = close + 1;
  }
}
