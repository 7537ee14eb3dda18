/**
 * The browser tier (profile {@code -Pbrowser}): the portal and the operator dashboard driven in a
 * real headless Chromium through Selenium WebDriver, against the EAR deployed on the suite's
 * server. {@link org.splitcast.it.browser.Browser} starts Debian's chromium with its
 * chromedriver (never a downloaded one), collects the console, and writes screenshots to
 * {@code target/screenshots/}.
 */
package org.splitcast.it.browser;
