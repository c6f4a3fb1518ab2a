package dev.lfvmetrics.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    @Test
    void givenMixedLineEndsAndNonAsciiText_whenRead_thenEachPositionIsTheByteOffsetOfTheNextLine() throws IOException {
        String text = "{\"a\":1}\r\n{\"b\":\"é\"}\n\nlast";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>();
        List<Long> starts = new ArrayList<>();

        try (LineReader reader = new LineReader(new ByteArrayInputStream(bytes), 0)) {
            long start = reader.position();
            String line;
            while ((line = reader.next()) != null) {
                lines.add(line);
                starts.add(start);
                start = reader.position();
            }
            assertThat(reader.position()).isEqualTo(bytes.length);
        }

        assertThat(lines).containsExactly("{\"a\":1}", "{\"b\":\"é\"}", "", "last");
        for (int i = 0; i < lines.size(); i++) {
            String rest = new String(bytes, starts.get(i).intValue(), bytes.length - starts.get(i).intValue(),
                    StandardCharsets.UTF_8);
            assertThat(rest).startsWith(lines.get(i));
        }
    }

    @Test
    void givenAStartOffset_whenRead_thenPositionsCountFromIt() throws IOException {
        try (LineReader reader = new LineReader(new ByteArrayInputStream("x\ny\n".getBytes(StandardCharsets.UTF_8)),
                100)) {
            assertThat(reader.next()).isEqualTo("x");
            assertThat(reader.position()).isEqualTo(102);
            assertThat(reader.next()).isEqualTo("y");
            assertThat(reader.next()).isNull();
            assertThat(reader.position()).isEqualTo(104);
        }
    }
}
