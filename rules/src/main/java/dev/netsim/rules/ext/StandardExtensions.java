package dev.netsim.rules.ext;

import dev.netsim.rules.ext.match.AddrtypeMatch;
import dev.netsim.rules.ext.match.CommentMatch;
import dev.netsim.rules.ext.match.ConnmarkMatch;
import dev.netsim.rules.ext.match.ConntrackMatch;
import dev.netsim.rules.ext.match.IcmpMatch;
import dev.netsim.rules.ext.match.IprangeMatch;
import dev.netsim.rules.ext.match.MacMatch;
import dev.netsim.rules.ext.match.MarkMatch;
import dev.netsim.rules.ext.match.LimitMatch;
import dev.netsim.rules.ext.match.MultiportMatch;
import dev.netsim.rules.ext.match.PhysdevMatch;
import dev.netsim.rules.ext.match.SetMatch;
import dev.netsim.rules.ext.match.TcpMatch;
import dev.netsim.rules.ext.match.UdpMatch;
import dev.netsim.rules.ext.target.ConnmarkTarget;
import dev.netsim.rules.ext.target.CtTarget;
import dev.netsim.rules.ext.target.DnatTarget;
import dev.netsim.rules.ext.target.LogTarget;
import dev.netsim.rules.ext.target.MarkTarget;
import dev.netsim.rules.ext.target.MasqueradeTarget;
import dev.netsim.rules.ext.target.NflogTarget;
import dev.netsim.rules.ext.target.NotrackTarget;
import dev.netsim.rules.ext.target.RedirectTarget;
import dev.netsim.rules.ext.target.RejectTarget;
import dev.netsim.rules.ext.target.SetTarget;
import dev.netsim.rules.ext.target.SnatTarget;
import dev.netsim.rules.ext.target.StandardTarget;
import dev.netsim.rules.ext.target.TraceTarget;

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
    registry.register(new AddrtypeMatch.Module());
    registry.register(new PhysdevMatch.Module());
    registry.register(new LimitMatch.Module());
    registry.register(new SetMatch.Module());
    registry.register(new RejectTarget.Module());
    registry.register(new LogTarget.Module());
    registry.register(new NflogTarget.Module());
    registry.register(new MarkTarget.Module());
    registry.register(new ConnmarkTarget.Module());
    registry.register(new MasqueradeTarget.Module());
    registry.register(new SnatTarget.Module());
    registry.register(new DnatTarget.Module());
    registry.register(new RedirectTarget.Module());
    registry.register(new CtTarget.Module());
    registry.register(new NotrackTarget.Module());
    registry.register(new TraceTarget.Module());
    registry.register(new SetTarget.Module());
    return registry;
  }
}
