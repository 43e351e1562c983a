"""Render the web view's screenshot for the docs: ``python -m tests.web.screenshot [--out FILE]``.

A small song plays in livesim (a scene launched, one clip about to start, a rack on the
selected track) while an OSC client queries, listens and changes a fader, so the page shows
the session, the mixer with moving meters, the devices and the traffic log.  Needs Chromium,
chromium-driver and selenium (the development dependencies).
"""
import argparse
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_OUT = os.path.join(ROOT, "docs", "img", "livesim-web.png")
RED, PINK, ORANGE, YELLOW, GREEN, LIME = 0xFF3636, 0xFF94A6, 0xFFA529, 0xFFF034, 0x1AFF2F, 0xBFFB00
BLUE, SKY, VIOLET = 0x5480E4, 0x88C0FF, 0xC58BFF


def _notes(pitches, length=4.0, step=0.5, velocity=100):
    notes = []
    t = 0.0
    while t < length:
        notes.append([pitches[int(t / step) % len(pitches)], t, step * 0.9, velocity, False])
        t += step
    return notes


def demo_set():
    """The song on the screenshot."""
    def midi(name, pitches, color, length=4.0):
        return {"name": name, "color": color, "length": length, "notes": _notes(pitches, length)}

    def audio(name, color):
        return {"name": name, "color": color, "audio": True, "length": 4.0,
                "file_path": "samples/%s.wav" % name.lower().replace(" ", "-")}

    scenes = ["Intro", "Verse", "Chorus", "Bridge", "Outro", "", ""]
    return {
        "tempo": 124.0,
        "scenes": [{"name": n} for n in scenes],
        "tracks": [
            {"type": "audio", "name": "Drums", "color": RED,
             "clips": [audio("Kick Loop", RED), audio("Full Beat", RED), audio("Full Beat 2", RED), None,
                       audio("Fill", PINK)],
             "devices": [{"class_name": "Compressor2", "type": "audio_effect"}]},
            {"type": "midi", "name": "Bass", "color": ORANGE, "volume": 0.78,
             "clips": [None, midi("Bass A", [36, 36, 43, 41], ORANGE), midi("Bass B", [38, 41, 45, 43], ORANGE),
                       None, midi("Bass End", [36], YELLOW)],
             "devices": [{"class_name": "Operator", "type": "instrument", "name": "Sub"}]},
            {"type": "midi", "name": "Keys", "color": GREEN,
             "clips": [midi("Chords", [60, 64, 67], GREEN), midi("Chords", [60, 64, 67], GREEN),
                       midi("Stabs", [72, 76], LIME), midi("Arp", [60, 67, 72, 79], GREEN), None],
             "devices": [
                 {"class_name": "InstrumentGroupDevice", "name": "Layered Keys", "chains": [
                     {"name": "Piano",
                      "devices": [{"class_name": "Operator", "type": "instrument", "name": "E-Piano"}]},
                     {"name": "Pad", "devices": [{"class_name": "Operator", "type": "instrument", "name": "Warm Pad"},
                                                 {"class_name": "AutoFilter", "type": "audio_effect"}]}]},
                 {"class_name": "Reverb", "type": "audio_effect"}]},
            {"type": "group", "name": "Vocals", "color": BLUE},
            {"type": "audio", "name": "Lead Vox", "group": 3, "color": BLUE, "arm": True,
             "clips": [None, audio("Verse Take 3", BLUE), audio("Chorus Comp", BLUE), None, None]},
            {"type": "audio", "name": "Backing", "group": 3, "color": SKY, "volume": 0.7,
             "clips": [None, None, audio("Oohs", SKY), audio("Oohs", SKY)]},
            {"type": "midi", "name": "FX", "color": VIOLET,
             "clips": [midi("Riser", [84], VIOLET, length=8.0), None, None, midi("Sweep", [48], VIOLET, length=8.0)]},
        ],
        "returns": [
            {"name": "A-Reverb", "devices": [{"class_name": "Reverb", "type": "audio_effect"}]},
            {"name": "B-Delay", "devices": [{"class_name": "Delay", "type": "audio_effect"}]},
        ],
        "selected_track": 2,
        "selected_scene": 1,
    }


def render(out=DEFAULT_OUT, width=1440, height=900):
    """Run the demo song, load the page in headless Chromium and save the screenshot to ``out``."""
    sys.path.insert(0, ROOT)
    from livesim.testing import LiveSim
    from livesim.web import WebView
    from tests.e2e.harness import OSCClient
    from tests.web.browser import chromium

    client = OSCClient("127.0.0.1", 0, bind_port=0)  # the script replies to this client's port
    sim = LiveSim(set_data=demo_set(), virtual_clock=False, reply_port=client.port)
    web = WebView(sim.host, port=0)
    try:
        sim.start()
        client.target = ("127.0.0.1", sim.port)
        web.start()
        with chromium(width, height) as driver:
            driver.get(web.url)
            time.sleep(1.0)
            client.query("/live/song/get/track_names")
            client.send("/live/track/start_listen/volume", 1)
            client.send("/live/scene/fire", 1)
            client.send("/live/track/set/send", 0, 0, 0.45)
            client.send("/live/track/set/send", 2, 0, 0.6)
            client.send("/live/track/set/send", 2, 1, 0.3)
            client.send("/live/track/set/panning", 5, -0.35)
            client.send("/live/track/set/mute", 6, 1)
            client.send("/live/track/set/solo", 1, 0)
            time.sleep(2.2)
            for value in (0.7, 0.74, 0.78):
                client.send("/live/track/set/volume", 1, value)
                time.sleep(0.05)
            client.send("/live/clip_slot/fire", 6, 3)
            client.query("/live/song/get/tempo")
            client.send("/live/track/get/nope", 0)
            client.query("/live/clip/get/name", 2, 1)
            time.sleep(0.3)
            os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
            driver.save_screenshot(out)
    finally:
        web.close()
        sim.stop()
        client.close()
    return out


def main(argv=None):
    """Command line: render the screenshot."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=DEFAULT_OUT, help="where to write the PNG (default: docs/img/livesim-web.png)")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    args = parser.parse_args(argv)
    print(render(args.out, args.width, args.height))


if __name__ == "__main__":
    main()
