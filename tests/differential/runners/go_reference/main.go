// Reference runner for differential.go: golang.org/x/mod/semver, the package the go command uses
// to order module versions. usage: go_reference compare INPUT OUTPUT
// Answers per line: -1 / 0 / 1 (semver.Compare), or "invalid: ..." when semver.IsValid is false
// (semver.Compare would silently order an invalid version below every valid one).
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"golang.org/x/mod/semver"
)

func answer(first, second string) string {
	for _, v := range []string{first, second} {
		if !semver.IsValid(v) {
			return fmt.Sprintf("invalid: %q is not a valid semantic version", v)
		}
	}
	return fmt.Sprint(semver.Compare(first, second))
}

func main() {
	if len(os.Args) != 4 || os.Args[1] != "compare" {
		fmt.Fprintln(os.Stderr, "usage: go_reference compare INPUT OUTPUT")
		os.Exit(2)
	}
	data, err := os.ReadFile(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := os.Create(os.Args[3])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriter(out)
	lines := strings.Split(string(data), "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for _, line := range lines {
		first, second, _ := strings.Cut(line, "\t")
		fmt.Fprintln(w, answer(first, second))
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := out.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
