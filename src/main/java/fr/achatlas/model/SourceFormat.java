package fr.achatlas.model;

/** The four official DECP serialisations: the 2019 format (arrêté of 22 March 2019, v1.x) and v2 (from 2024), each in JSON and XML. */
public enum SourceFormat {
    DECP_2019_JSON,
    DECP_2019_XML,
    DECP_V2_JSON,
    DECP_V2_XML;

    public boolean isV2() {
        return this == DECP_V2_JSON || this == DECP_V2_XML;
    }

    public boolean isXml() {
        return this == DECP_2019_XML || this == DECP_V2_XML;
    }
}
