package dev.netsim.rules.ext;

import dev.netsim.rules.ext.match.AddrtypeMatch;
import dev.netsim.rules.ext.match.CgroupMatch;
import dev.netsim.rules.ext.match.ClusterMatch;
import dev.netsim.rules.ext.match.CommentMatch;
import dev.netsim.rules.ext.match.ConnbytesMatch;
import dev.netsim.rules.ext.match.ConnlabelMatch;
import dev.netsim.rules.ext.match.ConnlimitMatch;
import dev.netsim.rules.ext.match.ConnmarkMatch;
import dev.netsim.rules.ext.match.ConntrackMatch;
import dev.netsim.rules.ext.match.CpuMatch;
import dev.netsim.rules.ext.match.DccpMatch;
import dev.netsim.rules.ext.match.DscpMatch;
import dev.netsim.rules.ext.match.EcnMatch;
import dev.netsim.rules.ext.match.FlagMatch;
import dev.netsim.rules.ext.match.HashlimitMatch;
import dev.netsim.rules.ext.match.HelperMatch;
import dev.netsim.rules.ext.match.IcmpMatch;
import dev.netsim.rules.ext.match.IprangeMatch;
import dev.netsim.rules.ext.match.IpvsMatch;
import dev.netsim.rules.ext.match.LimitMatch;
import dev.netsim.rules.ext.match.MacMatch;
import dev.netsim.rules.ext.match.MarkMatch;
import dev.netsim.rules.ext.match.MultiportMatch;
import dev.netsim.rules.ext.match.NameMatch;
import dev.netsim.rules.ext.match.OsfMatch;
import dev.netsim.rules.ext.match.OwnerMatch;
import dev.netsim.rules.ext.match.PhysdevMatch;
import dev.netsim.rules.ext.match.PkttypeMatch;
import dev.netsim.rules.ext.match.PolicyMatch;
import dev.netsim.rules.ext.match.QuotaMatch;
import dev.netsim.rules.ext.match.RangeMatch;
import dev.netsim.rules.ext.match.RateestMatch;
import dev.netsim.rules.ext.match.RealmMatch;
import dev.netsim.rules.ext.match.RecentMatch;
import dev.netsim.rules.ext.match.SctpMatch;
import dev.netsim.rules.ext.match.SetMatch;
import dev.netsim.rules.ext.match.SpiMatch;
import dev.netsim.rules.ext.match.StatisticMatch;
import dev.netsim.rules.ext.match.StringMatch;
import dev.netsim.rules.ext.match.TcpMatch;
import dev.netsim.rules.ext.match.TimeMatch;
import dev.netsim.rules.ext.match.TosMatch;
import dev.netsim.rules.ext.match.TtlMatch;
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
    registry.register(new CgroupMatch.Module());
    registry.register(new CpuMatch.Module());
    registry.register(new DscpMatch.Module());
    registry.register(new HelperMatch.Module());
    registry.register(new OwnerMatch.Module());
    registry.register(new PkttypeMatch.Module());
    registry.register(new QuotaMatch.Module());
    registry.register(new RealmMatch.Module());
    registry.register(new StatisticMatch.Module());
    registry.register(new StringMatch.Module());
    registry.register(new TosMatch.Module());
    registry.register(new TtlMatch.Module());
    for (FlagMatch.Kind kind : FlagMatch.Kind.values()) {
      registry.register(new FlagMatch.Module(kind));
    }
    for (NameMatch.Kind kind : NameMatch.Kind.values()) {
      registry.register(new NameMatch.Module(kind));
    }
    for (RangeMatch.Kind kind : RangeMatch.Kind.values()) {
      registry.register(new RangeMatch.Module(kind));
    }
    for (SpiMatch.Kind kind : SpiMatch.Kind.values()) {
      registry.register(new SpiMatch.Module(kind));
    }
    registry.register(new EcnMatch.Module());
    registry.register(new ConnlimitMatch.Module());
    registry.register(new ConnbytesMatch.Module());
    registry.register(new ClusterMatch.Module());
    registry.register(new TimeMatch.Module());
    registry.register(new OsfMatch.Module());
    registry.register(new ConnlabelMatch.Module());
    registry.register(new PolicyMatch.Module());
    registry.register(new RecentMatch.Module());
    registry.register(new IpvsMatch.Module());
    registry.register(new HashlimitMatch.Module());
    registry.register(new RateestMatch.Module());
    registry.register(new DccpMatch.Module());
    registry.register(new SctpMatch.Module());
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
