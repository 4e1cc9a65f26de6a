package fr.achatlas.importer;

import fr.achatlas.geo.CentroidReader;
import fr.achatlas.geo.CogReader;
import fr.achatlas.model.Geo;
import fr.achatlas.model.SupplierRecords;
import fr.achatlas.store.Database;
import fr.achatlas.store.GeoStore;
import fr.achatlas.store.SupplierStore;
import fr.achatlas.supplier.InclusionListReader;
import fr.achatlas.supplier.RechercheEntreprisesClient;
import fr.achatlas.supplier.SireneStockReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Orchestrates the referential imports: SIRENE stock files, inclusive-sector lists, the API, the COG. */
public final class ReferentialImports {

    private final Database db;

    public ReferentialImports(Database db) {
        this.db = db;
    }

    /** SIRENE counts plus the time taken. */
    public record SireneReport(SireneStockReader.Counts counts, long millis) {
    }

    /**
     * Imports one stock file (StockUniteLegale or StockEtablissement, CSV or zip). Unless {@code all}, only the SIRENs
     * the territory needs are kept (DECP holders, spending suppliers, buyers, units already known), plus establishments
     * located in {@code departements} (when given: the suppliers a name-only line may be matched to).
     */
    public SireneReport sirene(Path file, boolean all, Set<String> departements) throws IOException, SQLException {
        long t0 = System.nanoTime();
        SupplierStore store = new SupplierStore(db);
        java.util.function.LongPredicate filter;
        if (all) {
            filter = s -> true;
        } else {
            Set<Long> needed = store.neededSirens();
            filter = needed::contains;
        }
        SireneStockReader.CommuneFilter communes = departements == null || departements.isEmpty() ? null
                : code -> code != null && code.length() >= 2
                && departements.contains(code.startsWith("97") && code.length() >= 3 ? code.substring(0, 3) : code.substring(0, 2));
        SireneStockReader.Counts counts;
        try (InputStream in = SireneStockReader.open(file); SupplierStore.SireneBatch batch = store.sireneBatch()) {
            counts = SireneStockReader.read(in, filter, communes, batch::unit, batch::establishment);
            batch.commit();
        }
        return new SireneReport(counts, (System.nanoTime() - t0) / 1_000_000);
    }

    public record InclusionReport(long read, long kept, long suppliersTagged, List<String> skipped) {
    }

    public InclusionReport inclusion(Path file, LocalDate listDate, String fixedType) throws IOException, SQLException {
        InclusionListReader.Result r = InclusionListReader.read(file, listDate, fixedType);
        long tagged = new SupplierStore(db).inclusion(file.getFileName().toString(), r.entries());
        return new InclusionReport(r.read(), r.entries().size(), tagged, r.skipped());
    }

    public record ApiReport(int asked, int found, int requests, int cacheHits, List<String> errors) {
    }

    /** Looks up the given SIRENs with the API (cached, paced, retried) and stores what it returns. */
    public ApiReport api(RechercheEntreprisesClient client, List<String> sirens) throws SQLException, InterruptedException {
        List<RechercheEntreprisesClient.Company> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String s : sirens) {
            try {
                client.bySiren(s).ifPresent(found::add);
            } catch (IOException e) {
                errors.add(s + " : " + e.getMessage());
            }
        }
        SupplierStore store = new SupplierStore(db);
        try (SupplierStore.SireneBatch batch = store.sireneBatch()) {
            for (RechercheEntreprisesClient.Company c : found) {
                batch.unit(c.unit());
                c.establishments().forEach(batch::establishment);
            }
            batch.commit();
        }
        List<SupplierRecords.InclusionEntry> siae = new ArrayList<>();
        for (RechercheEntreprisesClient.Company c : found) {
            if (c.inclusionType() != null && !c.establishments().isEmpty()) {
                siae.add(new SupplierRecords.InclusionEntry(c.establishments().get(0).siret(), c.unit().siren(),
                        c.inclusionType(), LocalDate.now(), c.unit().name()));
            }
        }
        if (!siae.isEmpty()) store.inclusion("api-recherche-entreprises", siae);
        return new ApiReport(sirens.size(), found.size(), client.requests(), client.cacheHits(), errors);
    }

    /** Loads the COG shipped with the build (communes, EPCI, départements, régions). */
    public Geo geography() throws IOException, SQLException {
        Geo geo = CogReader.readClasspath();
        new GeoStore(db).replace(geo);
        return geo;
    }

    public record CentroidReport(long read, long matched, List<String> skipped) {
    }

    public CentroidReport centroids(Path file) throws IOException, SQLException {
        CentroidReader.Result r = CentroidReader.read(file);
        long matched = new GeoStore(db).centroids(r.centroids());
        return new CentroidReport(r.read(), matched, r.skipped());
    }
}
