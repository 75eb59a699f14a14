/**
 * What the add-in remembers about its marks, kept in the workbook so it survives closing and reopening.
 *
 * Where: the add-in's document settings (Office.context.document.settings), saved inside the workbook
 * file and visible only to this add-in. Chosen over a VeryHidden sheet or a custom XML part because
 * settings are read from memory without a round trip: applyMarks and clearMarks stay at two syncs,
 * while a sheet or an XML part would cost one more sync just to learn what to remove. Writing them is
 * one `saveAsync` (not a `context.sync`).
 *
 * What: the sheets that carry marks (name and id) and, per sheet, the notes the add-in wrote (cell →
 * hash of the text written). Conditional formats need no list: each carries a marker in its formula
 * (MARK_FORMULA_MARKER), so the add-in recognises its own and never a user's. A note is removed only
 * if its text is still exactly what the add-in wrote; once a user edits it, it is theirs.
 */

export interface SheetMarkRecord {
  name: string;
  id?: string;
  /**
   * A1 address → contentHash of the note text the add-in wrote there; while a write is under way, the
   * hashes of the text before and after it, separated by "|" (see mergeMarkStates).
   */
  notes: Record<string, string>;
}

export interface MarkState {
  version: 1;
  sheets: SheetMarkRecord[];
}

export interface MarkStateStore {
  read(): MarkState;
  write(state: MarkState): Promise<void>;
}

export const MARK_STATE_KEY = "dplan.marks";

export function emptyMarkState(): MarkState {
  return { version: 1, sheets: [] };
}

/** Accepts only a well-formed state; anything else (an older or damaged value) counts as empty. */
export function parseMarkState(raw: unknown): MarkState {
  const value = typeof raw === "string" ? safeJson(raw) : raw;
  if (typeof value !== "object" || value === null) return emptyMarkState();
  const { version, sheets } = value as { version?: unknown; sheets?: unknown };
  if (version !== 1 || !Array.isArray(sheets)) return emptyMarkState();
  const records: SheetMarkRecord[] = [];
  for (const sheet of sheets) {
    if (typeof sheet !== "object" || sheet === null) continue;
    const { name, id, notes } = sheet as { name?: unknown; id?: unknown; notes?: unknown };
    if (typeof name !== "string") continue;
    const cleanNotes: Record<string, string> = {};
    if (typeof notes === "object" && notes !== null) {
      for (const [address, hash] of Object.entries(notes)) if (typeof hash === "string") cleanNotes[address] = hash;
    }
    records.push({ name, ...(typeof id === "string" ? { id } : {}), notes: cleanNotes });
  }
  return { version: 1, sheets: records };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The union of two states, saved before a write batch so a half-applied batch never loses track of a
 * note: where both name a note, either text counts as the add-in's (the batch may or may not have
 * replaced it).
 */
export function mergeMarkStates(a: MarkState, b: MarkState): MarkState {
  const byName = new Map<string, SheetMarkRecord>();
  for (const record of [...a.sheets, ...b.sheets]) {
    const existing = byName.get(record.name);
    if (!existing) {
      byName.set(record.name, { ...record, notes: { ...record.notes } });
      continue;
    }
    const notes = { ...existing.notes };
    for (const [address, hash] of Object.entries(record.notes)) notes[address] = address in notes ? [...new Set([...recordedHashes(notes[address]), ...recordedHashes(hash)])].join("|") : hash;
    byName.set(record.name, { name: record.name, id: record.id ?? existing.id, notes });
  }
  return { version: 1, sheets: [...byName.values()] };
}

/** The hashes a state records for one note (one, or several during a write). */
export function recordedHashes(recorded: string): string[] {
  return recorded.split("|");
}

/** Whether a note's text is one the add-in wrote, according to what the state records there. */
export function isRecordedText(content: string, recorded: string | undefined): boolean {
  return recorded !== undefined && recordedHashes(recorded).includes(contentHash(content));
}

/** A short fingerprint of a note's text (FNV-1a, 32 bits, plus the length): enough to tell "still ours". */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${hash.toString(16).padStart(8, "0")}:${text.length}`;
}

/** The sheet a saved record means: the one with its id, else the one with its name (Excel ignores case in names). */
export function sheetOfRecord<S extends { id: string; name: string }>(sheets: readonly S[], record: SheetMarkRecord): S | undefined {
  const name = record.name.toLowerCase();
  return sheets.find((sheet) => record.id !== undefined && sheet.id === record.id) ?? sheets.find((sheet) => sheet.name.toLowerCase() === name);
}

/** The length of the longest text recorded (for payload estimates). */
export function recordedLength(recorded: string): number {
  return Math.max(
    0,
    ...recordedHashes(recorded).map((hash) => {
      const length = Number(hash.slice(hash.lastIndexOf(":") + 1));
      return Number.isFinite(length) ? length : 0;
    }),
  );
}

/** The store over the add-in's document settings. An empty state removes the key, leaving the settings as they were. */
export function settingsMarkStateStore(key = MARK_STATE_KEY): MarkStateStore {
  const settings = () => Office.context.document.settings;
  return {
    read: () => parseMarkState(settings().get(key)),
    write: (state) => {
      if (state.sheets.length === 0) settings().remove(key);
      else settings().set(key, JSON.stringify(state));
      return new Promise<void>((resolve, reject) => {
        settings().saveAsync((result) => {
          if (result.status === Office.AsyncResultStatus.Failed) reject(new Error(result.error?.message ?? "saveAsync failed"));
          else resolve();
        });
      });
    },
  };
}
