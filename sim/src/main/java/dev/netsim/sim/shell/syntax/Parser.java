package dev.netsim.sim.shell.syntax;

import dev.netsim.sim.shell.syntax.AndOr.Connector;
import dev.netsim.sim.shell.syntax.WordPart.CommandSubstitution;
import dev.netsim.sim.shell.syntax.WordPart.Literal;
import dev.netsim.sim.shell.syntax.WordPart.Parameter;
import dev.netsim.sim.shell.syntax.WordPart.Unsupported;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses bash's grammar: quoting, expansions, redirections, here-documents, pipelines, lists and compound
 * commands. Compound commands are parsed for their extent and syntax only. The whole text is parsed before
 * anything runs, so a script with a syntax error runs nothing.
 */
final class Parser {
  private static final Set<String> RESERVED = Set.of(
      "if", "then", "else", "elif", "fi", "do", "done", "case", "esac", "while", "until", "for", "select",
      "function", "{", "}", "[[", "!");
  private static final Set<String> NO_STOP = Set.of();

  private record PendingHereDoc(HereDoc hereDoc, int line) {}

  private final String src;
  private final String[] lines;
  private final int firstLine;
  private int pos;
  private int line;
  private final ArrayDeque<PendingHereDoc> pending = new ArrayDeque<>();
  private final Set<Integer> hereDocLines = new HashSet<>();

  Parser(String text, int firstLine) {
    this.src = text.replace("\r\n", "\n");
    this.lines = src.split("\n", -1);
    this.firstLine = firstLine;
    this.line = firstLine;
  }

  // ---- blocks and lists ----

  Script parseScript() throws SyntaxError {
    List<Block> blocks = new ArrayList<>();
    while (true) {
      int startLine = line;
      skipBlanks();
      skipComment();
      if (eof() || peek() == '\n') {
        String text = lineText(startLine);
        // A transcript shows every line that is neither empty nor starts with '#', as the kernel harness of
        // `netsim conform` does.
        if (text != null && !text.isEmpty() && !text.startsWith("#")) {
          blocks.add(new Block(startLine, List.of(text), new CommandList(List.of())));
        }
        if (eof()) {
          break;
        }
        newline();
        continue;
      }
      CommandList commands = parseList();
      int endLine = line;
      if (eof()) {
        endOfInput();
      } else {
        newline();
      }
      List<String> echo = new ArrayList<>();
      for (int l = startLine; l <= endLine; l++) {
        if (!hereDocLines.contains(l)) {
          echo.add(lineText(l));
        }
      }
      blocks.add(new Block(startLine, echo, commands));
      if (eof()) {
        break; // a last line without its newline: it is this block, not another one
      }
    }
    return new Script(blocks);
  }

  /** A top-level list: and-or lists up to the end of the line. */
  private CommandList parseList() throws SyntaxError {
    List<CommandList.Item> items = new ArrayList<>();
    while (true) {
      skipBlanks();
      skipComment();
      if (eof() || peek() == '\n') {
        break;
      }
      int start = pos;
      AndOr andOr = parseAndOr();
      String source = src.substring(start, pos).strip();
      skipBlanks();
      if (at(";") && !at(";;") && !at(";&")) {
        pos++;
        items.add(new CommandList.Item(andOr, false, source));
      } else if (at("&") && !at("&&")) {
        pos++;
        items.add(new CommandList.Item(andOr, true, source));
      } else {
        items.add(new CommandList.Item(andOr, false, source));
        skipComment();
        if (!eof() && peek() != '\n') {
          throw unexpectedToken();
        }
        break;
      }
    }
    return new CommandList(items);
  }

  /**
   * A list inside a compound command or a command substitution, where newlines separate commands. Stops
   * before one of {@code stopWords} at a command's start, before {@code ;;}, before {@code )} when
   * {@code stopAtParen}, or at the end of the text when {@code untilEof}; the end of the text is otherwise
   * an error.
   */
  private CommandList parseCompoundList(
      Set<String> stopWords, boolean stopAtParen, boolean untilEof, boolean mayBeEmpty, int startLine)
      throws SyntaxError {
    List<CommandList.Item> items = new ArrayList<>();
    while (true) {
      skipBlanksCommentsNewlines();
      if (eof()) {
        if (untilEof) {
          break;
        }
        throw stopAtParen ? unmatched(')', startLine) : unexpectedEof(startLine);
      }
      String word = peekReservedWord();
      boolean stop = (stopAtParen && peek() == ')') || atCaseEnd() || (word != null && stopWords.contains(word));
      if (stop) {
        if (items.isEmpty() && !mayBeEmpty) {
          throw unexpectedToken();
        }
        break;
      }
      int start = pos;
      AndOr andOr = parseAndOr();
      String source = src.substring(start, pos).strip();
      skipBlanks();
      boolean background = false;
      if (at(";") && !at(";;") && !at(";&")) {
        pos++;
      } else if (at("&") && !at("&&")) {
        pos++;
        background = true;
      } else {
        skipComment();
        if (!eof() && peek() != '\n') {
          String next = peekReservedWord();
          boolean terminator = (stopAtParen && peek() == ')') || atCaseEnd() || (next != null && stopWords.contains(next));
          if (!terminator) {
            throw unexpectedToken();
          }
        }
      }
      items.add(new CommandList.Item(andOr, background, source));
    }
    return new CommandList(items);
  }

