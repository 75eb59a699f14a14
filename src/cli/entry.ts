// The process entry of `dplan` (bin/dplan.js starts it under tsx); main.ts stays importable by tests.
import { runFromProcess } from "./main";

runFromProcess().catch((error: unknown) => {
  process.stderr.write(`Lỗi không mong đợi: ${error instanceof Error && error.stack ? error.stack : String(error)}\n`);
  process.exitCode = 2;
});
