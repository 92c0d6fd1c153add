// Reference runner for differential.maven: Maven's own ComparableVersion and VersionRange
// (Debian libmaven3-core-java, maven-artifact-3.x.jar).
// usage: java -cp maven-artifact.jar:CLASSES MavenReference compare|contains INPUT OUTPUT
// Answers per line: -1 / 0 / 1, true / false (VersionRange.containsVersion), or "invalid: <reason>".
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.artifact.versioning.DefaultArtifactVersion;
import org.apache.maven.artifact.versioning.VersionRange;

public final class MavenReference {
  private MavenReference() {}

  private static String answer(boolean compare, String first, String second) {
    try {
      if (compare) {
        int order = new ComparableVersion(first).compareTo(new ComparableVersion(second));
        return Integer.toString(Integer.signum(order));
      }
      VersionRange range = VersionRange.createFromVersionSpec(first);
      if (range == null) {
        return "invalid: no range";
      }
      return Boolean.toString(range.containsVersion(new DefaultArtifactVersion(second)));
    } catch (Exception e) {  // InvalidVersionSpecificationException, or anything Maven throws
      return "invalid: " + e.getClass().getSimpleName() + ": "
          + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
    }
  }

  public static void main(String[] args) throws IOException {
    boolean compare = args[0].equals("compare");
    // Split on '\n' only: BufferedReader.readLine would also split on '\r'.
    String data = new String(Files.readAllBytes(Paths.get(args[1])), StandardCharsets.UTF_8);
    String[] lines = data.split("\n", -1);
    int count = lines.length;
    if (count > 0 && lines[count - 1].isEmpty()) {
      count--;
    }
    try (BufferedWriter out = Files.newBufferedWriter(Paths.get(args[2]), StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        int tab = lines[i].indexOf('\t');
        String first = tab < 0 ? lines[i] : lines[i].substring(0, tab);
        String second = tab < 0 ? "" : lines[i].substring(tab + 1);
        out.write(answer(compare, first, second));
        out.write('\n');
      }
    }
  }
}
