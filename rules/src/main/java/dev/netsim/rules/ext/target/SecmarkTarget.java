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
 * {@code -j SECMARK --selctx CONTEXT}: an SELinux security mark. This machine's kernel has no SELinux, so it
 * refuses the rule (as the real one does).
 */
public record SecmarkTarget(String context) implements Target {
  @Override
  public String name() {
    return "SECMARK";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --selctx ").append(context);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" SECMARK selctx ").append(context);
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return KernelError.ENOENT;
  }

  /** The {@code SECMARK} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("SECMARK", List.of(OptionSpec.withArg("selctx").required()));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        String selinux;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          selinux = arg;
        }

        @Override
        public Target build(ParseContext ctx) {
          return new SecmarkTarget(selinux);
        }
      };
    }
  }
}
