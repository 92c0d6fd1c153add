// Differential test of Assay's CVSS scoring against two npm implementations used as oracles,
// @pandatix/js-cvss and ae-cvss-calculator (root package.json). Generates random valid CVSS v3.1
// and v4.0 vectors from a fixed seed, scores them with Assay (the cvss_score_tool harness) and
// with both oracles, and fails on any disagreement that is not a documented oracle defect.
//   node cvss_differential.mjs --tool <assay_cvss_score_tool> [--count N] [--seed S]
// Exit codes: 0 agreement, 1 disagreement or error, 77 skipped (node_modules missing, not in CI).
import { spawnSync } from 'node:child_process';
import { createRequire, register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../..');

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && index + 1 < process.argv.length ? process.argv[index + 1] : fallback;
}
const tool = option('tool');
const count = Number(option('count', '2500'));
const seed = Number(option('seed', '20261123'));
if (!tool) {
  console.error('usage: node cvss_differential.mjs --tool <assay_cvss_score_tool> [--count N]');
  process.exit(1);
}

// --- The oracles ---------------------------------------------------------------------------
const require = createRequire(path.join(root, 'package.json'));
let ae;
let pandatix;
try {
  ae = require('ae-cvss-calculator');
  register(pathToFileURL(path.join(here, 'extless_hook.mjs')));
  pandatix = await import(pathToFileURL(require.resolve('@pandatix/js-cvss')).href);
} catch (error) {
  const message = `cannot load the npm oracles (${error.message}); run scripts/install_node_deps.sh`;
  if (process.env.CI === 'true') {
    console.error(message);
    process.exit(1);
  }
  console.log(`SKIP: ${message}`);
  process.exit(77);
}

