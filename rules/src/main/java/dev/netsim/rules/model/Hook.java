package dev.netsim.rules.model;

/**
 * The five netfilter hooks an IPv4 packet can pass, in the order of their numbers in the kernel
 * ({@code NF_INET_PRE_ROUTING} = 0 ... {@code NF_INET_POST_ROUTING} = 4). A built-in chain is named after
 * its hook.
 */
public enum Hook {
  PREROUTING,
  INPUT,
  FORWARD,
  OUTPUT,
  POSTROUTING;

  /** {@code values()} without the copy each call makes (evaluation must not allocate). */
  private static final Hook[] ALL = values();

  /** This hook's bit in a hook mask (bit {@code ordinal()}), as the kernel's {@code hook_mask}. */
  public int bit() {
    return 1 << ordinal();
  }

  /** The hook a built-in chain name stands for, or {@code null} when {@code name} is not one. */
  public static Hook byChainName(String name) {
    for (Hook hook : ALL) {
      if (hook.name().equals(name)) {
        return hook;
      }
    }
    return null;
  }

  /** Whether packets at this hook have an input interface ({@code -i} is meaningful). */
  public boolean hasInInterface() {
    return this == PREROUTING || this == INPUT || this == FORWARD;
  }

  /** Whether packets at this hook have an output interface ({@code -o} is meaningful). */
  public boolean hasOutInterface() {
    return this == FORWARD || this == OUTPUT || this == POSTROUTING;
  }
}
