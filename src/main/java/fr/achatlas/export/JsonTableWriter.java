package fr.achatlas.export;

import fr.achatlas.query.Column;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.util.List;

/** A JSON array of objects keyed by the technical column names; amounts as numbers, dates ISO. */
final class JsonTableWriter implements TableWriter {

    private final JsonGenerator gen;
    private List<Column> columns;

    JsonTableWriter(OutputStream out) {
        this.gen = new JsonFactory().createGenerator(ObjectWriteContext.empty(), out);
    }

    @Override
    public void header(List<Column> columns) {
        this.columns = columns;
        gen.writeStartArray();
    }

    @Override
    public void row(Object[] values) {
        gen.writeStartObject();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            gen.writeName(columns.get(i).name());
            if (v == null) gen.writeNull();
            else if (v instanceof BigDecimal bd) gen.writeNumber(bd);
            else if (v instanceof Integer n) gen.writeNumber(n);
            else if (v instanceof Long n) gen.writeNumber(n);
            else if (v instanceof Double n) gen.writeNumber(n);
            else if (v instanceof Boolean b) gen.writeBoolean(b);
            else if (v instanceof Date d) gen.writeString(d.toLocalDate().toString());
            else gen.writeString(v.toString());
        }
        gen.writeEndObject();
    }

    @Override
    public void close() {
        gen.writeEndArray();
        gen.close();
    }
}
