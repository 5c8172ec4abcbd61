package dev.netsim.sim.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The runner beyond what ktrans can record: here-document forms and multi-line constructs ktrans reads
 * line by line, namespaces, jobs and time, {@code --echo}, {@code --trace}, {@code --strict}, presets.
 * Expected outputs of bash behaviour were checked with {@code bash FILE} on Debian 12 (bash 5.2).
 */
class ScriptRunnerTest {
  private final ShellFixture shell = new ShellFixture();

  private String transcript(String script) {
    shell.options = shell.options.withEcho(true);
    RunResult result = shell.runMerged(script);
    assertThat(result.status()).as(result.diagnostic()).isZero();
    return shell.out();
  }

  @Test
  void hereDocumentFormsAndMultiLineQuotes() {
    assertThat(transcript("cat <<-EOF\n\t\tx\n\tEOF\ncat <<\"EOF\" | grep -c .\na\nb\nEOF\necho \"multi\nline\"\n"))
        .isEqualTo("$ cat <<-EOF\nx\n$ cat <<\"EOF\" | grep -c .\n2\n$ echo \"multi\n> line\"\nmulti\nline\n");
  }

  @Test
  void commandSubstitutionDropsTrailingNewlinesAndSplitsUnquoted() {
    assertThat(transcript("v=\"x  y\"; printf '[%s]' $v \"$v\" $(echo '1  2') \"$(printf 'a\\n\\n')\"; echo\n"))
        .endsWith("[x][y][x  y][1][2][a]\n");
  }

  @Test
  void statusOfEachLineAndAcrossLines() {
    assertThat(transcript("false\necho $?\ngrep x nofile\necho $?\ntrue | false\n! true\n"))
        .isEqualTo("$ false\n[exit 1]\n$ echo $?\n1\n$ grep x nofile\ngrep: nofile: Permission denied\n[exit 2]\n"
            + "$ echo $?\n2\n$ true | false\n[exit 1]\n$ ! true\n[exit 1]\n");
  }

  @Test
  void whatIsNotSimulatedSaysSoAndTheScriptGoesOn() {
    assertThat(transcript("""
        sudo su -
        aws s3 ls \\
          --recursive
        echo $((1+2))
        while true; do
          sleep 1
        done
        kubectl get pods -o json | yq
        echo still here
        """)).isEqualTo("""
        $ sudo su -
        netsim: not simulated: sudo su -
        [exit 127]
        $ aws s3 ls \\
        >   --recursive
        netsim: not simulated: aws s3 ls --recursive
        [exit 127]
        $ echo $((1+2))
        netsim: not simulated: echo $((1+2))
        [exit 127]
        $ while true; do
        >   sleep 1
        > done
        netsim: not simulated: while true; do ...
        [exit 127]
        $ kubectl get pods -o json | yq
        netsim: not simulated: kubectl get pods -o json
        netsim: not simulated: yq
        [exit 127]
        $ echo still here
        still here
        """);
  }

  @Test
  void sudoRunsTheCommandAsTheRootWeAlreadyAre() {
    assertThat(transcript("sudo whoami\n/usr/bin/sudo -E /bin/echo hi\n"))
        .isEqualTo("$ sudo whoami\nroot\n$ /usr/bin/sudo -E /bin/echo hi\nhi\n");
  }

  @Test
  void watchRunsItsCommandOnceAndPrintsOnlyItsOutput() {
    assertThat(transcript("watch -d 'echo a;echo b'\nwatch -n 1 -x echo c\n"))
        .isEqualTo("$ watch -d 'echo a;echo b'\na\nb\n$ watch -n 1 -x echo c\nc\n");
  }

  @Test
  void shDashCRunsInAChildShell() {
    assertThat(transcript("x=1\nsh -c 'x=2; echo $x; exit 3'\necho $x\nbash -c 'echo \"'\n"))
        .isEqualTo("$ x=1\n$ sh -c 'x=2; echo $x; exit 3'\n2\n[exit 3]\n$ echo $x\n1\n$ bash -c 'echo \"'\n"
            + "bash: -c: line 1: unexpected EOF while looking for matching `\"'\n[exit 2]\n");
  }

