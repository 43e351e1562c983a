"""Set loaders: the default set, JSON sets (validated) and real Live Sets (.als)."""
import gzip
import json
import os

import pytest

from livesim.sets import SetError, load_set, validate_set
from livesim.sets.palette import PALETTE, color_for_index

PYLIVE_SET = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                          "..", "shared", "sets", "pylive-Tests.als")
PYLIVE_SET = os.path.normpath(PYLIVE_SET)
if not os.path.exists(PYLIVE_SET):
    PYLIVE_SET = "/work/shared/sets/pylive-Tests.als"


def test_default_is_none_for_the_world_to_build():
    assert load_set("default") is None
    assert load_set(None) is None


def test_palette_has_70_colours_and_the_upstream_test_colours():
    assert len(PALETTE) == 70
    assert 0x1AFF2F in PALETTE and 0x1A2F96 in PALETTE
    assert color_for_index(-1) is None
    assert color_for_index(155) == PALETTE[15]  # Live 10 track colours are stored as 140 + index


# --- the real Live Set ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def pylive():
    if not os.path.exists(PYLIVE_SET):
        pytest.skip("shared/sets/pylive-Tests.als is not available")
    return load_set(PYLIVE_SET)


def test_pylive_set_tracks_kinds_and_names(pylive):
    assert [(t["type"], t["name"]) for t in pylive["tracks"]] == [
        ("group", "1. Group"), ("midi", "2-Operator"), ("midi", "3-Operator"),
        ("group", "2. Group"), ("audio", "5-Conga"), ("audio", "6-Audio")]


def test_pylive_set_grouping(pylive):
    assert [t["group"] for t in pylive["tracks"]] == [None, 0, 0, None, 3, 3]
    assert pylive["tracks"][0]["fold_state"] is False


def test_pylive_set_returns_and_master(pylive):
    assert [r["name"] for r in pylive["returns"]] == ["A-Reverb", "B-Delay"]
    assert [d["class_name"] for d in pylive["returns"][0]["devices"]] == ["Reverb"]
    assert pylive["returns"][0]["devices"][0]["name"] == "Ambience Medium"
    assert pylive["returns"][1]["devices"][0]["class_name"] == "CrossDelay"
    assert pylive["master"]["name"] == "Master"
    assert all(len(t["sends"]) == 2 for t in pylive["tracks"])


def test_pylive_set_scenes_tempo_signature(pylive):
    assert len(pylive["scenes"]) == 8
    assert pylive["scenes"][0]["name"] == " 1"
    assert (pylive["tempo"], pylive["signature_numerator"], pylive["signature_denominator"]) == (120.0, 4, 4)
    assert (pylive["loop"], pylive["loop_start"], pylive["loop_length"]) == (False, 0.0, 32.0)


def test_pylive_set_clips(pylive):
    operator = pylive["tracks"][1]
    assert [c and c["name"] for c in operator["clips"]] == ["one", "two", "three", None, "four", None, None, None]
    one = operator["clips"][0]
    assert (one["length"], one["looping"], one["loop_start"], one["loop_end"]) == (4.0, True, 0.0, 4.0)
    assert one["notes"] == []
    assert (one["muted"], one["legato"], one["signature_numerator"], one["signature_denominator"]) == (False, False, 4, 4)
    assert one["color"] == operator["color"] == PALETTE[15]
    conga = pylive["tracks"][4]["clips"][0]
    assert conga["name"] == "Conga" and conga["audio"] is True and conga["looping"] is False
    assert conga["length"] == pytest.approx(1.1720408163265306)
    assert conga["file_path"] == "A-Conga Hi Slap 1.aif"
    assert sum(1 for t in pylive["tracks"] for c in t.get("clips", []) if c) == 5


