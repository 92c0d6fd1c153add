# Tests of the differential harness itself (differential.harness in ctest): that it classifies
# answers correctly, honours and counts exceptions, catches a crashing or short-answering assay,
# and that the generators are deterministic. Needs no reference tool.
"""unittest suite for differential.py and generate.py."""

import os
import stat
import sys
import tempfile
import unittest
from pathlib import Path

sys.dont_write_bytecode = True
sys.path.insert(0, str(Path(__file__).resolve().parent))

import differential as d  # noqa: E402
import generate as g  # noqa: E402


def ref(line, mode="compare"):
    return d.parse_reference(line, mode)


def got(line):
    return d.parse_assay(line)


class CompareAnswersTest(unittest.TestCase):
    def test_classifies_every_outcome(self):
        pairs = [("1", "2"), ("1", "1.0"), ("x", "1"), ("y", "1"), ("1", "z"), ("2", "1")]
        reference = [ref("-1"), ref("0"), ref("invalid: bad x"), ref("invalid: bad y"), ref("1"),
                     ref("1 warn: odd")]
        assay = [got("<"), got(">"), got("error: bad x"), got("="), got("error: bad z"), got(">")]
        tally = d.compare_answers(pairs, reference, assay, [], "compare")
        self.assertEqual(tally.agree, 2)
        self.assertEqual(tally.rejected_by_both, 1)
        self.assertEqual(tally.disagree_count, 3)
        self.assertEqual(sorted(tally.disagreements), [
            "assay accepts what the reference rejects", "assay rejects what the reference accepts",
            "different answers"])
        self.assertIn('"1" vs "1.0": assay >, reference =',
                      tally.disagreements["different answers"][0])

    def test_contains_answers(self):
        pairs = [("^1", "1.5.0"), ("^1", "2.0.0")]
        reference = [ref("true", "contains"), ref("false", "contains")]
        assay = [got("true"), got("true")]
        tally = d.compare_answers(pairs, reference, assay, [], "contains")
        self.assertEqual((tally.agree, tally.disagree_count), (1, 1))
        self.assertIn('"^1" contains "2.0.0": assay true, reference false',
                      tally.disagreements["different answers"][0])

    def test_incomparable_is_counted_not_checked(self):
        tally = d.compare_answers([("dev-a", "dev-b")], [ref("incomparable")], [got("<")], [],
                                  "compare")
        self.assertEqual((tally.incomparable, tally.disagree_count), (1, 0))

    def test_not_implemented_is_noted_and_still_a_disagreement(self):
        tally = d.compare_answers([("1", "2")], [ref("-1")],
                                  [got("error: \"1\": x versions are not implemented yet")], [],
                                  "compare")
        self.assertEqual((tally.not_implemented, tally.disagree_count), (1, 1))

    def test_unexpected_lines_are_harness_errors(self):
        with self.assertRaises(d.HarnessError):
            d.parse_reference("maybe", "compare")
        with self.assertRaises(d.HarnessError):
            d.parse_reference("true", "compare")
        with self.assertRaises(d.HarnessError):
            d.parse_assay("<=")


