package dev.netsim.sim.tools.iproute;

import dev.netsim.core.topo.KernelException;
import dev.netsim.sim.shell.BackgroundJob;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import java.util.List;

/**
 * {@code ip} from iproute2 6.1: {@code link}, {@code address}, {@code route}, {@code neighbour} and {@code netns}
 * with the options, abbreviations, output formats (including {@code -br} and {@code -c} colours), error messages
 * and exit statuses of the real program.
 */
public final class IpTool implements Tool {
  static final String USAGE = """
      Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
             ip [ -force ] -batch filename
      where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                         link | macsec | maddress | monitor | mptcp | mroute | mrule |
                         neighbor | neighbour | netconf | netns | nexthop | ntable |
                         ntbl | route | rule | sr | tap | tcpmetrics |
                         token | tunnel | tuntap | vrf | xfrm }
             OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                          -h[uman-readable] | -iec | -j[son] | -p[retty] |
                          -f[amily] { inet | inet6 | mpls | bridge | link } |
                          -4 | -6 | -M | -B | -0 |
                          -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                          -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                          -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                          -c[olor]}
      """;

  /** The objects ip knows, in the order its dispatcher tries their names as prefixes. */
  private static final List<String> OBJECTS = List.of(
      "address", "addrlabel", "maddress", "route", "rule", "neighbor", "neighbour", "ntable", "ntbl", "link",
      "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap", "tap", "token", "tcpmetrics", "tcp_metrics",
      "monitor", "xfrm", "mroute", "mrule", "netns", "netconf", "vrf", "sr", "nexthop", "mptcp", "ioam", "stats",
      "help");

  @Override
  public int run(Invocation call) {
    try {
      return dispatch(call);
    } catch (ToolExit exit) {
      return exit.status();
    }
  }

  /** In the background, {@code ip netns exec NS CMD} starts CMD in the background too. */
  @Override
  public BackgroundJob start(Invocation call) {
    StartingInvocation starting = new StartingInvocation(call);
    int status = run(starting);
    return starting.started() != null ? starting.started() : BackgroundJob.finished(status);
  }

