package dev.netsim.sim.shell.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.netsim.sim.shell.syntax.WordPart.CommandSubstitution;
import dev.netsim.sim.shell.syntax.WordPart.Literal;
import dev.netsim.sim.shell.syntax.WordPart.Parameter;
import dev.netsim.sim.shell.syntax.WordPart.Unsupported;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The parser: every construct of the subset, and bash's syntax errors with their line numbers. */
class ParserTest {
  private static Script parse(String text) {
    try {
      return Script.parse(text);
    } catch (SyntaxError e) {
      throw new AssertionError("line " + e.line() + ": " + e.getMessage(), e);
    }
  }

  private static Command.Simple only(String text) {
    Script script = parse(text);
    assertThat(script.blocks()).hasSize(1);
    CommandList.Item item = script.blocks().get(0).commands().items().get(0);
    return (Command.Simple) item.andOr().pipelines().get(0).commands().get(0);
  }

  private static List<String> literalWords(Command.Simple command) {
    return command.words().stream().map(Word::literal).toList();
  }

  @Test
  void aLastLineWithoutItsNewlineIsOneBlock() {
    assertThat(parse("echo a\necho hi").blocks()).extracting(Block::firstLine).containsExactly("echo a", "echo hi");
    assertThat(parse("echo hi").blocks()).hasSize(1);
  }

  @Test
  void quotingAsBashReadsIt() {
    Command.Simple command = only("echo 'a  $b' \"c $d\" e\\ f \\$g \"\\$h \\x\" ''\n");
    assertThat(command.words().get(1).literal()).isEqualTo("a  $b");
    assertThat(command.words().get(2).parts())
        .containsExactly(new Literal("c ", true), new Parameter("d", "", null, true));
    assertThat(command.words().get(3).literal()).isEqualTo("e f");
    assertThat(command.words().get(4).literal()).isEqualTo("$g");
    assertThat(command.words().get(5).literal()).isEqualTo("$h \\x");
    assertThat(command.words().get(6).literal()).isEmpty();
    assertThat(command.words().get(6).quoted()).isTrue();
  }

  @Test
  void ansiCQuotingAndMixedWords() {
    assertThat(only("echo $'a\\tb\\x41\\'' pre\"mid\"'post'\n").words().stream().map(Word::literal))
        .containsExactly("echo", "a\tbA'", "premidpost");
  }

  @Test
  void commentsStartOnlyAtAWord() {
    assertThat(literalWords(only("echo a#b # a comment\n"))).containsExactly("echo", "a#b");
  }

  @Test
  void parametersAndTheirOperators() {
    Command.Simple command = only("echo $x ${y} $? $$ $! ${#z} ${u:-dflt} ${v:=set} $1\n");
    assertThat(command.words().stream().skip(1).map(w -> (Parameter) w.parts().get(0)).map(p -> p.name() + p.op()))
        .containsExactly("x", "y", "?", "$", "!", "z#", "u:-", "v:=", "1");
    Parameter withDefault = (Parameter) command.words().get(7).parts().get(0);
    assertThat(withDefault.argument().literal()).isEqualTo("dflt");
  }

  @Test
  void expansionsNetsimDoesNotPerformAreKeptAsUnsupported() {
    Command.Simple command = only("echo $((1+2)) ${x/a/b} <(ls)\n");
    assertThat(command.words().stream().skip(1).map(w -> w.parts().get(0)))
        .allMatch(p -> p instanceof Unsupported)
        .extracting(p -> ((Unsupported) p).source())
        .containsExactly("$((1+2))", "${x/a/b}", "<(ls)");
  }

  @Test
  void commandSubstitutionBothForms() {
    Command.Simple command = only("docker stop $(docker ps -a -q) `echo x`\n");
    CommandSubstitution dollar = (CommandSubstitution) command.words().get(2).parts().get(0);
    assertThat(dollar.source()).isEqualTo("$(docker ps -a -q)");
    assertThat(dollar.commands().items().get(0).source()).isEqualTo("docker ps -a -q");
    CommandSubstitution backquote = (CommandSubstitution) command.words().get(3).parts().get(0);
    assertThat(backquote.commands().items().get(0).source()).isEqualTo("echo x");
  }

