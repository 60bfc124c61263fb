package dev.stillpoint.support;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTests {

    @Property(tries = 2000)
    void noAddressSurvivesRedaction(@ForAll String before, @ForAll @AlphaChars @StringLength(min = 1, max = 20) String local,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String domain, @ForAll String after) {
        String address = local + "@" + domain + ".example";
        assertThat(Redaction.addresses(before + " <" + address + "> " + after)).doesNotContain(address);
    }

}
