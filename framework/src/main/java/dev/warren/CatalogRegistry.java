package dev.warren;

import java.util.function.ObjIntConsumer;

/** Where {@link WarrenConfig.Builder#catalog} lets a catalog put its explicit ids. */
final class CatalogRegistry implements TaskCatalog.Registry {
    private final ObjIntConsumer<Class<?>> register;

    CatalogRegistry(ObjIntConsumer<Class<?>> register) {
        this.register = register;
    }

    @Override
    public TaskCatalog.Registry register(Class<?> type, int id) {
        register.accept(type, id);
        return this;
    }
}
