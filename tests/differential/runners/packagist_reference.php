<?php
// Reference runner for differential.packagist: composer/semver (Debian php-composer-semver).
// usage: php packagist_reference.php compare|contains INPUT OUTPUT
// compare: VersionParser::normalize both, then Comparator; "incomparable" when Composer orders
// neither way (dev branches compare to nothing but themselves). contains: Semver::satisfies.
// Answers per line: -1 / 0 / 1, incomparable, true / false, or "invalid: <reason>".
require '/usr/share/php/Composer/Semver/autoload.php';

use Composer\Semver\Comparator;
use Composer\Semver\Semver;
use Composer\Semver\VersionParser;

function answer(VersionParser $parser, string $mode, string $first, string $second): string
{
    try {
        if ($mode === 'compare') {
            $a = $parser->normalize($first);
            $b = $parser->normalize($second);
            $less = Comparator::lessThan($a, $b);
            $equal = Comparator::equalTo($a, $b);
            $greater = Comparator::greaterThan($a, $b);
            if ((int) $less + (int) $equal + (int) $greater !== 1) {
                return 'incomparable';
            }
            return $less ? '-1' : ($equal ? '0' : '1');
        }
        $parser->parseConstraints($first);  // rejects a bad range before the version is looked at
        $parser->normalize($second);
        return Semver::satisfies($second, $first) ? 'true' : 'false';
    } catch (UnexpectedValueException $e) {
        return 'invalid: ' . preg_replace('/\s+/', ' ', $e->getMessage());
    } catch (Throwable $e) {  // anything else composer throws is still a rejection
        return 'invalid: ' . get_class($e) . ': ' . preg_replace('/\s+/', ' ', $e->getMessage());
    }
}

[, $mode, $inputPath, $outputPath] = $argv;
$parser = new VersionParser();
$lines = explode("\n", file_get_contents($inputPath));
if ($lines !== [] && end($lines) === '') {
    array_pop($lines);
}
$out = fopen($outputPath, 'w');
foreach ($lines as $line) {
    $parts = explode("\t", $line, 2);
    fwrite($out, answer($parser, $mode, $parts[0], $parts[1] ?? '') . "\n");
}
fclose($out);
