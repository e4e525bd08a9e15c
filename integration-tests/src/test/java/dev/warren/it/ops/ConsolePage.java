package dev.warren.it.ops;

import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Reads and clicks the console's failure rows in one script each: the page redraws its tables every
 * two seconds, so an element found in one call may be gone by the next.
 */
final class ConsolePage {
    private static final String ROWS = "[...document.querySelectorAll('#failures tr[data-id]')]";

    private final JavascriptExecutor page;

    ConsolePage(WebDriver browser) {
        this.page = (JavascriptExecutor) browser;
    }

    /** The failure rows' ids, top to bottom. */
    @SuppressWarnings("unchecked")
    List<String> failureIds() {
        return (List<String>) page.executeScript("return " + ROWS + ".map(r => r.dataset.id);");
    }

    /** Clicks the failure row of {@code id}, which opens its details. */
    void openFailure(String id) {
        page.executeScript(ROWS + ".find(r => r.dataset.id === arguments[0]).click();", id);
    }

    /** The text and the title of the cell {@code selector} in the failure row of {@code id}. */
    @SuppressWarnings("unchecked")
    Map<String, String> failureCell(String id, String selector) {
        return (Map<String, String>)
                page.executeScript(
                        "const c = "
                                + ROWS
                                + ".find(r => r.dataset.id === arguments[0])"
                                + ".querySelector(arguments[1]);"
                                + " return {text: c.textContent, title: c.title};",
                        id,
                        selector);
    }
}