def test_pylive_set_devices(pylive):
    assert [d["class_name"] for d in pylive["tracks"][1]["devices"]] == ["Operator"]
    operator = pylive["tracks"][1]["devices"][0]
    assert operator["type"] == "instrument"
    assert operator["parameters"][0]["name"] == "Device On"
    reverb = pylive["returns"][0]["devices"][0]
    assert reverb["type"] == "audio_effect"
    names = [p["name"] for p in reverb["parameters"]]
    # A parameter the device library knows takes Live's display name; others keep the file's name.
    assert names[0] == "Device On" and "Decay Time" in names and "BandHighOn" in names


# --- a small hand-written set in Live 11's layout ------------------------------------------------
LIVE11_XML = """<?xml version="1.0" encoding="UTF-8"?>
<Ableton MajorVersion="5" MinorVersion="11.0_433" Creator="Ableton Live 11.3">
 <LiveSet>
  <Tracks>
   <MidiTrack Id="7">
    <Name><EffectiveName Value="Keys" /><UserName Value="Keys" /></Name>
    <Color Value="5" />
    <TrackGroupId Value="-1" />
    <DeviceChain>
     <Mixer><Speaker><Manual Value="false" /></Speaker><SoloSink Value="true" />
      <Volume><Manual Value="0.5011872336" /></Volume><Pan><Manual Value="-0.5" /></Pan></Mixer>
     <MainSequencer>
      <Recorder><IsArmed Value="true" /></Recorder>
      <ClipSlotList>
       <ClipSlot Id="0"><ClipSlot><Value>
        <MidiClip Id="0" Time="0">
         <Loop><LoopStart Value="0" /><LoopEnd Value="8" /><StartRelative Value="1" /><LoopOn Value="true" />
          <OutMarker Value="8" /></Loop>
         <Name Value="Chords" /><Color Value="64" />
         <Notes><KeyTracks>
          <KeyTrack Id="0"><Notes>
           <MidiNoteEvent Time="1" Duration="0.5" Velocity="90" VelocityDeviation="10" OffVelocity="64"
                          Probability="0.5" IsEnabled="false" NoteId="2" />
           <MidiNoteEvent Time="0" Duration="1" Velocity="100" OffVelocity="64" IsEnabled="true" NoteId="1" />
          </Notes><MidiKey Value="60" /></KeyTrack>
         </KeyTracks></Notes>
        </MidiClip>
       </Value></ClipSlot></ClipSlot>
       <ClipSlot Id="1"><ClipSlot><Value /></ClipSlot></ClipSlot>
      </ClipSlotList>
      <ClipTimeable><ArrangerAutomation><Events>
       <MidiClip Id="3" Time="16">
        <Loop><LoopStart Value="0" /><LoopEnd Value="4" /><LoopOn Value="false" /><OutMarker Value="2" /></Loop>
        <Name Value="Arr" />
       </MidiClip>
      </Events></ArrangerAutomation></ClipTimeable>
     </MainSequencer>
     <DeviceChain><Devices>
      <InstrumentGroupDevice Id="1">
       <On><Manual Value="true" /><AutomationTarget Id="1" /></On>
       <UserName Value="" />
       <Branches>
        <InstrumentBranch Id="0">
         <Name><EffectiveName Value="Piano" /></Name>
         <DeviceChain><MidiToAudioDeviceChain><Devices>
          <OriginalSimpler Id="2"><On><Manual Value="false" /><AutomationTarget Id="2" /></On>
           <Volume><Manual Value="-12" /><MidiControllerRange><Min Value="-36" /><Max Value="36" /></MidiControllerRange>
            <AutomationTarget Id="3" /></Volume>
          </OriginalSimpler>
         </Devices></MidiToAudioDeviceChain></DeviceChain>
        </InstrumentBranch>
       </Branches>
      </InstrumentGroupDevice>
      <DrumGroupDevice Id="4">
       <Branches>
        <DrumBranch Id="0"><Name><EffectiveName Value="Kick" /></Name>
         <BranchInfo><ReceivingNote Value="92" /></BranchInfo>
         <DeviceChain><Devices><DrumCell Id="5" /></Devices></DeviceChain>
        </DrumBranch>
       </Branches>
      </DrumGroupDevice>
      <Reverb Id="6"><UserName Value="Hall" /></Reverb>
     </Devices></DeviceChain>
    </DeviceChain>
   </MidiTrack>
   <ReturnTrack Id="9"><Name><EffectiveName Value="A-Return" /></Name><Color Value="-1" /></ReturnTrack>
  </Tracks>
  <MainTrack>
   <Name><EffectiveName Value="Main" /></Name>
   <DeviceChain><Mixer><Tempo><Manual Value="98.5" /></Tempo><TimeSignature><Manual Value="203" /></TimeSignature>
    </Mixer></DeviceChain>
  </MainTrack>
  <Scenes>
   <Scene Id="0"><Name Value="Intro" /><Color Value="3" /><Tempo Value="140" /><IsTempoEnabled Value="true" />
    <TimeSignatureId Value="299" /><IsTimeSignatureEnabled Value="true" /></Scene>
   <Scene Id="1"><Name Value="" /><Color Value="-1" /><Tempo Value="120" /><IsTempoEnabled Value="false" />
    <TimeSignatureId Value="201" /><IsTimeSignatureEnabled Value="false" /></Scene>
  </Scenes>
  <Locators><Locators><Locator Id="0"><Time Value="16" /><Name Value="Verse" /></Locator></Locators></Locators>
 </LiveSet>
</Ableton>
"""


