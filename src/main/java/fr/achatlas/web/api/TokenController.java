package fr.achatlas.web.api;

import fr.achatlas.store.UserStore;
import fr.achatlas.web.Connections;
import fr.achatlas.web.security.ApiTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/** Personal API tokens of the signed-in user: created (shown once), listed, revoked. */
@RestController
@Tag(name = "Jetons d'API", description = "Jetons personnels : en-tête Authorization: Bearer <jeton>")
public class TokenController {

    public record NewToken(String tokenId, String token, String label) {
    }

    private final Connections connections;

    public TokenController(Connections connections) {
        this.connections = connections;
    }

    @GetMapping("/api/tokens")
    @Operation(summary = "Mes jetons (sans leur valeur, jamais conservée)")
    public List<UserStore.Token> list(Authentication auth) throws SQLException {
        try (Connection c = connections.open()) {
            return new UserStore(c).tokens(auth.getName());
        }
    }

    @PostMapping("/api/tokens")
    @Operation(summary = "Crée un jeton ; sa valeur n'est affichée qu'une fois")
    public NewToken create(Authentication auth, @RequestParam(defaultValue = "API") String label) throws SQLException {
        String token = ApiTokens.newToken();
        String id = ApiTokens.newId();
        String cleanLabel = label.length() > 80 ? label.substring(0, 80) : label;
        try (Connection c = connections.open()) {
            new UserStore(c).addToken(id, auth.getName(), ApiTokens.sha256(token), cleanLabel);
        }
        return new NewToken(id, token, cleanLabel);
    }

    @DeleteMapping("/api/tokens/{id}")
    @Operation(summary = "Révoque un de mes jetons")
    public ResponseEntity<Void> revoke(Authentication auth, @PathVariable String id) throws SQLException {
        try (Connection c = connections.open()) {
            return new UserStore(c).deleteToken(auth.getName(), id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
        }
    }
}
