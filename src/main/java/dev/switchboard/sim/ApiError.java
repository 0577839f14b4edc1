package dev.switchboard.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An HTTP error answered in OpenAI's shape: {@code {"error":{"message","type","code","param"}}}. */
final class ApiError extends RuntimeException {

    final int status;
    final String type;
    final String code;
    final String param;

    ApiError(int status, String message, String type, String code, String param) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static ApiError invalidRequest(int status, String message, String code, String param) {
        return new ApiError(status, message, "invalid_request_error", code, param);
    }

    static ApiError notFound(String message) {
        return invalidRequest(404, message, null, null);
    }

    static ApiError callGone() {
        return notFound("Call not found or already ended");
    }

    static ApiError missing(String param) {
        return invalidRequest(400, "Missing required parameter: '" + param + "'.", "missing_required_parameter",
                param);
    }

    static ApiError invalidType(String param, String expected, JsonNode given) {
        return invalidRequest(400, "Invalid type for '" + param + "': expected " + expected + ", but got "
                + Json.describeType(given) + " instead.", "invalid_type", param);
    }

    static ApiError invalidValue(String param, String given, String supported) {
        return invalidRequest(400, "Invalid value: '" + Json.abbreviate(given, 60) + "'. " + supported,
                "invalid_value", param);
    }

    static ApiError badJson() {
        return invalidRequest(400, "We could not parse the JSON body of your request. (HINT: This likely means you "
                + "aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)", null, null);
    }

    static ApiError wrongState(String message) {
        return invalidRequest(409, message, "invalid_call_state", null);
    }

    ObjectNode body() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", getMessage());
        error.put("type", type);
        error.put("code", code);
        error.put("param", param);
        return root;
    }
}
