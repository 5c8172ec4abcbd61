package dev.netsim.sim.tools.docker;

import dev.netsim.sim.tools.docker.Container.PortMapping;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents of {@code docker inspect} and {@code docker network inspect}, with the fields Docker
 * 24-26 prints in their order; fields about storage, mounts and resources are left out.
 */
final class Inspect {
  private static final String ZERO_TIME = "0001-01-01T00:00:00Z";
  private static final List<String> NGINX_ENV = List.of(
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "NGINX_VERSION=1.27.2");
  private static final List<String> SHELL_ENV = List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

  private final DockerDaemon daemon;

  Inspect(DockerDaemon daemon) {
    this.daemon = daemon;
  }

  Map<String, Object> network(Networks.Network network) {
    Map<String, Object> containers = Json.object();
    List<Container> oldestFirst = new ArrayList<>(daemon.containers());
    Collections.reverse(oldestFirst);
    for (Container container : oldestFirst) {
      if (container.running() && container.network().equals(network.name())) {
        boolean bridge = network.name().equals("bridge");
        containers.put(container.id(), Json.object(
            "Name", container.name(),
            "EndpointID", DockerDaemon.hex("endpoint " + container.id() + " " + container.startedNanos()),
            "MacAddress", container.mac(),
            "IPv4Address", bridge ? container.address() + "/16" : "",
            "IPv6Address", ""));
      }
    }
    List<Object> config = network.name().equals("bridge")
        ? List.of(Json.object("Subnet", DockerDaemon.SUBNET.toString(), "Gateway", DockerDaemon.GATEWAY.toString()))
        : List.of();
    Map<String, Object> options = network.name().equals("bridge")
        ? Json.object(
            "com.docker.network.bridge.default_bridge", "true",
            "com.docker.network.bridge.enable_icc", "true",
            "com.docker.network.bridge.enable_ip_masquerade", "true",
            "com.docker.network.bridge.host_binding_ipv4", "0.0.0.0",
            "com.docker.network.bridge.name", DockerDaemon.BRIDGE,
            "com.docker.network.driver.mtu", "1500")
        : Json.object();
    return Json.object(
        "Name", network.name(),
        "Id", network.id(),
        "Created", Formats.timestamp(0),
        "Scope", "local",
        "Driver", network.driver(),
        "EnableIPv6", false,
        "IPAM", Json.object("Driver", "default", "Options", null, "Config", config),
        "Internal", false,
        "Attachable", false,
        "Ingress", false,
        "ConfigFrom", Json.object("Network", ""),
        "ConfigOnly", false,
        "Containers", containers,
        "Options", options,
        "Labels", Json.object());
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> container(Container container) {
    Image image = container.image();
    List<String> line = container.commandLine();
    String state = container.running() ? "running" : container.startedNanos() < 0 ? "created" : "exited";
    Map<String, Object> exposed = Json.object();
    Map<String, Object> ports = Json.object();
    Map<String, Object> bindings = Json.object();
    if (image.exposedTcpPort() != 0) {
      exposed.put(image.exposedTcpPort() + "/tcp", Json.object());
    }
    for (PortMapping port : container.ports()) {
      String key = port.containerPort() + "/" + port.protocol();
      exposed.put(key, Json.object());
      bindings.put(key, List.of(Json.object("HostIp", "", "HostPort", Integer.toString(port.hostPort()))));
    }
    if (container.running() && container.network().equals("bridge")) {
      for (String key : exposed.keySet()) {
        List<Object> hosts = new ArrayList<>();
        for (PortMapping port : container.ports()) {
          if ((port.containerPort() + "/" + port.protocol()).equals(key)) {
            hosts.add(Json.object("HostIp", "0.0.0.0", "HostPort", Integer.toString(port.hostPort())));
            hosts.add(Json.object("HostIp", "::", "HostPort", Integer.toString(port.hostPort())));
          }
        }
        ports.put(key, hosts.isEmpty() ? null : hosts);
      }
    }
    boolean bridge = container.network().equals("bridge") && container.running();
    String address = bridge ? container.address().toString() : "";
    String gateway = bridge ? DockerDaemon.GATEWAY.toString() : "";
    int prefix = bridge ? 16 : 0;
    String endpoint = container.running() ? DockerDaemon.hex("endpoint " + container.id() + " " + container.startedNanos()) : "";
    Map<String, Object> networkEntry = Json.object(
        "IPAMConfig", null,
        "Links", null,
        "Aliases", null,
        "MacAddress", container.mac(),
        "NetworkID", container.running() ? Networks.find(container.network()).id() : "",
        "EndpointID", endpoint,
        "Gateway", gateway,
        "IPAddress", address,
        "IPPrefixLen", prefix,
        "IPv6Gateway", "",
        "GlobalIPv6Address", "",
        "GlobalIPv6PrefixLen", 0,
        "DriverOpts", null,
        "DNSNames", null);
    String path = "/var/lib/docker/containers/" + container.id() + "/";
    Map<String, Object> document = Json.object(
        "Id", container.id(),
        "Created", Formats.timestamp(container.createdNanos()),
        "Path", line.get(0),
        "Args", line.subList(1, line.size()),
        "State", Json.object(
            "Status", state,
            "Running", container.running(),
            "Paused", false,
            "Restarting", false,
            "OOMKilled", false,
            "Dead", false,
            "Pid", container.running() ? 3000 + container.sequence() * 50 : 0,
            "ExitCode", container.exitCode(),
            "Error", "",
            "StartedAt", container.startedNanos() < 0 ? ZERO_TIME : Formats.timestamp(container.startedNanos()),
            "FinishedAt", container.finishedNanos() < 0 ? ZERO_TIME : Formats.timestamp(container.finishedNanos())),
        "Image", "sha256:" + image.id(),
        "ResolvConfPath", path + "resolv.conf",
        "HostnamePath", path + "hostname",
        "HostsPath", path + "hosts",
        "LogPath", path + container.id() + "-json.log",
        "Name", "/" + container.name(),
        "RestartCount", 0,
        "Driver", "overlay2",
        "Platform", "linux",
        "MountLabel", "",
        "ProcessLabel", "",
        "AppArmorProfile", "docker-default",
        "ExecIDs", null,
        "HostConfig", Json.object(
            "NetworkMode", container.network().equals("bridge") ? "default" : container.network(),
            "PortBindings", bindings,
            "RestartPolicy", Json.object("Name", "no", "MaximumRetryCount", 0),
            "AutoRemove", container.autoRemove()),
        "Config", Json.object(
            "Hostname", container.network().equals("host") ? "netsim" : container.shortId(),
            "Domainname", "",
            "User", "",
            "AttachStdin", false,
            "AttachStdout", false,
            "AttachStderr", false,
            "ExposedPorts", exposed.isEmpty() ? null : exposed,
            "Tty", container.tty(),
            "OpenStdin", false,
            "StdinOnce", false,
            "Env", image.webServer() ? NGINX_ENV : SHELL_ENV,
            "Cmd", container.args(),
            "Image", image.shortReference(),
            "Volumes", null,
            "WorkingDir", "",
            "Entrypoint", image.entrypoint().isEmpty() ? null : image.entrypoint(),
            "OnBuild", null,
            "Labels", image.webServer()
                ? Json.object("maintainer", "NGINX Docker Maintainers <docker-maint@nginx.com>")
                : Json.object()),
        "NetworkSettings", Json.object(
            "Bridge", "",
            "SandboxID", container.running() ? DockerDaemon.hex("sandbox " + container.id()) : "",
            "SandboxKey", !container.running() ? ""
                : container.network().equals("host") ? "/var/run/docker/netns/default"
                : "/var/run/docker/netns/" + DockerDaemon.hex("sandbox " + container.id()).substring(0, 12),
            "Ports", ports,
            "HairpinMode", false,
            "LinkLocalIPv6Address", "",
            "LinkLocalIPv6PrefixLen", 0,
            "SecondaryIPAddresses", null,
            "SecondaryIPv6Addresses", null,
            "EndpointID", bridge ? endpoint : "",
            "Gateway", gateway,
            "GlobalIPv6Address", "",
            "GlobalIPv6PrefixLen", 0,
            "IPAddress", address,
            "IPPrefixLen", prefix,
            "IPv6Gateway", "",
            "MacAddress", container.mac(),
            "Networks", container.running() ? Json.object(container.network(), networkEntry) : Json.object()));
    if (image.webServer()) {
      // Go leaves out an empty StopSignal; nginx's image sets SIGQUIT for a graceful stop
      ((Map<String, Object>) document.get("Config")).put("StopSignal", "SIGQUIT");
    }
    return document;
  }
}
