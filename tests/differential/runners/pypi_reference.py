# Reference runner for differential.pypi: the `packaging` library (what pip uses), run by Debian's
# /usr/bin/python3 with python3-packaging.
# usage: python3 pypi_reference.py compare|contains INPUT OUTPUT
# Answers per line: -1 / 0 / 1 (Version order), true / false (SpecifierSet.contains with its
# default pre-release handling), or "invalid: <reason>".
import sys

from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version


def answer(mode: str, first: str, second: str) -> str:
    try:
        if mode == "compare":
            a, b = Version(first), Version(second)
            return str((a > b) - (a < b))
        specifiers = SpecifierSet(first)
        return "true" if specifiers.contains(Version(second)) else "false"
    except (InvalidVersion, InvalidSpecifier) as error:
        return "invalid: " + " ".join(str(error).split())
    except Exception as error:  # pylint: disable=broad-except  # still a rejection
        return f"invalid: {type(error).__name__}: " + " ".join(str(error).split())


def main() -> None:
    mode, input_path, output_path = sys.argv[1:4]
    with open(input_path, "rb") as f:
        data = f.read().decode("utf-8")
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    with open(output_path, "w", encoding="utf-8") as out:
        for line in lines:
            first, _, second = line.partition("\t")
            out.write(answer(mode, first, second) + "\n")


if __name__ == "__main__":
    main()
