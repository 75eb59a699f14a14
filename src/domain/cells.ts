/** A1 addresses of sheet cells (1-based rows and columns everywhere). */

/** 1 → "A", 26 → "Z", 27 → "AA", 703 → "AAA". */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`Số cột không hợp lệ: ${column}`);
  let letters = "";
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** "A" → 1, "aa" → 27; undefined when the text is not a column name. */
export function columnNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]+$/.test(letters)) return undefined;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/** (12, 6) → "F12". */
export function a1Address(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}
