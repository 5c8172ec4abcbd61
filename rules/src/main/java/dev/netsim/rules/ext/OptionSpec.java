package dev.netsim.rules.ext;

import java.util.List;
import java.util.Objects;

/**
 * One command-line option of an extension ({@code --dport}), as the getopt table of iptables has it, plus the
 * constraints libxtables checks generically for "x6" extensions: whether {@code !} may precede it, whether it
 * may repeat, whether it is mandatory, which options it excludes and which it needs; and its synonyms.
 */
public record OptionSpec(
    String name, Arg arg, boolean invertible, boolean multi, boolean mandatory,
    List<String> excludes, List<String> also, List<String> aliases) {

  /** getopt's {@code has_arg}. */
  public enum Arg {
    NONE,
    REQUIRED,
    /** Only as {@code --opt=value}. */
    OPTIONAL
  }

  public OptionSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arg, "arg");
    excludes = List.copyOf(excludes);
    also = List.copyOf(also);
    aliases = List.copyOf(aliases);
  }

  /** An option that takes a value. */
  public static OptionSpec withArg(String name) {
    return new OptionSpec(name, Arg.REQUIRED, false, false, false, List.of(), List.of(), List.of());
  }

  /** A flag without a value. */
  public static OptionSpec flag(String name) {
    return new OptionSpec(name, Arg.NONE, false, false, false, List.of(), List.of(), List.of());
  }

  public OptionSpec optionalArg() {
    return new OptionSpec(name, Arg.OPTIONAL, invertible, multi, mandatory, excludes, also, aliases);
  }

  /** May be preceded by {@code !}. */
  public OptionSpec invert() {
    return new OptionSpec(name, arg, true, multi, mandatory, excludes, also, aliases);
  }

  /** May be given more than once. */
  public OptionSpec repeat() {
    return new OptionSpec(name, arg, invertible, true, mandatory, excludes, also, aliases);
  }

  /** Must be given. */
  public OptionSpec required() {
    return new OptionSpec(name, arg, invertible, multi, true, excludes, also, aliases);
  }

  /** Cannot be combined with {@code others}. */
  public OptionSpec excluding(String... others) {
    return new OptionSpec(name, arg, invertible, multi, mandatory, List.of(others), also, aliases);
  }

  /** Needs {@code others} too. */
  public OptionSpec needing(String... others) {
    return new OptionSpec(name, arg, invertible, multi, mandatory, excludes, List.of(others), aliases);
  }

  /** Other names of the same option ({@code --sport} for {@code --source-port}). */
  public OptionSpec alias(String... others) {
    return new OptionSpec(name, arg, invertible, multi, mandatory, excludes, also, List.of(others));
  }

  public boolean hasArg() {
    return arg != Arg.NONE;
  }
}