  @Test
  void exportedVariablesReachChildShells() {
    assertThat(transcript("A=local; export B=exported\nbash -c 'echo \"[$A][$B]\"'\nexport -n B\nbash -c 'echo \"[$B]\"'\n"))
        .contains("[][exported]\n", "[]\n");
  }

  @Test
  void nsenterSwitchesTheFollowingLinesUntilExit() {
    shell.namespaces.add("RED");
    shell.tools.tool("where", call -> {
      call.out().println("[" + call.netns() + "]");
      return 0;
    });
    String out = transcript("""
        where
        echo $$
        nsenter --net=/var/run/netns/RED
        where
        echo $$
        exit 3
        echo $?
        where
        nsenter --net=/var/run/netns/RED where
        nsenter -n/run/netns/RED where
        nsenter --net=/var/run/netns/BLUE
        nsenter --net /var/run/netns/RED where
        nsenter --bogus
        """);
    assertThat(out).isEqualTo("""
        $ where
        []
        $ echo $$
        1000
        $ nsenter --net=/var/run/netns/RED
        $ where
        [RED]
        $ echo $$
        1001
        $ exit 3
        [exit 3]
        $ echo $?
        3
        $ where
        []
        $ nsenter --net=/var/run/netns/RED where
        [RED]
        $ nsenter -n/run/netns/RED where
        [RED]
        $ nsenter --net=/var/run/netns/BLUE
        nsenter: cannot open /var/run/netns/BLUE: No such file or directory
        [exit 1]
        $ nsenter --net /var/run/netns/RED where
        nsenter: neither filename nor target pid supplied for ns/net
        [exit 1]
        $ nsenter --bogus
        nsenter: unrecognized option '--bogus'
        Try 'nsenter --help' for more information.
        [exit 1]
        """);
  }

  @Test
  void nsenterByProcessIdAndExecFromATool() {
    shell.namespaces.add("RED");
    shell.tools.tool("where", call -> {
      call.out().println("[" + call.netns() + "]");
      return 0;
    });
    shell.tools.tool("netns-exec", call -> call.exec(call.argv().get(1), call.argv().subList(2, call.argv().size())));
    String out = transcript("""
        nsenter --net=/var/run/netns/RED
        sleep 100 &
        exit
        nsenter -t 1002 -n where
        netns-exec RED sh -c 'where; echo $$'
        netns-exec RED unknown-tool
        """);
    assertThat(out).endsWith("""
        $ nsenter -t 1002 -n where
        [RED]
        $ netns-exec RED sh -c 'where; echo $$'
        [RED]
        1003
        $ netns-exec RED unknown-tool
        netsim: not simulated: unknown-tool
        [exit 127]
        """);
  }

  @Test
  void topLevelExitEndsTheScript() {
    shell.options = shell.options.withEcho(true);
    RunResult result = shell.runMerged("echo a\nexit 4\necho no\n");
    assertThat(shell.out()).isEqualTo("$ echo a\na\n$ exit 4\n[exit 4]\n");
    assertThat(result.status()).isZero();
    assertThat(result.blocks()).extracting(RunResult.BlockOutcome::status).containsExactly(0, 4);
  }

  @Test
  void jobsKillAndWaitOnVirtualTime() {
    String out = transcript("""
        sleep 100 &
        sleep 200 &
        sleep 300 &
        jobs
        jobs -l
        echo $!
        kill $!
        jobs
        wait $!; echo $?
        sleep 150
        jobs
        jobs
        wait; echo $?
        jobs
        kill %2
        kill %9
        kill 99999
        wait %9
        kill
        """);
    assertThat(out).isEqualTo("""
        $ sleep 100 &
        $ sleep 200 &
        $ sleep 300 &
        $ jobs
        [1]   Running                 sleep 100 &
        [2]-  Running                 sleep 200 &
        [3]+  Running                 sleep 300 &
        $ jobs -l
        [1]   1001 Running                 sleep 100 &
        [2]-  1002 Running                 sleep 200 &
        [3]+  1003 Running                 sleep 300 &
        $ echo $!
        1003
        $ kill $!
        $ jobs
        [1]-  Running                 sleep 100 &
        [2]+  Running                 sleep 200 &
        $ wait $!; echo $?
        143
        $ sleep 150
        $ jobs
        [1]-  Done                    sleep 100
        [2]+  Running                 sleep 200 &
        $ jobs
        [2]+  Running                 sleep 200 &
        $ wait; echo $?
        0
        $ jobs
        $ kill %2
        bash: kill: %2: no such job
        [exit 1]
        $ kill %9
        bash: kill: %9: no such job
        [exit 1]
        $ kill 99999
        bash: kill: (99999) - No such process
        [exit 1]
        $ wait %9
        bash: wait: %9: no such job
        [exit 127]
        $ kill
        kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]
        [exit 2]
        """);
    assertThat(shell.world.clock().seconds()).isEqualTo(200);
  }

