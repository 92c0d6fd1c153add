import org.apache.maven.artifact.versioning.*;
import java.util.*;
public class MvnRange {
  public static void main(String[] a) {
    Random r = new Random(4);
    String[] specs = {"[1.0,2.0)", "[1.0,2.0]", "(1.0,2.0)", "(,1.0]", "[1.0,)", "[1.0]", "(,1.0),(1.1,)", "[1.0,1.5),[2.0,3.0]", "[1.0.0-alpha,1.0.0]", "[ 1.0 , 2.0 )", "[1.0,2.0", "[2.0,1.0]", "(1.0)", "[1.0,1.2],[1.1,2.0]", "[1-SNAPSHOT,1]", "(,1.0-rc1)"};
    String[] vers = {"0.9", "1", "1.0", "1.0.0", "1.0-SNAPSHOT", "1.0-rc1", "1.1", "1.5", "2.0", "2.0.1", "3.0", "1.0.0-alpha", "1-sp"};
    for (int i = 0; i < 2000; i++) {
      String s = specs[r.nextInt(specs.length)]; String v = vers[r.nextInt(vers.length)];
      String res;
      try { VersionRange vr = VersionRange.createFromVersionSpec(s); boolean c = vr.containsVersion(new DefaultArtifactVersion(v)); res = c + " " + c; }
      catch (InvalidVersionSpecificationException e) { res = "ERR"; }
      System.out.println(s + "\t" + v + "\t" + res);
    }
  }
}
