package dev.portqry.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The testbed's greeting daemons answer a bare TCP connection with their banner: vsftpd (FTP,
 * RFC 959 reply 220), dovecot (POP3 "+OK", RFC 1939; IMAP "* OK", RFC 9051) and exim (SMTP 220,
 * RFC 5321).
 */
class GreetingSmokeIT {

  private Testbed tb;

  // Per test rather than per class, so that each test is reported as skipped without a testbed.
  @BeforeEach
  void testbed() {
    tb = Testbed.require();
  }

  @Test
  void ftpGreets() throws Exception {
    assertThat(SmokeSockets.greeting(tb.socketAddress("ftp.address", "ftp.port"))).startsWith("220");
  }

  @Test
  void pop3Greets() throws Exception {
    assertThat(SmokeSockets.greeting(tb.socketAddress("pop3.address", "pop3.port"))).startsWith("+OK");
  }

  @Test
  void imapGreets() throws Exception {
    assertThat(SmokeSockets.greeting(tb.socketAddress("imap.address", "imap.port"))).startsWith("* OK");
  }

  @Test
  void smtpGreets() throws Exception {
    assertThat(SmokeSockets.greeting(tb.socketAddress("smtp.address", "smtp.port"))).startsWith("220");
  }
}
