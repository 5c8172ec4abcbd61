package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.CNumbers;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/**
 * Matches that take one textual value and that netsim does not model (undetermined):
 * {@code -m nfacct --nfacct-name N} (an accounting object, which the kernel must have: refused here, as no
 * nfacct objects exist), {@code -m u32 --u32 TESTS} and {@code -m bpf --bytecode PROGRAM}.
 */
public record NameMatch(Kind kind, String value, boolean inverted) implements Match {
  /** Which match. */
  public enum Kind {
    NFACCT("nfacct", "nfacct-name"),
    U32("u32", "u32"),
    BPF("bpf", "bytecode");

    final String module;
    final String option;

    Kind(String module, String option) {
      this.module = module;
      this.option = option;
    }
  }

  @Override
  public String name() {
    return kind.module;
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(inverted ? " !" : "").append(" --").append(kind.option);
    if (kind == Kind.NFACCT) {
      out.append(' ').append(value);
    } else {
      out.append(" \"").append(value).append('"');
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    switch (kind) {
      case NFACCT -> out.append(" nfacct-name ").append(value);
      case U32 -> out.append(" u32 ").append(inverted ? "! " : "").append('"').append(value).append('"');
      case BPF -> out.append("match bpf ").append(value.substring(value.indexOf(',') + 1)).append('\0');
    }
  }

  @Override
  public String notModelled() {
    return "netsim does not model -m " + kind.module;
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.UNDETERMINED;
  }

  @Override
  public KernelError check(Placement placement) {
    return kind == Kind.NFACCT ? KernelError.ENOENT : null;
  }

  /** The {@code nfacct}, {@code u32} and {@code bpf} modules. */
  public static final class Module extends MatchModule {
    private final Kind kind;

    public Module(Kind kind) {
      super(kind.module, List.of(kind == Kind.NFACCT ? OptionSpec.withArg(kind.option).required()
          : OptionSpec.withArg(kind.option).invert().required()));
      this.kind = kind;
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        NameMatch parsed;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          if (kind == Kind.BPF) {
            checkBytecode(arg);
          }
          parsed = new NameMatch(kind, arg, inverted);
        }

        @Override
        public Match build(ParseContext ctx) {
          return parsed;
        }
      };
    }
  }

  /** {@code N,op,op,...}: the instruction count must be right, each instruction four numbers. */
  private static void checkBytecode(String text) {
    String[] parts = text.split(",");
    long count = CNumbers.parseUnsigned(parts[0].trim(), 0, 0xffffL, 10);
    if (count < 0 || count != parts.length - 1) {
      throw IptablesException.parameter("bpf: bad \"--bytecode\" value");
    }
    for (int i = 1; i < parts.length; i++) {
      if (parts[i].trim().split("\\s+").length != 4) {
        throw Xt.badOptionValue("bpf", "--bytecode", text);
      }
    }
  }
}
