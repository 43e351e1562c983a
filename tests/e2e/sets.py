"""Live sets (livesim set data, docs/SETS.md) used by tests that need more than the default set."""
import copy
import time


def advance(sim, seconds):
    """Let `seconds` of song time pass: the virtual clock in livesim, real time against a Live."""
    if sim is None:
        time.sleep(seconds)
    else:
        sim.advance(seconds)


def _returns():
    return [
        {"name": "A-Reverb", "devices": [{"class_name": "Reverb", "type": "audio_effect"}]},
        {"name": "B-Delay", "devices": [{"class_name": "Delay", "type": "audio_effect"}]},
    ]


# Track 0: MIDI with an instrument and two effects; track 1: audio with an audio clip and an
# effect; track 2: a group holding tracks 3 and 4; arrangement clips on track 0.
RICH_SET = {
    "tempo": 120.0,
    "scenes": [{"name": "Intro"}, {"name": "Verse", "tempo": 100.0, "time_signature": [3, 4]}, {"name": ""},
               {"name": ""}],
    "tracks": [
        {"type": "midi", "name": "Synth", "color": 0x1AFF2F,
         "devices": [{"class_name": "Operator", "type": "instrument", "name": "Lead"},
                     {"class_name": "AutoFilter", "type": "audio_effect"},
                     {"class_name": "Reverb", "type": "audio_effect"}],
         "clips": [{"name": "Chords-C-E-G", "length": 4.0,
                    "notes": [[60, 0.0, 1.0, 100, False], [64, 0.0, 1.0, 90, False], [67, 1.0, 0.5, 80, True]]},
                   {"name": "Bass-D-F-A", "length": 8.0, "notes": [[50, 0.0, 2.0, 100, False]]}],
         "arrangement_clips": [{"name": "A1", "start_time": 0.0, "length": 8.0},
                               {"name": "A2", "start_time": 16.0, "length": 4.0}]},
        {"type": "audio", "name": "Drums",
         "devices": [{"class_name": "Compressor2", "type": "audio_effect"}],
         "clips": [{"name": "Beat", "audio": True, "file_path": "samples/beat.wav", "length": 4.0, "gain": 0.5}]},
        {"type": "group", "name": "Group"},
        {"type": "midi", "name": "In Group 1", "group": 2,
         "devices": [{"class_name": "MidiArpeggiator", "type": "midi_effect"}]},
        {"type": "audio", "name": "In Group 2", "group": 2},
    ],
    "returns": _returns(),
}


def rich_set():
    return copy.deepcopy(RICH_SET)
