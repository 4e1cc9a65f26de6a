package fr.achatlas.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The files of an import run, found in one walk: those the importer reads, in name order, and the other files of the
 * folders given, each with why it is not read — so that none is passed over without a word. A file given by name is
 * always read (the importer says what it makes of it).
 */
public record ImportInputs(List<Path> files, List<Skipped> skipped) {

    public record Skipped(Path file, String reason) {
    }

    /** @param skipReason why a file of a folder is not read, or null when the importer reads it */
    static ImportInputs of(List<Path> paths, Function<Path, String> skipReason) throws IOException {
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path p : paths) {
            if (!Files.isDirectory(p)) {
                files.add(p);
                continue;
            }
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    String reason = skipReason.apply(f);
                    if (reason == null) files.add(f);
                    else skipped.add(new Skipped(f, reason));
                }
            }
        }
        return new ImportInputs(List.copyOf(files), List.copyOf(skipped));
    }
}
