package org.splitcast.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.splitcast.it.support.Api;
import org.splitcast.it.support.Api.Credentials;
import org.splitcast.it.support.DeployedEar;
import org.splitcast.it.support.Licensing;
import org.splitcast.it.support.Precompute;

/** The subscriber portal in Chromium: alice's recommendations, a license, her terminals; bob sees none of it. */
class PortalBrowserIT extends DeployedEar {

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void aliceSeesWhichRecommendationsAreReadyAndPicksOne() {
        // one title of alice's list for her TV precomputed (the suite's timer is off): it is "ready"
        Precompute.rebuildModel();
        List<String> recommended = Precompute.recommended(Credentials.ALICE, "alice", 10);
        assertTrue(recommended.size() >= 2, "alice has titles to recommend: " + recommended);
        String readyOne = recommended.get(0);
        Licensing.precompute("alice", readyOne);
        Map<String, Boolean> expected = readyMarks("alice-tv");
        assertTrue(expected.get(readyOne));
        assertTrue(expected.containsValue(false), "some title is not precomputed: " + expected);

        browser.open("/");
        browser.assertControlsLabelled();
        browser.signIn("alice", "alice-demo-pw");
        browser.awaitText("#who-name", "alice");
        new Select(browser.visible("#terminal-choice")).selectByValue("alice-tv");
        browser.visible("#recommendations[data-terminal-id='alice-tv'] li");
        assertEquals(expected.size(), browser.findAll("#recommendations li").size());
        for (var mark : expected.entrySet()) {
            WebElement item = browser.find("#recommendations li[data-content-id='" + mark.getKey() + "']");
            assertEquals(
                    mark.getValue() ? "Ready" : "On demand",
                    item.findElement(By.cssSelector(".badge")).getText(),
                    mark.getKey());
        }
        browser.assertControlsLabelled();
        browser.screenshot("portal-recommendations");

        // pick the ready title with the keyboard: the license says what it allows, never a key
        WebElement pick = browser.find("#recommendations li[data-content-id='" + readyOne + "'] button");
        pick.sendKeys(Keys.ENTER);
        WebElement license = browser.visible("#license .plays");
        browser.awaitText("#license", "served from the precomputed store");
        String panel = browser.text("#license");
        assertTrue(panel.contains("Unlimited") || panel.matches("(?s).*\\d+ of \\d+ left.*"), panel);
        assertTrue(panel.contains("Rental window") && panel.contains("Valid") && panel.contains("from"), panel);
        assertFalse(panel.contains("eyJ"), "no JWS, so no wrapped key, on the page");
        assertFalse(browser.driver().getPageSource().contains("\"wrap\""));
        assertTrue(license.isDisplayed());
        browser.screenshot("portal-license");
        browser.assertNoConsoleErrors();
    }

    @Test
    void theCatalogueSearchesFiltersAndPages() {
        browser.open("/");
        browser.signIn("alice", "alice-demo-pw");
        browser.awaitText("#who-name", "alice");
        browser.find("#nav a[data-route='catalogue']").click();
        browser.awaitText("#view h1", "Catalogue");
        browser.await("titles", d -> !browser.findAll("#catalogue li").isEmpty());
        WebElement search = browser.visible("#catalogue-search");
        search.sendKeys("sintel");
        browser.await(
                "one match",
                d -> browser.texts("#catalogue li").size() == 1
                        && browser.texts("#catalogue li").get(0).contains("Sintel"));
        search.clear();
        search.sendKeys(Keys.BACK_SPACE);
        new Select(browser.find("#catalogue-genre")).selectByValue("animation");
        browser.await("animation only", d -> {
            List<String> items = browser.texts("#catalogue li");
            return !items.isEmpty() && items.stream().allMatch(li -> li.contains("animation"));
        });
        browser.assertControlsLabelled();

        browser.find("#nav a[data-route='entitlements']").click();
        browser.awaitText("#entitlements", "Valid now");
        assertTrue(browser.text("#entitlements").contains("Package"), browser.text("#entitlements"));

        // the same pages on a phone: nothing wider than the screen
        browser.size(390, 844);
        browser.find("#nav a[data-route='recommendations']").click();
        browser.await("the list", d -> !browser.findAll("#recommendations li").isEmpty());
        browser.assertNoHorizontalScroll();
        browser.screenshot("portal-phone");
        browser.size(1280, 800);
        browser.assertNoConsoleErrors();
    }

