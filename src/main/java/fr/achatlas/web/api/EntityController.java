package fr.achatlas.web.api;

import fr.achatlas.query.ContractDetails;
import fr.achatlas.query.QualityQueries;
import fr.achatlas.query.QualityReport;
import fr.achatlas.query.TerritoryQueries;
import fr.achatlas.query.cube.Cube;
import fr.achatlas.query.cube.CubeQuery;
import fr.achatlas.query.cube.CubeResult;
import fr.achatlas.query.cube.Fact;
import fr.achatlas.query.cube.Scope;
import fr.achatlas.web.Connections;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Who is signed in, the buyers of the territory, one contract, the data quality. */
@RestController
@Tag(name = "Entités", description = "Session, acheteurs, marché, qualité des données")
public class EntityController {

    public record Me(String username, String role, Set<String> buyers, boolean spendingVisible) {
    }

    public record BuyerItem(String buyerId, String name, long contracts) {
    }

    private final Connections connections;
    private final CurrentScope scopes;

    public EntityController(Connections connections, CurrentScope scopes) {
        this.connections = connections;
        this.scopes = scopes;
    }

    @GetMapping("/api/me")
    @Operation(summary = "L'utilisateur courant (anonyme : rôle PUBLIC) ; pose le cookie XSRF-TOKEN")
    public Me me(HttpServletRequest request) {
        // Touching the token makes Spring Security write the XSRF-TOKEN cookie the pages send back as X-XSRF-TOKEN.
        Object token = request.getAttribute(CsrfToken.class.getName());
        if (token instanceof CsrfToken t) t.getToken();
        Scope s = scopes.get(null);
        return new Me(s.user(), s.role().name(), s.ownBuyers(), s.canSeeSpending());
    }

    @GetMapping("/api/buyers")
    @Operation(summary = "Les acheteurs (pour le choix du périmètre), par nombre de marchés")
    public List<BuyerItem> buyers() throws SQLException {
        try (Connection c = connections.open()) {
            CubeResult r = new Cube(c).aggregate(new CubeQuery(Fact.CONTRACT, List.of("buyer"), List.of("contracts"), Map.of(), null),
                    scopes.get(null));
            List<BuyerItem> out = new ArrayList<>();
            for (Object[] row : r.rows()) out.add(new BuyerItem((String) row[0], (String) row[1], (Long) row[2]));
            return out;
        }
    }

    @GetMapping("/api/contracts/{key}")
    @Operation(summary = "Un marché : état actuel, titulaires, modifications, constats, copies, classement")
    public ResponseEntity<ContractDetails.Details> contract(@PathVariable long key) throws SQLException {
        try (Connection c = connections.open()) {
            return ResponseEntity.of(new ContractDetails(c).find(key));
        }
    }

    @GetMapping("/api/territory")
    @Operation(summary = "Le territoire : nom, départements (contour sur la carte), région")
    public TerritoryQueries.Territory territory() throws SQLException {
        try (Connection c = connections.open()) {
            return new TerritoryQueries(c).territory();
        }
    }

    @GetMapping("/api/quality")
    @Operation(summary = "Qualité des données par acheteur, par source, par règle")
    public QualityReport quality() throws SQLException {
        try (Connection c = connections.open()) {
            return new QualityQueries(c).report();
        }
    }
}
