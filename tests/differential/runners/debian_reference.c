/* Reference runner for differential.debian: dpkg's own parseversion() and
 * dpkg_version_compare() from libdpkg (Debian libdpkg-dev), the code behind
 * `dpkg --compare-versions`. usage: debian_reference compare INPUT OUTPUT
 * Answers per line: -1 / 0 / 1, "invalid: <reason>" when dpkg reports an error, and the order
 * followed by " warn: <reason>" when dpkg only warns (as dpkg --compare-versions, it still
 * compares). */
#define LIBDPKG_VOLATILE_API 1
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <dpkg/dpkg-db.h>
#include <dpkg/dpkg.h>
#include <dpkg/error.h>

/* Parses one version: 0 ok, 1 warning (*why set), -1 error (*why set). */
static int parse(struct dpkg_version* version, const char* text, char* why, size_t why_size) {
  struct dpkg_error err = DPKG_ERROR_INIT;
  if (parseversion(version, text, &err) == 0) {
    return 0;
  }
  snprintf(why, why_size, "'%s': %s", text, err.str ? err.str : "bad syntax");
  int result = err.type == DPKG_MSG_WARN ? 1 : -1;
  dpkg_error_destroy(&err);
  return result;
}

int main(int argc, char** argv) {
  if (argc != 4 || strcmp(argv[1], "compare") != 0) {
    fprintf(stderr, "usage: debian_reference compare INPUT OUTPUT\n");
    return 2;
  }
  FILE* in = fopen(argv[2], "rb");
  FILE* out = fopen(argv[3], "wb");
  if (in == NULL || out == NULL) {
    perror("debian_reference");
    return 1;
  }
  char* line = NULL;
  size_t capacity = 0;
  ssize_t length;
  while ((length = getline(&line, &capacity, in)) >= 0) {
    if (length > 0 && line[length - 1] == '\n') {
      line[--length] = '\0';
    }
    char* tab = strchr(line, '\t');
    const char* second = "";
    if (tab != NULL) {
      *tab = '\0';
      second = tab + 1;
    }
    struct dpkg_version a, b;
    char why_a[512] = "", why_b[512] = "";
    int status_a = parse(&a, line, why_a, sizeof why_a);
    int status_b = parse(&b, second, why_b, sizeof why_b);
    if (status_a < 0 || status_b < 0) {
      fprintf(out, "invalid: %s\n", status_a < 0 ? why_a : why_b);
      continue;
    }
    int order = dpkg_version_compare(&a, &b);
    order = order < 0 ? -1 : (order > 0 ? 1 : 0);
    if (status_a > 0 || status_b > 0) {
      fprintf(out, "%d warn: %s\n", order, status_a > 0 ? why_a : why_b);
    } else {
      fprintf(out, "%d\n", order);
    }
  }
  free(line);
  fclose(in);
  return fclose(out) == 0 ? 0 : 1;
}
