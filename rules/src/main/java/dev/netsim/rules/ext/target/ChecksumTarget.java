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
import dev.netsim.rules.model.TableName;
import java.util.List;

/** {@code -j CHECKSUM --checksum-fill} (mangle table): fills in checksums; no effect on the path. */
public record ChecksumTarget() implements Target {
  @Override
  public String name() {
    return "CHECKSUM";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --checksum-fill");
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" CHECKSUM fill");
  }

  @Override
  public Verdict apply(PacketContext packet) {
    return Verdict.CONTINUE;
  }

  @Override
  public KernelError check(Placement placement) {
    return placement.table() == TableName.MANGLE ? null : KernelError.EINVAL;
  }

  /** The {@code CHECKSUM} module. */
  public static final class Module extends TargetModule {
    public Module() {
      super("CHECKSUM", List.of(OptionSpec.flag("checksum-fill").required()));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          // the only option is the mandatory --checksum-fill
        }

        @Override
        public Target build(ParseContext ctx) {
          return new ChecksumTarget();
        }
      };
    }
  }
}
