package dev.warren.examples.thirty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's example is compiled code: each Java block after a {@code <!-- source: PATH -->} line
 * is the part of that file between its {@code // readme:begin} and {@code // readme:end} lines,
 * equal but for trailing whitespace.
 */
class ReadmeExampleTest {
    private static final Path PROJECT = Path.of(System.getProperty("warren.project.root", ".."));
    private static final Path THIRTY_SECONDS =
            Path.of("examples/src/main/java/dev/warren/examples/thirty");
    private static final Pattern SOURCE_LINE = Pattern.compile("<!-- source: (\\S+) -->");
    private static final String BEGIN = "// readme:begin";
    private static final String END = "// readme:end";

    @Test
    void everyMarkedFileIsInTheReadmeAndEveryReadmeBlockNamesAMarkedFile() throws IOException {
        assertThat(readmeBlocks().keySet())
                .containsExactlyInAnyOrderElementsOf(filesWithARegion(THIRTY_SECONDS));
    }

    @Test
    void eachReadmeBlockIsItsFilesRegion() throws IOException {
        for (Map.Entry<Path, String> block : readmeBlocks().entrySet()) {
            assertThat(block.getValue())
                    .as("README.md's block for %s", block.getKey())
                    .isEqualTo(region(block.getKey()));
        }
    }

    private static Map<Path, String> readmeBlocks() throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve("README.md"));
        Map<Path, String> blocks = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher source = SOURCE_LINE.matcher(lines.get(i).strip());
            if (!source.matches()) {
                continue;
            }
            assertThat(lines.get(i + 1)).as("the line after " + lines.get(i)).isEqualTo("```java");
            List<String> block = new ArrayList<>();
            for (int j = i + 2; !lines.get(j).equals("```"); j++) {
                block.add(lines.get(j));
            }
            blocks.put(Path.of(source.group(1)), joinStrippingTrailingWhitespace(block));
        }
        return blocks;
    }

    private static String region(Path file) throws IOException {
        List<String> lines = Files.readAllLines(PROJECT.resolve(file), StandardCharsets.UTF_8);
        int begin = indexOfLineStartingWith(lines, BEGIN, file);
        int end = indexOfLineStartingWith(lines, END, file);
        return joinStrippingTrailingWhitespace(lines.subList(begin + 1, end));
    }

    private static List<Path> filesWithARegion(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(PROJECT.resolve(directory))) {
            return files.filter(f -> contains(f, BEGIN))
                    .map(f -> directory.resolve(f.getFileName()))
                    .sorted()
                    .toList();
        }
    }

    private static boolean contains(Path file, String linePrefix) {
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith(linePrefix));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOfLineStartingWith(List<String> lines, String prefix, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError(file + " has no line starting with " + prefix);
    }

    private static String joinStrippingTrailingWhitespace(List<String> lines) {
        return lines.stream().map(String::stripTrailing).collect(Collectors.joining("\n"));
    }
}
