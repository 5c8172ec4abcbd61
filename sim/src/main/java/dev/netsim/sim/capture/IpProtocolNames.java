package dev.netsim.sim.capture;

/**
 * The IP protocol names tcpdump 4.99 prints without {@code -n} for protocols it does not decode (its
 * built-in copy of IANA's list, spelled as in {@code /etc/protocols}); numbers without a name print as
 * {@code ip-proto-N}.
 */
final class IpProtocolNames {
  private static final String[] NAMES = {
      "hopopt", "icmp", "igmp", "ggp", "ipencap", "st", "tcp", "cbt", "egp", "igp",
      "bbn-rcc-mon", "nvp-ii", "pup", "argus", "emcon", "xnet", "chaos", "udp", "mux", "dcn-meas",
      "hmp", "prm", "xns-idp", "trunk-1", "trunk-2", "leaf-1", "leaf-2", "rdp", "irtp", "iso-tp4",
      "netblt", "mfe-nsp", "merit-inp", "dccp", "3pc", "idpr", "xtp", "ddp", "idpr-cmtp", "tp++",
      "il", "ipv6", "sdrp", "ipv6-route", "ipv6-frag", "idrp", "rsvp", "gre", "dsr", "bna",
      "esp", "ah", "i-nlsp", "swipe", "narp", "mobile", "tlsp", "skip", "ipv6-icmp", "ipv6-nonxt",
      "ipv6-opts", null, "cftp", null, "sat-expak", "kryptolan", "rvd", "ippc", null, "sat-mon",
      "visa", "ipcv", "cpnx", "rspf", "wsn", "pvp", "br-sat-mon", "sun-nd", "wb-mon", "wb-expak",
      "iso-ip", "vmtp", "secure-vmtp", "vines", "ttp", "nsfnet-igp", "dgp", "tcf", "eigrp", "ospf",
      "sprite-rpc", "larp", "mtp", "ax.25", "ipip", "micp", "scc-sp", "etherip", "encap", null,
      "gmtp", "ifmp", "pnni", "pim", "aris", "scps", "qnx", "a/n", "ipcomp", "snp",
      "compaq-peer", "ipx-in-ip", "vrrp", "pgm", null, "l2tp", "ddx", "iatp", "stp", "srp",
      "uti", "smp", "sm", "ptp", "isis", "fire", "crtp", "crudp", "sscopmce", "iplt",
      "sps", "pipe", "sctp", "fc", "rsvp-e2e-ignore", "mobility-header", "udplite", "mpls-in-ip", "manet", "hip",
      "shim6", "wesp", "rohc"};

  private IpProtocolNames() {}

  /** The name tcpdump prints for {@code protocol}: numeric with {@code -n} or when it has none. */
  static String of(int protocol, boolean numeric) {
    String name = null;
    if (!numeric) {
      if (protocol < NAMES.length) {
        name = NAMES[protocol];
      } else if (protocol == 253 || protocol == 254) {
        name = "exptest-" + protocol;
      } else if (protocol == 255) {
        name = "reserved";
      }
    }
    return name != null ? name : "ip-proto-" + protocol;
  }
}
