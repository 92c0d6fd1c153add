// Reference runner for differential.npm: node-semver (the npm CLI's own version library).
// usage: node npm_reference.js compare|contains INPUT OUTPUT NODE_MODULES_DIR
// Reads "a<TAB>b" (compare) or "range<TAB>version" (contains) lines; writes one answer per line:
// -1 / 0 / 1, true / false, or "invalid: <reason>" when node-semver rejects an input.
'use strict';
const fs = require('fs');
const path = require('path');

const [mode, inputPath, outputPath, modulesDir] = process.argv.slice(2);
const semver = require(path.join(modulesDir, 'semver'));

// node-semver's strict (non-loose) parse; throws TypeError on a version it rejects.
function parseVersion(text) {
  return new semver.SemVer(text);
}

function answer(first, second) {
  try {
    if (mode === 'compare') {
      return String(parseVersion(first).compare(parseVersion(second)));
    }
    const range = new semver.Range(first);
    return String(range.test(parseVersion(second)));
  } catch (error) {
    return 'invalid: ' + String(error.message).replace(/[\r\n\t]/g, ' ');
  }
}

const lines = fs.readFileSync(inputPath, 'utf8').split('\n');
if (lines.length > 0 && lines[lines.length - 1] === '') {
  lines.pop();
}
const out = [];
for (const line of lines) {
  const tab = line.indexOf('\t');
  out.push(answer(line.slice(0, tab), line.slice(tab + 1)));
}
fs.writeFileSync(outputPath, out.length ? out.join('\n') + '\n' : '');