  private AndOr parseAndOr() throws SyntaxError {
    List<Pipeline> pipelines = new ArrayList<>();
    List<Connector> connectors = new ArrayList<>();
    pipelines.add(parsePipeline());
    while (true) {
      skipBlanks();
      if (!at("&&") && !at("||")) {
        break;
      }
      int opLine = line;
      connectors.add(at("&&") ? Connector.AND : Connector.OR);
      pos += 2;
      skipBlanksCommentsNewlines();
      if (eof()) {
        throw unexpectedEof(opLine);
      }
      pipelines.add(parsePipeline());
    }
    return new AndOr(pipelines, connectors);
  }

  private Pipeline parsePipeline() throws SyntaxError {
    skipBlanks();
    boolean negated = false;
    if ("!".equals(peekReservedWord())) {
      pos++;
      negated = true;
      skipBlanks();
    }
    List<Command> commands = new ArrayList<>();
    commands.add(parseCommand());
    while (true) {
      skipBlanks();
      if (!at("|") || at("||")) {
        break;
      }
      int opLine = line;
      pos++;
      if (at("&")) {
        // `a |& b` is `a 2>&1 | b`.
        pos++;
        int last = commands.size() - 1;
        if (commands.get(last) instanceof Command.Simple simple) {
          List<Redirect> redirects = new ArrayList<>(simple.redirects());
          redirects.add(new Redirect(2, Redirect.Op.DUPLICATE, literalWord("1"), null));
          commands.set(last, new Command.Simple(simple.assignments(), simple.words(), redirects, simple.source()));
        }
      }
      skipBlanksCommentsNewlines();
      if (eof()) {
        throw unexpectedEof(opLine);
      }
      commands.add(parseCommand());
    }
    return new Pipeline(negated, commands);
  }

  // ---- commands ----

  private Command parseCommand() throws SyntaxError {
    skipBlanks();
    if (eof()) {
      throw unexpectedEof(line);
    }
    char c = peek();
    if (c == '\n' || c == ';' || c == '&' || c == '|' || c == ')') {
      throw unexpectedToken();
    }
    if (c == '(') {
      int start = pos;
      int startLine = line;
      if (at("((")) {
        skipArithmetic(startLine);
      } else {
        pos++;
        parseCompoundList(NO_STOP, true, false, false, startLine);
        closeParen();
      }
      return compoundWithRedirects("(", start);
    }
    String word = peekReservedWord();
    if (word != null) {
      return switch (word) {
        case "if" -> parseIf();
        case "while", "until" -> parseLoop(word);
        case "for", "select" -> parseFor(word);
        case "case" -> parseCase();
        case "function" -> parseFunction();
        case "{" -> parseGroup();
        case "[[" -> parseConditional();
        default -> throw unexpectedToken();
      };
    }
    return parseSimple();
  }

  private Command parseSimple() throws SyntaxError {
    int start = pos;
    int end = pos;
    List<Assignment> assignments = new ArrayList<>();
    List<Word> words = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (true) {
      skipBlanks();
      if (eof() || peek() == '#') {
        break;
      }
      char c = peek();
      if (at("<(") || at(">(")) {
        int wordStart = pos;
        pos++;
        skipBalancedParens(line);
        String text = src.substring(wordStart, pos);
        words.add(new Word(List.of(new Unsupported(text, false)), text));
      } else if (redirectAhead()) {
        redirects.add(parseRedirect());
      } else if (c == '(') {
        if (words.size() == 1 && assignments.isEmpty() && redirects.isEmpty()) {
          return parseFunctionBody(start);
        }
        throw unexpectedToken();
      } else if (isMeta(c)) {
        break;
      } else {
        Word word = parseWord();
        Assignment assignment = words.isEmpty() ? asAssignment(word) : null;
        if (assignment != null) {
          assignments.add(assignment);
        } else {
          words.add(word);
        }
      }
      end = pos;
    }
    if (assignments.isEmpty() && words.isEmpty() && redirects.isEmpty()) {
      throw unexpectedToken();
    }
    return new Command.Simple(assignments, words, redirects, src.substring(start, end));
  }

