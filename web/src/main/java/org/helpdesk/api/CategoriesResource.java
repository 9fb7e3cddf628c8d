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

import org.helpdesk.directory.CategoryService;

/** GET /api/v1/categories (everyone), POST /api/v1/categories (staff). */
@Path("categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource {

    @Inject
    private CategoryService categories;

    /** The body of a new category. */
    public record NewCategory(String name) {
    }

    @GET
    public List<CategoryItem> list() {
        return categories.categories().stream().map(CategoryItem::of).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewCategory body) {
        CategoryItem created = CategoryItem.of(categories.create(body == null ? null : body.name()));
        return Response.created(URI.create("categories/" + created.id())).entity(created).build();
    }
}
