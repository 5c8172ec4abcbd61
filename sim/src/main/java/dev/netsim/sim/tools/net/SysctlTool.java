package dev.netsim.sim.tools.net;

import dev.netsim.core.topo.KernelException;
import dev.netsim.core.topo.Namespace;
import dev.netsim.sim.World;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code sysctl} from procps-ng 4.0.2 over the namespace's {@code net.*} keys: read, write ({@code -w} or
 * {@code KEY=VALUE}), {@code -n}, {@code -N}, {@code -q}, {@code -e}, {@code -a} (the network keys only),
 * {@code -p FILE}. The exit status is the number of keys that failed, as procps counts it.
 */
public final class SysctlTool implements Tool {
  private static final String USAGE = """

      Usage:
       sysctl [options] [variable[=value] ...]

      Options:
        -a, --all            display all variables
        -A                   alias of -a
        -X                   alias of -a
            --deprecated     include deprecated parameters to listing
            --dry-run        Print the key and values but do not write
        -b, --binary         print value without new line
        -e, --ignore         ignore unknown variables errors
        -N, --names          print variable names without values
        -n, --values         print only values of the given variable(s)
        -p, --load[=<file>]  read values from file
        -f                   alias of -p
            --system         read values from all system directories
        -r, --pattern <expression>
                             select setting that match expression
        -q, --quiet          do not echo variable set
        -w, --write          enable writing a value to variable
        -o                   does nothing
        -x                   does nothing
        -d                   alias of -h

       -h, --help     display this help and exit
       -V, --version  output version information and exit

      For more details see sysctl(8).
      """;

  @Override
  public int run(Invocation call) {
    return new Session().run(call);
  }

  private static final String VERSION = "sysctl from procps-ng 4.0.2\n";

  /** One run's options. */
  private static final class Session {
    private boolean valuesOnly;
    private boolean namesOnly;
    private boolean quiet;
    private boolean ignoreUnknown;