  @Test
  void sleepArgumentsAsGnuSleepReadsThem() {
    String out = transcript("sleep 0.5 1s 2m\nsleep a b\nsleep\nsleep -1\n");
    assertThat(shell.world.clock().nanos()).isEqualTo(121_500_000_000L);
    assertThat(out).isEqualTo("""
        $ sleep 0.5 1s 2m
        $ sleep a b
        sleep: invalid time interval ‘a’
        sleep: invalid time interval ‘b’
        Try 'sleep --help' for more information.
        [exit 1]
        $ sleep
        sleep: missing operand
        Try 'sleep --help' for more information.
        [exit 1]
        $ sleep -1
        sleep: invalid option -- '1'
        Try 'sleep --help' for more information.
        [exit 1]
        """);
  }

  /** A listener that prints what a sender delivers later, as {@code nc -l} prints a message. */
  private final List<java.io.PrintStream> listeners = new ArrayList<>();

  private void registerListenAndSend() {
    shell.tools.tool("listen", new Tool() {
      @Override
      public int run(Invocation call) {
        return NotSimulated.report(call, "listen in the foreground");
      }

      @Override
      public BackgroundJob start(Invocation call) {
        call.out().println("listening");
        java.io.PrintStream out = call.out();
        listeners.add(out);
        return new BackgroundJob() {
          @Override
          public boolean running() {
            return listeners.contains(out);
          }

          @Override
          public int exitStatus() {
            return 0;
          }

          @Override
          public int stop() {
            listeners.remove(out);
            return 143;
          }
        };
      }
    });
    shell.tools.tool("send", call -> {
      call.out().println("sending " + call.argv().get(1));
      listeners.forEach(l -> l.println("received " + call.argv().get(1)));
      return 0;
    });
  }

  @Test
  void backgroundOutputInterleavesInTheOrderItHappens() {
    registerListenAndSend();
    assertThat(transcript("listen &\nsend one; send two\nkill %1\nsend three\nwait\n")).isEqualTo("""
        $ listen &
        listening
        $ send one; send two
        sending one
        received one
        sending two
        received two
        $ kill %1
        $ send three
        sending three
        $ wait
        """);
  }

  @Test
  void aBackgroundPipelineFiltersWhatTheLiveCommandWritesLater() {
    registerListenAndSend();
    assertThat(transcript("listen | grep -v one &\nsend one\nsend two\njobs\n")).isEqualTo("""
        $ listen | grep -v one &
        listening
        $ send one
        sending one
        $ send two
        sending two
        received two
        $ jobs
        [1]+  Running                 listen | grep -v one &
        """);
  }

  @Test
  void aBackgroundJobKeepsItsRedirection() throws Exception {
    registerListenAndSend();
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("netsim");
    shell.options = shell.options.withFiles(FilePolicy.in(dir));
    transcript("listen > log &\nsend one\n");
    assertThat(java.nio.file.Files.readString(dir.resolve("log"))).isEqualTo("listening\nreceived one\n");
  }

  @Test
  void waitForAJobThatNeverEndsIsNotSimulated() {
    registerListenAndSend();
    assertThat(transcript("listen &\nwait\n")).endsWith("$ wait\nnetsim: not simulated: wait: [1] listen would never end\n[exit 127]\n");
  }

