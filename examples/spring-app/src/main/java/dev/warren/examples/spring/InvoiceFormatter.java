package dev.warren.examples.spring;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** An ordinary Spring bean, configured by {@code application.properties}, that tasks use. */
@Service
public class InvoiceFormatter {
    private final String currency;

    public InvoiceFormatter(@Value("${invoices.currency}") String currency) {
        this.currency = currency;
    }

    public String format(String customer, long cents) {
        return String.format(
                Locale.ROOT,
                "invoice for %s: %d.%02d %s",
                customer,
                cents / 100,
                cents % 100,
                currency);
    }
}
