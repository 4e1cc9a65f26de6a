package fr.achatlas.parse;

import fr.achatlas.model.Finding;
import fr.achatlas.model.ParsedRecord;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Test helpers: read a whole file, find fixtures. */
final class Records {
    private Records() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(Records.class.getResource("/fixtures/decp/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ParsedRecord> readAll(Path file) throws IOException {
        List<ParsedRecord> out = new ArrayList<>();
        try (DecpReader reader = DecpReaders.open(file, "sha-test")) {
            ParsedRecord r;
            while ((r = reader.next()) != null) out.add(r);
        }
        return out;
    }

    static List<String> rules(ParsedRecord r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    static Finding finding(ParsedRecord r, String rule, String field) {
        return r.findings().stream().filter(f -> f.rule().equals(rule) && f.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule + " on " + field + " in " + r.findings()));
    }
}