  private static Assignment asAssignment(Word word) {
    if (word.parts().isEmpty() || !(word.parts().get(0) instanceof Literal first) || first.quoted()) {
      return null;
    }
    String text = first.text();
    int eq = text.indexOf('=');
    if (eq <= 0) {
      return null;
    }
    boolean append = text.charAt(eq - 1) == '+';
    String name = text.substring(0, append ? eq - 1 : eq);
    if (!isName(name)) {
      return null;
    }
    List<WordPart> value = new ArrayList<>();
    if (eq + 1 < text.length()) {
      value.add(new Literal(text.substring(eq + 1), false));
    }
    value.addAll(word.parts().subList(1, word.parts().size()));
    return new Assignment(name, append, new Word(value, word.source().substring(word.source().indexOf('=') + 1)));
  }

  private boolean redirectAhead() {
    int p = pos;
    while (p < src.length() && Character.isDigit(src.charAt(p))) {
      p++;
    }
    if (p < src.length() && (src.charAt(p) == '<' || src.charAt(p) == '>')) {
      return true;
    }
    return p == pos && at("&>");
  }

  private Redirect parseRedirect() throws SyntaxError {
    int fd = -1;
    int digits = pos;
    while (Character.isDigit(peek())) {
      pos++;
    }
    if (pos > digits) {
      fd = Integer.parseInt(src.substring(digits, Math.min(pos, digits + 9)));
    }
    Redirect.Op op;
    boolean stripTabs = false;
    boolean greaterAmp = false;
    if (at("&>>")) {
      pos += 3;
      op = Redirect.Op.APPEND_BOTH;
    } else if (at("&>")) {
      pos += 2;
      op = Redirect.Op.WRITE_BOTH;
    } else if (at("<<<")) {
      pos += 3;
      op = Redirect.Op.HERE_STRING;
    } else if (at("<<-")) {
      pos += 3;
      op = Redirect.Op.HERE_DOC;
      stripTabs = true;
    } else if (at("<<")) {
      pos += 2;
      op = Redirect.Op.HERE_DOC;
    } else if (at("<>")) {
      pos += 2;
      op = Redirect.Op.READ_WRITE;
    } else if (at("<&")) {
      pos += 2;
      op = Redirect.Op.DUPLICATE;
    } else if (at(">>")) {
      pos += 2;
      op = Redirect.Op.APPEND;
    } else if (at(">&")) {
      pos += 2;
      op = Redirect.Op.DUPLICATE;
      greaterAmp = true;
    } else if (at(">|")) {
      pos += 2;
      op = Redirect.Op.WRITE;
    } else if (at("<")) {
      pos++;
      op = Redirect.Op.READ;
    } else {
      pos++;
      op = Redirect.Op.WRITE;
    }
    boolean input = op == Redirect.Op.READ || op == Redirect.Op.HERE_DOC || op == Redirect.Op.HERE_STRING
        || op == Redirect.Op.READ_WRITE || (op == Redirect.Op.DUPLICATE && !greaterAmp);
    if (fd < 0) {
      fd = input ? 0 : 1;
    }
    skipBlanks();
    if (eof() || isMeta(peek())) {
      throw unexpectedToken();
    }
    int hereDocLine = line;
    Word target = parseWord();
    if (op == Redirect.Op.HERE_DOC) {
      HereDoc hereDoc = new HereDoc(removeQuotes(target.source()), !hasQuoting(target.source()), stripTabs);
      pending.add(new PendingHereDoc(hereDoc, hereDocLine));
      return new Redirect(fd, op, null, hereDoc);
    }
    if (greaterAmp && fd == 1) {
      String literal = target.literal();
      if (literal == null || !(literal.equals("-") || literal.chars().allMatch(Character::isDigit))) {
        op = Redirect.Op.WRITE_BOTH;
      }
    }
    return new Redirect(fd, op, target, null);
  }

  private Command compoundWithRedirects(String keyword, int start) throws SyntaxError {
    int end = pos;
    while (true) {
      skipBlanks();
      if (eof() || !redirectAhead()) {
        break;
      }
      parseRedirect();
      end = pos;
    }
    return new Command.Compound(keyword, src.substring(start, end));
  }

  private Command parseIf() throws SyntaxError {
    int start = pos;
    int startLine = line;
    expectWord("if", startLine);
    parseCompoundList(Set.of("then"), false, false, false, startLine);
    expectWord("then", startLine);
    while (true) {
      parseCompoundList(Set.of("elif", "else", "fi"), false, false, false, startLine);
      String word = peekReservedWord();
      if ("elif".equals(word)) {
        expectWord("elif", startLine);
        parseCompoundList(Set.of("then"), false, false, false, startLine);
        expectWord("then", startLine);
      } else if ("else".equals(word)) {
        expectWord("else", startLine);
        parseCompoundList(Set.of("fi"), false, false, false, startLine);
        expectWord("fi", startLine);
        break;
      } else {
        expectWord("fi", startLine);
        break;
      }
    }
    return compoundWithRedirects("if", start);
  }

