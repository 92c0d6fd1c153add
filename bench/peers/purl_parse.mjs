// The packageurl-js 2.0.1 peer of bench_purl's BM_ParseMixed: parses every purl of the same file
// (bench/data/purls.txt by default) with PackageURL.fromString, round after round, and prints
// one JSON line {"peer","version","purls","failures","seconds","items_per_second","cpu_seconds",
// "items_per_cpu_second"} (wall-clock and process CPU rates).
// Usage: node [--single-threaded] bench/peers/purl_parse.mjs [file] [min-seconds]
// (--single-threaded keeps V8's garbage collector on the main thread, so that process CPU time is
// the parser's own work, comparable with bench_purl's CPU time.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { PackageURL } = require('packageurl-js');
const { version } = require('packageurl-js/package.json');

const file = process.argv[2] ?? 'bench/data/purls.txt';
const minSeconds = Number(process.argv[3] ?? '2');
const purls = readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0);

let failures = 0;
let sink = 0;
function round() {
  for (const text of purls) {
    try {
      sink += PackageURL.fromString(text).name.length;
    } catch {
      failures += 1;
    }
  }
}

// Warm up so the JIT has optimised the parser before timing, as Google Benchmark's repetitions
// do for the C++ side.
for (let index = 0; index < 50; index += 1) {
  round();
}
failures = 0;

let rounds = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let elapsed = 0;
do {
  round();
  rounds += 1;
  elapsed = Number(process.hrtime.bigint() - start) / 1e9;
} while (elapsed < minSeconds);
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

console.log(JSON.stringify({
  peer: 'packageurl-js',
  version,
  purls: purls.length,
  failures: failures / rounds,
  seconds: elapsed,
  items_per_second: (rounds * purls.length) / elapsed,
  cpu_seconds: cpuSeconds,
  items_per_cpu_second: (rounds * purls.length) / cpuSeconds,
  sink: sink > 0,
}));
