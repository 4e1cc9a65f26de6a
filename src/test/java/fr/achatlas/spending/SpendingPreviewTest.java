package fr.achatlas.spending;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A preview reads like the import — same header search, profile, mapping and rejections — and writes nothing. */
class SpendingPreviewTest {

    @TempDir
    Path dir;

    @Test
    void showsTheMappingTheUnreadColumnsAndTheFirstLinesAsTheImportWouldTakeThem() throws Exception {
        Path f = dir.resolve("paiements.txt");
        Files.writeString(f, """
                Journal des paiements 2024
                siret_payeur|date_paiement|num_facture|siret_fournisseur|nom_fournisseur|montant_ht|compte|gestionnaire|libelle
                21350047000013|2024-01-05|F1|552 100 554 00013|EGO|1 250,50|6068|Mme Martin|Fournitures
                21350047000013|2024-13-05|F2|55210055400013|EGO|10,00|6068|Mme Martin|date impossible
                21350047000013|2024-01-07|F3||Quincaillerie Dupont|99,99|6068||nom seul
                21350047000013|2024-01-08|F4||Quincaillerie Dupont|1,00|6068||au-delà de l'aperçu
                """);
        SpendingPreview.Preview p = SpendingPreview.of(f, null, 3);
        assertThat(p.profile()).isEqualTo("paiements-pipe");
        assertThat(p.format()).contains("'|'");
        assertThat(p.aboveHeader()).extracting(SpendingReader.PreambleRow::text).containsExactly("Journal des paiements 2024");
        assertThat(p.mappings()).extracting(SpendingPreview.Mapping::field)
                .containsExactly("buyer", "date", "amount_ht", "supplier_id", "supplier_name", "account", "invoice_ref", "label");
        assertThat(p.mappings()).filteredOn(m -> m.field().equals("date")).singleElement()
                .extracting(SpendingPreview.Mapping::columns).asList().containsExactly("date_paiement");
        assertThat(p.unreadColumns()).containsExactly("gestionnaire");
        assertThat(p.lines()).hasSize(3).extracting(SpendingPreview.Line::line).containsExactly(3L, 4L, 5L);
        SpendingPreview.Line first = p.lines().get(0);
        assertThat(first.mapped().amountHtCents()).isEqualTo(125_050L);
        assertThat(first.mapped().supplierId()).isEqualTo("55210055400013");
        SpendingPreview.Line bad = p.lines().get(1);
        assertThat(bad.rejected()).isTrue();
        assertThat(bad.issues()).extracting(i -> i.rule()).containsExactly("SPENDING_DATE_INVALID");
        assertThat(p.lines().get(2).mapped().supplierIdType()).isEqualTo("NAME");
    }

    @Test
    void aFixedBuyerIsShownAsSuch() throws Exception {
        Path profile = dir.resolve("profil.json");
        Files.writeString(profile, """
                {"name": "ccas", "buyer": "26350000000019",
                 "columns": {"date": ["Date"], "amount_ttc": ["Montant"], "supplier_name": ["Tiers"]}}
                """);
        Path f = dir.resolve("ccas.csv");
        Files.writeString(f, "Date;Montant;Tiers\n05/01/2024;12,00;Boulangerie\n");
        SpendingPreview.Preview p = SpendingPreview.of(f, MappingProfile.named(profile.toString()), 10);
        assertThat(p.mappings().getFirst()).isEqualTo(new SpendingPreview.Mapping("buyer", java.util.List.of("= 26350000000019")));
        assertThat(p.lines()).singleElement().satisfies(l -> assertThat(l.mapped().buyerId()).isEqualTo("26350000000019"));
    }
}
