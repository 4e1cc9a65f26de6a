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
                .layer("dedup").definedBy("fr.achatlas.dedup..")
                .layer("store").definedBy("fr.achatlas.store..")
                .layer("importer").definedBy("fr.achatlas.importer..")
                .layer("query").definedBy("fr.achatlas.query..")
                .layer("export").definedBy("fr.achatlas.export..")
                .layer("web").definedBy("fr.achatlas.web..")
                .layer("generate").definedBy("fr.achatlas.generate..")
                .layer("bench").definedBy("fr.achatlas.bench..")
                .layer("cli").definedBy("fr.achatlas.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("bench").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("web").mayOnlyBeAccessedByLayers("cli", "bench")
                .whereLayer("export").mayOnlyBeAccessedByLayers("cli", "web")
                .whereLayer("query").mayOnlyBeAccessedByLayers("export", "web", "cli", "bench")
                .whereLayer("importer").mayOnlyBeAccessedByLayers("cli", "web", "bench")
                .whereLayer("store").mayOnlyBeAccessedByLayers("importer", "query", "web", "cli", "bench")
                .whereLayer("parse").mayOnlyBeAccessedByLayers("importer", "bench", "cli")
                .whereLayer("check").mayOnlyBeAccessedByLayers("importer", "web", "cli")
                .whereLayer("normalise").mayOnlyBeAccessedByLayers("parse", "check", "importer")
                .whereLayer("generate").mayOnlyBeAccessedByLayers("cli", "bench")
                .check(classes);
    }

    /** One query layer: SQL is written in store (schema, import) and query only — never in web, export or cli. */
    @Test
    void noJdbcOutsideStoreAndQuery() {
        noClasses().that().resideInAnyPackage("fr.achatlas.web..", "fr.achatlas.export..", "fr.achatlas.cli..",
                        "fr.achatlas.parse..", "fr.achatlas.check..", "fr.achatlas.importer..")
                .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a JDBC statement",
                        call -> call.getTarget().getOwner().isAssignableTo(java.sql.Statement.class)))
                .check(classes);
    }
}
