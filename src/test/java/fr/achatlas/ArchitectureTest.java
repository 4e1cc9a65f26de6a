package fr.achatlas;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** Data flows one way (ARCHITECTURE.md): each package may use only the packages upstream of it. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.achatlas");
    }

    @Test
    void layersOnlyReachUpstream() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("fr.achatlas.model..")
                .layer("normalise").definedBy("fr.achatlas.normalise..")
                .layer("parse").definedBy("fr.achatlas.parse..")
                .layer("check").definedBy("fr.achatlas.check..")
                .layer("spending").definedBy("fr.achatlas.spending..")
                .layer("supplier").definedBy("fr.achatlas.supplier..")
                .layer("geo").definedBy("fr.achatlas.geo..")
                .layer("dedup").definedBy("fr.achatlas.dedup..")
                .layer("classify").definedBy("fr.achatlas.classify", "fr.achatlas.classify.nomenclature..", "fr.achatlas.classify.text..")
                .layer("store").definedBy("fr.achatlas.store..")
                .layer("importer").definedBy("fr.achatlas.importer..")
                .layer("query").definedBy("fr.achatlas.query..")
                .layer("classifyRun").definedBy("fr.achatlas.classify.run..")
                .layer("export").definedBy("fr.achatlas.export..")
                .layer("report").definedBy("fr.achatlas.report..")
                .layer("web").definedBy("fr.achatlas.web..")
                .layer("generate").definedBy("fr.achatlas.generate..")
                .layer("bench").definedBy("fr.achatlas.bench..")
                .layer("cli").definedBy("fr.achatlas.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("web").mayOnlyBeAccessedByLayers("cli", "bench")
                .whereLayer("export").mayOnlyBeAccessedByLayers("cli", "web")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "web")
                .whereLayer("query").mayOnlyBeAccessedByLayers("export", "report", "web", "cli", "classifyRun", "bench")
                .whereLayer("importer").mayOnlyBeAccessedByLayers("cli", "web", "bench")
                .whereLayer("classifyRun").mayOnlyBeAccessedByLayers("cli", "web")
                .whereLayer("store").mayOnlyBeAccessedByLayers("importer", "query", "web", "cli", "classifyRun", "bench")
                .whereLayer("classify").mayOnlyBeAccessedByLayers("store", "query", "classifyRun", "web", "cli", "bench")
                .whereLayer("parse").mayOnlyBeAccessedByLayers("importer", "bench", "cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("importer", "web", "cli", "supplier")
                .whereLayer("normalise").mayOnlyBeAccessedByLayers("parse", "check", "importer", "spending", "supplier")
                .whereLayer("spending").mayOnlyBeAccessedByLayers("importer", "bench", "cli", "web", "supplier", "geo")
                .whereLayer("supplier").mayOnlyBeAccessedByLayers("importer", "bench", "cli", "spending")
                .whereLayer("geo").mayOnlyBeAccessedByLayers("importer", "cli")
                .whereLayer("generate").mayOnlyBeAccessedByLayers("cli", "bench")
                .check(classes);
    }

    /** One query layer: SQL is written in store (schema, import) and query only — never in web, export or cli. */
    @Test
    void noJdbcOutsideStoreAndQuery() {
        noClasses().that().resideInAnyPackage("fr.achatlas.web..", "fr.achatlas.export..", "fr.achatlas.report..", "fr.achatlas.cli..",
                        "fr.achatlas.parse..", "fr.achatlas.check..", "fr.achatlas.importer..",
                        "fr.achatlas.classify..", "fr.achatlas.spending..", "fr.achatlas.supplier..", "fr.achatlas.geo..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a JDBC statement",
                        call -> call.getTarget().getOwner().isAssignableTo(java.sql.Statement.class)))
                .check(classes);
    }
}
