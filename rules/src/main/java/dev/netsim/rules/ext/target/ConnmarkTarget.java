package dev.netsim.rules.ext.target;

import dev.netsim.rules.eval.ConntrackView;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.eval.Verdict;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Target;
import dev.netsim.rules.ext.TargetModule;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/**
 * {@code -j CONNMARK}: sets the connection mark ({@code --set-xmark} and its shorthands), saves the packet
 * mark into it ({@code --save-mark}) or restores the packet mark from it ({@code --restore-mark}), with masks.
 * No effect on packets without a conntrack entry; always continues.
 */
public record ConnmarkTarget(Mode mode, int ctmark, int ctmask, int nfmask) implements Target {
  /** What the target does. */
  public enum Mode {
    SET,
    SAVE,
    RESTORE
  }

  @Override
  public String name() {
    return "CONNMARK";
  }

  @Override
  public void appendSave(StringBuilder out) {
    switch (mode) {
      case SET -> out.append(" --set-xmark ").append(Xt.hex(ctmark)).append('/').append(Xt.hex(ctmask));
      case SAVE -> out.append(" --save-mark --nfmask ").append(Xt.hex(nfmask)).append(" --ctmask ")
          .append(Xt.hex(ctmask));
      case RESTORE -> out.append(" --restore-mark --nfmask ").append(Xt.hex(nfmask)).append(" --ctmask ")
          .append(Xt.hex(ctmask));
    }
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    switch (mode) {
      case SET -> MarkTarget.appendOperation(out, " CONNMARK", ctmark, ctmask);
      case SAVE -> {
        if (nfmask == -1 && ctmask == -1) {
          out.append(" CONNMARK save");
        } else if (nfmask == ctmask) {
          out.append(" CONNMARK save mask ").append(Xt.hex(nfmask));
        } else {
          out.append(" CONNMARK save nfmask ").append(Xt.hex(nfmask)).append(" ctmask ~").append(Xt.hex(ctmask));
        }
      }
      case RESTORE -> {
        if (ctmask == -1 && nfmask == -1) {
          out.append(" CONNMARK restore");
        } else if (ctmask == nfmask) {
          out.append(" CONNMARK restore mask ").append(Xt.hex(ctmask));
        } else {
          out.append(" CONNMARK restore ctmask ").append(Xt.hex(ctmask)).append(" nfmask ~")
              .append(Xt.hex(nfmask));
        }
      }
    }
  }

  @Override
  public Verdict apply(PacketContext packet) {
    ConntrackView ct = packet.conntrack;
    if (ct == null) {
      return Verdict.CONTINUE;
    }
    switch (mode) {
      case SET -> ct.setMark((ct.mark() & ~ctmask) ^ ctmark);
      case SAVE -> ct.setMark((ct.mark() & ~ctmask) ^ (packet.mark & nfmask));
      case RESTORE -> packet.mark = (packet.mark & ~nfmask) ^ (ct.mark() & ctmask);
    }
    return Verdict.CONTINUE;
  }

  @Override
  public boolean needsConntrack() {
    return true;
  }

  /** The {@code CONNMARK} module. */
  public static final class Module extends TargetModule {
    private static final String[] OPERATIONS =
        {"set-xmark", "set-mark", "and-mark", "or-mark", "xor-mark", "save-mark", "restore-mark"};

    public Module() {
      super("CONNMARK", List.of(
          OptionSpec.withArg("set-xmark").excluding(OPERATIONS),
          OptionSpec.withArg("set-mark").excluding(OPERATIONS),
          OptionSpec.withArg("and-mark").excluding(OPERATIONS),
          OptionSpec.withArg("or-mark").excluding(OPERATIONS),
          OptionSpec.withArg("xor-mark").excluding(OPERATIONS),
          OptionSpec.flag("save-mark").excluding(OPERATIONS),
          OptionSpec.flag("restore-mark").excluding(OPERATIONS),
          OptionSpec.withArg("ctmask").excluding("set-xmark", "set-mark", "and-mark", "or-mark", "xor-mark",
              "mask"),
          OptionSpec.withArg("nfmask").excluding("set-xmark", "set-mark", "and-mark", "or-mark", "xor-mark",
              "mask"),
          OptionSpec.withArg("mask").excluding("set-xmark", "set-mark", "and-mark", "or-mark", "xor-mark",
              "ctmask", "nfmask")));
    }

    @Override
    public ExtensionParser<Target> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        Mode mode;
        int ctmark;
        int ctmask = -1;
        int nfmask = -1;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          switch (spec.name()) {
            case "save-mark" -> mode = Mode.SAVE;
            case "restore-mark" -> mode = Mode.RESTORE;
            case "ctmask" -> ctmask = (int) Xt.uint("CONNMARK", spec.name(), arg, 0, 0xffffffffL);
            case "nfmask" -> nfmask = (int) Xt.uint("CONNMARK", spec.name(), arg, 0, 0xffffffffL);
            case "mask" -> {
              nfmask = (int) Xt.uint("CONNMARK", spec.name(), arg, 0, 0xffffffffL);
              ctmask = nfmask;
            }
            default -> {
              int[] valueMask = MarkTarget.parseOperation("CONNMARK", spec.name(), arg);
              mode = Mode.SET;
              ctmark = valueMask[0];
              ctmask = valueMask[1];
            }
          }
        }

        @Override
        public void finalCheck(ParseContext ctx) {
          if (mode == null) {
            throw IptablesException.parameter("CONNMARK target: No operation specified");
          }
        }

        @Override
        public Target build(ParseContext ctx) {
          return new ConnmarkTarget(mode, ctmark, ctmask, nfmask);
        }
      };
    }
  }
}
