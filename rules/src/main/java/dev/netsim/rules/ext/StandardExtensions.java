package dev.netsim.rules.ext;

import dev.netsim.rules.ext.match.AddrtypeMatch;
import dev.netsim.rules.ext.match.CommentMatch;
import dev.netsim.rules.ext.match.ConnmarkMatch;
import dev.netsim.rules.ext.match.ConntrackMatch;
import dev.netsim.rules.ext.match.IcmpMatch;
import dev.netsim.rules.ext.match.IprangeMatch;
import dev.netsim.rules.ext.match.LimitMatch;
import dev.netsim.rules.ext.match.MacMatch;
import dev.netsim.rules.ext.match.MarkMatch;
import dev.netsim.rules.ext.match.MultiportMatch;
import dev.netsim.rules.ext.match.PhysdevMatch;
import dev.netsim.rules.ext.match.SetMatch;
import dev.netsim.rules.ext.match.TcpMatch;
import dev.netsim.rules.ext.match.UdpMatch;
import dev.netsim.rules.ext.target.AuditTarget;
import dev.netsim.rules.ext.target.ChecksumTarget;
import dev.netsim.rules.ext.target.ClassifyTarget;
import dev.netsim.rules.ext.target.ConnmarkTarget;
import dev.netsim.rules.ext.target.ConnsecmarkTarget;
import dev.netsim.rules.ext.target.CtTarget;
import dev.netsim.rules.ext.target.DnatTarget;
import dev.netsim.rules.ext.target.DscpTarget;
import dev.netsim.rules.ext.target.EcnTarget;
import dev.netsim.rules.ext.target.HmarkTarget;
import dev.netsim.rules.ext.target.IdletimerTarget;
import dev.netsim.rules.ext.target.LedTarget;
import dev.netsim.rules.ext.target.LogTarget;
import dev.netsim.rules.ext.target.MarkTarget;
import dev.netsim.rules.ext.target.MasqueradeTarget;
import dev.netsim.rules.ext.target.NetmapTarget;
import dev.netsim.rules.ext.target.NflogTarget;
import dev.netsim.rules.ext.target.NfqueueTarget;
import dev.netsim.rules.ext.target.NotrackTarget;
import dev.netsim.rules.ext.target.RateestTarget;
import dev.netsim.rules.ext.target.RedirectTarget;
import dev.netsim.rules.ext.target.RejectTarget;
import dev.netsim.rules.ext.target.SecmarkTarget;
import dev.netsim.rules.ext.target.SetTarget;
import dev.netsim.rules.ext.target.SnatTarget;
import dev.netsim.rules.ext.target.StandardTarget;
import dev.netsim.rules.ext.target.SynproxyTarget;
import dev.netsim.rules.ext.target.TcpmssTarget;
import dev.netsim.rules.ext.target.TcpoptstripTarget;
import dev.netsim.rules.ext.target.TeeTarget;
import dev.netsim.rules.ext.target.TosTarget;
import dev.netsim.rules.ext.target.TproxyTarget;
import dev.netsim.rules.ext.target.TraceTarget;
import dev.netsim.rules.ext.target.TtlTarget;

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
    registry.register(new NfqueueTarget.Module());
    registry.register(new TtlTarget.Module());
    registry.register(new TosTarget.Module());
    registry.register(new DscpTarget.Module());
    registry.register(new EcnTarget.Module());
    registry.register(new NetmapTarget.Module());
    registry.register(new TeeTarget.Module());
    registry.register(new TproxyTarget.Module());
    registry.register(new AuditTarget.Module());
    registry.register(new ChecksumTarget.Module());
    registry.register(new ClassifyTarget.Module());
    registry.register(new ConnsecmarkTarget.Module());
    registry.register(new TcpmssTarget.Module());
    registry.register(new TcpoptstripTarget.Module());
    registry.register(new IdletimerTarget.Module());
    registry.register(new LedTarget.Module());
    registry.register(new RateestTarget.Module());
    registry.register(new SecmarkTarget.Module());
    registry.register(new SynproxyTarget.Module());
    registry.register(new HmarkTarget.Module());
    return registry;
  }
}