def write_als(tmp_path, xml, name="small.als"):
    path = str(tmp_path / name)
    with gzip.open(path, "wb") as f:
        f.write(xml.encode("utf-8"))
    return path


@pytest.fixture
def small(tmp_path):
    return load_set(write_als(tmp_path, LIVE11_XML))


def test_small_set_track_and_mixer(small):
    track = small["tracks"][0]
    assert (track["type"], track["name"], track["color"]) == ("midi", "Keys", PALETTE[5])
    assert (track["mute"], track["solo"], track["arm"]) == (True, True, True)
    assert track["volume"] == pytest.approx(0.85 - 6.0 / 40, abs=1e-4)  # -6 dB
    assert track["panning"] == -0.5
    assert small["returns"] == [{"name": "A-Return", "devices": []}]


def test_small_set_notes_with_probability_and_mute(small):
    clip = small["tracks"][0]["clips"][0]
    assert (clip["name"], clip["color"], clip["start_marker"], clip["length"]) == ("Chords", PALETTE[64], 1.0, 8.0)
    assert clip["notes"] == [
        {"pitch": 60, "start_time": 0.0, "duration": 1.0, "velocity": 100.0, "mute": False, "release_velocity": 64.0},
        {"pitch": 60, "start_time": 1.0, "duration": 0.5, "velocity": 90.0, "mute": True, "probability": 0.5,
         "velocity_deviation": 10.0, "release_velocity": 64.0}]
    assert small["tracks"][0]["clips"][1] is None


def test_small_set_arrangement_clip(small):
    (arr,) = small["tracks"][0]["arrangement_clips"]
    assert (arr["name"], arr["start_time"], arr["looping"], arr["length"]) == ("Arr", 16.0, False, 2.0)


def test_small_set_racks_chains_and_drum_pads(small):
    rack, drums, reverb = small["tracks"][0]["devices"]
    assert (rack["name"], rack["class_name"], rack["type"]) == ("Instrument Rack", "InstrumentGroupDevice", "instrument")
    (chain,) = rack["chains"]
    assert chain["name"] == "Piano"
    (simpler,) = chain["devices"]
    assert (simpler["name"], simpler["class_name"]) == ("Simpler", "OriginalSimpler")
    assert simpler["parameters"][0]["value"] == 0.0
    assert simpler["parameters"][1] == {"name": "Volume", "value": -12.0, "min": -36.0, "max": 36.0,
                                        "is_quantized": False}
    (pad,) = drums["drum_pads"]
    assert (pad["note"], pad["name"]) == (36, "Kick")
    assert pad["chains"][0]["devices"][0]["class_name"] == "DrumCell"
    assert reverb["name"] == "Hall"


