/**
 * npm run bench [-- --json] [-- --smoke] [-- --runs N] [-- --out FILE]
 * npm run bench -- --merge1000 [--smoke] [--json]: only issue 11's 1,000-unit merge through `dplan merge`
 *   (new master, then 10 units re-imported); opt-in, over a minute with building the files (merge1000.ts).
 * Prints the machine and the benchmark table (or one JSON document with --json); progress goes to stderr.
 * npm itself prints a "> ke-hoach-doan bench" banner on stdout first: for stdout holding nothing but the
 * JSON, run `npm run -s bench -- --json`, or write it to a file with `--out FILE`.
 */
import * as fs from "node:fs";
import { formatReport, runBenchmarks } from "./benchmarks";
import { formatMerge1000, measureMerge1000 } from "./merge1000";

async function main(argv: string[]): Promise<void> {
  const json = argv.includes("--json");
  const smoke = argv.includes("--smoke");
  const runsAt = argv.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : undefined;
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) throw new Error("--runs needs a positive whole number");
  const outAt = argv.indexOf("--out");
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (outAt >= 0 && !out) throw new Error("--out needs a file name");
  if (argv.includes("--merge1000")) {
    const figures = await measureMerge1000(smoke ? 5 : 1_000, (line) => process.stderr.write(`merge1000: ${line}\n`));
    const document = `${JSON.stringify({ merge1000: figures }, null, 2)}\n`;
    if (out) fs.writeFileSync(out, document);
    process.stdout.write(json ? document : `${formatMerge1000(figures)}\n`);
    return;
  }
  const result = await runBenchmarks({ smoke, runs, log: (line) => process.stderr.write(`${line}\n`) });
  const document = `${JSON.stringify(result, null, 2)}\n`;
  if (out) fs.writeFileSync(out, document);
  process.stdout.write(json ? document : `${formatReport(result)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
