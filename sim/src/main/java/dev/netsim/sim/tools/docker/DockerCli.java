package dev.netsim.sim.tools.docker;

import dev.netsim.sim.World;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.NotSimulated;
import dev.netsim.sim.shell.Tool;
import dev.netsim.sim.tools.docker.Container.PortMapping;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker}, the CLI of Docker Engine 24-26 talking to the simulated host's daemon: {@code run},
 * {@code exec}, {@code ps}, {@code stop}, {@code start}, {@code rm}, {@code inspect}, {@code images},
 * {@code pull}, {@code info}, {@code network ls|inspect}, and the same under {@code docker container}.
 * What it prints is what that CLI prints; commands and options outside this set are reported as not
 * simulated.
 */
public final class DockerCli implements Tool {
  /** Valid {@code -p} forms netsim does not model: a random host port, port ranges, a host address, sctp. */
  private static final Pattern OTHER_PUBLISH_FORMS = Pattern.compile(
      "(?:\\d{1,3}(?:\\.\\d{1,3}){3}:)?(?:\\d{1,5}(?:-\\d{1,5})?)?:?\\d{1,5}(?:-\\d{1,5})?(?:/(?:tcp|udp|sctp))?");
  private static final Pattern PUBLISH = Pattern.compile("(\\d{1,5}):(\\d{1,5})(?:/(tcp|udp))?");
  private static final long STOP_TIMEOUT_NANOS = 10_000_000_000L;

  @Override
  public int run(Invocation call) {
    List<String> args = call.argv().subList(1, call.argv().size());
    try {
      if (args.isEmpty()) {
        return notSimulated(call);
      }
      String command = args.get(0);
      List<String> rest = args.subList(1, args.size());
      if (command.equals("container") && !rest.isEmpty()) {
        command = rest.get(0).equals("ls") || rest.get(0).equals("list") ? "ps" : rest.get(0);
        rest = rest.subList(1, rest.size());
      }
      DockerDaemon daemon = DockerDaemon.of(call.world());
      return switch (command) {
        case "run" -> run(call, daemon, rest);
        case "exec" -> exec(call, daemon, rest);
        case "ps" -> ps(call, daemon, rest);
        case "stop" -> stop(call, daemon, rest);
        case "start" -> start(call, daemon, rest);
        case "rm" -> rm(call, daemon, rest);
        case "inspect" -> inspect(call, daemon, rest);
        case "images" -> images(call, rest);
        case "pull" -> pull(call, rest);
        case "info" -> info(call, daemon, rest);
        case "network" -> network(call, daemon, rest);
        default -> notSimulated(call);
      };
    } catch (DockerException e) {
      call.err().println(e.getMessage());
      return e.status();
    }
  }

  private static int notSimulated(Invocation call) {
    return NotSimulated.report(call);
  }

  // ---- docker run ----

  /** The options of {@code docker run} netsim models. */
  private static final class RunOptions {
    boolean detach;
    boolean interactive;
    boolean tty;
    boolean remove;
    String name;
    String network = "bridge";
    final List<PortMapping> ports = new ArrayList<>();
  }

