"""The page in headless Chromium: it shows the set, follows OSC changes, and changes the set when clicked."""
import pytest

from tests.web.browser import chromium
from tests.web.conftest import web_sim


@pytest.fixture(scope="module")
def browser():
    with chromium() as driver:
        yield driver


@pytest.fixture
def page(browser):
    """(sim, web, client, driver) with the page loaded and connected to a real-time livesim."""
    with web_sim(virtual_clock=False) as (sim, web, client):
        browser.get_log("browser")  # what earlier pages logged (their stream ending) is theirs
        browser.get(web.url)
        wait(browser, lambda d: d.find_element("id", "connection").text == "live" and
             d.find_elements("css selector", ".strip .tname"), 10)
        yield sim, web, client, browser
        errors = [entry for entry in browser.get_log("browser") if entry.get("level") == "SEVERE"]
        browser.get("about:blank")  # leave the page before its livesim stops
        assert not errors, errors


def wait(driver, condition, timeout):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # A full re-render (a new set, a new track) replaces elements: a stale one is looked up again.
    return WebDriverWait(driver, timeout, poll_frequency=0.02,
                         ignored_exceptions=(StaleElementReferenceException,)).until(condition)


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def test_the_default_sets_track_names_appear(page):
    sim, web, client, driver = page
    names = [e.text for e in driver.find_elements("css selector", ".strip .tname")]
    assert names == ["1-MIDI", "2-MIDI", "3-Audio", "4-Audio", "A-Reverb", "B-Delay", "Main"]
    assert len(driver.find_elements("css selector", ".slot[data-slot]")) == 4 * 8
    assert driver.find_element("id", "tempo").get_attribute("value") == "120.00"


def test_an_osc_volume_change_moves_the_fader_within_a_second(page):
    sim, web, client, driver = page
    fader = driver.find_element("css selector", '.strip[data-where="tracks:1"] input.v')
    assert float(fader.get_attribute("value")) == pytest.approx(0.85)
    client.send("/live/track/set/volume", 1, 0.5)
    wait(driver, lambda d: float(fader.get_attribute("value")) == 0.5, 1.0)
    assert driver.find_element("css selector", '.strip[data-where="tracks:1"] .val.vol').text == "-14.0 dB"


def test_clicking_a_slot_fires_the_clip_and_listeners_hear_it(page):
    sim, web, client, driver = page
    client.send("/live/clip_slot/create_clip", 0, 0, 4.0)
    client.send("/live/clip/set/name", 0, 0, "Riff")
    slot = wait(driver, lambda d: [e for e in d.find_elements("css selector", '.slot[data-slot="0:0"]')
                                   if "Riff" in e.text], 5)[0]
    client.send("/live/track/start_listen/playing_slot_index", 0)
    assert client.wait_for("/live/track/get/playing_slot_index") == (0, -1)
    slot.click()
    assert client.wait_for("/live/track/get/playing_slot_index", lambda a: a[1] == 0, timeout=5.0)
    wait(driver, lambda d: "playing" in d.find_element("css selector", '.slot[data-slot="0:0"]').get_attribute("class"),
         5)
    # Clicking the playing clip stops it.
    driver.find_element("css selector", '.slot[data-slot="0:0"]').click()
    assert client.wait_for("/live/track/get/playing_slot_index", lambda a: a[1] == -1, timeout=5.0)
    client.send("/live/track/stop_listen/playing_slot_index", 0)


