package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import java.util.List;

/**
 * The standard verdicts {@code -j ACCEPT}, {@code -j DROP}, {@code -j RETURN} and {@code -j QUEUE}. RETURN is
 * handled by the evaluator (back to the calling chain, or the policy in a built-in chain).
 */
public record StandardTarget(Kind kind) implements Target {
  /** The standard verdicts. */
  public enum Kind {
    ACCEPT,
    DROP,
    RETURN,
    QUEUE
  }

  public static final StandardTarget ACCEPT = new StandardTarget(Kind.ACCEPT);
  public static final StandardTarget DROP = new StandardTarget(Kind.DROP);
  public static final StandardTarget RETURN = new StandardTarget(Kind.RETURN);

  @Override
  public String name() {
    return kind.name();
  }

  @Override
  public void appendSave(StringBuilder out) {
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return switch (kind) {
      case ACCEPT -> Verdict.ACCEPT;
      case DROP -> Verdict.DROP;
      case QUEUE -> Verdict.QUEUE;
      case RETURN -> throw new IllegalStateException("RETURN is handled by the evaluator");
    };
  }

  /** nf_tables has no QUEUE verdict without a queue number: the kernel refuses it. */
  @Override
  public KernelError check(Placement placement) {
    return kind == Kind.QUEUE ? KernelError.ENOENT : null;
  }

  /** The module for one of the standard verdicts; they take no options. */
  public static final class Module extends TargetModule {
    private final StandardTarget target;

    public Module(Kind kind) {
      super(kind.name(), List.of());
      this.target = new StandardTarget(kind);
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        @Override
        public void option(OptionSpec option, String arg, boolean inverted, ParseContext ctx) {
          throw new IllegalStateException("standard targets have no options");
        }

        @Override
        public Target build(ParseContext ctx) {
          return target;
        }
      };
    }
  }
}
