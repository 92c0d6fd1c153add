// The reference: @cyclonedx/cyclonedx-library's JSON validator (ajv, strict) on one CycloneDX
// JSON file, timed in-process after the module and schema are loaded, best of N runs.
// Usage: node bench/peers/cyclonedx_validate.mjs FILE [RUNS]  -> one JSON line on stdout.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Validation } from '@cyclonedx/cyclonedx-library';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const text = readFileSync(file, 'utf8');
const version = JSON.parse(text).specVersion;
const validator = new Validation.JsonStrictValidator(version);
await validator.validate('{"bomFormat":"CycloneDX","specVersion":"' + version + '"}');  // warm-up: compiles the schema
let best = Infinity;
let valid = null;
for (let run = 0; run < runs; ++run) {
  const start = performance.now();
  const errors = await validator.validate(text);  // parses the JSON and validates it
  best = Math.min(best, performance.now() - start);
  valid = errors === null;
}
console.log(JSON.stringify({ tool: '@cyclonedx/cyclonedx-library JsonStrictValidator', file,
                             bytes: Buffer.byteLength(text), valid, best_ms: best }));