  @Test
  void tracesFollowTheProbesOutputInABox() {
    shell.tools.tool("probe", call -> {
      call.out().println("probe output");
      call.explain("packet 1\n  dropped\n");
      return 1;
    });
    shell.options = shell.options.withTrace(true);
    assertThat(transcript("probe | grep output > /dev/null; echo after\nprobe\n")).isEqualTo("""
        $ probe | grep output > /dev/null; echo after
        ┌─ trace
        │ packet 1
        │   dropped
        └─
        after
        $ probe
        probe output
        ┌─ trace
        │ packet 1
        │   dropped
        └─
        [exit 1]
        """);
  }

  @Test
  void withoutTraceTheExplanationsAreDropped() {
    shell.tools.tool("probe", call -> {
      call.explain("packet 1");
      return 0;
    });
    assertThat(transcript("probe\n")).isEqualTo("$ probe\n");
  }

  @Test
  void strictStopsAtTheFirstCommandNotSimulated() {
    shell.options = shell.options.withEcho(true).withStrict(true);
    RunResult result = shell.runMerged("echo a\naws s3 ls; echo same-line\necho never\n");
    assertThat(result.status()).isEqualTo(127);
    assertThat(result.diagnostic()).isEqualTo("test.sh: line 2: stopped: a command is not simulated (--strict)");
    assertThat(shell.out()).isEqualTo("$ echo a\na\n$ aws s3 ls; echo same-line\nnetsim: not simulated: aws s3 ls\n[exit 127]\n");
  }

  @Test
  void strictAlsoStopsAtWhatAToolReportsAsNotSimulated() {
    shell.options = shell.options.withStrict(true);
    RunResult result = shell.runMerged("grep -P x\necho never\n");
    assertThat(result.status()).isEqualTo(127);
    assertThat(shell.out()).isEqualTo("netsim: not simulated: grep -P x\n");
  }

  @Test
  void aScriptThatDoesNotParseRunsNothing() {
    RunResult result = shell.runMerged("echo first\necho 'unbalanced\n");
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.diagnostic()).isEqualTo("test.sh: line 2: unexpected EOF while looking for matching `''");
    assertThat(result.blocks()).isEmpty();
    assertThat(shell.out()).isEmpty();
  }

  @Test
  void aBadTokenDiagnosticQuotesTheLine() {
    RunResult result = shell.runMerged("echo ok\necho a ;; b\n");
    assertThat(result.diagnostic()).isEqualTo("test.sh: line 2: syntax error near unexpected token `;;'\n"
        + "test.sh: line 2: `echo a ;; b'");
  }

  @Test
  void presetsRunBeforeTheScriptWithTheSameTools() {
    shell.tools.preset("with-var", setup -> setup.run("echo prepared > /dev/null\nsleep 10\n"));
    shell.options = shell.options.withPreset("with-var");
    shell.runMerged("echo hi\n");
    assertThat(shell.world.clock().seconds()).isEqualTo(10);
    assertThat(shell.out()).isEqualTo("hi\n");
  }

  @Test
  void aPresetLineThatFailsIsAProgrammingError() {
    shell.tools.preset("broken", setup -> setup.run("echo ok\ngrep x nofile\n"));
    shell.options = shell.options.withPreset("broken");
    assertThatThrownBy(() -> shell.runMerged("echo hi\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("preset broken: line 2: `grep x nofile' failed with status 2");
  }

  @Test
  void anUnknownPresetIsCallerMisuse() {
    shell.options = shell.options.withPreset("nope");
    assertThatThrownBy(() -> shell.runMerged("echo hi\n")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown preset `nope'");
  }

  @Test
  void standardErrorStaysApartWhenAskedTo() {
    shell.run("echo out; grep x nofile; echo err >&2\n");
    assertThat(shell.out()).isEqualTo("out\n");
    assertThat(shell.err()).isEqualTo("grep: nofile: Permission denied\nerr\n");
  }

  @Test
  void hostnameAndEnvironment() {
    assertThat(transcript("hostname\necho $HOME $USER $HOSTNAME\nexport | grep HOME\n"))
        .isEqualTo("$ hostname\nnetsim\n$ echo $HOME $USER $HOSTNAME\n/root root netsim\n$ export | grep HOME\n"
            + "declare -x HOME=\"/root\"\n");
  }
}
