package dev.netsim.sim.tools.net;

import dev.netsim.core.topo.Namespace;
import dev.netsim.sim.shell.Invocation;
import dev.netsim.sim.shell.Tool;
import java.util.ArrayList;
import java.util.List;

/** {@code tree /var/run/netns} (tree 2.1): the namespace files {@code ip netns add} creates, sorted by name. */
public final class TreeTool implements Tool {
  @Override
  public int run(Invocation call) {
    List<String> paths = new ArrayList<>();
    for (String word : call.argv().subList(1, call.argv().size())) {
      if (!word.startsWith("-")) {
        paths.add(word);
      }
    }
    if (paths.isEmpty()) {
      paths.add(".");
    }
    int status = 0;
    int directories = 0;
    int files = 0;
    StringBuilder text = new StringBuilder();
    for (String path : paths) {
      String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
      if (!trimmed.equals("/var/run/netns") && !trimmed.equals("/run/netns")) {
        text.append(path).append("  [error opening dir]\n");
        status = 2;
        continue;
      }
      List<String> names = new ArrayList<>();
      for (Namespace ns : call.world().topology().listedNamespaces()) {
        names.add(ns.name());
      }
      names.sort(null);
      text.append(path).append('\n');
      for (int i = 0; i < names.size(); i++) {
        text.append(i == names.size() - 1 ? "└── " : "├── ").append(names.get(i)).append('\n');
      }
      directories += names.isEmpty() ? 0 : 1;
      files += names.size();
    }
    text.append('\n').append(directories).append(directories == 1 ? " directory, " : " directories, ")
        .append(files).append(files == 1 ? " file" : " files").append('\n');
    call.out().print(text);
    return status;
  }
}
