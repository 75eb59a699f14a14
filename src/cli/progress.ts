/**
 * Progress of a long `dplan merge` on stderr ("Đang đọc tệp 120/1000…"), so an officer merging a thousand
 * files sees it move. Shown only when stderr is a terminal, or asked for with --progress; pipes, logs and
 * tests stay clean unless they ask.
 *
 * - On a terminal: one line rewritten in place (carriage return), cleared before any other message and at
 *   the end, so the report and the notes print as they would without it.
 * - Asked for without a terminal (--progress into a log): whole lines, about every 5 % of the files, and
 *   one per phase.
 */
import type { CliIO } from "./main";

export type ProgressMode = "terminal" | "lines" | "off";

/** Lines written for a run of this many files when not on a terminal: about twenty. */
const LINES_PER_RUN = 20;
/** A terminal line is rewritten at most this often (ms): a thousand rewrites would cost more than they show. */
const TERMINAL_REFRESH_MS = 100;
const CLEAR_LINE = "\r\x1b[K";

export function progressMode(asked: boolean | undefined, stderrIsTerminal: boolean | undefined): ProgressMode {
  if (asked === false) return "off";
  if (stderrIsTerminal) return "terminal";
  return asked ? "lines" : "off";
}

export class Progress {
  /** The terminal line shown now ("" when none). */
  private shown = "";
  private lastDrawn = 0;

  constructor(
    private readonly mode: ProgressMode,
    private readonly write: (text: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** File `done` of `total` being read (1-based). */
  reading(done: number, total: number): void {
    const text = `Đang đọc tệp ${done}/${total}…`;
    if (this.mode === "lines") {
      const every = Math.max(1, Math.ceil(total / LINES_PER_RUN));
      if (done === 1 || done === total || done % every === 0) this.write(`${text}\n`);
    } else if (this.mode === "terminal" && (done === 1 || done === total || this.now() - this.lastDrawn >= TERMINAL_REFRESH_MS)) {
      this.draw(text);
    }
  }

  /** A phase after reading ("Đang kiểm tra và tổng hợp…"). */
  phase(text: string): void {
    if (this.mode === "lines") this.write(`${text}\n`);
    else if (this.mode === "terminal") this.draw(text);
  }

  /** Clears the terminal line (before another message, and when done). */
  clear(): void {
    if (this.shown === "") return;
    this.write(CLEAR_LINE);
    this.shown = "";
  }

  /** The same io with stderr clearing the progress line first, so messages never land on its end. */
  wrap(io: CliIO): CliIO {
    return {
      ...io,
      stderr: (text) => {
        this.clear();
        io.stderr(text);
      },
      stdout: (text) => {
        this.clear();
        io.stdout(text);
      },
    };
  }

  private draw(text: string): void {
    this.write(`${CLEAR_LINE}${text}`);
    this.shown = text;
    this.lastDrawn = this.now();
  }
}
