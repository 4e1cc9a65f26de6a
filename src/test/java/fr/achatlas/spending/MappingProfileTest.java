package fr.achatlas.spending;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A profile a person writes by hand: a typo is refused with what was expected, never silently ignored. */
class MappingProfileTest {

    @TempDir
    Path dir;

    private Path write(String json) throws Exception {
        Path f = dir.resolve("profil.json");
        Files.writeString(f, json);
        return f;
    }

    @Test
    void aWellFormedProfileLoads() throws Exception {
        MappingProfile p = MappingProfile.load(write("""
                {"name": "logiciel-x", "encoding": "windows-1252", "separator": "tab", "decimal": "comma",
                 "columns": {"buyer": ["SIRET"], "date": ["Date"], "amount_ttc": ["Montant"], "supplier_name": ["Tiers"]}}
                """));
        assertThat(p.name()).isEqualTo("logiciel-x");
        assertThat(p.resolve(new String[]{"SIRET", "Date", "Montant", "Tiers"}).missingRequired()).isEmpty();
    }

    @Test
    void aMisspeltKeyOrFieldOrOptionIsRefusedWithWhatWasExpected() throws Exception {
        assertThatThrownBy(() -> MappingProfile.load(write("{\"name\": \"x\", \"colums\": {}}")))
                .hasMessageContaining("clé inconnue « colums »").hasMessageContaining("columns");
        assertThatThrownBy(() -> MappingProfile.load(write("""
                {"name": "x", "columns": {"date": ["Date"], "suplier_id": ["SIRET"]}}""")))
                .hasMessageContaining("champ inconnu « suplier_id »").hasMessageContaining("supplier_id");
        assertThatThrownBy(() -> MappingProfile.load(write("""
                {"name": "x", "encoding": "cp-9999", "separator": ":", "decimal": "virgule", "amountDivisor": 0,
                 "columns": {"date": []}}""")))
                .hasMessageContaining("encodage inconnu « cp-9999 »").hasMessageContaining("séparateur « : »")
                .hasMessageContaining("convention décimale « virgule »").hasMessageContaining("amountDivisor")
                .hasMessageContaining("aucun en-tête donné pour le champ « date »");
    }

    @Test
    void headersThatNormaliseAlikeAreOneColumn() throws Exception {
        MappingProfile generic = MappingProfile.named("generic-fr");
        MappingProfile.Resolved r = generic.resolve(new String[]{"SIRET acheteur", "Date de paiement", "Montant HT", "Fournisseur"});
        assertThat(r.of(MappingProfile.Field.AMOUNT_HT)).containsExactly(2);
    }

    @Test
    void theBundledProfilesHaveNoProblem() {
        assertThat(MappingProfile.bundled()).hasSize(5).allSatisfy(p -> assertThat(p.problems()).isEmpty());
    }
}
