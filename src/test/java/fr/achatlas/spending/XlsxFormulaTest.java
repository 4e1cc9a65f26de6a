package fr.achatlas.spending;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Formula cells as Excel saves them: the formula and the value it computed, which is what an export means. */
class XlsxFormulaTest {

    @TempDir
    Path dir;

    @Test
    void aFormulaCellReadsAsTheValueSavedWithIt() throws Exception {
        Path written = dir.resolve("fastexcel.xlsx");
        try (OutputStream os = Files.newOutputStream(written); Workbook wb = new Workbook(os, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("Mandats");
            ws.value(0, 0, "HT");
            ws.value(0, 1, "TTC");
            ws.value(0, 2, "Libellé");
            ws.value(1, 0, 17.5);
            ws.formula(1, 1, "A2*1.2");
            ws.formula(1, 2, "UPPER(\"achat courant\")");
        }
        // fastexcel writes formulas without the value Excel would cache when saving: put them in, as Excel does
        Path saved = dir.resolve("excel.xlsx");
        try (ZipFile in = new ZipFile(written.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(saved))) {
            for (ZipEntry e : Collections.list(in.entries())) {
                byte[] content;
                try (InputStream is = in.getInputStream(e)) {
                    content = is.readAllBytes();
                }
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    xml = xml.replace("<c r=\"B2\"><f>A2*1.2</f></c>", "<c r=\"B2\"><f>A2*1.2</f><v>20.999999999999996</v></c>");
                    xml = xml.replaceAll("<c r=\"C2\"><f>(.*?)</f></c>", "<c r=\"C2\" t=\"str\"><f>$1</f><v>ACHAT COURANT</v></c>");
                    assertThat(xml).contains("<v>20.999999999999996</v>").contains("<v>ACHAT COURANT</v>");
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(content);
                out.closeEntry();
            }
        }
        try (RowSource rows = RowSource.open(saved, RowSource.dialect(saved, null))) {
            assertThat(rows.next()).containsExactly("HT", "TTC", "Libellé");
            assertThat(rows.next()).containsExactly("17.5", "21", "ACHAT COURANT");
        }
    }
}
