package dev.netsim.rules.ext;

import dev.netsim.rules.ext.match.CommentMatch;
import dev.netsim.rules.ext.match.ConnmarkMatch;
import dev.netsim.rules.ext.match.ConntrackMatch;
import dev.netsim.rules.ext.match.IcmpMatch;
import dev.netsim.rules.ext.match.IprangeMatch;
import dev.netsim.rules.ext.match.MacMatch;
import dev.netsim.rules.ext.match.MarkMatch;
import dev.netsim.rules.ext.match.MultiportMatch;
import dev.netsim.rules.ext.match.TcpMatch;
import dev.netsim.rules.ext.match.UdpMatch;
import dev.netsim.rules.ext.target.StandardTarget;

/** The registration of every extension netsim ships: one line per extension. */
final class StandardExtensions {
  static final ExtensionRegistry REGISTRY = build();

  private StandardExtensions() {}

  private static ExtensionRegistry build() {
    ExtensionRegistry registry = new ExtensionRegistry();
    for (StandardTarget.Kind kind : StandardTarget.Kind.values()) {
      registry.register(new StandardTarget.Module(kind));
    }
    registry.register(new TcpMatch.Module());
    registry.register(new UdpMatch.Module());
    registry.register(new IcmpMatch.Module());
    registry.register(new MultiportMatch.Module());
    registry.register(new CommentMatch.Module());
    registry.register(new MarkMatch.Module());
    registry.register(new ConnmarkMatch.Module());
    registry.register(new MacMatch.Module());
    registry.register(new IprangeMatch.Module());
    registry.register(new ConntrackMatch.Module());
    registry.register(new ConntrackMatch.StateModule());
    return registry;
  }
}
