package dev.warren.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void cellsFromMessagesCannotBreakLinesOrDriveTheTerminal() {
        StringWriter text = new StringWriter();
        new TextTable("ID", "TYPE")
                .row("t1\r\nt2 OK forged", "\u001b[2J\u001b[31mRed")
                .row("x".repeat(5000), "Plain")
                .print(new PrintWriter(text));

        String out = text.toString();
        assertThat(out.lines()).hasSize(3);
        assertThat(out).doesNotContain("\u001b", "\r");
        assertThat(out).contains("t1\\r\\nt2 OK forged", "\\u001b[2J\\u001b[31mRed");
        assertThat(out.lines().skip(2).findFirst().orElseThrow())
                .hasSizeLessThan(300)
                .contains("(4800 more chars)");
    }

    @Test
    void numbersStayRightAligned() {
        StringWriter text = new StringWriter();
        new TextTable("QUEUE", "READY").row("a", 5).row("b", 1234).print(new PrintWriter(text));

        assertThat(text.toString()).contains("a          5", "b       1234");
    }
}