  private Command parseLoop(String keyword) throws SyntaxError {
    int start = pos;
    int startLine = line;
    expectWord(keyword, startLine);
    parseCompoundList(Set.of("do"), false, false, false, startLine);
    parseDoDone(startLine);
    return compoundWithRedirects(keyword, start);
  }

  private void parseDoDone(int startLine) throws SyntaxError {
    expectWord("do", startLine);
    parseCompoundList(Set.of("done"), false, false, false, startLine);
    expectWord("done", startLine);
  }

  private Command parseFor(String keyword) throws SyntaxError {
    int start = pos;
    int startLine = line;
    expectWord(keyword, startLine);
    skipBlanks();
    if (at("((")) {
      skipArithmetic(startLine);
    } else {
      if (eof() || isMeta(peek())) {
        throw eof() ? unexpectedEof(startLine) : unexpectedToken();
      }
      parseWord();
      skipBlanks();
      if (at(";")) {
        pos++;
      }
      skipBlanksCommentsNewlines();
      if (atWord("in")) {
        pos += 2;
        while (true) {
          skipBlanks();
          if (eof()) {
            throw unexpectedEof(startLine);
          }
          if (peek() == ';' || peek() == '\n') {
            break;
          }
          if (isMeta(peek())) {
            throw unexpectedToken();
          }
          parseWord();
        }
      }
    }
    skipBlanks();
    if (at(";")) {
      pos++;
    }
    skipBlanksCommentsNewlines();
    if (eof()) {
      throw unexpectedEof(startLine);
    }
    parseDoDone(startLine);
    return compoundWithRedirects(keyword, start);
  }

  private Command parseCase() throws SyntaxError {
    int start = pos;
    int startLine = line;
    expectWord("case", startLine);
    skipBlanks();
    if (eof() || isMeta(peek())) {
      throw eof() ? unexpectedEof(startLine) : unexpectedToken();
    }
    parseWord();
    skipBlanksCommentsNewlines();
    if (!atWord("in")) {
      throw eof() ? unexpectedEof(startLine) : unexpectedToken();
    }
    pos += 2;
    while (true) {
      skipBlanksCommentsNewlines();
      if (eof()) {
        throw unexpectedEof(startLine);
      }
      if ("esac".equals(peekReservedWord())) {
        pos += 4;
        break;
      }
      if (peek() == '(') {
        pos++;
      }
      while (true) {
        skipBlanks();
        if (eof()) {
          throw unexpectedEof(startLine);
        }
        if (isMeta(peek())) {
          throw unexpectedToken();
        }
        parseWord();
        skipBlanks();
        if (at("|")) {
          pos++;
        } else if (at(")")) {
          pos++;
          break;
        } else {
          throw eof() ? unexpectedEof(startLine) : unexpectedToken();
        }
      }
      parseCompoundList(Set.of("esac"), false, false, true, startLine);
      if (at(";;&")) {
        pos += 3;
      } else if (at(";;") || at(";&")) {
        pos += 2;
      } else if (!"esac".equals(peekReservedWord())) {
        throw unexpectedToken();
      }
    }
    return compoundWithRedirects("case", start);
  }

  private Command parseFunction() throws SyntaxError {
    int start = pos;
    int startLine = line;
    expectWord("function", startLine);
    skipBlanks();
    if (eof() || isMeta(peek())) {
      throw eof() ? unexpectedEof(startLine) : unexpectedToken();
    }
    parseWord();
    skipBlanks();
    if (at("(")) {
      return parseFunctionBody(start);
    }
    skipBlanksCommentsNewlines();
    parseCommand();
    return new Command.Compound("function", src.substring(start, pos));
  }

  /** After {@code name}: {@code ( )} and the body. */
  private Command parseFunctionBody(int start) throws SyntaxError {
    pos++;
    skipBlanks();
    if (!at(")")) {
      throw unexpectedToken();
    }
    pos++;
    skipBlanksCommentsNewlines();
    if (eof()) {
      throw unexpectedEof(line);
    }
    parseCommand();
    return new Command.Compound("function", src.substring(start, pos));
  }

  private Command parseGroup() throws SyntaxError {
    int start = pos;
    int startLine = line;
    expectWord("{", startLine);
    parseCompoundList(Set.of("}"), false, false, false, startLine);
    expectWord("}", startLine);
    return compoundWithRedirects("{", start);
  }