  private int dispatch(Invocation call) {
    List<String> argv = call.argv();
    IpOptions options = new IpOptions();
    int i = 1;
    for (; i < argv.size(); i++) {
      String word = argv.get(i);
      if (word.equals("--")) {
        i++;
        break;
      }
      if (!word.startsWith("-")) {
        break;
      }
      String opt = word.startsWith("--") ? word.substring(1) : word;
      if (Args.matches(opt, "-loops")) {
        i = requireOptionValue(call, argv, i);
      } else if (Args.matches(opt, "-family")) {
        i = requireOptionValue(call, argv, i);
        options.family = switch (argv.get(i)) {
          case "inet" -> IpOptions.Family.INET;
          case "inet6" -> IpOptions.Family.INET6;
          case "link" -> IpOptions.Family.LINK;
          case "help" -> throw usage(call);
          default -> {
            call.err().print("Error: argument \"" + argv.get(i) + "\" is wrong: invalid protocol family\n");
            throw new ToolExit(255);
          }
        };
      } else if (opt.equals("-4")) {
        options.family = IpOptions.Family.INET;
      } else if (opt.equals("-6")) {
        options.family = IpOptions.Family.INET6;
      } else if (opt.equals("-0")) {
        options.family = IpOptions.Family.LINK;
      } else if (opt.equals("-M") || opt.equals("-B") || opt.equals("-D")) {
        options.family = IpOptions.Family.OTHER;
      } else if (Args.matches(opt, "-human") || Args.matches(opt, "-human-readable") || Args.matches(opt, "-iec")) {
        continue;
      } else if (Args.matches(opt, "-stats") || Args.matches(opt, "-statistics")) {
        options.stats++;
      } else if (Args.matches(opt, "-details")) {
        options.details++;
      } else if (Args.matches(opt, "-oneline")) {
        options.oneline = true;
      } else if (Args.matches(opt, "-resolve") || Args.matches(opt, "-timestamp") || Args.matches(opt, "-tshort") || Args.matches(opt, "-force")) {
        continue;
      } else if (Args.matches(opt, "-Version")) {
        call.out().print("ip utility, iproute2-6.1.0, libbpf 1.1.2\n");
        return 0;
      } else if (Args.matches(opt, "-batch")) {
        i = requireOptionValue(call, argv, i);
        call.err().print("Cannot open file \"" + argv.get(i) + "\" for reading: No such file or directory\n");
        return 1;
      } else if (Args.matches(opt, "-brief")) {
        options.brief = true;
      } else if (Args.matches(opt, "-json") || Args.matches(opt, "-pretty")) {
        continue;
      } else if (Args.matches(opt, "-rcvbuf")) {
        i = requireOptionValue(call, argv, i);
      } else if (isColorOption(opt)) {
        options.color = colorWanted(opt);
      } else if (Args.matches(opt, "-help")) {
        throw usage(call);
      } else if (Args.matches(opt, "-netns")) {
        if (i + 1 >= argv.size()) {
          call.err().print("Command line is not complete. Try option \"help\"\n");
          return 255;
        }
        String name = argv.get(++i);
        if (call.world().namespace(name) == null || call.world().namespace(name).isHost()) {
          call.err().print("Cannot open network namespace \"" + name + "\": No such file or directory\n");
          return 255;
        }
        options.netns = name;
      } else if (Args.matches(opt, "-Numeric") || Args.matches(opt, "-all")) {
        continue;
      } else {
        call.err().print("Option \"" + word + "\" is unknown, try \"ip -help\".\n");
        return 255;
      }
    }
    if (i >= argv.size()) {
      throw usage(call);
    }
    String object = argv.get(i);
    IpContext ip = new IpContext(call, options, options.netns != null ? options.netns : call.netns());
    for (String candidate : OBJECTS) {
      if (Args.matches(object, candidate)) {
        try {
          return run(ip, candidate, new Args(argv, i + 1, call.err()));
        } catch (KernelException refused) {
          ip.printKernelError(refused);
          return 2;
        }
      }
    }
    call.err().print("Object \"" + object + "\" is unknown, try \"ip help\".\n");
    return 1;
  }

  private static int run(IpContext ip, String object, Args args) {
    return switch (object) {
      case "address" -> new IpAddressCommand(ip).run(args);
      case "link" -> new IpLinkCommand(ip).run(args);
      case "route" -> new IpRouteCommand(ip).run(args);
      case "neighbor", "neighbour" -> new IpNeighCommand(ip).run(args);
      case "netns" -> new IpNetnsCommand(ip).run(args);
      case "help" -> throw usage(ip.call());
      default -> {
        ip.call().err().print("netsim: not simulated: ip " + object + "\n");
        yield 127;
      }
    };
  }

  private static int requireOptionValue(Invocation call, List<String> argv, int i) {
    if (i + 1 >= argv.size()) {
      throw usage(call);
    }
    return i + 1;
  }

  static ToolExit usage(Invocation call) {
    call.err().print(USAGE);
    return new ToolExit(255);
  }

  /** iproute2's {@code matches_color}: {@code -c}, {@code -color}, optionally {@code =always|auto|never}. */
  private static boolean isColorOption(String opt) {
    int eq = opt.indexOf('=');
    String name = eq < 0 ? opt : opt.substring(0, eq);
    if (!Args.matches(name, "-color")) {
      return false;
    }
    String value = eq < 0 ? "" : opt.substring(eq + 1);
    return value.isEmpty() || value.equals("always") || value.equals("auto") || value.equals("never");
  }

  /** Only "always" (or no value) colours: a script's output is never a terminal, so "auto" stays plain. */
  private static boolean colorWanted(String opt) {
    int eq = opt.indexOf('=');
    return eq < 0 || opt.substring(eq + 1).equals("always");
  }
}
