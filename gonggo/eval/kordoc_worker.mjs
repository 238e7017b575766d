// The kordoc floor of `make bench` (gonggo/eval/kordoc_floor.py): the protocol of the Python
// worker (`worker()` in bench.py) in Node.js. One warm-up call, then timed calls while fewer
// than REPS_MIN, or fewer than REPS_MAX and under REPS_BUDGET_S seconds in all; prints one
// JSON line {work_s (the fastest call), reps, extra_s (the calls beyond the first), units}.
// Each call reads the file and parses it, as the Python workers do.
//
//   node kordoc_worker.mjs NODE_MODULES FILE REPS_MIN REPS_MAX REPS_BUDGET_S
//
// Units: pages for PDF (kordoc's `pageCount`), blocks for HWP and HWPX (`blocks.length`:
// its top-level paragraphs, headings, lists and tables, a table one block).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// pdf.js warns through console.log: stdout carries only the result line
console.log = console.error;

const [modules, file, repsMin, repsMax, budget] = process.argv.slice(2);

async function loadKordoc() {
  // an ES module resolves bare names from its own folder, not from the cwd or NODE_PATH:
  // kordoc is imported by the path its package.json exports (it finds pdfjs-dist beside it)
  const folder = join(modules, "kordoc");
  const meta = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  const entry = meta.exports?.["."]?.import ?? meta.module ?? meta.main;
  return (await import(pathToFileURL(join(folder, entry)).href)).parse;
}

async function main() {
  const parse = await loadKordoc();
  const once = async () => {
    const result = await parse(readFileSync(file));
    if (!result.success) {
      throw new Error(`${result.code ?? "failed"}: ${result.error}`);
    }
    return result.fileType === "pdf" ? result.pageCount : result.blocks.length;
  };
  await once(); // warm-up: module loads, first-call costs (they are in `wall`)
  const times = [];
  const sum = (values) => values.reduce((a, b) => a + b, 0);
  const total = () => sum(times);
  let units = 0;
  while (times.length < Number(repsMin)
         || (times.length < Number(repsMax) && total() < Number(budget))) {
    const started = process.hrtime.bigint();
    units = await once();
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  process.stdout.write(JSON.stringify({
    work_s: Math.min(...times), reps: times.length, extra_s: sum(times.slice(1)), units,
  }) + "\n");
}

main().catch((err) => {
  // one line, the last on stderr: the bench reports it as the row's reason
  process.stderr.write(`kordoc: ${String(err?.message ?? err).split("\n")[0].slice(0, 200)}\n`);
  process.exit(1);
});
