/**
 * Where and why a JSON text is malformed, in Vietnamese, for people who edit a profile by hand.
 * JSON.parse stays the parser; its messages are English and differ between engines, so when it
 * fails this scanner walks the text once to name the line, the column and the mistake.
 */

export interface JsonSyntaxError {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  reason: string;
}

class SyntaxFault extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/;
const LITERALS = ["true", "false", "null"];

class Scanner {
  private offset = 0;

  constructor(private readonly text: string) {}

  run(): void {
    this.value("ở đầu tệp");
    this.space();
    if (this.offset < this.text.length) throw new SyntaxFault(this.offset, "có nội dung thừa sau khi đối tượng đã đóng");
  }

  private space(): void {
    while (this.offset < this.text.length) {
      const char = this.text[this.offset];
      if (char === " " || char === "\t" || char === "\n" || char === "\r") this.offset++;
      else if (char === "/" && (this.text[this.offset + 1] === "/" || this.text[this.offset + 1] === "*")) {
        throw new SyntaxFault(this.offset, "JSON không cho phép chú thích (// hoặc /* */)");
      } else return;
    }
  }

  private endOfText(what: string): SyntaxFault {
    return new SyntaxFault(this.text.length, `tệp kết thúc giữa chừng (${what})`);
  }

  private value(where: string): void {
    this.space();
    const char = this.text[this.offset];
    if (char === undefined) throw this.endOfText(`thiếu giá trị ${where}`);
    if (char === "{") return this.object();
    if (char === "[") return this.array();
    if (char === '"') return this.string();
    if (char === "'") throw new SyntaxFault(this.offset, "dùng dấu nháy kép \" thay cho nháy đơn '");
    const rest = this.text.slice(this.offset);
    const number = NUMBER.exec(rest);
    if (number && !/^[\w.]/.test(rest.slice(number[0].length))) {
      this.offset += number[0].length;
      return;
    }
    const literal = LITERALS.find((word) => rest.startsWith(word) && !/^\w/.test(rest.slice(word.length)));
    if (literal) {
      this.offset += literal.length;
      return;
    }
    if (char === "}" || char === "]" || char === ",") throw new SyntaxFault(this.offset, `thiếu giá trị ${where}`);
    throw new SyntaxFault(this.offset, "giá trị không hợp lệ: chữ phải đặt trong dấu nháy kép; số viết dấu chấm thập phân; true, false, null viết thường");
  }

  private string(): void {
    const start = this.offset;
    this.offset++;
    while (this.offset < this.text.length) {
      const char = this.text[this.offset];
      if (char === '"') {
        this.offset++;
        return;
      }
      if (char === "\n" || char === "\r") throw new SyntaxFault(start, "chuỗi chưa đóng dấu nháy kép trước khi xuống dòng");
      if (char === "\\") {
        const escape = this.text[this.offset + 1];
        if (escape === "u" ? !/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.offset + 2, this.offset + 6)) : !'"\\/bfnrt'.includes(escape ?? "x")) {
          throw new SyntaxFault(this.offset, "ký tự thoát \\ không hợp lệ (viết \\\\ cho dấu gạch ngược)");
        }
        this.offset += escape === "u" ? 6 : 2;
      } else this.offset++;
    }
    throw new SyntaxFault(start, "chuỗi chưa đóng dấu nháy kép");
  }

  private object(): void {
    this.offset++;
    this.space();
    if (this.text[this.offset] === "}") {
      this.offset++;
      return;
    }
    for (;;) {
      this.space();
      const char = this.text[this.offset];
      if (char === undefined) throw this.endOfText("thiếu dấu }");
      if (char === "}") throw new SyntaxFault(this.offset, "dấu phẩy thừa trước dấu }");
      if (char !== '"') throw new SyntaxFault(this.offset, "cần tên trường trong dấu nháy kép");
      this.string();
      this.space();
      if (this.text[this.offset] === undefined) throw this.endOfText("thiếu dấu hai chấm và giá trị");
      if (this.text[this.offset] !== ":") throw new SyntaxFault(this.offset, "thiếu dấu hai chấm : sau tên trường");
      this.offset++;
      this.value("sau dấu hai chấm");
      this.space();
      const next = this.text[this.offset];
      if (next === undefined) throw this.endOfText("thiếu dấu }");
      this.offset++;
      if (next === "}") return;
      if (next !== ",") throw new SyntaxFault(this.offset - 1, "thiếu dấu phẩy giữa hai trường hoặc dấu } đóng đối tượng");
    }
  }

  private array(): void {
    this.offset++;
    this.space();
    if (this.text[this.offset] === "]") {
      this.offset++;
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.offset] === "]") throw new SyntaxFault(this.offset, "dấu phẩy thừa trước dấu ]");
      this.value("trong danh sách");
      this.space();
      const next = this.text[this.offset];
      if (next === undefined) throw this.endOfText("thiếu dấu ]");
      this.offset++;
      if (next === "]") return;
      if (next !== ",") throw new SyntaxFault(this.offset - 1, "thiếu dấu phẩy giữa hai phần tử hoặc dấu ] đóng danh sách");
    }
  }
}

/** The first syntax error of a JSON text, or undefined when it is well formed. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    new Scanner(text).run();
    return undefined;
  } catch (error) {
    if (!(error instanceof SyntaxFault)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split("\n").length;
    const column = error.offset - before.lastIndexOf("\n");
    return { line, column, reason: error.reason };
  }
}
