// Peer benchmark: Sigstore bundle verifications per second with @sigstore/verify (node), offline,
// over the sigstore-conformance positive cases. Driven by bench/peers/compare_sigstore.sh, which
// runs Assay's bench_sigstore on the same cases in the same run.
//
// usage: node bench/peers/sigstore_verify.mjs [--cases DIR] [--public-root FILE] [--seconds N]
//                                             [--only a,b,c] [--check]
// Prints one JSON object: per-case microseconds per verification and the round-robin totals by
// wall clock and by process CPU time (which includes the garbage collector's threads).
// --check only verifies each case once and prints which ones @sigstore/verify accepts.
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { createPublicKey } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { bundleFromJSON } = require('@sigstore/bundle');
const { TrustedRoot } = require('@sigstore/protobuf-specs');
const { Verifier, toSignedEntity, toTrustMaterial } = require('@sigstore/verify');
const verifyVersion = require('@sigstore/verify/package.json').version;

const kDefaultIdentity =
  'https://github.com/sigstore-conformance/extremely-dangerous-public-oidc-beacon/.github/workflows/extremely-dangerous-oidc-beacon.yml@refs/heads/main';
const kDefaultIssuer = 'https://token.actions.githubusercontent.com';

function parseArgs(argv) {
  const shared = process.env.ASSAY_SHARED_DATA || path.resolve('..', 'shared', 'data');
  const args = {
    cases: path.join(shared, 'sigstore-conformance/test/assets/bundle-verify'),
    publicRoot: path.join(shared, 'sigstore-conformance/public-good-trusted_root.json'),
    seconds: 3,
    only: null,
    check: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '--cases') args.cases = value();
    else if (flag === '--public-root') args.publicRoot = value();
    else if (flag === '--seconds') args.seconds = Number(value());
    else if (flag === '--only') args.only = new Set(value().split(',').filter(Boolean));
    else if (flag === '--check') args.check = true;
    else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

function readOptional(file) {
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

// Everything that is not per-verification work is prepared here: files read, trust material
// built once per trusted-root file (as a long-running verifier would).
function loadCases(args) {
  const trustCache = new Map();
  const trustFor = (rootFile, keyPem) => {
    const cacheKey = `${rootFile}\u0000${keyPem || ''}`;
    if (!trustCache.has(cacheKey)) {
      const root = TrustedRoot.fromJSON(JSON.parse(readFileSync(rootFile, 'utf8')));
      let keys;
      if (keyPem) {
        const key = createPublicKey(keyPem);
        keys = () => ({ publicKey: key, validFor: () => true });
      }
      trustCache.set(cacheKey, toTrustMaterial(root, keys));
    }
    return trustCache.get(cacheKey);
  };
  const cases = [];
  for (const name of readdirSync(args.cases).sort()) {
    const dir = path.join(args.cases, name);
    if (!statSync(dir).isDirectory() || name.endsWith('_fail')) continue;
    if (args.only && !args.only.has(name)) continue;
    const ownRoot = path.join(dir, 'trusted_root.json');
    const keyPem = readOptional(path.join(dir, 'key.pub'));
    const artifactFile = existsSync(path.join(dir, 'artifact'))
      ? path.join(dir, 'artifact')
      : path.join(args.cases, 'a.txt');
    cases.push({
      name,
      bundleText: readFileSync(path.join(dir, 'bundle.sigstore.json'), 'utf8'),
      artifact: readFileSync(artifactFile),
      trust: trustFor(existsSync(ownRoot) ? ownRoot : args.publicRoot, keyPem),
      policy: keyPem
        ? {}
        : {
            subjectAlternativeName: readOptional(path.join(dir, 'identity')) || kDefaultIdentity,
            extensions: { issuer: readOptional(path.join(dir, 'issuer')) || kDefaultIssuer },
          },
    });
  }
  return cases;
}

// One verification exactly as a client does it: JSON text to bundle, then full verification.
function verifyOnce(testCase) {
  const bundle = bundleFromJSON(JSON.parse(testCase.bundleText));
  const entity = toSignedEntity(bundle, bundle.dsseEnvelope ? undefined : testCase.artifact);
  new Verifier(testCase.trust).verify(entity, testCase.policy);
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const cases = loadCases(args);
  const accepted = [];
  const rejected = [];
  for (const testCase of cases) {
    try {
      verifyOnce(testCase);
      accepted.push(testCase);
    } catch (error) {
      rejected.push({ name: testCase.name, error: `${error.code || ''} ${error.message}`.trim() });
    }
  }
  const header = {
    tool: `@sigstore/verify ${verifyVersion}`,
    node: process.version,
    accepted: accepted.map((c) => c.name),
    rejected,
  };
  if (args.check || accepted.length === 0) {
    console.log(JSON.stringify(header, null, 2));
    return;
  }
  // Warm up the JIT, then time each case alone and all cases round-robin.
  const warmupEnd = performance.now() + 500;
  while (performance.now() < warmupEnd) accepted.forEach(verifyOnce);
  const perCase = [];
  const perCaseMs = (args.seconds * 1000) / (2 * accepted.length);
  for (const testCase of accepted) {
    let count = 0;
    const start = performance.now();
    let now = start;
    while (now - start < perCaseMs) {
      verifyOnce(testCase);
      count++;
      now = performance.now();
    }
    perCase.push({ name: testCase.name, us_per_verification: ((now - start) * 1000) / count });
  }
  let total = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < args.seconds * 500) {
    accepted.forEach(verifyOnce);
    total += accepted.length;
    now = performance.now();
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(
    JSON.stringify(
      {
        ...header,
        cases: perCase,
        verifications_per_second: (total * 1000) / (now - start),
        verifications_per_cpu_second: (total * 1000) / cpuMs,
      },
      null,
      2,
    ),
  );
}

main();
