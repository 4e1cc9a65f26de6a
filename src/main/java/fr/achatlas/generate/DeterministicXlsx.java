package fr.achatlas.generate;

import org.dhatim.fastexcel.Workbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * An XLSX written by fastexcel, made byte-identical from run to run as the generator promises for a given seed: the
 * workbook stamps its creation instant into {@code docProps/core.xml}, which is replaced here by the date the export is
 * supposed to have been made; every entry gets that same local time, independent of the machine's time zone.
 */
final class DeterministicXlsx {

    @FunctionalInterface
    interface Body {
        void write(Workbook wb) throws IOException;
    }

    private DeterministicXlsx() {
    }

    static void write(Path file, LocalDateTime created, Body body) throws IOException {
        Path raw = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream os = Files.newOutputStream(raw); Workbook wb = new Workbook(os, "Achatlas", "1.0")) {
            body.write(wb);
        }
        String stamp = created.atOffset(ZoneOffset.UTC).toInstant().toString();
        // read through the central directory: fastexcel's local headers announce a size of 0 that ZipInputStream rejects
        try (ZipFile in = new ZipFile(raw.toFile());
             OutputStream os = Files.newOutputStream(file);
             ZipOutputStream out = new ZipOutputStream(os)) {
            for (ZipEntry e : Collections.list(in.entries())) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTimeLocal(created);
                out.putNextEntry(copy);
                try (InputStream is = in.getInputStream(e)) {
                    if (e.getName().equals("docProps/core.xml")) {
                        out.write(new String(is.readAllBytes(), StandardCharsets.UTF_8)
                                .replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + stamp + "$2")
                                .getBytes(StandardCharsets.UTF_8));
                    } else {
                        is.transferTo(out); // a benchmark sheet runs to hundreds of megabytes: streamed, not held
                    }
                }
                out.closeEntry();
            }
        } finally {
            Files.deleteIfExists(raw);
        }
    }
}
