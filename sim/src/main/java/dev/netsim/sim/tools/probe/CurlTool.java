package dev.netsim.sim.tools.probe;

import dev.netsim.sim.programs.Curl;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code curl} 7.88.1 for one {@code http://} URL with {@code -s -S -v -I -m -o} (and their long names);
 * runs {@link Curl} in the invocation's namespace and writes what it fetched to standard output or the
 * {@code -o} file.
 */
public final class CurlTool implements Tool {
  private static final Map<String, Character> LONG_OPTIONS = Map.of("--silent", 's', "--show-error", 'S',
      "--verbose", 'v', "--head", 'I', "--max-time", 'm', "--output", 'o');
  private static final String TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information";

  @Override
  public int run(Invocation call) {
    List<String> args = call.argv().subList(1, call.argv().size());
    if (args.isEmpty()) {
      call.err().println(TRY_HELP);
      return 2;
    }
    boolean silent = false;
    boolean showError = false;
    boolean verbose = false;
    boolean head = false;
    long maxTime = 0;
    String output = null;
    String url = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String letters;
      if (arg.startsWith("--")) {
        Character letter = LONG_OPTIONS.get(arg);
        if (letter == null) {
          return NotSimulated.report(call);
        }
        letters = String.valueOf(letter);
      } else if (arg.startsWith("-") && arg.length() > 1) {
        letters = arg.substring(1);
      } else {
        if (url != null) {
          return NotSimulated.report(call); // several URLs in one run
        }
        url = arg;
        continue;
      }
      for (int k = 0; k < letters.length(); k++) {
        char letter = letters.charAt(k);
        switch (letter) {
          case 's' -> silent = true;
          case 'S' -> showError = true;
          case 'v' -> verbose = true;
          case 'I' -> head = true;
          case 'm', 'o' -> {
            String value = k + 1 < letters.length() ? letters.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
            if (value == null) {
              call.err().println("curl: option " + arg + ": requires parameter");
              call.err().println(TRY_HELP);
              return 2;
            }
            if (letter == 'o') {
              output = value;
            } else {
              Long nanos = seconds(value);
              if (nanos == null) {
                call.err().println("curl: option " + arg + ": expected a proper numerical parameter");
                call.err().println(TRY_HELP);
                return 2;
              }
              maxTime = nanos;
            }
            k = letters.length();
          }
          default -> {
            return NotSimulated.report(call);
          }
        }
      }
    }
    if (url == null) {
      call.err().println("curl: no URL specified!");
      call.err().println(TRY_HELP);
      return 2;
    }
    Curl.Url parsed;
    try {
      parsed = Curl.parseUrl(url);
    } catch (UnsupportedOperationException e) {
      return NotSimulated.report(call); // https, ftp and the other protocols
    } catch (IllegalArgumentException e) {
      if (!silent || showError) {
        call.err().println("curl: (3) URL using bad/illegal format or missing URL");
      }
      return 3;
    }
    Curl curl = new Curl(call.world().kernel().host(call.netns()), call.err());
    Curl.Result result = curl.fetch(new Curl.Options(silent, showError, verbose, head, maxTime, parsed));
    PingTool.explainTraces(call);
    if (result.exitCode() != 0) {
      return result.exitCode();
    }
    if (output == null) {
      call.out().write(result.output(), 0, result.output().length);
      call.out().flush();
      return 0;
    }
    try {
      call.files().write(output, new String(result.output(), StandardCharsets.UTF_8), false);
    } catch (IOException e) {
      call.err().println("curl: (23) Failure writing output to destination");
      return 23;
    }
    return 0;
  }

  /** A -m value: seconds, possibly with a fraction; null when curl would refuse it. */
  private static Long seconds(String text) {
    if (!text.matches("[0-9]+(\\.[0-9]*)?|\\.[0-9]+")) {
      return null;
    }
    // a limit of centuries is no limit on the virtual clock; cap it so that it cannot overflow
    return new BigDecimal(text).movePointRight(9).min(BigDecimal.valueOf(Long.MAX_VALUE / 4)).longValue();
  }
}