def test_small_set_scenes_tempo_signature_locators(small):
    assert small["scenes"] == [{"name": "Intro", "color": PALETTE[3], "tempo": 140.0, "time_signature": [3, 8]},
                               {"name": "", "tempo": None, "time_signature": None}]
    assert (small["tempo"], small["signature_numerator"], small["signature_denominator"]) == (98.5, 6, 4)
    assert small["master"]["name"] == "Main"
    assert small["cue_points"] == [{"name": "Verse", "time": 16.0}]


def test_unreadable_als_is_a_clear_error(tmp_path):
    path = str(tmp_path / "broken.als")
    with open(path, "wb") as f:
        f.write(b"not gzip")
    with pytest.raises(SetError) as info:
        load_set(path)
    assert "broken.als" in str(info.value) and "gzip" in str(info.value)
    with pytest.raises(SetError, match="malformed"):
        load_set(write_als(tmp_path, "<Ableton><LiveSet>", "cut.als"))
    with pytest.raises(SetError, match="no such set file"):
        load_set(str(tmp_path / "missing.als"))


# --- JSON sets -------------------------------------------------------------------------------
GOOD = {
    "name": "Demo", "tempo": 128.0, "signature_numerator": 3, "signature_denominator": 4,
    "scenes": [{"name": "A"}, {"name": "B", "tempo": None, "time_signature": [7, 8]}],
    "tracks": [
        {"type": "group", "name": "Drums"},
        {"type": "midi", "name": "Kick", "group": 0, "sends": [0.5],
         "clips": [{"name": "k", "length": 4.0, "notes": [[36, 0.0, 0.25, 100, False],
                                                          {"pitch": 36, "start_time": 1.0, "duration": 0.25,
                                                           "probability": 0.5}]}, None],
         "devices": [{"name": "Drum Rack", "class_name": "DrumGroupDevice", "type": "instrument",
                      "drum_pads": [{"note": 36, "name": "Kick", "chains": [{"name": "Kick", "devices": []}]}]}]},
        {"type": "audio", "name": "Loop", "clips": [{"audio": True, "file_path": "loop.wav", "warping": True}],
         "arrangement_clips": [{"audio": True, "start_time": 8.0, "length": 4.0}]},
    ],
    "returns": [{"name": "A-Reverb", "devices": [{"class_name": "Reverb", "parameters": [
        {"name": "Decay", "value": 0.5, "min": 0.0, "max": 1.0}]}]}],
    "master": {"name": "Main", "volume": 0.85},
    "cue_points": [{"name": "Verse", "time": 16.0}],
}


def load_json(tmp_path, data):
    path = str(tmp_path / "set.json")
    with open(path, "w") as f:
        json.dump(data, f)
    return load_set(path)


def test_json_set_loads(tmp_path):
    assert load_json(tmp_path, GOOD) == GOOD


def bad(path_and_change):
    data = json.loads(json.dumps(GOOD))
    path_and_change(data)
    return data


