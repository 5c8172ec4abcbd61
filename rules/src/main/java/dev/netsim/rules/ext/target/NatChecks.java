package dev.netsim.rules.ext.target;

import dev.netsim.rules.ext.IptablesException;
import dev.netsim.rules.ext.KernelError;
import dev.netsim.rules.ext.Placement;
import dev.netsim.rules.model.TableName;

/** The kernel's checks shared by the NAT targets. */
final class NatChecks {
  private NatChecks() {}

  /** NAT targets are only valid in the nat table. */
  static KernelError natTable(Placement placement) {
    return placement.table() == TableName.NAT ? null : KernelError.EINVAL;
  }

  /** A port map with a base (shift) needs a revision of the target this kernel's REDIRECT/MASQUERADE lack. */
  static void noShift(NatRange range) {
    if (range.basePort() != 0) {
      throw IptablesException.parameter("Shifted portmap ranges not supported with this kernel");
    }
  }
}