// --- Random valid vectors (mulberry32, so every run checks the same vectors) -----------------
function mulberry32(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(seed);
const pick = (values) => values[Math.floor(random() * values.length)];

// [name, values, probability of being present]
const v31Metrics = [
  ['AV', 'NALP', 1], ['AC', 'LH', 1], ['PR', 'NLH', 1], ['UI', 'NR', 1], ['S', 'UC', 1],
  ['C', 'HLN', 1], ['I', 'HLN', 1], ['A', 'HLN', 1],
  ['E', 'XUPFH', 0.5], ['RL', 'XOTWU', 0.5], ['RC', 'XURC', 0.5],
  ['CR', 'XLMH', 0.4], ['IR', 'XLMH', 0.4], ['AR', 'XLMH', 0.4], ['MAV', 'XNALP', 0.4],
  ['MAC', 'XLH', 0.4], ['MPR', 'XNLH', 0.4], ['MUI', 'XNR', 0.4], ['MS', 'XUC', 0.4],
  ['MC', 'XHLN', 0.4], ['MI', 'XHLN', 0.4], ['MA', 'XHLN', 0.4],
];
const v40Metrics = [
  ['AV', 'NALP', 1], ['AC', 'LH', 1], ['AT', 'NP', 1], ['PR', 'NLH', 1], ['UI', 'NPA', 1],
  ['VC', 'HLN', 1], ['VI', 'HLN', 1], ['VA', 'HLN', 1], ['SC', 'HLN', 1], ['SI', 'HLN', 1],
  ['SA', 'HLN', 1],
  ['E', 'XAPU', 0.5],
  ['CR', 'XHML', 0.3], ['IR', 'XHML', 0.3], ['AR', 'XHML', 0.3], ['MAV', 'XNALP', 0.3],
  ['MAC', 'XLH', 0.3], ['MAT', 'XNP', 0.3], ['MPR', 'XNLH', 0.3], ['MUI', 'XNPA', 0.3],
  ['MVC', 'XHLN', 0.3], ['MVI', 'XHLN', 0.3], ['MVA', 'XHLN', 0.3], ['MSC', 'XHLN', 0.3],
  ['MSI', 'XSHLN', 0.3], ['MSA', 'XSHLN', 0.3],
  ['S', 'XNP', 0.2], ['AU', 'XNY', 0.2], ['R', 'XAUI', 0.2], ['V', 'XDC', 0.2],
  ['RE', 'XLMH', 0.2], ['U', ['X', 'Clear', 'Green', 'Amber', 'Red'], 0.2],
];
// A quarter of the vectors use only the base metrics, so base scoring is covered densely.
function randomVector(prefix, metrics) {
  const baseOnly = random() < 0.25;
  const parts = [prefix];
  for (const [name, values, probability] of metrics) {
    if (probability === 1 || (!baseOnly && random() < probability)) {
      parts.push(`${name}:${pick([...values])}`);
    }
  }
  return parts.join('/');
}
const baseOf = (vector, baseCount) => vector.split('/').slice(0, 1 + baseCount).join('/');

// --- Assay -----------------------------------------------------------------------------------
function runAssay(vectors) {
  const result = spawnSync(tool, [], { input: vectors.join('\n') + '\n', encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) {
    console.error(`${tool} failed: ${result.error ?? result.stderr}`);
    process.exit(1);
  }
  const lines = result.stdout.trimEnd().split('\n');
  if (lines.length !== vectors.length) {
    console.error(`${tool} printed ${lines.length} lines for ${vectors.length} vectors`);
    process.exit(1);
  }
  return lines.map((line, i) => {
    const fields = line.split(' ');
    if (fields[0] !== 'ok') {
      return { error: line, vector: vectors[i] };
    }
    const num = (text) => (text === '-' ? null : Number(text));
    return {
      base: num(fields[1]), temporal: num(fields[2]), environmental: num(fields[3]),
      overall: num(fields[4]), canonical: fields[5],
    };
  });
}

function oracle(fn) {
  try {
    return fn();
  } catch (error) {
    return `throws: ${error.message}`;
  }
}

// --- Comparison ------------------------------------------------------------------------------
// Oracle defects, each found by reading the oracle's source and confirmed by this test:
// - @pandatix/js-cvss 0.4.4 CVSS31.roundup tests `% 1000` where the v3.1 specification's Roundup
//   tests `% 10000`, so any value whose fifth-decimal integer is a multiple of 1000 comes back
//   unrounded (e.g. 5.0 * 0.97 = 4.85 instead of 4.9);
// - its CVSS31.EnvironmentalScore weighs MPR by the base Scope S, not the Modified Scope MS;
// - its CVSS40.roundup is Math.round(x * 10) / 10 without the 1e-6 that FIRST's calculator adds
//   against float noise (x.x4999999 for an exact x.x5).
// The test therefore requires exact agreement with ae-cvss-calculator, and with @pandatix/js-cvss
// after replacing its two roundup functions with the specified ones; the only disagreements it
// accepts are environmental v3.1 scores of vectors whose effective MS differs from S.
const failures = [];
const stats = {};
function check(key, vector, assay, expected, { accepted = false } = {}) {
  stats[key] ??= { compared: 0, agreed: 0, accepted: 0 };
  stats[key].compared++;
  if (assay === expected) {
    stats[key].agreed++;
  } else if (accepted) {
    stats[key].accepted++;
  } else {
    failures.push(`${key}: ${vector}: Assay ${assay}, oracle ${expected}`);
  }
}
function note(key, vector, assay, expected) {
  stats[key] ??= { compared: 0, agreed: 0, informational: true };
  stats[key].compared++;
  if (assay === expected) stats[key].agreed++;
}

const v31 = Array.from({ length: count }, () => randomVector('CVSS:3.1', v31Metrics));
const v40 = Array.from({ length: count }, () => randomVector('CVSS:4.0', v40Metrics));
const v40Bases = v40.map((vector) => baseOf(vector, 11));
const v31Scores = runAssay(v31);
const v40Scores = runAssay(v40);
const v40BaseScores = runAssay(v40Bases);

const metricOf = (vector, name) => vector.split('/').find((part) => part.startsWith(`${name}:`))?.slice(name.length + 1);
function pandatixScores() {
  return {
    v31: v31.map((vector) => {
      const p = oracle(() => new pandatix.CVSS31(vector));
      return [oracle(() => p.BaseScore()), oracle(() => p.TemporalScore()),
              oracle(() => p.EnvironmentalScore())];
    }),
    v40: v40.map((vector, i) => [oracle(() => new pandatix.CVSS40(vector).Score()),
                                 oracle(() => new pandatix.CVSS40(v40Bases[i]).Score())]),
  };
}
const published = pandatixScores();
pandatix.CVSS31.roundup = (value) => {
  const intInput = Math.round(value * 100000);
  return intInput % 10000 === 0 ? intInput / 100000 : (Math.floor(intInput / 10000) + 1) / 10;
};
pandatix.CVSS40.roundup = (value) => Math.round((value + 1e-6) * 10) / 10;
const corrected = pandatixScores();

v31.forEach((vector, i) => {
  const assay = v31Scores[i];
  if (assay.error) {
    failures.push(`v3.1: Assay rejects valid ${vector}: ${assay.error}`);
    return;
  }
  check('v3.1 round-trip to_string(parse(v)) == v', vector, assay.canonical, vector);
  const a = oracle(() => new ae.Cvss3P1(vector).calculateScores());
  check('v3.1 base vs ae-cvss-calculator', vector, assay.base, a.base);
  // ae reports no temporal score when the vector has no temporal metric (the specified value is
  // then the base score), and no environmental score when it has no environmental metric (those
  // are compared with @pandatix/js-cvss only: with S:C the v3.1 environmental equation differs
  // from the base equation even when no environmental metric is given).
  if (a.temporal === undefined) {
    check('v3.1 temporal (no temporal metrics) vs ae-cvss-calculator base', vector,
          assay.temporal, a.base);
  } else {
    check('v3.1 temporal vs ae-cvss-calculator', vector, assay.temporal, a.temporal);
  }
  if (a.environmental !== undefined) {
    check('v3.1 environmental vs ae-cvss-calculator', vector, assay.environmental,
          a.environmental);
  }
  const [pb, pt, pe] = published.v31[i];
  note('v3.1 base vs @pandatix/js-cvss as published', vector, assay.base, pb);
  note('v3.1 temporal vs @pandatix/js-cvss as published', vector, assay.temporal, pt);
  note('v3.1 environmental vs @pandatix/js-cvss as published', vector, assay.environmental, pe);
  const [cb, ct, ce] = corrected.v31[i];
  const ms = metricOf(vector, 'MS');
  const scopeDiffers = (ms && ms !== 'X' ? ms : metricOf(vector, 'S')) !== metricOf(vector, 'S');
  check('v3.1 base vs @pandatix/js-cvss roundup-corrected', vector, assay.base, cb);
  check('v3.1 temporal vs @pandatix/js-cvss roundup-corrected', vector, assay.temporal, ct);
  check('v3.1 environmental vs @pandatix/js-cvss roundup-corrected', vector,
        assay.environmental, ce, { accepted: scopeDiffers });
});

v40.forEach((vector, i) => {
  const assay = v40Scores[i];
  if (assay.error) {
    failures.push(`v4.0: Assay rejects valid ${vector}: ${assay.error}`);
    return;
  }
  check('v4.0 round-trip to_string(parse(v)) == v', vector, assay.canonical, vector);
  check('v4.0 base == score of the base metrics alone', vector, assay.base,
        v40BaseScores[i].overall);
  check('v4.0 overall vs ae-cvss-calculator', vector, assay.overall,
        oracle(() => new ae.Cvss4P0(vector).calculateScores().overall));
  check('v4.0 base vs ae-cvss-calculator', vector, assay.base,
        oracle(() => new ae.Cvss4P0(v40Bases[i]).calculateScores().overall));
  note('v4.0 overall vs @pandatix/js-cvss as published', vector, assay.overall, published.v40[i][0]);
  note('v4.0 base vs @pandatix/js-cvss as published', vector, assay.base, published.v40[i][1]);
  check('v4.0 overall vs @pandatix/js-cvss roundup-corrected', vector, assay.overall,
        corrected.v40[i][0]);
  check('v4.0 base vs @pandatix/js-cvss roundup-corrected', vector, assay.base,
        corrected.v40[i][1]);
});

console.log(`seed ${seed}, ${count} random valid vectors per version`);
for (const [key, { compared, agreed, accepted, informational }] of Object.entries(stats)) {
  const extra = accepted ? `, ${accepted} accepted (oracle's MPR-scope defect)` : '';
  console.log(`${key}: ${agreed}/${compared} agree${extra}${informational ? ' (informational)' : ''}`);
}
for (const failure of failures.slice(0, 50)) {
  console.log(`DISAGREE ${failure}`);
}
const total = Object.values(stats).filter((s) => !s.informational)
  .reduce((sum, s) => sum + s.compared, 0);
console.log(`${total - failures.length} passed, ${failures.length} failed`);
process.exit(failures.length === 0 ? 0 : 1);
