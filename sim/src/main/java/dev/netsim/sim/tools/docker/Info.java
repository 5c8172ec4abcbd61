package dev.netsim.sim.tools.docker;

/** What {@code docker info} prints on the simulated host (Docker CE 26.1 on Debian 12). */
final class Info {
  private Info() {}

  static String text(long containers, long running, long stopped, int images) {
    return """
        Client: Docker Engine - Community
         Version:    26.1.4
         Context:    default
         Debug Mode: false
         Plugins:
          buildx: Docker Buildx (Docker Inc.)
            Version:  v0.14.1
            Path:     /usr/libexec/docker/cli-plugins/docker-buildx
          compose: Docker Compose (Docker Inc.)
            Version:  v2.27.1
            Path:     /usr/libexec/docker/cli-plugins/docker-compose

        Server:
         Containers: %d
          Running: %d
          Paused: 0
          Stopped: %d
         Images: %d
         Server Version: 26.1.4
         Storage Driver: overlay2
          Backing Filesystem: extfs
          Supports d_type: true
          Using metacopy: false
          Native Overlay Diff: true
          userxattr: false
         Logging Driver: json-file
         Cgroup Driver: systemd
         Cgroup Version: 2
         Plugins:
          Volume: local
          Network: bridge host ipvlan macvlan null overlay
          Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog
         Swarm: inactive
         Runtimes: io.containerd.runc.v2 runc
         Default Runtime: runc
         Init Binary: docker-init
         containerd version: d2d58213f83a351ca8f528a95fbd145f5654e957
         runc version: v1.1.12-0-g51d5e94
         init version: de40ad0
         Security Options:
          apparmor
          seccomp
           Profile: builtin
          cgroupns
         Kernel Version: 6.1.0-26-amd64
         Operating System: Debian GNU/Linux 12 (bookworm)
         OSType: linux
         Architecture: x86_64
         CPUs: 2
         Total Memory: 3.82GiB
         Name: netsim
         ID: 6d3b2a5e-7c1f-4e8a-9b0d-2f4c6a8e1b3d
         Docker Root Dir: /var/lib/docker
         Debug Mode: false
         Experimental: false
         Insecure Registries:
          127.0.0.0/8
         Live Restore Enabled: false

        """.formatted(containers, running, stopped, images);
  }
}