    int run(Invocation call) {
      boolean write = false;
      boolean all = false;
      String loadFile = null;
      List<String> names = new ArrayList<>();
      List<String> argv = call.argv();
      for (int i = 1; i < argv.size(); i++) {
        String word = argv.get(i);
        if (!word.startsWith("-") || word.equals("-")) {
          names.add(word);
          continue;
        }
        if (word.startsWith("--")) {
          switch (word) {
            case "--all" -> all = true;
            case "--values" -> valuesOnly = true;
            case "--names" -> namesOnly = true;
            case "--quiet" -> quiet = true;
            case "--ignore" -> ignoreUnknown = true;
            case "--write" -> write = true;
            case "--binary" -> { }
            case "--load" -> loadFile = i + 1 < argv.size() && !argv.get(i + 1).startsWith("-")
                ? argv.get(++i) : "/etc/sysctl.conf";
            case "--version" -> {
              call.out().print(VERSION);
              return 0;
            }
            case "--help" -> {
              call.out().print(USAGE);
              return 0;
            }
            default -> {
              if (!word.startsWith("--load=")) {
                call.err().print("sysctl: unrecognized option '" + word + "'\n" + USAGE);
                return 0; // procps-ng 4.0.2 exits 0 after a bad option (seen on the kernel host)
              }
              loadFile = word.substring(7);
            }
          }
          continue;
        }
        // Short options cluster as getopt allows: -qw is -q -w; -p takes the rest of the word as its file.
        for (int j = 1; j < word.length(); j++) {
          char option = word.charAt(j);
          switch (option) {
            case 'a', 'A', 'X' -> all = true;
            case 'n' -> valuesOnly = true;
            case 'N' -> namesOnly = true;
            case 'q' -> quiet = true;
            case 'e' -> ignoreUnknown = true;
            case 'w' -> write = true;
            case 'o', 'x', 'b' -> { }
            case 'p', 'f' -> {
              String rest = word.substring(j + 1);
              loadFile = !rest.isEmpty() ? rest
                  : i + 1 < argv.size() && !argv.get(i + 1).startsWith("-") ? argv.get(++i) : "/etc/sysctl.conf";
              j = word.length();
            }
            case 'V' -> {
              call.out().print(VERSION);
              return 0;
            }
            case 'h', 'd' -> {
              call.out().print(USAGE);
              return 0;
            }
            default -> {
              call.err().print("sysctl: invalid option -- '" + option + "'\n" + USAGE);
              return 0;
            }
          }
        }
      }
      World world = call.world();
      PrintStream out = call.out();
      PrintStream err = call.err();
      if (loadFile != null) {
        return load(call, loadFile);
      }
      if (all) {
        Namespace ns = world.namespace(call.netns());
        for (String key : ns.sysctlKeys()) {
          print(out, key, ns.sysctl(key));
        }
        return 0;
      }
      if (names.isEmpty()) {
        if (write) {
          err.print("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
        } else {
          err.print(USAGE);
        }
        return 1;
      }
      int failures = 0;
      for (String name : names) {
        if (write || name.indexOf('=') >= 0) {
          failures += write(call, name);
        } else {
          failures += read(call, name);
        }
      }
      return failures;
    }

    private static String dotted(String key) {
      return key.replace('/', '.');
    }

    private void print(PrintStream out, String key, String value) {
      if (valuesOnly) {
        out.print(value + "\n");
      } else if (namesOnly) {
        out.print(key + "\n");
      } else {
        out.print(key + " = " + value + "\n");
      }
    }

    private int read(Invocation call, String name) {
      Namespace ns = call.world().namespace(call.netns());
      String key = dotted(name);
      String value = ns.sysctl(key);
      if (value != null) {
        print(call.out(), key, value);
        return 0;
      }
      List<String> below = ns.sysctlKeys().stream().filter(k -> k.startsWith(key + ".")).toList();
      if (!below.isEmpty()) {
        for (String child : below) {
          print(call.out(), child, ns.sysctl(child));
        }
        return 0;
      }
      if (ignoreUnknown) {
        return 0;
      }
      call.err().print("sysctl: cannot stat /proc/sys/" + key.replace('.', '/') + ": No such file or directory\n");
      return 1;
    }

    private int write(Invocation call, String setting) {
      int equals = setting.indexOf('=');
      if (equals < 0) {
        call.err().print("sysctl: command line(0): invalid syntax, continuing...\n");
        return 1;
      }
      String key = dotted(setting.substring(0, equals).strip());
      String value = setting.substring(equals + 1).strip();
      Namespace ns = call.world().namespace(call.netns());
      if (ns.sysctl(key) == null) {
        if (ignoreUnknown) {
          return 0;
        }
        call.err().print("sysctl: cannot stat /proc/sys/" + key.replace('.', '/') + ": No such file or directory\n");
        return 1;
      }
      if (!ns.sysctlWritable(key)) {
        // procps finds the file read-only and reports errno as it happens to be, without failing
        call.err().print("sysctl: setting key \"" + key + "\": Invalid argument\n");
        return 0;
      }
      try {
        call.world().writeSysctl(call.netns(), key, value);
      } catch (KernelException refused) {
        call.err().print("sysctl: setting key \"" + key + "\": " + refused.errno().message() + "\n");
        return 1;
      }
      if (!quiet) {
        print(call.out(), key, value);
      }
      return 0;
    }

    private int load(Invocation call, String file) {
      String text;
      try {
        text = call.files().read(file);
      } catch (IOException e) {
        call.err().print("sysctl: cannot open \"" + file + "\": " + e.getMessage() + "\n");
        return 1;
      }
      int failures = 0;
      for (String line : text.split("\n")) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
          continue;
        }
        boolean optional = trimmed.startsWith("-");
        boolean saved = ignoreUnknown;
        ignoreUnknown |= optional;
        failures += write(call, optional ? trimmed.substring(1) : trimmed);
        ignoreUnknown = saved;
      }
      return failures;
    }
  }
}
