package dev.warren.spring;

import dev.warren.SigningKeys;
import dev.warren.TaskCatalog;
import dev.warren.WarrenConfig;
import java.lang.reflect.InvocationTargetException;
import org.springframework.util.ClassUtils;

/**
 * Turns the {@code warren.*} properties into a {@link WarrenConfig.Builder}: each value goes
 * through Warren's own setter, and a refused one fails with the property's name in front of
 * Warren's sentence. Unset properties keep Warren's defaults.
 */
final class WarrenConfigFactory {
    private WarrenConfigFactory() {}

    static WarrenConfig.Builder builder(WarrenProperties properties, ClassLoader classLoader) {
        WarrenConfig.Builder builder = WarrenConfig.custom();
        WarrenProperties.Broker broker = properties.getBroker();
        WarrenPropertyException.check(
                "warren.broker.uri",
                () ->
                        builder.brokerUri(
                                BrokerUris.withCredentials(
                                        broker.getUri() != null
                                                ? broker.getUri()
                                                : WarrenConfig.DEFAULT_BROKER_URI.toString(),
                                        broker.getUsername(),
                                        broker.getPassword())));
        builder.signingKeys(keys(properties));
        if (properties.getPublishWindow() != null) {
            WarrenPropertyException.check(
                    "warren.publish-window",
                    () -> builder.publishWindow(properties.getPublishWindow()));
        }
        if (properties.getMaxBodySize() != null) {
            long bytes = properties.getMaxBodySize().toBytes();
            if (bytes > Integer.MAX_VALUE) {
                throw new WarrenPropertyException(
                        "warren.max-body-size", "must be less than 2GB, was " + bytes + " bytes");
            }
            WarrenPropertyException.check(
                    "warren.max-body-size", () -> builder.maxBodyBytes((int) bytes));
        }
        if (properties.getQueueType() != null) {
            builder.quorumQueues(properties.getQueueType() == WarrenProperties.QueueType.QUORUM);
        }
        if (properties.getConnectionName() != null) {
            WarrenPropertyException.check(
                    "warren.connection-name",
                    () -> builder.connectionName(properties.getConnectionName()));
        }
        if (properties.getNamespace() != null) {
            WarrenPropertyException.check(
                    "warren.namespace", () -> builder.namespace(properties.getNamespace()));
        }
        for (String catalog : properties.getCatalog()) {
            WarrenPropertyException.check(
                    "warren.catalog", () -> builder.catalog(catalog(catalog, classLoader)));
        }
        return builder;
    }

    private static SigningKeys keys(WarrenProperties properties) {
        String text = properties.getKeys();
        boolean inline = text != null && !text.isBlank();
        if (inline && properties.getKeysFile() != null) {
            throw new WarrenPropertyException(
                    "warren.keys-file", "warren.keys is set too: keep one of them");
        }
        if (properties.getKeysFile() != null) {
            return WarrenPropertyException.check(
                    "warren.keys-file", () -> SigningKeys.fromFile(properties.getKeysFile()));
        }
        if (!inline) {
            throw new WarrenPropertyException(
                    "warren.keys",
                    "signing keys are required: every message is signed. Set warren.keys"
                            + " (id=base64secret, or the environment variable "
                            + SigningKeys.ENVIRONMENT_VARIABLE
                            + ") or warren.keys-file");
        }
        return WarrenPropertyException.check(
                "warren.keys", () -> SigningKeys.parse(text, "its value"));
    }

    private static TaskCatalog catalog(String className, ClassLoader classLoader) {
        Class<?> type;
        try {
            type = ClassUtils.forName(className.strip(), classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new WarrenPropertyException(
                    "warren.catalog", "class " + className + " is not on the classpath");
        }
        if (!TaskCatalog.class.isAssignableFrom(type)) {
            throw new WarrenPropertyException(
                    "warren.catalog", className + " is not a " + TaskCatalog.class.getName());
        }
        try {
            return (TaskCatalog) type.getConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
            throw new WarrenPropertyException(
                    "warren.catalog", className + " needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new WarrenPropertyException(
                    "warren.catalog", className + " failed in its constructor: " + e.getCause());
        }
    }
}