    @Test
    void thisBrowserBecomesATerminalAndVerifiesItsLicense() {
        browser.open("/");
        browser.signIn("alice", "alice-demo-pw");
        browser.awaitText("#who-name", "alice");
        browser.find("#nav a[data-route='terminals']").click();
        String id = Api.unique("browser");
        browser.visible("#terminal-label").sendKeys("This laptop's browser");
        browser.find("#terminal-id").sendKeys(id);
        browser.find("#view form button[type='submit']").click();
        WebElement row = browser.await(
                "the new terminal",
                d -> d.findElements(By.cssSelector("#terminals tr[data-terminal-id='" + id + "']")).stream()
                        .findFirst()
                        .orElse(null));
        assertTrue(row.getText().contains("EC_P256") && row.getText().contains("this browser"), row.getText());
        JsonObject registered =
                Api.get(Credentials.ALICE, "/api/terminals/" + id).expect(200).json();
        assertTrue(registered.getString("publicKey").startsWith("-----BEGIN PUBLIC KEY-----"));
        browser.assertControlsLabelled();
        browser.screenshot("portal-terminals");

        // a license for it, checked in the page: signature, ECDH unwrap with the IndexedDB key, grant MAC
        browser.find("#nav a[data-route='recommendations']").click();
        new Select(browser.visible("#terminal-choice")).selectByValue(id);
        browser.visible("#recommendations[data-terminal-id='" + id + "'] li button")
                .click();
        browser.awaitText("#license .verification", "verified in this browser");

        // the private key cannot be read out of the page
        Object extractable = browser.asyncScript(
                """
                const done = arguments[arguments.length - 1];
                const open = indexedDB.open('splitcast-terminals', 1);
                open.onsuccess = () => {
                  const get = open.result.transaction('terminals').objectStore('terminals').get(arguments[0]);
                  get.onsuccess = () => done(get.result.privateKey.extractable);
                };""",
                id);
        assertEquals(false, extractable);

        // remove it through the dialog
        browser.find("#nav a[data-route='terminals']").click();
        browser.visible("#terminals tr[data-terminal-id='" + id + "'] button.danger")
                .click();
        browser.visible("dialog button.danger").click();
        browser.await(
                "the row gone", d -> d.findElements(By.cssSelector("#terminals tr[data-terminal-id='" + id + "']"))
                        .isEmpty());
        Api.get(Credentials.ALICE, "/api/terminals/" + id).expectProblem(404, "not-found");
        browser.assertNoConsoleErrors();
    }

    @Test
    void bobSeesNoneOfAlicesDataAndWrongPasswordsAreExplained() {
        browser.open("/");
        browser.expectConsoleError("/api/session - Failed to load resource: the server responded with a status of 401");
        browser.signIn("bob", "not-bobs-password");
        browser.awaitText("#sign-in-error", "Unknown username or wrong password.");
        browser.signIn("bob", "bob-demo-pw");
        browser.awaitText("#who-name", "bob");
        browser.find("#nav a[data-route='entitlements']").click();
        browser.awaitText("#entitlements", "Valid now");
        String mine = browser.text("#entitlements");
        assertFalse(mine.toLowerCase().contains("cinema"), "alice's cinema package is not bob's: " + mine);

        // asking for alice's data from bob's page is refused
        browser.expectConsoleError("/api/subscribers/alice/.* 403");
        Object status = browser.asyncScript(
                """
                const done = arguments[arguments.length - 1];
                fetch('/api/subscribers/alice/recommendations', {credentials: 'same-origin'})
                  .then(r => r.json().then(b => done(r.status + ' ' + b.code)));""");
        assertEquals("403 forbidden", status);
        browser.open("/api/subscribers/alice/entitlements");
        String page = browser.text("body");
        assertTrue(page.contains("forbidden"), page);
        assertFalse(page.contains("cinema"), page);

        // a refusal inside the portal reads as a sentence, not JSON
        browser.open("/#/recommendations");
        browser.awaitText("#who-name", "bob");
        browser.expectConsoleError(
                "/api/licenses - Failed to load resource: the server responded with a status of 403");
        browser.await("bob's list", d -> !browser.findAll("#recommendations li button")
                .isEmpty());
        Object refused = browser.script(
                """
                return import('/app/api.js').then(m => m.api('POST', '/api/licenses',
                    {contentId: 'big-buck-bunny', terminalId: 'alice-tv', nonce: 'AAAAAAAAAAAAAAAAAAAAAA'}))
                  .then(() => 'issued', e => e.message);""");
        assertEquals(
                "You may not do this. (terminal 'alice-tv' is not one of your terminals)", String.valueOf(refused));

        browser.find("#sign-out").click();
        browser.visible("#sign-in-form");
        browser.assertNoConsoleErrors();
    }

    private static Map<String, Boolean> readyMarks(String terminalId) {
        JsonObject list = Api.get(
                        Credentials.ALICE, "/api/subscribers/alice/recommendations?limit=10&terminalId=" + terminalId)
                .expect(200)
                .json();
        return list.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .collect(java.util.stream.Collectors.toMap(
                        i -> i.getString("contentId"),
                        i -> i.getBoolean("ready"),
                        (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }
}
