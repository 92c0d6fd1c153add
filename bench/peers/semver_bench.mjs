// node-semver 7.8.6 on Assay's npm workloads: semver.compare(a, b) over bench/data/semver_pairs.txt
// and semver.satisfies(v, r) over bench/data/semver_ranges.txt, for about `seconds` each.
// Prints JSON: {compare_per_second, satisfies_per_second, *_cpu_per_second, errors}.
// Usage: node --single-threaded bench/peers/semver_bench.mjs [seconds]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const semver = require('semver');
const seconds = Number(process.argv[2] ?? 3);
const read = (path) =>
  readFileSync(path, 'utf8').trim().split('\n').map((line) => line.split('\t'));
const pairs = read('bench/data/semver_pairs.txt');
const ranges = read('bench/data/semver_ranges.txt');

function measure(work) {
  let items = 0;
  let sink = 0;
  // Warm up the JIT first.
  for (let i = 0; i < 20; ++i) sink += work();
  const wallStart = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let elapsed = 0;
  while (elapsed < seconds) {
    const n = work();
    sink += n;
    items += n;
    elapsed = Number(process.hrtime.bigint() - wallStart) / 1e9;
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { perSecond: items / elapsed, cpuPerSecond: items / cpuSeconds, sink };
}

let errors = 0;
const compare = measure(() => {
  for (const [a, b] of pairs) {
    try {
      semver.compare(a, b);
    } catch {
      errors++;
    }
  }
  return pairs.length;
});
const satisfies = measure(() => {
  for (const [v, r] of ranges) semver.satisfies(v, r);
  return ranges.length;
});
console.log(JSON.stringify({
  compare_per_second: compare.perSecond,
  compare_cpu_per_second: compare.cpuPerSecond,
  satisfies_per_second: satisfies.perSecond,
  satisfies_cpu_per_second: satisfies.cpuPerSecond,
  errors,
}));
