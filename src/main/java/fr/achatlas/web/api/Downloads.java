package fr.achatlas.web.api;

import fr.achatlas.export.ExportFormat;
import fr.achatlas.export.TableExport;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Locale;

/** Export format parsing and download headers, shared by the controllers that export tables. */
final class Downloads {

    private Downloads() {
    }

    static ExportFormat format(String format) {
        try {
            return ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Format inconnu : " + format + " (csv, xlsx, parquet, json)");
        }
    }

    static void start(HttpServletResponse response, ExportFormat f, String name) {
        start(response, TableExport.contentType(f), "achatlas-" + name + "." + TableExport.extension(f));
    }

    static void start(HttpServletResponse response, String contentType, String fileName) {
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }
}
