/** Command-line parsing the dplan commands share: files and flags, "--flag=value", and the common values. */

/** A usage mistake: the command prints it with its usage text and exits 2. */
export class UsageError extends Error {}

/**
 * Walks the arguments: names are files (all of them after "--"), the rest are flags. `onFlag` receives
 * the flag, a function giving its value (inline "--flag=value" or the next argument), and the inline
 * part, if any.
 */
export function walkArgs(args: string[], onFile: (file: string) => void, onFlag: (flag: string, value: () => string, inline: string | undefined) => void): void {
  let onlyFiles = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (onlyFiles || !arg.startsWith("-") || arg === "-") {
      onFile(arg);
      continue;
    }
    if (arg === "--") {
      onlyFiles = true;
      continue;
    }
    const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const flag = equals > 0 ? arg.slice(0, equals) : arg;
    const inline = equals > 0 ? arg.slice(equals + 1) : undefined;
    onFlag(
      flag,
      () => {
        const next = inline ?? args[++i];
        if (next === undefined || next === "") throw new UsageError(`Thiếu giá trị sau ${flag}.`);
        return next;
      },
      inline,
    );
  }
}

export function profileIdArg(id: string): string {
  if (!/^[a-z0-9-]+$/.test(id)) throw new UsageError(`Mã bộ quy định «${id}» không hợp lệ: chỉ gồm chữ thường không dấu, số và dấu gạch ngang.`);
  return id;
}

export function yearArg(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < 2000 || year > 2100) throw new UsageError(`Năm «${text}» không hợp lệ: ghi 4 chữ số, từ 2000 đến 2100.`);
  return year;
}

/**
 * `--agency "UBND thành phố Hải Phòng/Sở Ngoại vụ"`: the agency block of the official form, cơ quan chủ
 * quản before the slash, cơ quan lập after it (or alone).
 */
export function agencyArg(text: string): { parent?: string; name: string } {
  const split = text.lastIndexOf("/");
  const name = (split >= 0 ? text.slice(split + 1) : text).replace(/\s+/g, " ").trim();
  const parent = split >= 0 ? text.slice(0, split).replace(/\s+/g, " ").trim() : "";
  if (name === "" || name.length > 120 || parent.length > 120) throw new UsageError(`--agency cần dạng "CƠ QUAN CHỦ QUẢN/CƠ QUAN LẬP" (mỗi phần tối đa 120 ký tự), nhận được «${text}».`);
  return parent === "" ? { name } : { parent, name };
}