def test_a_query_shows_up_in_the_traffic_log(page):
    sim, web, client, driver = page
    assert client.query("/live/track/get/name", 2) == (2, "3-Audio")

    def rows(d):
        return [r.text for r in d.find_elements("css selector", "#log tr") if "/live/track/get/name" in r.text]
    found = wait(driver, lambda d: len(rows(d)) >= 2 and rows(d), 5)
    assert "request" in found[0] and "2" in found[0] and ("127.0.0.1:%d" % client.port) in found[0]
    assert "reply" in found[1] and '"3-Audio"' in found[1]
    # The filter keeps only matching addresses.
    client.query("/live/song/get/tempo")
    wait(driver, lambda d: any("/live/song/get/tempo" in r.text for r in d.find_elements("css selector", "#log tr")), 5)
    box = driver.find_element("id", "filter")
    box.send_keys("/live/track/*/name")
    texts = [r.text for r in driver.find_elements("css selector", "#log tr")]
    assert texts and all("/live/track/get/name" in t for t in texts)


def test_buttons_and_faders_change_the_set(page):
    sim, web, client, driver = page
    driver.find_element("css selector", '.strip[data-where="tracks:2"] button.act').click()
    wait(driver, lambda d: client.query("/live/track/get/mute", 2) == (2, True), 5)
    driver.find_element("css selector", '.strip[data-where="tracks:3"] button.arm').click()
    wait(driver, lambda d: client.query("/live/track/get/arm", 3) == (3, True), 5)
    fader = driver.find_element("css selector", '.strip[data-where="tracks:0"] input.v')
    js(driver, "arguments[0].value = 0.4; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
               "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", fader)
    wait(driver, lambda d: client.query("/live/track/get/volume", 0)[1] == pytest.approx(0.4), 5)
    driver.find_element("id", "play").click()
    wait(driver, lambda d: "on" in d.find_element("id", "play").get_attribute("class"), 5)
    assert client.query("/live/song/get/is_playing") == (True,)
    driver.find_element("id", "stop").click()
    wait(driver, lambda d: client.query("/live/song/get/is_playing") == (False,), 5)


def test_selecting_a_track_shows_its_devices(page):
    sim, web, client, driver = page
    driver.find_element("css selector", '.strip[data-where="returns:1"] .head').click()
    wait(driver, lambda d: "B-Delay" in d.find_element("css selector", "#devices .title").text, 5)
    names = [e.get_attribute("textContent") for e in driver.find_elements("css selector", "#devices .param label")]
    assert tuple(names) == client.query("/live/device/get/parameters/name", "B", 0)[2:]
    rows = driver.find_elements("css selector", "#devices .param")
    feedback = names.index("Feedback")
    slider = rows[feedback].find_element("css selector", "input[type=range]")
    js(driver, "arguments[0].value = 0.25; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", slider)
    wait(driver, lambda d: client.query("/live/device/get/parameter/value", "B", 0, feedback)[-1] == 0.25, 5)
    switch = rows[0].find_element("css selector", "select")  # Device On: a quantized parameter is a menu
    js(driver, "arguments[0].value = '0'; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", switch)
    wait(driver, lambda d: client.query("/live/device/get/parameter/value", "B", 0, 0)[-1] == 0.0, 5)
    # An OSC change of a parameter shows on the page.
    client.send("/live/device/set/parameter/value", "B", 0, feedback, 0.5)
    wait(driver, lambda d: float(slider.get_attribute("value")) == 0.5, 5)


def test_folding_a_group_hides_its_tracks(browser):
    from tests.e2e.sets import rich_set

    with web_sim(rich_set(), virtual_clock=False) as (sim, web, client):
        browser.get(web.url)
        wait(browser, lambda d: d.find_elements("css selector", '.strip[data-where="tracks:4"] .tname'), 10)
        def shown(d):
            return [d.find_element("css selector", '.strip[data-where="tracks:%d"]' % i).is_displayed()
                    for i in range(5)]
        assert shown(browser) == [True] * 5
        browser.find_element("css selector", '.strip[data-where="tracks:2"] .fold').click()
        wait(browser, lambda d: client.query("/live/track/get/fold_state", 2) == (2, True), 5)
        wait(browser, lambda d: shown(d) == [True, True, True, False, False], 5)
        client.send("/live/track/set/fold_state", 2, 0)
        wait(browser, lambda d: shown(d) == [True] * 5, 5)
        browser.get("about:blank")
