package dev.netsim.rules.ext;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CNumbersTest {
  @Test
  void parsesAsStrtoumaxWithBaseZero() {
    assertThat(CNumbers.parseUnsigned("22", 0, 65535)).isEqualTo(22);
    assertThat(CNumbers.parseUnsigned("0x10", 0, 65535)).isEqualTo(16);
    assertThat(CNumbers.parseUnsigned("010", 0, 65535)).isEqualTo(8);
    assertThat(CNumbers.parseUnsigned(" 5", 0, 65535)).isEqualTo(5);
    assertThat(CNumbers.parseUnsigned("08", 0, 65535)).isEqualTo(-1);
    assertThat(CNumbers.parseUnsigned("-1", 0, 65535)).isEqualTo(-1);
    assertThat(CNumbers.parseUnsigned("65536", 0, 65535)).isEqualTo(-1);
    assertThat(CNumbers.parseUnsigned("1x", 0, 65535)).isEqualTo(-1);
    assertThat(CNumbers.parseUnsigned("", 0, 65535)).isEqualTo(-1);
  }

  @Test
  void handlesTheWholeUnsigned64BitRange() {
    assertThat(CNumbers.isUnsigned64("18446744073709551615", 0, -1L)).isTrue();
    assertThat(CNumbers.isUnsigned64("18446744073709551616", 0, -1L)).isFalse();
    CNumbers.Parsed parsed = CNumbers.strtoumax("99999999999999999999z", 0, 10);
    assertThat(parsed.overflow()).isTrue();
    assertThat(parsed.value()).isEqualTo(-1L);
    assertThat(parsed.end()).isEqualTo(20);
  }

  @Test
  void scansLikeSscanf() {
    assertThat(CNumbers.scanUnsigned("12abc")).isEqualTo(12);
    assertThat(CNumbers.scanUnsigned("abc")).isNull();
  }
}
