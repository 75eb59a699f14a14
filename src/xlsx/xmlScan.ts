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

const TAG = /<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
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
      TAG.lastIndex = at;
      const match = TAG.exec(text);
      if (!match || TAG.lastIndex !== end + 1) throw new XmlSyntaxError("malformed tag");
      const name = localName(match[2]);
      if (match[1] === "/") {
        this.depth--;
        this.handler.close(name);
      } else {
        if (match[4] !== "/") this.depth++;
        this.handler.open(name, match[3], match[4] === "/");
      }
      at = TAG.lastIndex;
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

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute's value (entities decoded), by local name; undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
  if (attributes === "" || attributes.indexOf(name) < 0) return undefined;
  let pattern = ATTRIBUTE_PATTERNS.get(name);
  if (!pattern) ATTRIBUTE_PATTERNS.set(name, (pattern = new RegExp(`(?:^|\\s)(?:[^\\s=:]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const match = pattern.exec(attributes);
  if (!match) return undefined;
  return decodeXmlText(match[1] ?? match[2] ?? "");
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

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
