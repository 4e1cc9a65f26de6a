package fr.achatlas.query.spaser;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IndicatorCatalogueDocTest {

    @Test
    void docsSpaserMdHoldsTheCurrentCatalogue() throws Exception {
        String doc = Files.readString(Path.of("docs/spaser.md"), StandardCharsets.UTF_8);
        assertThat(doc).as("docs/spaser.md is out of date: run IndicatorCatalogueDoc.main(\"docs/spaser.md\") and commit the result")
                .contains(IndicatorCatalogueDoc.render());
    }

    @Test
    void everyIndicatorIsDocumentedOnceWithAFormula() {
        String md = IndicatorCatalogueDoc.render();
        for (Indicator i : Indicator.values()) {
            assertThat(md.split("\\| `" + i.code() + "` \\|", -1)).as(i.code()).hasSize(2);
            assertThat(i.formula()).isNotBlank();
            assertThat(i.data()).isNotBlank();
        }
    }
}
