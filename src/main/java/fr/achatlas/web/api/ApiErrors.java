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

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, String>> bad(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