@pytest.mark.parametrize("change, message", [
    (lambda d: d.update(tempo="fast"), "tempo: expected a number"),
    (lambda d: d.update(tempo=5), "tempo: must be >= 20"),
    (lambda d: d.update(signature_denominator=3), "signature_denominator: must be one of"),
    (lambda d: d["tracks"][1].update(type="video"), "tracks[1].type: expected one of midi, audio, group"),
    (lambda d: d["tracks"][1].update(colour=3), "tracks[1].colour: unknown key"),
    (lambda d: d["tracks"][1].update(group=2), "tracks[1].group: 2 is not the index of an earlier group track"),
    (lambda d: d["tracks"][1]["clips"][0]["notes"].append([200, 0, 1, 100, False]),
     "tracks[1].clips[0].notes[2][0]: must be <= 127"),
    (lambda d: d["tracks"][1]["clips"][0]["notes"].append([60, 0, 1]),
     "tracks[1].clips[0].notes[2]: expected [pitch, start, duration, velocity, mute]"),
    (lambda d: d["tracks"][1]["clips"].append(None), "tracks[1].clips: 3 clip slots but the set has 2 scenes"),
    (lambda d: d["tracks"][1]["devices"][0].update(type="synth"), "tracks[1].devices[0].type: expected one of"),
    (lambda d: d["returns"][0]["devices"][0]["parameters"][0].update(value=2.0),
     "returns[0].devices[0].parameters[0].value: 2.0 is outside [0.0, 1.0]"),
    (lambda d: d["tracks"][2]["arrangement_clips"][0].pop("start_time"),
     "tracks[2].arrangement_clips[0]: missing key 'start_time'"),
    (lambda d: d["scenes"][1].update(time_signature=[4, 5]), "scenes[1].time_signature[1]: denominator"),
    (lambda d: d["tracks"][2]["clips"].__setitem__(0, {"notes": [[60, 0, 1, 100, False]]}),
     "tracks[2].clips[0].notes: an audio track holds audio clips only"),
    (lambda d: d.update(tracks={}), "tracks: expected a list"),
    (lambda d: d["tracks"][1].update(automated=[{"mixer": "tempo", "device": "0"}]),
     "tracks[1].automated[0]: expected a 'mixer' or a 'device' target"),
    (lambda d: d["tracks"][1].update(automated=[{"mixer": "crossfader"}]),
     "tracks[1].automated[0].mixer: expected volume, panning, send or tempo"),
])
def test_json_validation_errors_name_the_key_path(tmp_path, change, message):
    with pytest.raises(SetError) as info:
        load_json(tmp_path, bad(change))
    assert message in str(info.value)
    assert str(info.value).startswith(str(tmp_path / "set.json") + ": ")


def test_invalid_json_is_a_clear_error(tmp_path):
    path = str(tmp_path / "set.json")
    with open(path, "w") as f:
        f.write("{tracks: [}")
    with pytest.raises(SetError, match="not valid JSON"):
        load_set(path)


def test_validate_set_accepts_what_the_als_loader_produces(small):
    assert validate_set(small) is small


def test_pylive_set_builds_a_world(pylive):
    from livesim.world import World

    song = World(pylive).song
    assert [(t.name, t.is_foldable, t.is_grouped) for t in song.tracks] == [
        ("1. Group", True, False), ("2-Operator", False, True), ("3-Operator", False, True),
        ("2. Group", True, False), ("5-Conga", False, True), ("6-Audio", False, True)]
    assert song.tracks[4].group_track.name == "2. Group"
    assert [t.name for t in song.return_tracks] == ["A-Reverb", "B-Delay"]
    assert len(song.scenes) == 8
    assert [slot.clip.name if slot.has_clip else None for slot in song.tracks[1].clip_slots] == [
        "one", "two", "three", None, "four", None, None, None]
    assert song.tracks[4].clip_slots[0].clip.is_audio_clip
    assert [d.class_name for d in song.return_tracks[1].devices] == ["CrossDelay"]


def test_the_documented_example_and_world_options_validate(tmp_path):
    data = {
        "tempo": 98.0, "clip_trigger_quantization": 7, "loop": True, "loop_start": 4.0, "loop_length": 8.0,
        "metronome": True, "root_note": 2, "scale_name": "Minor", "selected_track": 1, "selected_scene": 0,
        "scenes": [{"name": "Intro", "tempo": 90.0}, {"name": "Verse"}],
        "tracks": [
            {"type": "group", "name": "Drums"},
            {"type": "midi", "name": "Kick", "group": 0,
             "clips": [{"name": "Beat", "length": 4.0, "notes": [[36, 0.0, 0.5, 100, False]], "legato": True}, None]},
            {"type": "audio", "name": "Vox", "clips": [None, {"name": "Take", "file_path": "vox.wav",
                                                             "pitch_coarse": -3, "ram_mode": True}]},
        ],
        "returns": [{"name": "A-Reverb"}],
        "cue_points": [{"name": "Verse", "time": 16.0}],
    }
    assert load_json(tmp_path, data) == data
    from livesim.world import World

    assert [t.name for t in World(data).song.tracks] == ["Drums", "Kick", "Vox"]
