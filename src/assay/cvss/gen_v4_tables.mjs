// Generates the CVSS v4.0 MacroVector score table and highest-severity ("max composed") vectors as
// C++ from the pinned npm package @pandatix/js-cvss, so the repository never carries a copy of
// FIRST's tables. Run at build time by gen_v4_tables.cmake; checked entry by entry against FIRST's
// calculator tables by v4_tables_test.cc.
//   node gen_v4_tables.mjs <package dir> <output .inc>
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const [packageDir, outputPath] = process.argv.slice(2);
if (!packageDir || !outputPath) {
  console.error('usage: node gen_v4_tables.mjs <node_modules/@pandatix/js-cvss> <output.inc>');
  process.exit(2);
}

function die(message) {
  console.error(`gen_v4_tables: ${message}`);
  process.exit(1);
}

const sourcePath = path.join(packageDir, 'dist', 'cvss40.js');
let pkg;
let source;
try {
  pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  source = fs.readFileSync(sourcePath, 'utf8');
} catch (error) {
  die(`cannot read ${packageDir}: ${error.message}; run scripts/install_node_deps.sh`);
}

// The object literal assigned to `const <name> = { ... };`, evaluated as data in an empty
// context (the literals hold only strings, numbers and nested objects).
function objectLiteral(name) {
  const declaration = `const ${name} = {`;
  const start = source.indexOf(declaration);
  if (start < 0) {
    die(`${sourcePath} has no "${declaration}" (package layout changed?)`);
  }
  const open = start + declaration.length - 1;
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    if (source[i] === '}' && --depth === 0) {
      const text = source.slice(open, i + 1);
      return vm.runInNewContext(`(${text})`, Object.create(null), { timeout: 1000 });
    }
  }
  die(`unterminated object literal ${name} in ${sourcePath}`);
}

// 1. The 270 MacroVector scores.
const scores = objectLiteral('mvs');
const scoreEntries = Object.entries(scores).sort(([a], [b]) => a.localeCompare(b));
if (scoreEntries.length !== 270) {
  die(`expected 270 MacroVector scores, found ${scoreEntries.length}`);
}
for (const [digits, value] of scoreEntries) {
  if (!/^[0-2][01][0-2][0-2][0-2][01]$/.test(digits)) {
    die(`bad MacroVector key ${JSON.stringify(digits)}`);
  }
  const tenths = Math.round(value * 10);
  if (typeof value !== 'number' || value < 0 || value > 10 || Math.abs(tenths - value * 10) > 1e-9) {
    die(`bad score ${JSON.stringify(value)} for MacroVector ${digits}`);
  }
}

// 2. The highest-severity vectors of each EQ level (FIRST's max_composed.js).
const highest = objectLiteral('highestSeverityVectors');
const composed = [];
const vectorPattern = /^[A-Z]{1,3}:[A-Z](\/[A-Z]{1,3}:[A-Z])*$/;
function addVectors(eq, level, eq6, vectors) {
  if (!Array.isArray(vectors) || vectors.length === 0) {
    die(`EQ${eq} level ${level}: expected a non-empty list of vectors`);
  }
  for (const vector of vectors) {
    if (typeof vector !== 'string' || !vectorPattern.test(vector)) {
      die(`EQ${eq} level ${level}: bad vector ${JSON.stringify(vector)}`);
    }
    composed.push({ eq, level, eq6, vector });
  }
}
for (const eq of [1, 2, 4, 5]) {
  for (const [level, vectors] of Object.entries(highest[eq] ?? die(`no EQ${eq} vectors`))) {
    addVectors(eq, Number(level), -1, vectors);
  }
}
for (const [eq3, byEq6] of Object.entries(highest[3] ?? die('no EQ3 vectors'))) {
  for (const [eq6, vectors] of Object.entries(byEq6)) {
    addVectors(3, Number(eq3), Number(eq6), vectors);
  }
}

const lines = [];
lines.push('// Generated at build time by src/assay/cvss/gen_v4_tables.mjs from');
lines.push(`// ${pkg.name} ${pkg.version} (dist/cvss40.js). Do not edit; do not commit.`);
lines.push(`inline constexpr std::string_view kGeneratedTableSource = "${pkg.name} ${pkg.version}";`);
lines.push('');
lines.push(`inline constexpr std::array<GeneratedScore, ${scoreEntries.length}> kGeneratedScores = {{`);
for (const [digits, value] of scoreEntries) {
  lines.push(`    {"${digits}", ${Math.round(value * 10)}},`);
}
lines.push('}};');
lines.push('');
lines.push(`inline constexpr std::array<GeneratedMaxVector, ${composed.length}> kGeneratedMaxVectors = {{`);
for (const { eq, level, eq6, vector } of composed) {
  lines.push(`    {${eq}, ${level}, ${eq6}, "${vector}"},`);
}
lines.push('}};');
fs.writeFileSync(outputPath, lines.join('\n') + '\n');
