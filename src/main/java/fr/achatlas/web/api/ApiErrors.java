package fr.achatlas.web.api;

import fr.achatlas.query.cube.AccessDenied;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** Errors as JSON with a French message a person can act on. */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(AccessDenied.class)
    ResponseEntity<Map<String, String>> denied(AccessDenied e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(fr.achatlas.store.ProgrammeStore.Refused.class)
    ResponseEntity<Map<String, String>> refused(fr.achatlas.store.ProgrammeStore.Refused e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(java.sql.SQLException.class)
    ResponseEntity<Map<String, String>> database(java.sql.SQLException e) {
        org.slf4j.LoggerFactory.getLogger(ApiErrors.class).error("Database error", e);
        return ResponseEntity.internalServerError().body(Map.of("error", "Erreur de la base de données : la requête n'a pas abouti."));
    }

    @ExceptionHandler(NumberFormatException.class)
    ResponseEntity<Map<String, String>> number(NumberFormatException e) {
        return ResponseEntity.badRequest().body(Map.of("error", "Nombre attendu : " + e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> bad(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
