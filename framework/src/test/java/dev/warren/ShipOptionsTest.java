package dev.warren;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShipOptionsTest {
    record Plain() {}

    @ShipCode(include = Plain.class)
    record Annotated() {}

    @Test
    void byDefaultOnlyClassesAnnotatedShipCodeAreShipped() {
        ShipOptions options =
                WarrenConfig.custom()
                        .signingKeys(SigningKeys.of("k", new byte[32]))
                        .build()
                        .shipOptions();

        assertThat(options.ships(Annotated.class)).isTrue();
        assertThat(options.ships(Plain.class)).isFalse();
    }

    @Test
    void onShipsEveryClassAndOffNoneAnnotatedOrNot() {
        assertThat(ShipOptions.on().ships(Plain.class)).isTrue();
        assertThat(ShipOptions.off().ships(Annotated.class)).isFalse();
    }

    @Test
    void anAnnotationsIncludesAddToTheConfiguredOnesForItsClassOnly() {
        ShipOptions options = ShipOptions.on().include(String.class);

        assertThat(options.includedFor(Annotated.class)).containsExactly(String.class, Plain.class);
        assertThat(options.includedFor(Plain.class)).containsExactly(String.class);
    }
}
