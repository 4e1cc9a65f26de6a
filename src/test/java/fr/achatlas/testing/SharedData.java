package fr.achatlas.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real data lives in ../shared/data beside the clone (never copied into the repository). Tests that need it call
 * {@link #require(String)}: on a fresh clone without it they are reported as skipped, with the reason, not passed.
 */
public final class SharedData {
    private SharedData() {
    }

    public static Path root() {
        String configured = System.getProperty("achatlas.shared");
        return Path.of(configured != null ? configured : "../shared/data").toAbsolutePath().normalize();
    }

    /** The path of a shared file or folder, or the test is skipped (visibly) when it is absent. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(p), () -> "SKIPPED: real data not available at " + p + " (../shared/data is absent)");
        return p;
    }
}
