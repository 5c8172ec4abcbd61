package dev.netsim.sim.tools.iproute;

import dev.netsim.core.topo.Errno;
import dev.netsim.core.topo.IfAddress;
import dev.netsim.core.topo.KernelException;
import dev.netsim.core.topo.Link;
import dev.netsim.core.topo.Scope;
import dev.netsim.core.value.Ipv4;
import dev.netsim.core.value.Ipv4Prefix;
import java.util.List;

/** {@code ip address}: add, delete, flush and show (with {@code -br} and {@code -4}/{@code -6}). */
final class IpAddressCommand {
  private final IpContext ip;

  IpAddressCommand(IpContext ip) {
    this.ip = ip;
  }

  int run(Args args) {
    if (!args.more()) {
      return list(args);
    }
    String command = args.take();
    if (Args.matches(command, "add")) {
      return modify(args, false);
    }
    if (Args.matches(command, "change") || command.equals("chg") || Args.matches(command, "replace")) {
      return modify(args, false);
    }
    if (Args.matches(command, "delete")) {
      return modify(args, true);
    }
    if (Args.matches(command, "list") || Args.matches(command, "show") || Args.matches(command, "lst")) {
      return list(args);
    }
    if (Args.matches(command, "flush")) {
      return flush(args);
    }
    if (Args.matches(command, "help")) {
      throw ToolUsage.address(ip);
    }
    ip.err().print("Command \"" + command + "\" is unknown, try \"ip address help\".\n");
    return 255;
  }

  private int list(Args args) {
    IpLinkCommand.Filter filter = IpLinkCommand.parseFilter(ip, args);
    ip.change(e -> e.noteLinkDump(ip.netns()));
    LinkPrinter printer = new LinkPrinter(ip);
    boolean familyFilter = ip.options().family != IpOptions.Family.ANY;
    StringBuilder text = new StringBuilder();
    for (Link link : ip.namespace().links()) {
      if (!filter.accepts(link)) {
        continue;
      }
      List<LinkPrinter.AddressLine> lines = printer.addresses(link);
      if (familyFilter && lines.isEmpty()) {
        continue;
      }
      if (ip.options().brief) {
        text.append(printer.briefAddresses(link, lines));
        continue;
      }
      if (!ip.options().oneline) {
        text.append(ip.options().family == IpOptions.Family.INET6 ? printer.inet6Header(link)
            : printer.header(link, false, !familyFilter));
      }
      for (LinkPrinter.AddressLine line : lines) {
        text.append(printer.addressLines(link, line));
      }
    }
    ip.out().print(text);
    return 0;
  }

  private int flush(Args args) {
    if (!args.more()) {
      ip.err().print("Flush requires arguments.\n");
      return 1;
    }
    IpLinkCommand.Filter filter = IpLinkCommand.parseFilter(ip, args);
    ip.change(editor -> {
      for (Link link : ip.namespace().links()) {
        if (filter.accepts(link) && !link.addresses().isEmpty()) {
          editor.flushAddresses(ip.netns(), link.name());
        }
      }
    });
    return 0;
  }

  /** iproute2's {@code ipaddr_modify} for {@code ip addr add|del}. */
  private int modify(Args args, boolean delete) {
    String device = null;
    String label = null;
    String local = null;
    Ipv4 address = null;
    Integer length = null;
    String broadcast = null;
    Scope scope = null;
    while (args.more()) {
      String word = args.take();
      if (word.equals("peer") || word.equals("remote")) {
        args.value();
      } else if (Args.matches(word, "broadcast") || word.equals("brd")) {
        String value = args.value();
        if (broadcast != null) {
          throw args.duplicate("broadcast", value);
        }
        broadcast = value;
      } else if (word.equals("scope")) {
        String value = args.value();
        scope = Scope.parse(value);
        if (scope == null) {
          throw args.invalid("invalid scope value.", value);
        }
      } else if (word.equals("dev")) {
        device = args.value();
      } else if (word.equals("label")) {
        label = args.value();
      } else if (Args.matches(word, "metric") || Args.matches(word, "priority") || Args.matches(word, "valid_lft")
          || Args.matches(word, "preferred_lft") || word.equals("proto")) {
        args.value();
      } else if (word.equals("noprefixroute") || word.equals("home") || word.equals("nodad")
          || word.equals("mngtmpaddr") || word.equals("autojoin")) {
        continue;
      } else {
        String value = word.equals("local") ? args.value() : word;
        if (Args.matches(value, "help")) {
          throw ToolUsage.address(ip);
        }
        if (local != null) {
          throw args.duplicateOrGarbage("local", value);
        }
        local = value;
        String[] parts = value.split("/", 2);
        boolean valid = Ipv4.isValid(parts[0])
            && (parts.length == 1 || (!parts[1].isEmpty() && parts[1].length() <= 2
                && parts[1].chars().allMatch(Character::isDigit) && Integer.parseInt(parts[1]) <= 32));
        if (!valid) {
          ip.err().print("Error: any valid prefix is expected rather than \"" + value + "\".\n");
          return 1;
        }
        address = Ipv4.parse(parts[0]);
        length = parts.length > 1 ? Integer.valueOf(parts[1]) : null;
      }
    }
    if (device == null) {
      ip.err().print("Not enough information: \"dev\" argument is required.\n");
      return 1;
    }
    Ipv4 brd = null;
    if (broadcast != null && !delete) {
      int prefixLength = length == null ? 32 : length;
      if (broadcast.equals("+") || broadcast.equals("-")) {
        if (address != null && prefixLength <= 30) {
          int mask = Ipv4Prefix.maskOf(prefixLength);
          brd = Ipv4.of(broadcast.equals("+") ? address.bits() | ~mask : address.bits() & mask);
        }
      } else {
        try {
          brd = Ipv4.parse(broadcast);
        } catch (IllegalArgumentException e) {
          ip.err().print("Error: inet address is expected rather than \"" + broadcast + "\".\n");
          return 1;
        }
      }
    }
    if (delete && address != null && length == null) {
      ip.err().print("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
          + "         Explicitly specify the prefix length (" + local + "/32) to avoid this warning.\n"
          + "         This special behaviour is likely to disappear in further releases,\n"
          + "         fix your scripts!\n");
    }
    Link link = ip.requireDevice(device);
    if (address == null) {
      throw new KernelException(Errno.EOPNOTSUPP);
    }
    Ipv4 finalAddress = address;
    Integer finalLength = length;
    String finalLabel = label;
    if (delete) {
      ip.change(e -> e.deleteAddress(ip.netns(), link.name(), finalAddress, finalLength, finalLabel));
      return 0;
    }
    Scope finalScope = scope != null ? scope : (address.isLoopback() ? Scope.HOST : Scope.GLOBAL);
    IfAddress ifAddress = new IfAddress(address, length == null ? 32 : length, brd, finalScope,
        label != null ? label : link.name(), false);
    ip.change(e -> e.addAddress(ip.netns(), link.name(), ifAddress));
    return 0;
  }
}
