package dev.netsim.rules.eval;

/**
 * The routing type of an address in the packet's namespace, as {@code -m addrtype} asks the kernel
 * ({@code inet_addr_type_dev_table}). The engine implements it from the namespace's addresses and routes.
 * Type numbers are the kernel's {@code RTN_*} values; addrtype's masks are {@code 1 << type}.
 */
public interface AddressTypes {
  int UNSPEC = 0;
  int UNICAST = 1;
  int LOCAL = 2;
  int BROADCAST = 3;
  int ANYCAST = 4;
  int MULTICAST = 5;
  int BLACKHOLE = 6;
  int UNREACHABLE = 7;
  int PROHIBIT = 8;
  int THROW = 9;
  int NAT = 10;
  int XRESOLVE = 11;

  /**
   * The type of {@code address}; with {@code limitInterface} non-null, as seen from that interface only
   * ({@code --limit-iface-in/out}): an address local to another interface is then {@code UNICAST}.
   */
  int typeOf(int address, String limitInterface);
}
