package fr.achatlas.web.api;

import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files sent to the import page, saved in a private temporary folder for the command-line importers to read, each in
 * its own numbered sub-folder under its sanitised name: that name is what the store keeps as the file's (rejects and
 * findings name it), and two files of the same name stay apart. Removed when closed.
 */
final class Uploads implements AutoCloseable {

    private final Path dir;
    private final List<Path> files = new ArrayList<>();

    Uploads() throws IOException {
        dir = Files.createTempDirectory("achatlas-upload");
    }

    /** Saves one file; {@code fallbackName} when the browser sent no usable name. */
    Path save(MultipartFile file, String fallbackName) throws IOException {
        if (file.isEmpty()) throw new IllegalArgumentException("Fichier vide : " + file.getOriginalFilename());
        String name = file.getOriginalFilename() == null ? fallbackName
                : Path.of(file.getOriginalFilename()).getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        Path target = Files.createDirectory(dir.resolve(String.valueOf(files.size())))
                .resolve(name.isBlank() || name.startsWith(".") ? fallbackName : name);
        files.add(target);
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, target);
        }
        return target;
    }

    List<Path> saveAll(List<MultipartFile> sent, String fallbackName) throws IOException {
        if (sent.isEmpty()) throw new IllegalArgumentException("Aucun fichier.");
        List<Path> out = new ArrayList<>();
        for (MultipartFile f : sent) out.add(save(f, fallbackName));
        return out;
    }

    @Override
    public void close() throws IOException {
        for (Path f : files) {
            Files.deleteIfExists(f);
            Files.deleteIfExists(f.getParent());
        }
        Files.deleteIfExists(dir);
    }
}
