package dev.netsim.core.topo;

import dev.netsim.core.value.Mac;
import java.util.Objects;

/**
 * A device's IPv6 link-local address, which Linux configures when the device first has carrier while up and
 * keeps (with the MAC it was derived from, even if the MAC changes) until the device goes down. netsim models
 * IPv4 only, but listings show this address and its side effects.
 *
 * @param since when it was configured (virtual nanoseconds); duplicate address detection keeps it "tentative"
 *     for {@link Link#DAD_NANOS} after that
 * @param mac the MAC its EUI-64 interface identifier comes from
 */
public record LinkLocal(long since, Mac mac) {
  public LinkLocal {
    Objects.requireNonNull(mac, "mac");
  }
}
