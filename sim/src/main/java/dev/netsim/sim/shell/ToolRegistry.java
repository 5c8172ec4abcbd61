package dev.netsim.sim.shell;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The programs a script can run, by name, and the presets {@code --preset} can name. Immutable; build one
 * with {@link #builder()}, or take {@link #standard()}, which holds every {@link ToolSet} on the class path.
 *
 * <p>A program named by an absolute path in a standard binary folder ({@code /usr/sbin/iptables},
 * {@code /bin/echo}) is the same program as its bare name.
 */
public final class ToolRegistry {
  /**
   * Names the shell itself implements, which no tool may take: builtins that act on the shell's state,
   * and programs that run other commands.
   */
  public static final Set<String> SHELL_NAMES = Set.of(
      "exit", "export", "unset", "jobs", "kill", "wait", ":", "nsenter", "sudo", "watch", "sleep", "sh", "bash", "hostname");

  private static final Set<String> BINARY_FOLDERS =
      Set.of("/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/local/bin/", "/usr/local/sbin/");

  private final Map<String, Tool> tools;
  private final Map<String, Preset> presets;

  private ToolRegistry(Map<String, Tool> tools, Map<String, Preset> presets) {
    this.tools = Collections.unmodifiableMap(new LinkedHashMap<>(tools));
    this.presets = Collections.unmodifiableMap(new LinkedHashMap<>(presets));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Every tool set listed in {@code META-INF/services/dev.netsim.sim.shell.ToolSet}, in that order. */
  public static ToolRegistry standard() {
    Builder builder = builder();
    for (ToolSet set : ServiceLoader.load(ToolSet.class, ToolRegistry.class.getClassLoader())) {
      builder.add(set);
    }
    return builder.build();
  }

  /** The tool called {@code name} (bare, or an absolute path in a standard binary folder). */
  public Optional<Tool> tool(String name) {
    return Optional.ofNullable(tools.get(programName(name)));
  }

  public Optional<Preset> preset(String name) {
    return Optional.ofNullable(presets.get(name));
  }

  public Set<String> toolNames() {
    return Collections.unmodifiableSet(new TreeSet<>(tools.keySet()));
  }

  public Set<String> presetNames() {
    return Collections.unmodifiableSet(new TreeSet<>(presets.keySet()));
  }

  /** {@code /usr/sbin/iptables} → {@code iptables}; other names unchanged. */
  static String programName(String name) {
    int slash = name.lastIndexOf('/');
    if (slash > 0 && BINARY_FOLDERS.contains(name.substring(0, slash + 1))) {
      return name.substring(slash + 1);
    }
    return name;
  }

  /** Collects tools and presets; a name can be registered once. */
  public static final class Builder {
    private final Map<String, Tool> tools = new LinkedHashMap<>();
    private final Map<String, Preset> presets = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers {@code tool} as {@code name}.
     *
     * @throws IllegalArgumentException if the name is taken, is one of {@link #SHELL_NAMES}, or is not a
     *     plain program name
     */
    public Builder tool(String name, Tool tool) {
      if (name.isEmpty() || name.contains("/") || name.contains(" ")) {
        throw new IllegalArgumentException("not a program name: `" + name + "'");
      }
      if (SHELL_NAMES.contains(name)) {
        throw new IllegalArgumentException("`" + name + "' is implemented by the shell itself");
      }
      if (tools.putIfAbsent(name, Objects.requireNonNull(tool, "tool")) != null) {
        throw new IllegalArgumentException("tool `" + name + "' is registered twice");
      }
      return this;
    }

    /**
     * Registers {@code preset} as {@code name}.
     *
     * @throws IllegalArgumentException if the name is taken
     */
    public Builder preset(String name, Preset preset) {
      if (presets.putIfAbsent(name, Objects.requireNonNull(preset, "preset")) != null) {
        throw new IllegalArgumentException("preset `" + name + "' is registered twice");
      }
      return this;
    }

    /** Adds every tool and preset of {@code set}. */
    public Builder add(ToolSet set) {
      set.registerWith(this);
      return this;
    }

    public ToolRegistry build() {
      return new ToolRegistry(tools, presets);
    }
  }
}
