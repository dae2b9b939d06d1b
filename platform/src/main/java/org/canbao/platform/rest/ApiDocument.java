package org.canbao.platform.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * What every service's OpenAPI document shares, added at build time ({@code mp.openapi.filter}): the two ways to
 * authenticate (HTTP Basic locally, an OIDC bearer token in production) and the error answers that any
 * {@code /api/*} call can give, and a distinct operation id for a pooling region's copy of a call. Every {@code /api/*} call is authenticated before anything else answers, so each one
 * documents 401 and 403; those with input document 400 ({@link Problem}, RFC 9457), and those with a body 413 (over
 * {@code quarkus.http.limits.max-body-size}). Done here rather than with annotations on each resource, so a new
 * endpoint cannot forget them.
 */
public class ApiDocument implements OASFilter {
    public static final String BASIC = "basicAuth";
    public static final String BEARER = "oidcBearer";
    static final String PROBLEM = "Problem";
    static final String REGION_PATHS = "/api/v1/regions/{regionCode}/";
    static final String IN_REGION = "InRegion";
    private static final String BASIC_USERS = "HTTP Basic, in the dev, test and local profiles only: the users of API.md "
            + "(public-security, civil-affairs, rural-revitalization, disabled-persons-federation, medical-insurance, "
            + "tax, supervisor, admin), password = user name. A built service (prod) has no Basic user.";
    private static final String OIDC = "OIDC bearer token (prod): an access token of the issuer at CANBAO_OIDC_URL "
            + "whose roles (claim CANBAO_OIDC_ROLE_CLAIM, default realm_access/roles) carry the same role names as the "
            + "local users; a supervisor may be scoped to one unit by the claim CANBAO_OIDC_UNIT_CLAIM (default "
            + "canbao_unit).";

    /** The shared answers: status, component name. */
    private static final Map<String, String> ANSWERS = Map.of(
            "400", "BadRequest", "401", "Unauthorized", "403", "Forbidden", "413", "PayloadTooLarge");

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
        components.addResponse(ANSWERS.get("400"), problem("The request cannot be taken as it is: `detail` says what "
                + "is wrong (a bad parameter, an unreadable or unknown field of a JSON document, a missing `file` part), "
                + "in Chinese unless `Accept-Language` prefers English; `code` names the reason in either language.",
                400, "请求有误", "“asOf”的值“2022-13-01”不是日期，例如 2023-09-01", "field.not-date"));
        components.addResponse(ANSWERS.get("401"), problem("No valid credentials (HTTP Basic locally, an OIDC bearer "
                + "token in production): any /api/* call answers 401 first, whatever its path or media type.",
                401, "未登录", "请先登录：此操作需要用户名和密码，或访问令牌", "http.401.detail")
                .addHeader("WWW-Authenticate", OASFactory.createHeader()
                        .description("The scheme to authenticate with, e.g. `Basic realm=\"Quarkus\"`.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
        components.addResponse(ANSWERS.get("403"), problem("The caller's role may not make this call, or the service "
                + "names the reason (a department sending another department's feed, a supervisor scoped to a unit "
                + "asking for the whole).", 403, "无权操作", "部门只能报送本部门的名单", "feed.other-department"));
        components.addResponse(ANSWERS.get("413"), OASFactory.createAPIResponse()
                .description("The body is larger than 256 MB (quarkus.http.limits.max-body-size); answered by the HTTP "
                        + "server without a body."));
        if (document.getPaths() == null) {
            return;
        }
        document.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(ApiDocument::document);
            }
            if (path.startsWith(REGION_PATHS)) {
                item.getOperations().values().forEach(ApiDocument::inRegion);
            }
        });
    }

    /**
     * A region's call reaches the same resource method as the default region's call, so both would carry one
     * operation id; ids must be unique (client generators and the API lint rely on it).
     */
    private static void inRegion(Operation operation) {
        String id = operation.getOperationId();
        if (id != null && !id.endsWith(IN_REGION)) {
            operation.setOperationId(id + IN_REGION);
        }
    }

    private static void document(Operation operation) {
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
                    .ref("#/components/responses/" + ANSWERS.get(status)));
        }
    }

    private static APIResponse problem(String description, int status, String title, String detail, String code) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM))
                        .example(Map.of("type", "about:blank", "title", title, "status", status, "detail", detail,
                                "code", code))));
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
                        .format("uri-reference").description("The occurrence, when known."))
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A stable name of the reason, the same in every language (e.g. `field.not-date`)."));
    }
}
