package dev.netsim.rules.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netsim.rules.state.IptablesState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * iptables' own test cases (the {@code .t} files of the iptables project), fed to netsim's iptables and
 * compared with what the real iptables 1.8.9 answered on the kernel (recorded once by
 * {@code iptables-t/record.sh} into {@code iptables-t/answers.txt}): accepted or refused with the same
 * status and message, the same iptables-save line, the same {@code -L} and {@code -L -n -v} lines, and
 * {@code -D} with the original spelling succeeding or failing the same way.
 *
 * <p>Cases listed in {@code iptables-t/known-failures.txt} may fail (and are reported); any other failure, or a
 * listed case that now passes, fails the test, so the list only shrinks.
 */
class IptablesConformanceTest {
  /** One case tried in one chain, as recorded. */
  record Try(String chain, int addStatus, List<String> addErr, List<String> saved, List<String> listed,
      List<String> listedNumeric, int delStatus, List<String> delErr) {}

  /** One line of a .t file and its tries. */
  record Case(String file, String table, String rule, String expectation, List<Try> tries,
      List<String> setupBefore) {
    String key() {
      return file + ": " + rule;
    }
  }

  @Test
  void everyRecordedCaseAnswersAsIptables189() throws IOException {
    List<Case> cases = parse(resource("answers.txt"));
    Set<String> known = new LinkedHashSet<>();
    for (String line : resource("known-failures.txt").split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        known.add(line);
      }
    }
    List<String> failures = new ArrayList<>();
    int passed = 0;
    String file = null;
    IptablesState state = null;
    for (Case testCase : cases) {
      if (!testCase.file().equals(file)) {
        file = testCase.file();
        state = new IptablesState();
      }
      for (String setup : testCase.setupBefore()) {
        run(state, ShellWords.split(setup));
      }
      String problem = check(state, testCase);
      if (problem == null) {
        passed++;
      } else {
        failures.add(testCase.key() + "\n    " + problem);
      }
    }
    System.out.println("iptables-t conformance: " + passed + " of " + cases.size() + " cases pass");
    List<String> unexpected = new ArrayList<>();
    Set<String> failedKeys = new LinkedHashSet<>();
    for (String failure : failures) {
      String key = failure.substring(0, failure.indexOf('\n'));
      failedKeys.add(key);
      if (!known.contains(key)) {
        unexpected.add(failure);
      }
    }
    List<String> fixed = new ArrayList<>();
    for (String key : known) {
      if (!failedKeys.contains(key)) {
        fixed.add(key);
      }
    }
    for (String failure : failures) {
      System.out.println("  FAIL " + failure);
    }
    assertThat(unexpected).as("cases failing that are not in known-failures.txt").isEmpty();
    assertThat(fixed).as("cases in known-failures.txt that pass now (remove them)").isEmpty();
  }

  /** Runs one case in each of its chains; returns null when every try answers as recorded. */
  private static String check(IptablesState state, Case testCase) {
    List<String> rule = ShellWords.split(testCase.rule());
    String problem = null;
    for (Try attempt : testCase.tries()) {
      String found = tryOnce(state, testCase, attempt, rule);
      if (problem == null && found != null) {
        problem = "in " + attempt.chain() + ": " + found;
      }
    }
    return problem;
  }

  private static String tryOnce(IptablesState state, Case testCase, Try attempt, List<String> rule) {
    List<String> before = chainLines(state, testCase.table(), attempt.chain());
    List<String> argv = new ArrayList<>(List.of("iptables", "-t", testCase.table(), "-A", attempt.chain()));
    argv.addAll(rule);
    Result add = run(state, argv);
    if (add.status != 0) {
      if (add.status != attempt.addStatus() || !add.err.equals(attempt.addErr())) {
        return "add answered " + add.status + " " + add.err + ", iptables " + attempt.addStatus() + " "
            + attempt.addErr();
      }
      return null;
    }
    String problem = null;
    if (add.status != attempt.addStatus() || !add.err.equals(attempt.addErr())) {
      problem = "add answered " + add.status + " " + add.err + ", iptables " + attempt.addStatus() + " "
          + attempt.addErr();
    }
    List<String> after = chainLines(state, testCase.table(), attempt.chain());
    List<String> added = new ArrayList<>(after);
    added.removeAll(before);
    if (problem == null && !added.equals(attempt.saved())) {
      problem = "saved " + added + ", iptables " + attempt.saved();
    }
    if (problem == null && before.isEmpty()) {
      List<String> listed = listed(state, testCase.table(), attempt.chain(), false);
      List<String> numeric = listed(state, testCase.table(), attempt.chain(), true);
      if (!listed.equals(attempt.listed())) {
        problem = "listed " + listed + ", iptables " + attempt.listed();
      } else if (!numeric.equals(attempt.listedNumeric())) {
        problem = "listed -n -v " + numeric + ", iptables " + attempt.listedNumeric();
      }
    }
    List<String> delete = new ArrayList<>(List.of("iptables", "-t", testCase.table(), "-D", attempt.chain()));
    delete.addAll(rule);
    Result del = run(state, delete);
    if (problem == null && (del.status != attempt.delStatus() || !del.err.equals(attempt.delErr()))) {
      problem = "delete answered " + del.status + " " + del.err + ", iptables " + attempt.delStatus() + " "
          + attempt.delErr();
    }
    if (del.status != 0 || attempt.addStatus() != 0) {
      run(state, List.of("iptables", "-t", testCase.table(), "-F", attempt.chain()));
      for (String line : before) {
        List<String> again = new ArrayList<>(List.of("iptables", "-t", testCase.table()));
        again.addAll(ShellWords.split(line));
        run(state, again);
      }
    }
    return problem;
  }

  private record Result(int status, List<String> out, List<String> err) {}

  private static Result run(IptablesState state, List<String> argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = new IptablesCommand(state).run(argv.get(0).equals("iptables") ? argv : prepend(argv),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(status, lines(out), lines(err));
  }

  private static List<String> prepend(List<String> argv) {
    List<String> full = new ArrayList<>();
    full.add("iptables");
    full.addAll(argv);
    return full;
  }

  private static List<String> lines(ByteArrayOutputStream stream) {
    String text = stream.toString(StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>();
    if (text.isEmpty()) {
      return lines;
    }
    for (String line : text.split("\n", -1)) {
      lines.add(line.replace('\t', ' '));
    }
    lines.remove(lines.size() - 1);
    return lines;
  }

  private static List<String> chainLines(IptablesState state, String table, String chain) {
    List<String> lines = new ArrayList<>();
    for (String line : run(state, List.of("iptables", "-t", table, "-S", chain)).out()) {
      if (line.startsWith("-A " + chain + " ") || line.equals("-A " + chain)) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static List<String> listed(IptablesState state, String table, String chain, boolean numeric) {
    List<String> argv = new ArrayList<>(List.of("iptables", "-t", table, "-L", chain));
    if (numeric) {
      argv.addAll(List.of("-n", "-v"));
    }
    // The recorder ran "iptables -L 2>&1 | tail -n +3": through the pipe stdout is buffered, stderr is not, so
    // warnings come first.
    Result result = run(state, argv);
    List<String> out = new ArrayList<>(result.err());
    out.addAll(result.out());
    return out.size() > 2 ? out.subList(2, out.size()) : List.of();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = IptablesConformanceTest.class.getResourceAsStream("/iptables-t/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Reads the records of answers.txt (see its header). */
  static List<Case> parse(String text) {
    List<Case> cases = new ArrayList<>();
    String file = null;
    String table = "filter";
    List<String> setup = new ArrayList<>();
    Case current = null;
    TryBuilder attempt = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || line.isEmpty()) {
        continue;
      }
      int tab = line.indexOf('\t');
      String key = tab < 0 ? line : line.substring(0, tab);
      String value = tab < 0 ? "" : line.substring(tab + 1);
      switch (key) {
        case "file" -> {
          file = value;
          table = "filter";
        }
        case "table" -> table = value;
        case "chains", "external", "out", "outline" -> {
          // chains come with each try; @ lines name tools netsim does not have; setup output is not compared
        }
        case "run" -> setup.add(value);
        case "case" -> {
          String[] fields = value.split("\t", -1);
          current = new Case(file, table, fields[0], fields[2], new ArrayList<>(), List.copyOf(setup));
          setup.clear();
          cases.add(current);
        }
        case "try" -> {
          attempt = new TryBuilder(value);
          current.tries().add(null);
          attempt.index = current.tries().size() - 1;
          attempt.owner = current;
        }
        case "add" -> attempt.addStatus = Integer.parseInt(value);
        case "adderr" -> attempt.addErr.add(value);
        case "saved" -> attempt.saved.add(value);
        case "listed" -> attempt.listed.add(value);
        case "listednv" -> attempt.listedNumeric.add(value);
        case "del" -> attempt.delStatus = Integer.parseInt(value);
        case "delerr" -> attempt.delErr.add(value);
        default -> throw new IllegalArgumentException("unknown record " + key);
      }
      if (attempt != null) {
        attempt.owner.tries().set(attempt.index, attempt.build());
      }
    }
    return cases;
  }

  /** Collects the fields of one try while reading. */
  private static final class TryBuilder {
    final String chain;
    Case owner;
    int index;
    int addStatus;
    final List<String> addErr = new ArrayList<>();
    final List<String> saved = new ArrayList<>();
    final List<String> listed = new ArrayList<>();
    final List<String> listedNumeric = new ArrayList<>();
    int delStatus;
    final List<String> delErr = new ArrayList<>();

    TryBuilder(String chain) {
      this.chain = chain;
    }

    Try build() {
      return new Try(chain, addStatus, List.copyOf(addErr), List.copyOf(saved), List.copyOf(listed),
          List.copyOf(listedNumeric), delStatus, List.copyOf(delErr));
    }
  }
}
