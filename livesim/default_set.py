"""Live's default new set, and a generated large set for benchmarks."""
from livesim.versions import parse_version

REVERB_PARAMETERS = [
    {"name": "Device On", "value": 1.0, "min": 0.0, "max": 1.0, "is_quantized": True, "value_items": ["Off", "On"]},
    {"name": "Predelay", "value": 0.2, "min": 0.0, "max": 1.0},
    {"name": "Decay Time", "value": 0.5, "min": 0.0, "max": 1.0},
    {"name": "Dry/Wet", "value": 1.0, "min": 0.0, "max": 1.0},
]
DELAY_PARAMETERS = [
    {"name": "Device On", "value": 1.0, "min": 0.0, "max": 1.0, "is_quantized": True, "value_items": ["Off", "On"]},
    {"name": "L 16th", "value": 3.0, "min": 0.0, "max": 7.0, "is_quantized": True,
     "value_items": ["1", "2", "3", "4", "5", "6", "8", "16"]},
    {"name": "Feedback", "value": 0.5, "min": 0.0, "max": 0.95},
    {"name": "Dry/Wet", "value": 1.0, "min": 0.0, "max": 1.0},
]


def default_set(live_version="12.3.6"):
    """The set Live opens as a new set: 2 MIDI, 2 audio tracks, 8 scenes, Reverb and Delay returns."""
    version = parse_version(live_version)
    return {
        "name": "",
        "tempo": 120.0,
        "signature_numerator": 4,
        "signature_denominator": 4,
        "clip_trigger_quantization": 4,
        "scenes": [{"name": ""} for _ in range(8)],
        "tracks": [
            {"type": "midi", "name": "1-MIDI", "sends": [0.0, 0.0]},
            {"type": "midi", "name": "2-MIDI", "sends": [0.0, 0.0]},
            {"type": "audio", "name": "3-Audio", "sends": [0.0, 0.0]},
            {"type": "audio", "name": "4-Audio", "sends": [0.0, 0.0]},
        ],
        "returns": [
            {"name": "A-Reverb", "sends": [0.0, 0.0],
             "devices": [{"name": "Reverb", "class_name": "Reverb", "type": "audio_effect",
                          "parameters": REVERB_PARAMETERS}]},
            {"name": "B-Delay", "sends": [0.0, 0.0],
             "devices": [{"name": "Delay", "class_name": "Delay", "type": "audio_effect",
                          "parameters": DELAY_PARAMETERS}]},
        ],
        "master": {"name": "Main" if version >= (12, 0, 0) else "Master", "volume": 0.85, "panning": 0.0},
        "cue_points": [],
    }


def scale_set(tracks=128, scenes=16):
    """A large set for benchmarks: alternating MIDI/audio tracks with a named clip in every slot."""
    out = {"name": "Scale %dx%d" % (tracks, scenes), "tempo": 120.0, "scenes": [], "tracks": [],
           "returns": [{"name": "A-Reverb"}, {"name": "B-Delay"}]}
    for s in range(scenes):
        out["scenes"].append({"name": "Scene %d" % (s + 1)})
    for t in range(tracks):
        audio = t % 2 == 1
        clips = []
        for s in range(scenes):
            clip = {"name": "Clip %d.%d" % (t + 1, s + 1), "length": 4.0}
            if audio:
                clip["audio"] = True
                clip["file_path"] = "samples/loop%d.wav" % (s % 4 + 1)
            else:
                clip["notes"] = [[36 + (t + s) % 24, float(b), 0.5, 100, False] for b in range(4)]
            clips.append(clip)
        out["tracks"].append({"type": "audio" if audio else "midi", "name": "Track %d" % (t + 1),
                              "sends": [0.0, 0.0], "clips": clips})
    return out
