package org.canbao.platform.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document shares, added at build time ({@code mp.openapi.filter}): the two ways to
 * authenticate (HTTP Basic locally, an OIDC bearer token in production) and the problem answers ({@link Problem},
 * RFC 9457) that any {@code /api/*} call can give. Every {@code /api/*} call is authenticated before anything else
 * answers, so each one documents 401 and 403; those with input document 400, and those with a body 413 (over
 * {@code quarkus.http.limits.max-body-size}). Done here rather than with annotations on each resource, so a new
 * endpoint cannot forget them.
 */
public class ApiDocument implements OASFilter {
    public static final String BASIC = "basicAuth";
    public static final String BEARER = "oidcBearer";
    static final String PROBLEM = "Problem";
    private static final String BASIC_USERS = "HTTP Basic, in the dev, test and local profiles only: the users of API.md "
            + "(public-security, civil-affairs, rural-revitalization, disabled-persons-federation, medical-insurance, "
            + "tax, supervisor, admin), password = user name. A built service (prod) has no Basic user.";
    private static final String OIDC = "OIDC bearer token (prod): an access token of the issuer at CANBAO_OIDC_URL "
            + "whose roles (claim CANBAO_OIDC_ROLE_CLAIM, default realm_access/roles) carry the same role names as the "
            + "local users; a supervisor may be scoped to one unit by the claim CANBAO_OIDC_UNIT_CLAIM (default "
            + "canbao_unit).";

    /** The shared answers, by status: component name and description. */
    private static final Map<String, String[]> PROBLEMS = Map.of(
            "400", new String[] {"BadRequest", "The request cannot be taken as it is: `detail` says what is wrong."},
            "401", new String[] {"Unauthorized", "No valid credentials (HTTP Basic locally, an OIDC bearer token in "
                    + "production): any /api/* call answers 401 first, whatever its path or media type."},
            "403", new String[] {"Forbidden", "The caller's role may not make this call (a department may only act "
                    + "as itself; a supervisor scoped to a unit may not see the whole)."},
            "413", new String[] {"PayloadTooLarge", "The body is larger than 256 MB (quarkus.http.limits.max-body-size)."});

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getComponents() == null) {
            document.setComponents(OASFactory.createComponents());
        }
        Components components = document.getComponents();
        components.addSecurityScheme(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("basic").description(BASIC_USERS));
        components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").bearerFormat("JWT").description(OIDC));
        components.addSchema(PROBLEM, problemSchema());
        PROBLEMS.forEach((status, named) -> components.addResponse(named[0], problemResponse(named[1], status)));
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, operation) -> document(method, operation));
            }
        });
    }

    private static void document(PathItem.HttpMethod method, Operation operation) {
        operation.setSecurity(List.of(
                OASFactory.createSecurityRequirement().addScheme(BASIC),
                OASFactory.createSecurityRequirement().addScheme(BEARER)));
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean body = operation.getRequestBody() != null;
        boolean input = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        for (String status : List.of("400", "401", "403", "413")) {
            if ((status.equals("400") && !input) || (status.equals("413") && !body)) {
                continue;
            }
            responses.addAPIResponse(status, OASFactory.createAPIResponse()
                    .ref("#/components/responses/" + PROBLEMS.get(status)[0]));
        }
    }

    private static APIResponse problemResponse(String description, String status) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))
                        .example(Map.of("type", "about:blank", "title", reason(status), "status", Integer.parseInt(status),
                                "detail", detail(status)))));
    }

    private static String reason(String status) {
        return switch (status) {
            case "400" -> "Bad Request";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            default -> "Request Entity Too Large";
        };
    }

    private static String detail(String status) {
        return switch (status) {
            case "400" -> "asOf '2022-13-01' is not a date such as 2022-08-31";
            case "401" -> "Unauthorized";
            case "403" -> "a department may only send its own feed";
            default -> "Request Entity Too Large";
        };
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .description("An RFC 9457 problem document. `detail` is written for the caller: never a stack trace, "
                        + "never a full ID number (masked as 430626********1234); an unexpected error's `detail` only "
                        + "gives a reference to the server's log line.")
                .addType(Schema.SchemaType.OBJECT)
                .required(List.of("type", "title", "status"))
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri-reference")
                        .description("The problem type; `about:blank` when the HTTP status says it all."))
                .addProperty("title", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("The HTTP status's reason phrase."))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status code."))
                .addProperty("detail", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("What went wrong, for a person."))
                .addProperty("instance", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .format("uri-reference").description("The occurrence, when known."));
    }
}