  private int run(Invocation call, DockerDaemon daemon, List<String> args) {
    RunOptions options = new RunOptions();
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-") && !args.get(i).equals("-")) {
      String arg = args.get(i);
      if (arg.equals("--")) {
        i++;
        break;
      }
      if (arg.startsWith("--")) {
        String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
        switch (flag) {
          case "--detach" -> options.detach = true;
          case "--interactive" -> options.interactive = true;
          case "--tty" -> options.tty = true;
          case "--rm" -> options.remove = true;
          case "--name", "--network", "--net", "--publish" -> {
            if (value == null) {
              if (i + 1 >= args.size()) {
                throw new DockerException("flag needs an argument: " + flag + "\nSee 'docker run --help'.", 125);
              }
              value = args.get(++i);
            }
            if (!option(options, flag, value)) {
              return notSimulated(call);
            }
          }
          default -> {
            return notSimulated(call);
          }
        }
        i++;
        continue;
      }
      for (int c = 1; c < arg.length(); c++) {
        char letter = arg.charAt(c);
        switch (letter) {
          case 'd' -> options.detach = true;
          case 'i' -> options.interactive = true;
          case 't' -> options.tty = true;
          case 'p' -> {
            String value = arg.substring(c + 1);
            if (value.isEmpty()) {
              if (i + 1 >= args.size()) {
                throw new DockerException("flag needs an argument: 'p' in -p\nSee 'docker run --help'.", 125);
              }
              value = args.get(++i);
            }
            if (!option(options, "--publish", value.startsWith("=") ? value.substring(1) : value)) {
              return notSimulated(call);
            }
            c = arg.length();
          }
          default -> {
            return notSimulated(call);
          }
        }
      }
      i++;
    }
    if (i >= args.size()) {
      throw new DockerException("docker: 'docker run' requires at least 1 argument.\n\nUsage:  docker run [OPTIONS] IMAGE"
          + " [COMMAND] [ARG...]\n\nSee 'docker run --help' for more information", 125);
    }
    String reference = args.get(i);
    List<String> command = args.subList(i + 1, args.size());
    Image image = Image.find(reference);
    if (image == null) {
      call.err().println("Unable to find image '" + (reference.contains(":") ? reference : reference + ":latest")
          + "' locally");
      throw new DockerException("docker: Error response from daemon: pull access denied for " + reference.replaceFirst(":.*", "")
          + ", repository does not exist or may require 'docker login': denied: requested access to the resource is"
          + " denied.\nSee 'docker run --help'.", 125);
    }
    if (!Set.of("bridge", "host", "none", "default").contains(options.network)) {
      throw new DockerException("docker: Error response from daemon: network " + options.network
          + " not found.\nSee 'docker run --help'.", 125);
    }
    String network = options.network.equals("default") ? "bridge" : options.network;
    if (!network.equals("bridge") && !options.ports.isEmpty()) {
      if (network.equals("host")) {
        call.err().println("WARNING: Published ports are discarded when using host network mode");
      }
      options.ports.clear();
    }
    boolean foregroundServer = !options.detach && image.webServer() && command.isEmpty();
    if (foregroundServer) {
      return NotSimulated.report(call, String.join(" ", call.argv()) + " (it would never end; use -d)");
    }
    Container container = daemon.create(options.name, image, command, network, options.ports, options.remove,
        options.tty);
    Container started;
    try {
      started = daemon.start(container);
    } catch (DockerException e) {
      if (options.remove) {
        daemon.remove(container);
      }
      throw e;
    }
    if (options.detach) {
      call.out().println(container.id());
      return 0;
    }
    if (!started.running()) {
      return started.exitCode();
    }
    if (options.interactive && options.tty && command.isEmpty()) {
      String id = started.id();
      if (call.enterShell(started.netns(), () -> stopIfRunning(daemon, id, 0))) {
        return 0;
      }
      daemon.stop(started, 0);
      if (!options.remove) {
        daemon.remove(daemon.find(id));
      }
      throw new DockerException("the input device is not a TTY", 1);
    }
    int status = command.isEmpty() ? 0 : call.exec(started.netns(), command);
    daemon.stop(started, status);
    return status;
  }

  private static void stopIfRunning(DockerDaemon daemon, String id, int status) {
    if (daemon.exists(id)) {
      daemon.stop(daemon.find(id), status);
    }
  }

  /** Applies one option; returns false for a well-formed {@code -p} that netsim does not model. */
  private static boolean option(RunOptions options, String flag, String value) {
    switch (flag) {
      case "--name" -> {
        if (!value.matches("/?[a-zA-Z0-9][a-zA-Z0-9_.-]*")) {
          throw new DockerException("docker: Error response from daemon: Invalid container name (" + value
              + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed.\nSee 'docker run --help'.", 125);
        }
        options.name = value.replaceFirst("^/", "");
      }
      case "--network", "--net" -> options.network = value;
      default -> {
        Matcher m = PUBLISH.matcher(value);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 65535 || Integer.parseInt(m.group(2)) > 65535) {
          boolean inRange = Pattern.compile("\\d+").matcher(value).results()
              .allMatch(number -> number.group().length() <= 5 && Integer.parseInt(number.group()) <= 65535);
          if (inRange && OTHER_PUBLISH_FORMS.matcher(value).matches()) {
            return false;
          }
          throw new DockerException("docker: " + publishError(value) + ".\nSee 'docker run --help'.", 125);
        }
        options.ports.add(new PortMapping(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
            m.group(3) == null ? "tcp" : m.group(3)));
      }
    }
    return true;
  }

  /**
   * What go-connections' port-spec parser says about a {@code -p} value netsim does not take: the container
   * port is the last field, the host port the one before it. Forms netsim does not model (ranges, a host
   * address other than 0.0.0.0, sctp) are reported as Docker would report a malformed one.
   */
  private static String publishError(String value) {
    String spec = value.replaceFirst("/(tcp|udp)$", "");
    String[] fields = spec.split(":", -1);
    String container = fields[fields.length - 1];
    if (!container.matches("\\d{1,5}") || Integer.parseInt(container) > 65535) {
      return "invalid containerPort: " + container;
    }
    String host = fields.length >= 2 ? fields[fields.length - 2] : "";
    return "invalid hostPort: " + host;
  }

  // ---- docker exec ----

  private int exec(Invocation call, DockerDaemon daemon, List<String> args) {
    boolean interactive = false;
    boolean tty = false;
    int i = 0;
    while (i < args.size() && args.get(i).startsWith("-")) {
      String arg = args.get(i);
      switch (arg) {
        case "-i", "--interactive" -> interactive = true;
        case "-t", "--tty" -> tty = true;
        case "-it", "-ti" -> {
          interactive = true;
          tty = true;
        }
        default -> {
          return notSimulated(call);
        }
      }
      i++;
    }
    if (args.size() - i < 2) {
      throw new DockerException("docker: 'docker exec' requires at least 2 arguments.\n\nUsage:  docker exec [OPTIONS]"
          + " CONTAINER COMMAND [ARG...]\n\nSee 'docker exec --help' for more information", 1);
    }
    Container container = daemon.find(args.get(i));
    if (!container.running()) {
      throw new DockerException("Error response from daemon: container " + container.id() + " is not running", 1);
    }
    List<String> command = args.subList(i + 1, args.size());
    boolean shell = command.size() == 1 && Set.of("sh", "/bin/sh", "bash", "/bin/bash", "ash").contains(command.get(0));
    if (shell && interactive && tty) {
      if (call.enterShell(container.netns(), () -> {})) {
        return 0;
      }
      throw new DockerException("the input device is not a TTY", 1);
    }
    return call.exec(container.netns(), command);
  }

  // ---- docker ps ----

  private int ps(Invocation call, DockerDaemon daemon, List<String> args) {
    boolean all = false;
    boolean quiet = false;
    for (String arg : args) {
      if (arg.equals("--all")) {
        all = true;
      } else if (arg.equals("--quiet")) {
        quiet = true;
      } else if (arg.matches("-[aq]+")) {
        all |= arg.contains("a");
        quiet |= arg.contains("q");
      } else {
        return notSimulated(call);
      }
    }
    long now = call.world().now();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("CONTAINER ID", "IMAGE", "COMMAND", "CREATED", "STATUS", "PORTS", "NAMES"));
    for (Container container : daemon.containers()) {
      if (!all && !container.running()) {
        continue;
      }
      if (quiet) {
        call.out().println(container.shortId());
        continue;
      }
      rows.add(List.of(container.shortId(), container.image().shortReference(), "\"" + truncate(commandText(container)) + "\"",
          Formats.humanDuration(now - container.createdNanos()) + " ago", status(container, now), ports(container),
          container.name()));
    }
    if (!quiet) {
      call.out().print(Formats.table(rows));
    }
    return 0;
  }

  /** The command as the API's container list gives it: words joined, those with spaces in single quotes. */
  private static String commandText(Container container) {
    List<String> words = new ArrayList<>();
    for (String word : container.commandLine()) {
      words.add(word.contains(" ") ? "'" + word + "'" : word);
    }
    return String.join(" ", words);
  }

  private static String truncate(String text) {
    return text.codePointCount(0, text.length()) > 20 ? text.substring(0, 19) + "…" : text;
  }

  private static String status(Container container, long now) {
    if (container.running()) {
      return "Up " + Formats.humanDuration(now - container.startedNanos());
    }
    if (container.startedNanos() < 0) {
      return "Created";
    }
    return "Exited (" + container.exitCode() + ") " + Formats.humanDuration(now - container.finishedNanos()) + " ago";
  }

  private static String ports(Container container) {
    if (!container.running() || container.network().equals("host") || container.network().equals("none")) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    Set<Integer> published = new LinkedHashSet<>();
    for (PortMapping port : container.ports()) {
      parts.add("0.0.0.0:" + port.hostPort() + "->" + port.containerPort() + "/" + port.protocol());
      parts.add(":::" + port.hostPort() + "->" + port.containerPort() + "/" + port.protocol());
      published.add(port.containerPort());
    }
    int exposed = container.image().exposedTcpPort();
    if (exposed != 0 && !published.contains(exposed)) {
      parts.add(0, exposed + "/tcp");
    }
    return String.join(", ", parts);
  }

  // ---- stop, start, rm ----

  private int stop(Invocation call, DockerDaemon daemon, List<String> args) {
    if (args.isEmpty()) {
      throw new DockerException("docker: 'docker stop' requires at least 1 argument.\n\nUsage:  docker stop [OPTIONS]"
          + " CONTAINER [CONTAINER...]\n\nSee 'docker stop --help' for more information", 1);
    }
    if (args.stream().anyMatch(arg -> arg.startsWith("-"))) {
      return notSimulated(call);
    }
    // the CLI stops them in parallel; a shell as PID 1 ignores SIGTERM, so Docker waits its 10 s and kills it
    boolean waitsForKill = args.stream().filter(daemon::exists).map(daemon::find)
        .anyMatch(c -> c.running() && !c.image().webServer());
    if (waitsForKill) {
      World world = call.world();
      world.kernel().scheduler().runUntil(world.now() + STOP_TIMEOUT_NANOS);
    }
    int status = 0;
    for (String reference : args) {
      try {
        Container container = daemon.find(reference);
        daemon.stop(container, container.image().webServer() ? 0 : 137);
        call.out().println(reference);
      } catch (DockerException e) {
        call.err().println(e.getMessage());
        status = 1;
      }
    }
    return status;
  }

  private int start(Invocation call, DockerDaemon daemon, List<String> args) {
    if (args.isEmpty() || args.stream().anyMatch(arg -> arg.startsWith("-"))) {
      return notSimulated(call);
    }
    int status = 0;
    for (String reference : args) {
      try {
        daemon.start(daemon.find(reference));
        call.out().println(reference);
      } catch (DockerException e) {
        call.err().println(e.getMessage().replaceFirst("^docker: ", "").replaceFirst("\nSee 'docker run --help'.$", ""));
        status = 1;
      }
    }
    if (status != 0) {
      call.err().println("Error: failed to start containers: " + String.join(", ", args));
    }
    return status;
  }

  private int rm(Invocation call, DockerDaemon daemon, List<String> args) {
    boolean force = false;
    List<String> references = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("-f") || arg.equals("--force")) {
        force = true;
      } else if (arg.startsWith("-")) {
        return notSimulated(call);
      } else {
        references.add(arg);
      }
    }
    if (references.isEmpty()) {
      throw new DockerException("docker: 'docker rm' requires at least 1 argument.\n\nUsage:  docker rm [OPTIONS]"
          + " CONTAINER [CONTAINER...]\n\nSee 'docker rm --help' for more information", 1);
    }
    int status = 0;
    for (String reference : references) {
      try {
        Container container = daemon.find(reference);
        if (force && container.running()) {
          container = daemon.stop(container, 137);
        }
        if (container != null) {
          daemon.remove(container);
        }
        call.out().println(reference);
      } catch (DockerException e) {
        call.err().println(e.getMessage());
        status = 1;
      }
    }
    return status;
  }

  // ---- inspect ----

  private int inspect(Invocation call, DockerDaemon daemon, List<String> args) {
    String type = null;
    List<String> references = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--type") && i + 1 < args.size()) {
        type = args.get(++i);
      } else if (arg.startsWith("--type=")) {
        type = arg.substring("--type=".length());
      } else if (arg.startsWith("-")) {
        return notSimulated(call);
      } else {
        references.add(arg);
      }
    }
    if (type != null && !type.equals("container") && !type.equals("network")) {
      return notSimulated(call);
    }
    if (references.isEmpty()) {
      throw new DockerException("docker: 'docker inspect' requires at least 1 argument.\n\nUsage:  docker inspect"
          + " [OPTIONS] NAME|ID [NAME|ID...]\n\nSee 'docker inspect --help' for more information", 1);
    }
    Inspect inspect = new Inspect(daemon);
    List<Object> found = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String reference : references) {
      boolean container = !"network".equals(type) && daemon.exists(reference);
      boolean network = !"container".equals(type) && Networks.find(reference) != null;
      if (container) {
        found.add(inspect.container(daemon.find(reference)));
      } else if (network) {
        found.add(inspect.network(Networks.find(reference)));
      } else {
        missing.add(reference);
      }
    }
    call.out().println(Json.print(found));
    for (String reference : missing) {
      call.err().println("Error: No such " + (type == null ? "object" : type) + ": " + reference);
    }
    return missing.isEmpty() ? 0 : 1;
  }

  // ---- images, pull ----

  private int images(Invocation call, List<String> args) {
    if (!args.isEmpty()) {
      return notSimulated(call);
    }
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE"));
    for (Image image : Image.PULLED) {
      rows.add(List.of(image.repository(), image.tag(), image.id().substring(0, 12), image.created(), image.size()));
    }
    call.out().print(Formats.table(rows));
    return 0;
  }

  private int pull(Invocation call, List<String> args) {
    if (args.size() != 1 || args.get(0).startsWith("-")) {
      return notSimulated(call);
    }
    String reference = args.get(0);
    if (!reference.contains(":")) {
      call.out().println("Using default tag: latest");
    }
    Image image = Image.find(reference);
    String repository = reference.replaceFirst(":.*", "");
    if (image == null) {
      throw new DockerException("Error response from daemon: pull access denied for " + repository
          + ", repository does not exist or may require 'docker login': denied: requested access to the resource is"
          + " denied", 1);
    }
    call.out().println(image.tag() + ": Pulling from library/" + image.repository());
    call.out().println("Digest: sha256:" + DockerDaemon.hex("digest " + image.reference()));
    call.out().println("Status: Image is up to date for " + image.reference());
    call.out().println("docker.io/library/" + image.reference());
    return 0;
  }

  // ---- info, network ----

  private int info(Invocation call, DockerDaemon daemon, List<String> args) {
    if (!args.isEmpty()) {
      return notSimulated(call);
    }
    List<Container> containers = daemon.containers();
    long running = containers.stream().filter(Container::running).count();
    call.out().print(Info.text(containers.size(), running, containers.size() - running, Image.PULLED.size()));
    return 0;
  }

  private int network(Invocation call, DockerDaemon daemon, List<String> args) {
    if (args.isEmpty()) {
      return notSimulated(call);
    }
    List<String> rest = args.subList(1, args.size());
    switch (args.get(0)) {
      case "ls", "list" -> {
        if (!rest.isEmpty()) {
          return notSimulated(call);
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NETWORK ID", "NAME", "DRIVER", "SCOPE"));
        for (Networks.Network network : Networks.ALL) {
          rows.add(List.of(network.id().substring(0, 12), network.name(), network.driver(), "local"));
        }
        call.out().print(Formats.table(rows));
        return 0;
      }
      case "inspect" -> {
        if (rest.isEmpty() || rest.stream().anyMatch(arg -> arg.startsWith("-"))) {
          return notSimulated(call);
        }
        Inspect inspect = new Inspect(daemon);
        List<Object> found = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String reference : rest) {
          Networks.Network network = Networks.find(reference);
          if (network == null) {
            missing.add(reference);
          } else {
            found.add(inspect.network(network));
          }
        }
        call.out().println(Json.print(found));
        for (String reference : missing) {
          call.err().println("Error response from daemon: network " + reference + " not found");
        }
        return missing.isEmpty() ? 0 : 1;
      }
      default -> {
        return notSimulated(call);
      }
    }
  }
}
