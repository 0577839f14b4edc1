package dev.switchboard.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The Responses API ({@code POST {base}/responses}) with Structured Outputs: the model's answer is JSON that follows
 * the given schema ({@code text.format} of type {@code json_schema}, strict). Blocking; one attempt (a person or
 * the caller retries). The key goes in the Authorization header only and is never logged.
 */
public final class ResponsesClient {

    private static final MediaType JSON = MediaType.get("application/json");

    private final OkHttpClient http;
    private final OpenAiEndpoints endpoints;
    private final String apiKey;

    public ResponsesClient(OkHttpClient http, OpenAiEndpoints endpoints, String apiKey) {
        this.http = http;
        this.endpoints = endpoints;
        this.apiKey = apiKey;
    }

    /** The request body: {@code model}, {@code instructions}, {@code input} and the strict JSON schema format. */
    public static ObjectNode requestBody(String model, String instructions, String input, String schemaName,
                                         JsonNode schema) {
        ObjectNode body = SessionJson.MAPPER.createObjectNode();
        body.put("model", model);
        body.put("instructions", instructions);
        body.put("input", input);
        body.put("store", false);
        ObjectNode format = body.putObject("text").putObject("format");
        format.put("type", "json_schema");
        format.put("name", schemaName);
        format.set("schema", schema);
        format.put("strict", true);
        return body;
    }

    /**
     * Sends the request and returns the text of the first {@code output_text} content (the JSON answer).
     *
     * @throws OpenAiApiException with the API's message, a network failure (status 0), a refusal or an answer
     *                            without text
     */
    public String create(ObjectNode body) throws OpenAiApiException {
        Request request = new Request.Builder().url(endpoints.responses())
                .header("Authorization", "Bearer " + apiKey)
                .post(RequestBody.create(body.toString(), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw CallsClient.parseError(response);
            }
            ResponseBody rb = response.body();
            return outputText(SessionJson.MAPPER.readTree(rb == null ? "{}" : rb.string()));
        } catch (IOException e) {
            throw new OpenAiApiException(0, "network", null, e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** {@code output[].content[]}: the first {@code output_text}'s text; a {@code refusal} is an error. */
    static String outputText(JsonNode response) throws OpenAiApiException {
        String status = response.path("status").asText("completed");
        for (JsonNode item : response.path("output")) {
            if (!"message".equals(item.path("type").asText())) {
                continue;
            }
            for (JsonNode content : item.path("content")) {
                String type = content.path("type").asText();
                if ("output_text".equals(type)) {
                    return content.path("text").asText();
                }
                if ("refusal".equals(type)) {
                    throw new OpenAiApiException(200, "refusal", null, "the model refused: "
                            + content.path("refusal").asText(), null);
                }
            }
        }
        String why = response.path("incomplete_details").path("reason").asText("");
        throw new OpenAiApiException(200, "no_output", null, "the response (" + status + ") has no text output"
                + (why.isEmpty() ? "" : ": " + why), null);
    }
}
