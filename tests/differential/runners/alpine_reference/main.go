// Weak reference runner for differential.alpine: github.com/knqyf263/go-apk-version, a Go port of
// apk-tools' version comparison (used by Trivy). A port, not apk itself, so its verdicts are
// reported, never gated on. usage: alpine_reference compare INPUT OUTPUT
// Answers per line: -1 / 0 / 1, or "invalid: <reason>".
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	apk "github.com/knqyf263/go-apk-version"
)

func answer(first, second string) string {
	a, err := apk.NewVersion(first)
	if err != nil {
		return "invalid: " + err.Error()
	}
	b, err := apk.NewVersion(second)
	if err != nil {
		return "invalid: " + err.Error()
	}
	return fmt.Sprint(a.Compare(b))
}

func main() {
	if len(os.Args) != 4 || os.Args[1] != "compare" {
		fmt.Fprintln(os.Stderr, "usage: alpine_reference compare INPUT OUTPUT")
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
		fmt.Fprintln(w, strings.ReplaceAll(answer(first, second), "\n", " "))
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
