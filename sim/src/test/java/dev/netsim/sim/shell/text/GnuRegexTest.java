package dev.netsim.sim.shell.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The translation from GNU grep's regular expressions to Java's, checked by what matches: each case is
 * a pattern, a line, and whether GNU grep 3.8 selects it (checked with the real grep on Debian 12).
 */
class GnuRegexTest {
  private static boolean matches(String pattern, boolean extended, String line) throws GnuRegex.Invalid {
    return Pattern.compile(GnuRegex.translate(pattern, extended).regex(), GnuRegex.flags(false)).matcher(line).find();
  }

  @ParameterizedTest(name = "grep ''{0}'' on ''{1}'' → {2}")
  @CsvSource(delimiterString = " ~ ", textBlock = """
      \\-P ~ -P INPUT ACCEPT ~ true
      \\-P ~ -A FORWARD ~ false
      a+b ~ aab ~ false
      a+b ~ a+b ~ true
      a\\+b ~ aab ~ true
      a\\?b ~ b ~ true
      a|b ~ a|b ~ true
      a|b ~ a ~ false
      a\\|b ~ b ~ true
      (x) ~ (x) ~ true
      \\(x\\)\\1 ~ xx ~ true
      a\\{2\\} ~ aa ~ true
      a\\{2\\} ~ a ~ false
      a{2} ~ a{2} ~ true
      *b ~ *b ~ true
      *b ~ b ~ false
      ^*b ~ *b ~ true
      x\\|*b ~ *b ~ true
      a^b ~ a^b ~ true
      a$b ~ a$b ~ true
      ^ab$ ~ ab ~ true
      ab$ ~ 'ab\r' ~ false
      [.] ~ x ~ false
      [\\] ~ a\\b ~ true
      []a] ~ ] ~ true
      [^]a] ~ ] ~ false
      [[:digit:]]x ~ 5x ~ true
      [[:alpha:]] ~ 한 ~ true
      [[:punct:]] ~ $ ~ true
      [[:space:]] ~ a b ~ true
      [a-c] ~ b ~ true
      [a-] ~ - ~ true
      \\<foo ~ a foo ~ true
      \\<foo ~ afoo ~ false
      foo\\> ~ foo_ ~ false
      \\bfoo\\b ~ (foo) ~ true
      \\w\\W ~ a) ~ true
      x.y ~ x한y ~ true
      a\\.b ~ axb ~ false
      <title>.*</title> ~ <title>Welcome to nginx!</title> ~ true
      """)
  void basicSyntax(String pattern, String line, boolean selected) throws GnuRegex.Invalid {
    assertThat(matches(pattern, false, line)).isEqualTo(selected);
  }

  @ParameterizedTest(name = "grep -E ''{0}'' on ''{1}'' → {2}")
  @CsvSource(delimiterString = " ~ ", textBlock = """
      a+b ~ aab ~ true
      a|b ~ b ~ true
      (a|b)+$ ~ abab ~ true
      \\(x\\) ~ (x) ~ true
      a{1 ~ a{1 ~ true
      b{x} ~ ab{x} ~ true
      a{,1}b ~ b ~ true
      a{1}{2} ~ aa ~ true
      a{1}{2} ~ a ~ false
      a++ ~ a ~ true
      a** ~ b ~ true
      ) ~ a)b ~ true
      (a)\\1 ~ aa ~ true
      ^(-P|-A) ~ -A x ~ true
      """)
  void extendedSyntax(String pattern, String line, boolean selected) throws GnuRegex.Invalid {
    assertThat(matches(pattern, true, line)).isEqualTo(selected);
  }

  @ParameterizedTest(name = "{0} -E={1}: {2}")
  @CsvSource(delimiterString = " ~ ", textBlock = """
      a\\{1 ~ false ~ Unmatched \\{
      a\\{2,1\\} ~ false ~ Invalid content of \\{\\}
      a{2,1} ~ true ~ Invalid content of \\{\\}
      ( ~ true ~ Unmatched ( or \\(
      \\( ~ false ~ Unmatched ( or \\(
      \\) ~ false ~ Unmatched ) or \\)
      [ ~ false ~ Invalid regular expression
      a[^ ~ false ~ Invalid regular expression
      [a ~ false ~ Unmatched [, [^, [:, [., or [=
      [[:alpha:] ~ false ~ Unmatched [, [^, [:, [., or [=
      [:alpha:] ~ false ~ character class syntax is [[:space:]], not [:space:]
      [[:bogus:]] ~ false ~ Invalid character class name
      [z-a] ~ false ~ Invalid range end
      \\(a\\)\\2 ~ false ~ Invalid back reference
      a\\ ~ false ~ Trailing backslash
      """)
  void errorsInGrepsWords(String pattern, boolean extended, String message) {
    assertThatThrownBy(() -> GnuRegex.translate(pattern, extended)).isInstanceOf(GnuRegex.Invalid.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " ~ ", textBlock = """
      *b ~ warning: * at start of expression
      +a ~ warning: + at start of expression
      {1}a ~ warning: {...} at start of expression
      a|*b ~ warning: * at start of expression
      (*b) ~ warning: * at start of expression
      """)
  void repetitionAtTheStartOfAnExtendedExpressionWarns(String pattern, String warning) throws GnuRegex.Invalid {
    assertThat(GnuRegex.translate(pattern, true).warnings()).containsExactly(warning);
  }
}
