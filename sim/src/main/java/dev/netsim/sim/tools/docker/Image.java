package dev.netsim.sim.tools.docker;

import java.util.List;

/**
 * An image the simulated daemon has pulled: its name, what it runs, and what it serves.
 *
 * @param repository e.g. {@code nginx}
 * @param tag e.g. {@code alpine}
 * @param id the image id's 64 hex digits (without {@code sha256:})
 * @param entrypoint the ENTRYPOINT, empty when there is none
 * @param cmd the CMD
 * @param exposedTcpPort the port its EXPOSE names (80 for nginx), 0 for none
 * @param webServer whether it runs nginx (a web server on its exposed port) rather than a shell
 * @param created what {@code docker images} prints in CREATED
 * @param size what {@code docker images} prints in SIZE
 */
public record Image(String repository, String tag, String id, List<String> entrypoint, List<String> cmd,
    int exposedTcpPort, boolean webServer, String created, String size) {
  public Image {
    entrypoint = List.copyOf(entrypoint);
    cmd = List.copyOf(cmd);
  }

  /** {@code repository:tag}. */
  public String reference() {
    return repository + ":" + tag;
  }

  /** How {@code docker ps} names it: the reference as the user gave it ({@code nginx}, {@code nginx:alpine}). */
  public String shortReference() {
    return tag.equals("latest") ? repository : reference();
  }

  /** The images of the seed's sessions, pulled already on the Docker host preset. */
  static final List<Image> PULLED = List.of(
      new Image("nginx", "alpine", "c7b4f26a7d93f4f1f276c51adb03ef0df54a82de89f254a9aec5c18bf0e45ee9",
          List.of("/docker-entrypoint.sh"), List.of("nginx", "-g", "daemon off;"), 80, true, "5 weeks ago", "52.5MB"),
      new Image("nginx", "latest", "39286ab8a5e14aeaf5fdd6e2fac76e0c8d31a0c07224f0ee5e6be502f12e93f3",
          List.of("/docker-entrypoint.sh"), List.of("nginx", "-g", "daemon off;"), 80, true, "5 weeks ago", "188MB"),
      new Image("alpine", "latest", "324bc02ae1231fd9255658c128086395d3fa0aedd5a41ab6b034fd649d1a9260",
          List.of(), List.of("/bin/sh"), 0, false, "3 months ago", "7.8MB"),
      new Image("busybox", "latest", "65ad0d468eb1c558bf7f4e64e790f586e9eda649ee9f130cd0e835b292bbc5ac",
          List.of(), List.of("sh"), 0, false, "16 months ago", "4.26MB"));

  /**
   * The pulled image a reference names ({@code nginx}, {@code nginx:latest}, {@code docker.io/library/nginx}),
   * or null.
   */
  static Image find(String reference) {
    String name = reference;
    for (String prefix : List.of("docker.io/library/", "library/")) {
      if (name.startsWith(prefix)) {
        name = name.substring(prefix.length());
      }
    }
    String full = name.contains(":") ? name : name + ":latest";
    for (Image image : PULLED) {
      if (image.reference().equals(full)) {
        return image;
      }
    }
    return null;
  }
}