class ExceptionsTest(unittest.TestCase):
    def load(self, text, test="npm"):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
            f.write(text)
        try:
            return d.load_exceptions(Path(f.name), test)
        finally:
            os.unlink(f.name)

    def test_input_exception_excuses_and_counts(self):
        exceptions = self.load("# comment\n\nnpm\tinput\t\\s1.0\\t\tbecause\npypi\tinput\tx\ty\n")
        self.assertEqual(len(exceptions), 1)
        self.assertEqual(exceptions[0].pattern, " 1.0\t")
        tally = d.compare_answers([(" 1.0\t", "2")], [ref("-1")], [got("error: no")], exceptions,
                                  "compare")
        self.assertEqual((tally.excused, tally.disagree_count, exceptions[0].used), (1, 0, 1))

    def test_regex_exception(self):
        exceptions = self.load("npm\tregex\t^$\tempty\n")
        tally = d.compare_answers([("", "1"), ("2", "1")], [ref("-1"), ref("1")],
                                  [got("error: empty"), got("<")], exceptions, "compare")
        self.assertEqual((tally.excused, tally.disagree_count), (1, 1))

    def test_answer_exception_matches_the_reference_answer(self):
        exceptions = self.load("debian\tanswer\t warn: .* \\| assay error:\tdpkg only warns\n",
                               "debian")
        tally = d.compare_answers([("a1", "1"), ("a2", "1"), ("2", "1")],
                                  [ref("1 warn: odd"), ref("1 warn: odd"), ref("1")],
                                  [got("error: bad"), got("<"), got("<")], exceptions, "compare")
        self.assertEqual((tally.excused, tally.disagree_count), (1, 2))
        self.assertIn('"a2" vs "1": assay <, reference > (warn: odd)',
                      tally.disagreements["different answers"][0])

    def test_malformed_lines_are_rejected(self):
        for text in ("npm\tinput\tx\n", "npm\tmaybe\tx\ty\n", "npm\tregex\t(\ty\n",
                     "npm\trewrite\tx\ty\n", "npm\tinput\tx\t \n"):
            with self.assertRaises(d.HarnessError, msg=repr(text)):
                self.load(text)

    def test_unescape(self):
        self.assertEqual(d.unescape(r"a\tb\\c\x41\u212a\U0001F600\s\n"),
                         "a\tb\\cA\u212a\U0001f600 \n")


class RunAssayTest(unittest.TestCase):
    def fake(self, body):
        directory = Path(tempfile.mkdtemp())
        path = directory / "assay"
        path.write_text("#!/bin/sh\n" + body + "\n")
        path.chmod(path.stat().st_mode | stat.S_IXUSR)
        return str(path), directory

    def test_crash_is_a_harness_error(self):
        assay, work = self.fake("cat >/dev/null; echo boom >&2; exit 134")
        with self.assertRaisesRegex(d.HarnessError, "(?s)exited 134.*boom"):
            d.run_assay(assay, "npm", "compare", [("1", "2")], work)

    def test_short_answer_is_a_harness_error(self):
        assay, work = self.fake("cat >/dev/null; echo '<'; exit 0")
        with self.assertRaisesRegex(d.HarnessError, "1 lines for 2 inputs"):
            d.run_assay(assay, "npm", "compare", [("1", "2"), ("3", "4")], work)

    def test_batch_input_is_tab_separated_and_exit_1_is_fine(self):
        assay, work = self.fake('[ "$*" = "version compare npm --batch" ] || exit 9\n'
                                "while IFS= read -r l; do case \"$l\" in *'\t'*) echo '<';; "
                                "*) echo 'error: no tab';; esac; done; exit 1")
        answers = d.run_assay(assay, "npm", "compare", [("1", "2"), ("a b", "c")], work)
        self.assertEqual([a.text for a in answers], ["<", "<"])


class GenerateTest(unittest.TestCase):
    def test_deterministic_distinct_and_carryable(self):
        for scheme in g.GENERATORS:
            first = g.compare_pairs(scheme, 400, "7")
            self.assertEqual(first, g.compare_pairs(scheme, 400, "7"), scheme)
            self.assertNotEqual(first, g.compare_pairs(scheme, 400, "8"), scheme)
            self.assertEqual(len(first), len(set(first)), scheme)
            self.assertEqual(len(first), 400, scheme)
            for a, b in first + g.range_pairs(scheme, 200, "7"):
                for text in (a, b):
                    self.assertFalse(set(text) & set("\t\n\r\x00"), (scheme, text))

    def test_every_configured_scheme_has_a_generator(self):
        for scheme, config in d.SCHEMES.items():
            self.assertIn(scheme, g.GENERATORS)
            self.assertEqual(config.ranges, g.GENERATORS[scheme].has_ranges, scheme)


if __name__ == "__main__":
    unittest.main()