  private Command parseConditional() throws SyntaxError {
    int start = pos;
    int startLine = line;
    pos += 2;
    while (true) {
      skipBlanks();
      if (eof()) {
        throw unexpectedEof(startLine);
      }
      if (atWord("]]")) {
        pos += 2;
        break;
      }
      if (at("&&") || at("||")) {
        pos += 2;
      } else if ("()<>!".indexOf(peek()) >= 0) {
        pos++;
      } else if (isMeta(peek())) {
        throw unexpectedToken();
      } else {
        parseWord();
      }
    }
    return compoundWithRedirects("[[", start);
  }

  private void skipArithmetic(int startLine) throws SyntaxError {
    pos += 2;
    int depth = 0;
    while (true) {
      if (eof()) {
        throw unmatched(')', startLine);
      }
      char c = src.charAt(pos);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0 && at("))")) {
          pos += 2;
          return;
        }
        depth--;
      } else if (c == '\n') {
        line++;
      }
      pos++;
    }
  }

  /** At {@code (}: skips to after the matching {@code )}, honouring quotes. */
  private void skipBalancedParens(int startLine) throws SyntaxError {
    pos++;
    parseCompoundList(NO_STOP, true, false, true, startLine);
    closeParen();
  }

  private void closeParen() throws SyntaxError {
    if (peek() != ')') {
      throw unexpectedToken();
    }
    pos++;
  }

  private void expectWord(String word, int startLine) throws SyntaxError {
    skipBlanks();
    if (word.equals(peekReservedWord())) {
      pos += word.length();
      return;
    }
    throw eof() ? unexpectedEof(startLine) : unexpectedToken();
  }

  // ---- words ----

  /** Collects word parts, merging adjacent literal text of the same quoting. */
  private static final class Parts {
    private final List<WordPart> parts = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean textQuoted;
    /** Whether {@link #text} holds a literal, possibly an empty quoted one ({@code ''} is a word). */
    private boolean started;

    void literal(String s, boolean quoted) {
      if (started && textQuoted != quoted) {
        flush();
      }
      textQuoted = quoted;
      started = true;
      text.append(s);
    }

    void literal(char c, boolean quoted) {
      literal(String.valueOf(c), quoted);
    }

    void add(WordPart part) {
      flush();
      parts.add(part);
    }

    private void flush() {
      if (started) {
        parts.add(new Literal(text.toString(), textQuoted));
        text.setLength(0);
        started = false;
      }
    }

    List<WordPart> build() {
      flush();
      return parts;
    }
  }

  /** An unquoted word up to the next blank or metacharacter. */
  private Word parseWord() throws SyntaxError {
    int start = pos;
    Parts parts = new Parts();
    while (!eof()) {
      char c = peek();
      if (isMeta(c) || c == ' ' || c == '\t') {
        break;
      }
      switch (c) {
        case '\\' -> {
          if (at("\\\n")) {
            pos += 2;
            line++;
          } else if (pos + 1 >= src.length()) {
            pos++;
            parts.literal('\\', false);
          } else {
            parts.literal(src.charAt(pos + 1), true);
            pos += 2;
          }
        }
        case '\'' -> parts.literal(parseSingleQuoted(), true);
        case '"' -> parseDoubleQuoted(parts);
        case '$' -> parseDollar(parts, false);
        case '`' -> parseBackquote(parts, false);
        default -> {
          parts.literal(c, false);
          pos++;
        }
      }
    }
    return new Word(parts.build(), src.substring(start, pos));
  }

  private String parseSingleQuoted() throws SyntaxError {
    int startLine = line;
    int close = src.indexOf('\'', pos + 1);
    if (close < 0) {
      throw unmatched('\'', startLine);
    }
    String text = src.substring(pos + 1, close);
    line += count(text, '\n');
    pos = close + 1;
    return text;
  }

  private void parseDoubleQuoted(Parts parts) throws SyntaxError {
    int startLine = line;
    pos++;
    boolean empty = true;
    while (true) {
      if (eof()) {
        throw unmatched('"', startLine);
      }
      char c = peek();
      if (c == '"') {
        pos++;
        break;
      }
      empty = false;
      switch (c) {
        case '\\' -> {
          char next = pos + 1 < src.length() ? src.charAt(pos + 1) : 0;
          if (next == '\n') {
            pos += 2;
            line++;
          } else if (next == '$' || next == '`' || next == '"' || next == '\\') {
            parts.literal(next, true);
            pos += 2;
          } else {
            parts.literal('\\', true);
            pos++;
          }
        }
        case '$' -> parseDollar(parts, true);
        case '`' -> parseBackquote(parts, true);
        default -> {
          if (c == '\n') {
            line++;
          }
          parts.literal(c, true);
          pos++;
        }
      }
    }
    if (empty) {
      parts.literal("", true);
    }
  }

  private void parseDollar(Parts parts, boolean quoted) throws SyntaxError {
    int start = pos;
    int startLine = line;
    pos++;
    if (eof()) {
      parts.literal('$', quoted);
      return;
    }
    char c = peek();
    if (c == '(') {
      if (at("((")) {
        skipArithmetic(startLine);
        parts.add(new Unsupported(src.substring(start, pos), quoted));
        return;
      }
      pos++;
      CommandList commands = parseCompoundList(NO_STOP, true, false, true, startLine);
      closeParen();
      parts.add(new CommandSubstitution(commands, src.substring(start, pos), quoted));
    } else if (c == '{') {
      parseBraceParameter(parts, quoted, start, startLine);
    } else if (c == '\'' && !quoted) {
      parts.literal(parseAnsiC(startLine), true);
    } else if (c == '"' && !quoted) {
      parseDoubleQuoted(parts);
    } else if (Character.isLetter(c) || c == '_') {
      int nameStart = pos;
      while (!eof() && (Character.isLetterOrDigit(peek()) || peek() == '_') && peek() < 128) {
        pos++;
      }
      if (pos == nameStart) {
        parts.literal('$', quoted);
        return;
      }
      parts.add(new Parameter(src.substring(nameStart, pos), "", null, quoted));
    } else if (Character.isDigit(c) || "?$!#@*-".indexOf(c) >= 0) {
      pos++;
      parts.add(new Parameter(String.valueOf(c), "", null, quoted));
    } else {
      parts.literal('$', quoted);
    }
  }

  private void parseBraceParameter(Parts parts, boolean quoted, int start, int startLine) throws SyntaxError {
    pos++;
    int nameStart = pos;
    boolean length = at("#") && pos + 1 < src.length() && src.charAt(pos + 1) != '}';
    if (length) {
      pos++;
      nameStart = pos;
    }
    while (!eof() && (Character.isLetterOrDigit(peek()) || peek() == '_') && peek() < 128) {
      pos++;
    }
    if (pos == nameStart && !eof() && "?$!#@*-".indexOf(peek()) >= 0) {
      pos++;
    }
    String name = src.substring(nameStart, pos);
    boolean validName = !name.isEmpty() && (isName(name) || name.chars().allMatch(Character::isDigit) || name.length() == 1);
    if (validName && at("}")) {
      pos++;
      parts.add(new Parameter(name, length ? "#" : "", null, quoted));
      return;
    }
    String op = null;
    if (validName && !length) {
      for (String candidate : List.of(":-", ":+", ":=", "-", "+", "=")) {
        if (at(candidate)) {
          op = candidate;
          break;
        }
      }
    }
    if (op == null) {
      skipToBrace(startLine);
      parts.add(new Unsupported(src.substring(start, pos), quoted));
      return;
    }
    pos += op.length();
    int argStart = pos;
    Parts argument = new Parts();
    while (true) {
      if (eof()) {
        throw unmatched('}', startLine);
      }
      char c = peek();
      if (c == '}') {
        break;
      }
      switch (c) {
        case '\\' -> {
          if (pos + 1 < src.length()) {
            argument.literal(src.charAt(pos + 1), true);
            pos += 2;
          } else {
            pos++;
          }
        }
        case '\'' -> {
          if (quoted) {
            argument.literal('\'', true);
            pos++;
          } else {
            argument.literal(parseSingleQuoted(), true);
          }
        }
        case '"' -> parseDoubleQuoted(argument);
        case '$' -> parseDollar(argument, quoted);
        case '`' -> parseBackquote(argument, quoted);
        default -> {
          if (c == '\n') {
            line++;
          }
          argument.literal(c, quoted);
          pos++;
        }
      }
    }
    Word arg = new Word(argument.build(), src.substring(argStart, pos));
    pos++;
    parts.add(new Parameter(name, op, arg, quoted));
  }

  /** Skips to after the {@code }} that closes a {@code ${...}}, honouring quotes and nesting. */
  private void skipToBrace(int startLine) throws SyntaxError {
    int depth = 0;
    while (true) {
      if (eof()) {
        throw unmatched('}', startLine);
      }
      char c = peek();
      if (c == '}') {
        pos++;
        if (depth == 0) {
          return;
        }
        depth--;
      } else if (c == '\\') {
        pos = Math.min(pos + 2, src.length());
      } else if (c == '\'') {
        parseSingleQuoted();
      } else if (c == '"') {
        parseDoubleQuoted(new Parts());
      } else if (at("${")) {
        pos += 2;
        depth++;
      } else if (at("$(")) {
        parseDollar(new Parts(), false);
      } else {
        if (c == '\n') {
          line++;
        }
        pos++;
      }
    }
  }

  /** {@code $'...'}: backslash escapes as bash's ANSI-C quoting reads them. */
  private String parseAnsiC(int startLine) throws SyntaxError {
    pos++;
    StringBuilder text = new StringBuilder();
    while (true) {
      if (eof()) {
        throw unmatched('\'', startLine);
      }
      char c = peek();
      pos++;
      if (c == '\'') {
        return text.toString();
      }
      if (c == '\n') {
        line++;
      }
      if (c != '\\' || eof()) {
        text.append(c);
        continue;
      }
      char e = peek();
      pos++;
      switch (e) {
        case 'n' -> text.append('\n');
        case 't' -> text.append('\t');
        case 'r' -> text.append('\r');
        case 'a' -> text.append('\u0007');
        case 'b' -> text.append('\b');
        case 'e', 'E' -> text.append('\u001b');
        case 'f' -> text.append('\f');
        case 'v' -> text.append('\u000b');
        case '\\', '\'', '"', '?' -> text.append(e);
        case 'x' -> text.append((char) readDigits(16, 2, 0));
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          pos--;
          text.append((char) readDigits(8, 3, 0));
        }
        default -> text.append('\\').append(e);
      }
    }
  }

  private int readDigits(int radix, int max, int initial) {
    int value = initial;
    int n = 0;
    while (n < max && !eof() && Character.digit(peek(), radix) >= 0) {
      value = value * radix + Character.digit(peek(), radix);
      pos++;
      n++;
    }
    return value & 0xff;
  }

  /** {@code `...`}: the text up to the closing backquote, unescaped, parsed as commands. */
  private void parseBackquote(Parts parts, boolean quoted) throws SyntaxError {
    int start = pos;
    int startLine = line;
    pos++;
    StringBuilder inner = new StringBuilder();
    while (true) {
      if (eof()) {
        throw unmatched('`', startLine);
      }
      char c = peek();
      if (c == '`') {
        pos++;
        break;
      }
      if (c == '\\' && pos + 1 < src.length()) {
        char next = src.charAt(pos + 1);
        if (next == '$' || next == '`' || next == '\\' || (quoted && next == '"')) {
          inner.append(next);
          pos += 2;
          continue;
        }
      }
      if (c == '\n') {
        line++;
      }
      inner.append(c);
      pos++;
    }
    Parser sub = new Parser(inner.toString(), startLine);
    CommandList commands = sub.parseCompoundList(NO_STOP, false, true, true, startLine);
    sub.endOfInput();
    parts.add(new CommandSubstitution(commands, src.substring(start, pos), quoted));
  }

  // ---- here-documents ----

  /** Consumes a newline token, then the bodies of the here-documents the finished line announced. */
  private void newline() throws SyntaxError {
    pos++;
    line++;
    while (!pending.isEmpty()) {
      readHereDoc(pending.poll());
    }
  }

  private void endOfInput() throws SyntaxError {
    if (!pending.isEmpty()) {
      PendingHereDoc first = pending.peek();
      throw hereDocUnterminated(first);
    }
  }

  private SyntaxError hereDocUnterminated(PendingHereDoc hereDoc) {
    return new SyntaxError(hereDoc.line(),
        "here-document delimited by end-of-file (wanted `" + hereDoc.hereDoc().delimiter() + "')", null);
  }

  private void readHereDoc(PendingHereDoc pendingDoc) throws SyntaxError {
    HereDoc hereDoc = pendingDoc.hereDoc();
    StringBuilder body = new StringBuilder();
    int bodyLine = line;
    while (true) {
      if (eof()) {
        throw hereDocUnterminated(pendingDoc);
      }
      int eol = src.indexOf('\n', pos);
      String text = eol < 0 ? src.substring(pos) : src.substring(pos, eol);
      hereDocLines.add(line);
      pos = eol < 0 ? src.length() : eol + 1;
      line++;
      if (hereDoc.stripTabs()) {
        text = text.replaceFirst("^\t+", "");
      }
      if (text.equals(hereDoc.delimiter())) {
        break;
      }
      body.append(text).append('\n');
    }
    if (hereDoc.expand()) {
      hereDoc.setBody(new Parser(body.toString(), bodyLine).parseHereDocBody());
    } else {
      hereDoc.setBody(literalWord(body.toString()));
    }
  }

  /** A here-document body with expansions: only {@code $}, backquotes and a few backslash escapes count. */
  private Word parseHereDocBody() throws SyntaxError {
    Parts parts = new Parts();
    while (!eof()) {
      char c = peek();
      if (c == '\\' && pos + 1 < src.length() && "$`\\\n".indexOf(src.charAt(pos + 1)) >= 0) {
        if (src.charAt(pos + 1) != '\n') {
          parts.literal(src.charAt(pos + 1), true);
        }
        pos += 2;
      } else if (c == '$') {
        parseDollar(parts, true);
      } else if (c == '`') {
        parseBackquote(parts, true);
      } else {
        if (c == '\n') {
          line++;
        }
        parts.literal(c, true);
        pos++;
      }
    }
    return new Word(parts.build(), src);
  }

  private static Word literalWord(String text) {
    return new Word(List.of(new Literal(text, true)), text);
  }

  /** Quote removal for a here-document delimiter: {@code 'EOF'}, {@code "EOF"} and {@code E\OF} are EOF. */
  private static String removeQuotes(String word) {
    StringBuilder text = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (quote == '"' && c == '\\' && i + 1 < word.length() && "$`\"\\".indexOf(word.charAt(i + 1)) >= 0) {
          text.append(word.charAt(++i));
        } else {
          text.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '\\' && i + 1 < word.length()) {
        text.append(word.charAt(++i));
      } else {
        text.append(c);
      }
    }
    return text.toString();
  }

  private static boolean hasQuoting(String word) {
    return word.indexOf('\'') >= 0 || word.indexOf('"') >= 0 || word.indexOf('\\') >= 0;
  }

  // ---- characters ----

  private boolean eof() {
    return pos >= src.length();
  }

  private char peek() {
    return pos < src.length() ? src.charAt(pos) : 0;
  }

  private boolean at(String s) {
    return src.startsWith(s, pos);
  }

  /** {@code ;;} or {@code ;&}: the end of a {@code case} item. */
  private boolean atCaseEnd() {
    return at(";;") || at(";&");
  }

  /** Whether {@code word} is next and ends there (a blank, a metacharacter or the end follows). */
  private boolean atWord(String word) {
    if (!at(word)) {
      return false;
    }
    int end = pos + word.length();
    return end >= src.length() || isMeta(src.charAt(end)) || src.charAt(end) == ' ' || src.charAt(end) == '\t';
  }

  private static boolean isMeta(char c) {
    return c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>' || c == '(' || c == ')'
        || c == ' ' || c == '\t';
  }

  private static boolean isName(String s) {
    if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
      return false;
    }
    return s.chars().allMatch(ch -> ch < 128 && (Character.isLetterOrDigit(ch) || ch == '_'));
  }

  /** The reserved word at the current position, if one is there as a whole word; else null. */
  private String peekReservedWord() {
    int end = pos;
    while (end < src.length() && !isMeta(src.charAt(end)) && "'\"\\$`".indexOf(src.charAt(end)) < 0) {
      end++;
    }
    if (end < src.length() && !isMeta(src.charAt(end))) {
      return null;
    }
    String word = src.substring(pos, end);
    return RESERVED.contains(word) ? word : null;
  }

  private void skipBlanks() {
    while (!eof()) {
      char c = peek();
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (at("\\\n")) {
        pos += 2;
        line++;
      } else {
        return;
      }
    }
  }

  private void skipComment() {
    if (peek() == '#') {
      while (!eof() && peek() != '\n') {
        pos++;
      }
    }
  }

  private void skipBlanksCommentsNewlines() throws SyntaxError {
    while (true) {
      skipBlanks();
      skipComment();
      if (!eof() && peek() == '\n') {
        newline();
      } else {
        return;
      }
    }
  }

  private static int count(String s, char c) {
    return (int) s.chars().filter(ch -> ch == c).count();
  }

  private String lineText(int l) {
    int index = l - firstLine;
    return index >= 0 && index < lines.length ? lines[index] : null;
  }

  // ---- errors ----

  private SyntaxError unexpectedToken() {
    return new SyntaxError(line, "syntax error near unexpected token `" + tokenHere() + "'", lineText(line));
  }

  private SyntaxError unexpectedEof(int startLine) {
    return new SyntaxError(startLine, "syntax error: unexpected end of file", null);
  }

  private SyntaxError unmatched(char c, int startLine) {
    return new SyntaxError(startLine, "unexpected EOF while looking for matching `" + c + "'", null);
  }

  private String tokenHere() {
    if (eof() || peek() == '\n') {
      return "newline";
    }
    for (String op : List.of(";;&", ";;", ";&", "&&", "||", "|&", "&>>", "&>", "<<<", "<<-", "<<", ">>", "<&", ">&",
        "<>", ">|", ";", "&", "|", "(", ")", "<", ">")) {
      if (at(op)) {
        return op;
      }
    }
    String word = peekReservedWord();
    if (word != null) {
      return word;
    }
    int end = pos;
    while (end < src.length() && !isMeta(src.charAt(end))) {
      end++;
    }
    return src.substring(pos, end);
  }
}
