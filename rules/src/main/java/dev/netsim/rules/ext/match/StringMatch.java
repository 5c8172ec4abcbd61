package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Xt;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * {@code -m string --string TEXT|--hex-string |HEX| --algo bm|kmp [--from N] [--to N] [--icase]}: a pattern in
 * the payload, which netsim does not carry: undetermined. The pattern is kept as bytes (at most 128).
 */
public record StringMatch(byte[] pattern, boolean inverted, String algo, int from, int to, boolean icase)
    implements Match {

  public StringMatch {
    pattern = pattern.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StringMatch that && Arrays.equals(pattern, that.pattern) && inverted == that.inverted
        && algo.equals(that.algo) && from == that.from && to == that.to && icase == that.icase;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pattern) * 31 + algo.hashCode();
  }

  @Override
  public String toString() {
    return "StringMatch[" + text() + "]";
  }

  @Override
  public String name() {
    return "string";
  }

  private boolean printable() {
    for (byte b : pattern) {
      if (b < 0x20 || b > 0x7e) {
        return false;
      }
    }
    return true;
  }

  /** The pattern as iptables shows it: {@code "text"} or {@code "|0a0b|"}. */
  private String text() {
    StringBuilder out = new StringBuilder("\"");
    if (printable()) {
      for (byte b : pattern) {
        if (b == '"' || b == '\\') {
          out.append('\\');
        }
        out.append((char) b);
      }
    } else {
      out.append('|');
      for (byte b : pattern) {
        out.append(String.format("%02x", b & 0xff));
      }
      out.append('|');
    }
    return out.append('"').toString();
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(printable() ? " --string " : " --hex-string ").append(text());
    out.append(" --algo ").append(algo);
    if (from != 0) {
      out.append(" --from ").append(from);
    }
    if (to != 65535) {
      out.append(" --to ").append(to);
    }
    if (icase) {
      out.append(" --icase");
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" STRING match ").append(inverted ? "!" : "").append(' ').append(text());
    out.append(" ALGO name ").append(algo);
    if (from != 0) {
      out.append(" FROM ").append(from);
    }
    if (to != 65535) {
      out.append(" TO ").append(to);
    }
    if (icase) {
      out.append(" ICASE");
    }
  }

  @Override
  public String notModelled() {
    return "netsim does not carry payload bytes";
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    return from > to || !(algo.equals("bm") || algo.equals("kmp")) ? KernelError.EINVAL : null;
  }

  /** The {@code string} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("string", List.of(
          OptionSpec.withArg("from"),
          OptionSpec.withArg("to"),
          OptionSpec.withArg("algo").required(),
          OptionSpec.withArg("string").invert(),
          OptionSpec.withArg("hex-string").invert(),
          OptionSpec.flag("icase")));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        byte[] pattern;
        boolean inverted;
        String algo;
        int from;
        int to = 65535;
        boolean icase;

        @Override
        public void option(OptionSpec spec, String arg, boolean invert, ParseContext ctx) {
          switch (spec.name()) {
            case "from" -> from = (int) Xt.uint("string", spec.name(), arg, 0, 65535);
            case "to" -> to = (int) Xt.uint("string", spec.name(), arg, 0, 65535);
            case "algo" -> algo = arg;
            case "string" -> {
              pattern = checkedLength(arg.getBytes(StandardCharsets.UTF_8), arg);
              inverted = invert;
            }
            case "hex-string" -> {
              pattern = checkedLength(hex(arg), arg);
              inverted = invert;
            }
            default -> icase = true;
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (pattern == null) {
            throw IptablesException.parameter("STRING match: You must specify `--string' or `--hex-string'");
          }
        }

        @Override
        public Match build(ParseContext ctx) {
          return new StringMatch(pattern, inverted, algo, from, to, icase);
        }
      };
    }
  }

  private static byte[] checkedLength(byte[] bytes, String arg) {
    if (bytes.length > 128) {
      throw IptablesException.parameter("STRING too long \"" + arg + "\"");
    }
    return bytes;
  }

  /** {@code parse_hex_string}: text with {@code |hex bytes|} sections. */
  private static byte[] hex(String text) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    boolean inHex = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '|') {
        inHex = !inHex;
        continue;
      }
      if (inHex) {
        if (c == ' ') {
          continue;
        }
        if (i + 1 >= text.length() || Character.digit(c, 16) < 0 || Character.digit(text.charAt(i + 1), 16) < 0) {
          throw IptablesException.parameter("Invalid hex char '" + c + "'");
        }
        out.write(Character.digit(c, 16) * 16 + Character.digit(text.charAt(++i), 16));
      } else {
        out.write(c);
      }
    }
    if (inHex) {
      throw IptablesException.parameter("Invalid hex block");
    }
    return out.toByteArray();
  }
}
