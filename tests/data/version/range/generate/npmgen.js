const semver = require('/work/main/node_modules/semver');
let seed = 777; const rnd = (n) => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % n; };
const pick = (a) => a[rnd(a.length)];
const num = () => pick(['0','1','2','3','10','01','9007199254740991','9007199254740992']);
const pre = () => pick(['', '', '', '-alpha', '-beta.1', '-0', '-rc.2', '-1']);
const part = () => pick([num(), num(), num(), 'x', '*', 'X']);
function ver() { const k = rnd(4); if (k==0) return num(); if (k==1) return num()+'.'+part(); if (k==2) return num()+'.'+num()+'.'+part(); return num()+'.'+num()+'.'+num()+pre(); }
function comp() { const ops = ['', '', '>', '>=', '<', '<=', '=', '~', '^', '~>']; const sp = pick(['', '', ' ']); return pick(ops) + sp + pick(['', '', 'v', '=', 'vv', '=v']) + ver() + pick(['', '', '', '+build', '-', '.']); }
function set() { if (rnd(6)==0) return ver() + ' - ' + ver(); const n = 1 + rnd(3); const a = []; for (let i=0;i<n;i++) a.push(comp()); return a.join(pick([' ', '  '])); }
function range() { const n = 1 + rnd(2); const a = []; for (let i=0;i<n;i++) a.push(set()); return a.join(pick([' || ', '||'])); }
const versions = ['0.0.0','0.0.1','0.1.0','0.1.5','1.0.0','1.0.0-alpha','1.0.0-0','1.2.3','1.2.3-beta.1','1.3.0-rc.1','2.0.0','2.0.0-0','2.1.0','3.0.0-alpha','10.0.0','1.10.1', '0.0.2-pre', '3.10.0', '2.3.0'];
const out = [];
for (let i = 0; i < 4000; i++) {
  const r = range(); const v = pick(versions);
  let res;
  try { new semver.Range(r); res = semver.satisfies(v, r) + ' ' + semver.satisfies(v, r, {includePrerelease: true}); } catch (e) { res = 'ERR'; }
  out.push(r + '\t' + v + '\t' + res);
}
console.log(out.join('\n'));
