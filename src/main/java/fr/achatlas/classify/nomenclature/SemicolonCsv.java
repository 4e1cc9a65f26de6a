package fr.achatlas.classify.nomenclature;

import java.util.ArrayList;
import java.util.List;

/**
 * The CSV dialect of the nomenclature files: semicolon-separated, UTF-8, optional BOM, double quotes around a cell
 * when it holds a semicolon or a quote (as Excel writes it in French locales).
 */
final class SemicolonCsv {

    private SemicolonCsv() {
    }

    static List<String> parseLine(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ';') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    static String cell(String value) {
        if (value == null) return "";
        if (value.indexOf(';') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    static String line(String... values) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) sb.append(';');
            sb.append(cell(values[i]));
        }
        return sb.append('\n').toString();
    }
}
