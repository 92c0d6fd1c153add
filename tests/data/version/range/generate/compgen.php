<?php
require '/usr/share/php/Composer/Semver/autoload.php';
use Composer\Semver\Semver; use Composer\Semver\VersionParser;
mt_srand(9);
$vers = ['0.9', '1.0', '1.0.0', '1.0.0-beta1', '1.0.1', '1.1', '1.2.3', '1.9.9', '2.0', '2.0.0-RC1', '2.0-dev', '1.2.x-dev', 'dev-master', '1.0.0-alpha', '3.0', '1.0.0-patch1', '0.1.5', '0.2.0'];
$cons = ['^1.0', '^1.2.3', '~1.2', '~1.2.3', '1.0.*', '1.*', '*', '>=1.0', '<2.0', '>1.0 <2.0', '>=1.0,<2.0', '1.0 - 2.0', '1.0.0 - 2.0.0', '!=1.0.1', '1.0', '==1.0.0', '^0.1', '^0.1.5', '~1', '>=1.0-beta', '<2.0-dev', 'dev-master', '^2.0@dev', '1.0.0 || ^2.0', '>=1.0 <1.1 || >=2.0', '<>1.1', '~0.2', '1.2.*', '2.*'];
$p = new VersionParser();
for ($i = 0; $i < 3000; $i++) {
  $c = $cons[mt_rand(0, count($cons) - 1)];
  if (mt_rand(0, 3) == 0) { $c .= ' || ' . $cons[mt_rand(0, count($cons) - 1)]; }
  $v = $vers[mt_rand(0, count($vers) - 1)];
  try { $p->parseConstraints($c); $r = Semver::satisfies($v, $c) ? 'true true' : 'false false'; } catch (Exception $e) { $r = 'ERR'; }
  echo "$c\t$v\t$r\n";
}
