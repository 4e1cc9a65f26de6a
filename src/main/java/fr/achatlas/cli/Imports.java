package fr.achatlas.cli;

import fr.achatlas.check.ContractChecks;
import fr.achatlas.importer.DecpImporter;
import fr.achatlas.importer.ImportInputs;
import fr.achatlas.importer.ImportReport;
import fr.achatlas.store.Database;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** Runs a DECP import with a progress bar over the bytes of all files. */
final class Imports {

    private Imports() {
    }

    static ImportReport run(Database db, List<Path> paths, boolean showProgress) throws IOException, SQLException {
        ImportInputs inputs = DecpImporter.inputs(paths);
        return read(db, inputs.files(), showProgress).withSkipped(inputs.skipped());
    }

    private static ImportReport read(Database db, List<Path> files, boolean showProgress) throws IOException, SQLException {
        long total = 0;
        for (Path f : files) total += Files.size(f);
        ContractChecks checks = new ContractChecks(LocalDate.now());
        if (!showProgress || files.isEmpty()) {
            return new DecpImporter(db, checks::check, DecpImporter.ProgressListener.NONE).importAll(files);
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Import").setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" Mo", 1_000_000).showSpeed().setUpdateIntervalMillis(500)
                .continuousUpdate().build()) {
            long[] done = {0};
            long[] current = {0};
            DecpImporter.ProgressListener listener = new DecpImporter.ProgressListener() {
                @Override
                public void fileStarted(Path file, long size) {
                    done[0] += current[0];
                    current[0] = size;
                    bar.setExtraMessage(" " + file.getFileName());
                    bar.stepTo(done[0]);
                }

                @Override
                public void bytesRead(long bytesSoFar) {
                    bar.stepTo(done[0] + bytesSoFar);
                }
            };
            ImportReport report = new DecpImporter(db, checks::check, listener).importAll(files);
            bar.stepTo(total);
            return report;
        }
    }
}