  @Test
  void assignmentsBeforeTheCommand() {
    Command.Simple command = only("A=1 B+=\"x y\" cmd C=3\n");
    assertThat(command.assignments()).extracting(Assignment::name, Assignment::append)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("A", false), org.assertj.core.groups.Tuple.tuple("B", true));
    assertThat(literalWords(command)).containsExactly("cmd", "C=3");
  }

  @Test
  void listsAndOrsPipelinesAndBackground() {
    Script script = parse("a; b && c || ! d | e & f\n");
    CommandList list = script.blocks().get(0).commands();
    assertThat(list.items()).extracting(CommandList.Item::source, CommandList.Item::background).containsExactly(
        org.assertj.core.groups.Tuple.tuple("a", false),
        org.assertj.core.groups.Tuple.tuple("b && c || ! d | e", true),
        org.assertj.core.groups.Tuple.tuple("f", false));
    AndOr andOr = list.items().get(1).andOr();
    assertThat(andOr.connectors()).containsExactly(AndOr.Connector.AND, AndOr.Connector.OR);
    assertThat(andOr.pipelines().get(2).negated()).isTrue();
    assertThat(andOr.pipelines().get(2).commands()).hasSize(2);
  }

  @Test
  void redirections() {
    Command.Simple command = only("cmd <in >out 2>>log 2>&1 >&2 &>both &>>all 3>x >|clobber <<<here >&file\n");
    assertThat(command.redirects()).extracting(Redirect::fd, Redirect::op).containsExactly(
        org.assertj.core.groups.Tuple.tuple(0, Redirect.Op.READ),
        org.assertj.core.groups.Tuple.tuple(1, Redirect.Op.WRITE),
        org.assertj.core.groups.Tuple.tuple(2, Redirect.Op.APPEND),
        org.assertj.core.groups.Tuple.tuple(2, Redirect.Op.DUPLICATE),
        org.assertj.core.groups.Tuple.tuple(1, Redirect.Op.DUPLICATE),
        org.assertj.core.groups.Tuple.tuple(1, Redirect.Op.WRITE_BOTH),
        org.assertj.core.groups.Tuple.tuple(1, Redirect.Op.APPEND_BOTH),
        org.assertj.core.groups.Tuple.tuple(3, Redirect.Op.WRITE),
        org.assertj.core.groups.Tuple.tuple(1, Redirect.Op.WRITE),
        org.assertj.core.groups.Tuple.tuple(0, Redirect.Op.HERE_STRING),
        org.assertj.core.groups.Tuple.tuple(1, Redirect.Op.WRITE_BOTH));
    assertThat(literalWords(command)).containsExactly("cmd");
  }

  @Test
  void pipeWithStandardErrorAddsTheDuplication() {
    Script script = parse("a |& b\n");
    Command.Simple first = (Command.Simple) script.blocks().get(0).commands().items().get(0).andOr().pipelines().get(0)
        .commands().get(0);
    assertThat(first.redirects()).extracting(Redirect::fd, Redirect::op)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, Redirect.Op.DUPLICATE));
  }

  @Test
  void hereDocumentsExpandUnlessTheDelimiterIsQuoted() {
    Script script = parse("cat <<EOF\nx $y \\$z\nEOF\ncat <<'EOF'\nx $y\nEOF\ncat <<\"E\"F\nq\nEF\n");
    assertThat(script.blocks()).hasSize(3);
    HereDoc expanded = hereDoc(script.blocks().get(0));
    assertThat(expanded.expand()).isTrue();
    assertThat(expanded.body().parts()).containsExactly(
        new Literal("x ", true), new Parameter("y", "", null, true), new Literal(" $z\n", true));
    HereDoc literal = hereDoc(script.blocks().get(1));
    assertThat(literal.expand()).isFalse();
    assertThat(literal.body().literal()).isEqualTo("x $y\n");
    assertThat(hereDoc(script.blocks().get(2)).delimiter()).isEqualTo("EF");
  }

  @Test
  void hereDocumentWithDashStripsLeadingTabs() {
    HereDoc hereDoc = hereDoc(parse("cat <<-EOF\n\t\tindented\n\tEOF\n").blocks().get(0));
    assertThat(hereDoc.body().literal()).isEqualTo("indented\n");
  }

  @Test
  void twoHereDocumentsOnALineAndAPipeAfterTheBody() {
    Script script = parse("cat <<A - <<B |\none\nA\ntwo\nB\ngrep o\n");
    Block block = script.blocks().get(0);
    assertThat(block.echoLines()).containsExactly("cat <<A - <<B |", "grep o");
    Command.Simple cat = (Command.Simple) block.commands().items().get(0).andOr().pipelines().get(0).commands().get(0);
    assertThat(cat.redirects()).extracting(r -> r.hereDoc().body().literal()).containsExactly("one\n", "two\n");
  }

  private static HereDoc hereDoc(Block block) {
    Command.Simple command = (Command.Simple) block.commands().items().get(0).andOr().pipelines().get(0).commands().get(0);
    return command.redirects().get(0).hereDoc();
  }

  @Test
  void blocksAreLinesWithTheirContinuationsAndBodies() {
    Script script = parse("# comment\n\necho a \\\n  b\niptables-restore <<'EOF'\n*filter\nCOMMIT\nEOF\n  # indented\nx=1\n");
    assertThat(script.blocks()).extracting(Block::line, Block::echoLines).containsExactly(
        org.assertj.core.groups.Tuple.tuple(3, List.of("echo a \\", "  b")),
        org.assertj.core.groups.Tuple.tuple(5, List.of("iptables-restore <<'EOF'")),
        org.assertj.core.groups.Tuple.tuple(9, List.of("  # indented")),
        org.assertj.core.groups.Tuple.tuple(10, List.of("x=1")));
    assertThat(script.blocks().get(2).commands().items()).isEmpty();
    assertThat(literalWords((Command.Simple) script.blocks().get(0).commands().items().get(0).andOr().pipelines().get(0)
        .commands().get(0))).containsExactly("echo", "a", "b");
  }

  @Test
  void andOrAndPipeContinueOnTheNextLine() {
    Script script = parse("a &&\n  b |\n  c\nd\n");
    assertThat(script.blocks()).hasSize(2);
    assertThat(script.blocks().get(0).echoLines()).containsExactly("a &&", "  b |", "  c");
  }

  @Test
  void windowsLineEndingsAreLines() {
    assertThat(literalWords(only("echo a\r\n"))).containsExactly("echo", "a");
  }

  @Test
  void compoundCommandsAreParsedWhole() {
    Script script = parse("""
        while true; do
          date
          sleep 1
        done
        if [ -f x ]; then echo a; elif true; then :; else echo b; fi
        for i in 1 2 3; do echo $i; done
        for ((i=0; i<3; i++)); do echo $i; done
        case $x in a|b) echo ab;; (c) ;; *) echo other;; esac
        { echo a; echo b; } > out
        (cd /tmp && ls)
        [[ -n $x && $y == z ]]
        (( x > 1 ))
        f() { echo f; }
        function g { echo g; }
        """);
    assertThat(script.blocks()).extracting(b -> b.commands().items().get(0).andOr().pipelines().get(0).commands().get(0))
        .allMatch(c -> c instanceof Command.Compound)
        .extracting(c -> ((Command.Compound) c).keyword())
        .containsExactly("while", "if", "for", "for", "case", "{", "(", "[[", "(", "function", "function");
    assertThat(script.blocks().get(0).echoLines()).hasSize(4);
  }

  @Test
  void aKeywordIsOnlyReservedAsAWholeCommandWord() {
    assertThat(literalWords(only("echo if then done {a,b} }\n"))).containsExactly("echo", "if", "then", "done", "{a,b}", "}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = "~", textBlock = """
      echo a\\necho 'unterminated\\necho b\\n ~ 2 ~ unexpected EOF while looking for matching `''
      echo a\\necho "x" "unterminated\\necho b\\n ~ 2 ~ unexpected EOF while looking for matching `"'
      echo a\\ncat <<EOF\\nbody\\n ~ 2 ~ here-document delimited by end-of-file (wanted `EOF')
      echo a\\ncat <<'END'\\nbody\\nEND \\n ~ 2 ~ here-document delimited by end-of-file (wanted `END')
      echo a\\necho $(foo\\necho b\\n ~ 2 ~ unexpected EOF while looking for matching `)'
      echo `foo\\n ~ 1 ~ unexpected EOF while looking for matching ``'
      echo ${x\\n\\n ~ 1 ~ unexpected EOF while looking for matching `}'
      echo $((1+2\\n ~ 1 ~ unexpected EOF while looking for matching `)'
      echo ok\\necho a ;; b\\n ~ 2 ~ syntax error near unexpected token `;;'
      | cat\\n ~ 1 ~ syntax error near unexpected token `|'
      echo a |\\n ~ 1 ~ syntax error: unexpected end of file
      echo a &&\\n ~ 1 ~ syntax error: unexpected end of file
      echo >\\n ~ 1 ~ syntax error near unexpected token `newline'
      cat <<\\n ~ 1 ~ syntax error near unexpected token `newline'
      echo )\\n ~ 1 ~ syntax error near unexpected token `)'
      echo ok\\nwhile true; do\\necho x\\n ~ 2 ~ syntax error: unexpected end of file
      done\\n ~ 1 ~ syntax error near unexpected token `done'
      }\\n ~ 1 ~ syntax error near unexpected token `}'
      echo a & ; b\\n ~ 1 ~ syntax error near unexpected token `;'
      ping x >> foo(bar)\\n ~ 1 ~ syntax error near unexpected token `('
      if then fi\\n ~ 1 ~ syntax error near unexpected token `then'
      while true; do done\\n ~ 1 ~ syntax error near unexpected token `done'
      ;\\n ~ 1 ~ syntax error near unexpected token `;'
      echo a\\n\\n(\\n ~ 3 ~ unexpected EOF while looking for matching `)'
      """)
  void syntaxErrorsWithBashsWordsAndTheLine(String script, int line, String message) {
    SyntaxError error = catchThrowableOfType(() -> Script.parse(script.strip().replace("\\n", "\n")), SyntaxError.class);
    assertThat(error).as(script).isNotNull();
    assertThat(error.line()).isEqualTo(line);
    assertThat(error.getMessage()).isEqualTo(message);
  }

  @Test
  void aBadTokenErrorQuotesTheLineAsBashDoes() {
    SyntaxError error = catchThrowableOfType(() -> Script.parse("echo ok\necho a ;; b\n"), SyntaxError.class);
    assertThat(error.sourceLine()).isEqualTo("echo a ;; b");
  }
}
