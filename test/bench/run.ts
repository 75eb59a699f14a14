/**
 * npm run bench [-- --json] [-- --smoke] [-- --runs N]
 * Prints the machine and the benchmark table (or one JSON document with --json); progress goes to stderr.
 */
import { formatReport, runBenchmarks } from "./benchmarks";

async function main(argv: string[]): Promise<void> {
  const json = argv.includes("--json");
  const smoke = argv.includes("--smoke");
  const runsAt = argv.indexOf("--runs");
  const runs = runsAt >= 0 ? Number(argv[runsAt + 1]) : undefined;
  if (runs !== undefined && !(Number.isInteger(runs) && runs > 0)) throw new Error("--runs needs a positive whole number");
  const result = await runBenchmarks({ smoke, runs, log: (line) => process.stderr.write(`${line}\n`) });
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${formatReport(result)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
