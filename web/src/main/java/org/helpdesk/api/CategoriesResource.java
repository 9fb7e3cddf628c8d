package org.helpdesk.api;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpdesk.directory.CategoryService;

/** GET /api/v1/categories (everyone), POST /api/v1/categories (staff). */
@Path("categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CategoriesResource {

    @Inject
    private CategoryService categories;

    /** The body of a new category. */
    @Schema(description = "A new category.")
    public record NewCategory(
            @Schema(required = true, maxLength = 100, example = "Hardware")
            String name) {}

    @GET
    @Operation(summary = "List the categories", description = "Every category, active or not, by name.")
    @APIResponse(
            responseCode = "200",
            description = "The categories.",
            content =
                    @Content(
                            schema = @Schema(type = SchemaType.ARRAY, implementation = CategoryItem.class),
                            examples = @ExampleObject(name = "categories", value = ApiDocs.CATEGORIES)))
    public List<CategoryItem> list() {
        return categories.categories().stream().map(CategoryItem::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a category", description = "Staff only; names are unique regardless of case.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = NewCategory.class),
                            examples = @ExampleObject(name = "category", value = ApiDocs.NEW_CATEGORY)))
    @APIResponse(
            responseCode = "201",
            description = "Added; Location names it.",
            content =
                    @Content(
                            schema = @Schema(implementation = CategoryItem.class),
                            examples = @ExampleObject(name = "category", value = ApiDocs.CATEGORY)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(NewCategory body) {
        CategoryItem created = CategoryItem.of(categories.create(body == null ? null : body.name()));
        return Response.created(URI.create("categories/" + created.id()))
                .entity(created)
                .build();
    }
}
