package dev.netsim.rules.ext.match;

import dev.netsim.rules.eval.MatchResult;
import dev.netsim.rules.eval.PacketContext;
import dev.netsim.rules.ext.ExtensionParser;
import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.Match;
import dev.netsim.rules.ext.MatchModule;
import dev.netsim.rules.ext.OptionSpec;
import dev.netsim.rules.ext.ParseContext;
import dev.netsim.rules.ext.Xt;
import java.util.List;

/** {@code -m comment --comment TEXT}: matches everything; the text is shown as {@code /* TEXT * /}. */
public record CommentMatch(String comment) implements Match {
  /** XT_MAX_COMMENT_LEN: the kernel keeps at most 255 characters. */
  static final int MAX_LENGTH = 255;

  @Override
  public String name() {
    return "comment";
  }

  @Override
  public void appendSave(StringBuilder out) {
    out.append(" --comment");
    Xt.saveString(out, comment);
  }

  @Override
  public void appendList(StringBuilder out, boolean numeric) {
    out.append(" /* ").append(comment).append(" */");
  }

  @Override
  public MatchResult evaluate(PacketContext packet, Object state) {
    return MatchResult.MATCH;
  }

  /** The {@code comment} module. */
  public static final class Module extends MatchModule {
    public Module() {
      super("comment", List.of(OptionSpec.withArg("comment").required()));
    }

    @Override
    public ExtensionParser<Match> newParser(ParseContext context) {
      return new ExtensionParser<>() {
        String comment;

        @Override
        public void option(OptionSpec spec, String arg, boolean inverted, ParseContext ctx) {
          if (arg.length() > 256) {
            throw IptablesException.parameter("Argument must have a maximum length of 256 characters\n");
          }
          comment = arg.length() > MAX_LENGTH ? arg.substring(0, MAX_LENGTH) : arg;
        }

        @Override
        public Match build(ParseContext ctx) {
          return new CommentMatch(comment);
        }
      };
    }
  }
}
