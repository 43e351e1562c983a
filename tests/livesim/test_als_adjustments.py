"""Small hand-made Live Sets, each holding one odd case found in real sets: one test per rule.

Live opened such a set, so livesim opens it: it reads the case as closely as it can, notes one
report line per kind of adjustment, and ``strict`` refuses the file instead.
"""
import gzip

import pytest

from livesim.sets import SetError, load_set
from livesim.world import World

V11, V12 = (11, 0, 0), (12, 3, 6)


def track(body="", kind="MidiTrack", tid=1, group=-1, name="T", slots=1, clips="", arrangement="", devices=""):
    """A track element; ``clips`` fills the first slot, ``arrangement`` its arrangement events."""
    slot_xml = "".join('<ClipSlot Id="%d"><ClipSlot><Value>%s</Value></ClipSlot></ClipSlot>'
                       % (i, clips if i == 0 else "") for i in range(slots))
    return """<%(kind)s Id="%(tid)d"><Name><EffectiveName Value="%(name)s" /></Name><Color Value="3" />
      <TrackGroupId Value="%(group)d" />%(body)s
      <DeviceChain><Mixer><Speaker><Manual Value="true" /></Speaker></Mixer>
       <MainSequencer><ClipSlotList>%(slots)s</ClipSlotList>
        <ClipTimeable><ArrangerAutomation><Events>%(arrangement)s</Events></ArrangerAutomation></ClipTimeable>
       </MainSequencer>
       <DeviceChain><Devices>%(devices)s</Devices></DeviceChain></DeviceChain></%(kind)s>""" % dict(
        kind=kind, tid=tid, group=group, name=name, body=body, slots=slot_xml, arrangement=arrangement,
        devices=devices)


def live_set(tracks, scenes=1, creator="Ableton Live 11.3.4", extra="", old_scenes=False):
    if old_scenes:
        scene_xml = "<SceneNames>%s</SceneNames>" % "".join('<Scene Value="S%d" />' % i for i in range(scenes))
    else:
        scene_xml = "<Scenes>%s</Scenes>" % "".join('<Scene Id="%d"><Name Value="S%d" /></Scene>' % (i, i)
                                                      for i in range(scenes))
    return """<?xml version="1.0" encoding="UTF-8"?>
<Ableton MajorVersion="5" MinorVersion="11.0_433" Creator="%s"><LiveSet>
 <Tracks>%s</Tracks>
 <MasterTrack><Name><EffectiveName Value="Master" /></Name><DeviceChain><Mixer>
  <Tempo><Manual Value="120" /></Tempo><TimeSignature><Manual Value="201" /></TimeSignature></Mixer></DeviceChain>
 </MasterTrack>%s%s
</LiveSet></Ableton>""" % (creator, "".join(tracks), scene_xml, extra)


def midi_clip(notes="", loop="<LoopStart Value='0' /><LoopEnd Value='4' /><LoopOn Value='true' />", time=None,
              extra=""):
    attrs = ' Time="%s"' % time if time is not None else ""
    return """<MidiClip Id="0"%s><Loop>%s</Loop><Name Value="c" />%s
      <Notes><KeyTracks><KeyTrack Id="0"><Notes>%s</Notes><MidiKey Value="60" /></KeyTrack></KeyTracks></Notes>
     </MidiClip>""" % (attrs, loop, extra, notes)


@pytest.fixture
def load(tmp_path):
    def load(xml, version=V12, strict=False):
        path = str(tmp_path / "odd.als")
        with gzip.open(path, "wb") as f:
            f.write(xml.encode("utf-8"))
        report = []
        data = load_set(path, strict=strict, version=version, report=report)
        World(data, live_version=version, set_report=report)  # and livesim builds it
        return data, report
    return load


def adjusted(load, xml, words, version=V12):
    """Load ``xml``: exactly one report line, holding ``words``; strict loading refuses it."""
    data, report = load(xml, version)
    assert len(report) == 1 and words in report[0], report
    assert report[0].startswith("odd.als: ")
    with pytest.raises(SetError) as info:
        load(xml, version, strict=True)
    assert words in str(info.value) and "strict" in str(info.value)
    return data


def test_a_plain_set_has_no_adjustments(load):
    data, report = load(live_set([track(clips=midi_clip('<MidiNoteEvent Time="0" Duration="1" Velocity="100" />'))]))
    assert report == []
    assert data["tracks"][0]["clips"][0]["notes"][0]["duration"] == 1.0


DRUMS = """<DrumGroupDevice Id="%d"><On><Manual Value="true" /></On><Branches>
  <DrumBranch Id="0"><Name><EffectiveName Value="Kick" /></Name>
   <DeviceChain><MidiToAudioDeviceChain><Devices><DrumCell Id="1" /></Devices></MidiToAudioDeviceChain></DeviceChain>
   <BranchInfo><ReceivingNote Value="92" /><SendingNote Value="60" /><ChokeGroup Value="1" /></BranchInfo></DrumBranch>
  <DrumBranch Id="1"><Name><EffectiveName Value="Snare" /></Name>
   <BranchInfo><ReceivingNote Value="90" /><SendingNote Value="62" /><ChokeGroup Value="0" /></BranchInfo></DrumBranch>
 </Branches></DrumGroupDevice>"""


def test_drum_racks_at_any_depth_fill_pads_and_chains(load):
    nested = """<InstrumentGroupDevice Id="5"><Branches><InstrumentBranch Id="0"><Name><EffectiveName Value="Inner" />
      </Name><DeviceChain><MidiToAudioDeviceChain><Devices>%s</Devices></MidiToAudioDeviceChain></DeviceChain>
      </InstrumentBranch></Branches></InstrumentGroupDevice>""" % (DRUMS % 6)
    data, report = load(live_set([track(devices=(DRUMS % 2) + nested)]))
    assert report == []
    top = data["tracks"][0]["devices"][0]
    assert [(p["note"], p["name"]) for p in top["drum_pads"]] == [(36, "Kick"), (38, "Snare")]
    assert top["drum_pads"][0]["chains"][0]["out_note"] == 60 and top["drum_pads"][0]["chains"][0]["choke_group"] == 1
    inner = data["tracks"][0]["devices"][1]["chains"][0]["devices"][0]
    assert inner["class_name"] == "DrumGroupDevice" and len(inner["drum_pads"]) == 2
    world = World(data)
    rack = world.song.tracks[0].devices[0]
    assert [c.name for c in rack.chains] == ["Kick", "Snare"]
    assert [p.name for p in rack.drum_pads if p.chains] == ["Kick", "Snare"]
    assert world.song.tracks[0].devices[1].chains[0].devices[0].can_have_drum_pads


def test_drum_chain_receiving_all_notes_is_left_out(load):
    xml = live_set([track(devices=(DRUMS % 2).replace('<ReceivingNote Value="90" />', '<ReceivingNote Value="0" />'))])
    data = adjusted(load, xml, "receives no single note")
    assert [p["note"] for p in data["tracks"][0]["devices"][0]["drum_pads"]] == [36]


def test_arrangement_audio_clip_with_loop_end_before_loop_start(load):
    clip = """<AudioClip Id="1" Time="128"><CurrentStart Value="128" /><CurrentEnd Value="132" />
      <Loop><LoopStart Value="0" /><LoopEnd Value="-156" /><StartRelative Value="0" /><LoopOn Value="true" />
      <OutMarker Value="32" /><HiddenLoopStart Value="0" /><HiddenLoopEnd Value="32" /></Loop>
      <Name Value="p1" /><IsWarped Value="true" /></AudioClip>"""
    xml = live_set([track(kind="AudioTrack", arrangement=clip)])
    data, report = load(xml)
    assert any("loop end is not after its loop start" in line for line in report)
    (c,) = data["tracks"][0]["arrangement_clips"]
    assert (c["start_time"], c["end_time"], c["loop_start"], c["loop_end"]) == (128.0, 132.0, 0.0, 32.0)
    clip = World(data).song.tracks[0].arrangement_clips[0]
    assert (clip.start_time, clip.end_time, clip.length) == (128.0, 132.0, 32.0)
    with pytest.raises(SetError, match="strict"):
        load(xml, strict=True)


def test_zero_length_note(load):
    data = adjusted(load, live_set([track(clips=midi_clip('<MidiNoteEvent Time="1" Duration="0" Velocity="90" />'))]),
                    "no length")
    (note,) = data["tracks"][0]["clips"][0]["notes"]
    assert note["start_time"] == 1.0 and 0 < note["duration"] <= 0.001


def test_note_a_hair_before_zero(load):
    xml = live_set([track(clips=midi_clip('<MidiNoteEvent Time="-1e-09" Duration="0.5" Velocity="90" />'))])
    data = adjusted(load, xml, "a hair before the clip's zero")
    (note,) = data["tracks"][0]["clips"][0]["notes"]
    assert note["start_time"] == 0.0 and note["duration"] == pytest.approx(0.5)


PLUGIN = """<PluginDevice Id="3"><On><Manual Value="false" /></On><UserName Value="" />
  <PluginDesc><VstPluginInfo Id="0"><Path Value="/Library/Audio/Plug-Ins/VST/Gone.vst" /><PlugName Value="Gone" />
  </VstPluginInfo></PluginDesc><ParameterList>
  <PluginFloatParameter Id="0"><ParameterName Value="cutoff" /><ParameterValue><Manual Value="0.25" /></ParameterValue>
  </PluginFloatParameter></ParameterList></PluginDevice>"""


def test_plugin_whose_binary_is_missing_keeps_its_name_and_stored_parameters(load):
    data = adjusted(load, live_set([track(devices=PLUGIN)]), "livesim runs no plug-ins")
    (device,) = data["tracks"][0]["devices"]
    assert (device["name"], device["class_name"]) == ("Gone", "PluginDevice")
    assert [(p["name"], p["value"]) for p in device["parameters"]] == [("Device On", 0.0), ("cutoff", 0.25)]


MAX_DEVICE = """<MxDeviceAudioEffect Id="4"><On><Manual Value="true" /></On><UserName Value="" />
  <PatchSlot><Value><MxDPatchRef Id="1"><FileRef><Name Value="Wobble.amxd" /></FileRef></MxDPatchRef></Value></PatchSlot>
  <ParameterList><ParameterList><MxDFloatParameter Id="0"><Name Value="Depth" /><MinValue Value="0" />
  <MaxValue Value="100" /><Timeable><Manual Value="42" /></Timeable></MxDFloatParameter></ParameterList></ParameterList>
  </MxDeviceAudioEffect>"""


def test_max_device_keeps_its_patch_name_and_parameters(load):
    data = adjusted(load, live_set([track(devices=MAX_DEVICE)]), "livesim runs no Max")
    (device,) = data["tracks"][0]["devices"]
    assert device["name"] == "Wobble" and device["type"] == "audio_effect"
    assert device["parameters"][1] == {"name": "Depth", "value": 42.0, "min": 0.0, "max": 100.0, "is_quantized": False}


def test_device_newer_than_the_profile(load):
    xml = live_set([track(devices='<Drift Id="1"><On><Manual Value="true" /></On></Drift>')], creator="Ableton Live 11.3")
    data, report = load(xml, version=V12)
    assert report == []
    data = adjusted(load, xml, "newer than the simulated Live version", version=V11)
    assert data["tracks"][0]["devices"][0]["class_name"] == "Drift"


def test_frozen_track(load):
    data = adjusted(load, live_set([track(body='<Freeze Value="true" />')]), "frozen track")
    assert data["tracks"][0]["name"] == "T"


def test_take_lanes(load):
    lanes = '<TakeLanes><TakeLanes><TakeLane Id="0"><Name Value="Take 1" /></TakeLane></TakeLanes></TakeLanes>'
    adjusted(load, live_set([track(body=lanes)]), "take lanes")
    data, report = load(live_set([track(body="<TakeLanes><TakeLanes /></TakeLanes>")]))
    assert report == []


def test_groups_inside_groups(load):
    xml = live_set([track(kind="GroupTrack", tid=1, name="Outer"), track(kind="GroupTrack", tid=2, group=1, name="Inner"),
                    track(tid=3, group=2, name="Deep"), track(tid=4, group=1, name="Side")])
    data, report = load(xml)
    assert report == []
    assert [t["group"] for t in data["tracks"]] == [None, 0, 1, 0]
    world = World(data)
    assert world.song.tracks[2].group_track == world.song.tracks[1]
    assert world.song.tracks[1].group_track == world.song.tracks[0]


def test_group_that_is_not_a_group_track(load):
    xml = live_set([track(tid=1, name="Plain"), track(tid=2, group=1, name="Child")])
    data = adjusted(load, xml, "left ungrouped")
    assert data["tracks"][1]["group"] is None


def test_live_9_and_10_sets_without_scenes(load):
    data, report = load(live_set([track(slots=3)], scenes=3, old_scenes=True, creator="Ableton Live 9.7.7"))
    assert report == []
    assert [s["name"] for s in data["scenes"]] == ["S0", "S1", "S2"]


def test_live_10_scene_names_holding_tempo_and_signature_become_scene_settings(load):
    names = ["Verse 128 BPM", "3/4", "Outro 92.5bpm 6/8", "5 BPM", "A/B 7/5", " 1"]
    scenes = "<SceneNames>%s</SceneNames>" % "".join(
        '<Scene Id="%d" Value="%s"><ColorIndex Value="%d" /></Scene>' % (i, n, 14 + i) for i, n in enumerate(names))
    xml = live_set([track(slots=len(names))], scenes=0, creator="Ableton Live 10.1.30", extra=scenes)
    data, report = load(xml)
    assert report == []  # Live 11 converts such names itself: nothing is adjusted
    assert [(s["name"], s["tempo"], s["time_signature"]) for s in data["scenes"]] == [
        ("Verse", 128.0, None), ("", None, [3, 4]), ("Outro", 92.5, [6, 8]), ("5 BPM", None, None),
        ("A/B 7/5", None, None), (" 1", None, None)]
    song = World(data).song
    verse, waltz, outro = song.scenes[:3]
    assert (verse.name, verse.tempo, verse.tempo_enabled) == ("Verse", 128.0, True)
    assert (waltz.time_signature_numerator, waltz.time_signature_denominator, waltz.time_signature_enabled) == (
        3, 4, True)
    assert (outro.tempo, outro.time_signature_numerator, outro.time_signature_denominator) == (92.5, 6, 8)
    assert song.scenes[3].tempo_enabled is False and song.scenes[3].time_signature_enabled is False
    assert song.scenes[0].color_index != song.scenes[1].color_index  # Live 9/10 scene colours are read


def test_beta_version_newer_than_the_profile(load):
    xml = live_set([track()], creator="Ableton Live 12.0b16")
    assert load(xml, version=V12)[1] == []
    adjusted(load, xml, "saved by a newer Live (12.0b16)", version=V11)


def test_clips_beyond_the_last_scene(load):
    xml = live_set([track(slots=2, clips=midi_clip())], scenes=0)
    # the first slot holds the clip; with no scenes nothing can show it
    adjusted(load, xml, "beyond the last scene")


def test_song_tempo_outside_lives_range(load):
    xml = live_set([track()]).replace('<Tempo><Manual Value="120" />', '<Tempo><Manual Value="1500" />')
    assert adjusted(load, xml, "tempo outside Live's range")["tempo"] == 999.0


def test_unknown_track_kind(load):
    adjusted(load, live_set([track(), '<PreHearTrackX Id="9" />']), "a kind livesim does not know")


def test_locator_before_the_start(load):
    locators = '<Locators><Locators><Locator Id="0"><Time Value="-4" /><Name Value="Pre" /></Locator></Locators></Locators>'
    data = adjusted(load, live_set([track()], extra=locators), "locator before the song's start")
    assert data["cue_points"] == [{"name": "Pre", "time": 0.0}]


def test_same_kind_counted_once_per_line(load):
    notes = "".join('<MidiNoteEvent Time="%d" Duration="0" Velocity="90" />' % i for i in range(3))
    data, report = load(live_set([track(clips=midi_clip(notes))]))
    assert len(report) == 1 and "3 times" in report[0] and "tracks[0].clips[0]" in report[0]


# --- the command line: a count in the banner, one log line per kind, --strict refuses -----------
def _odd_file(tmp_path):
    notes = '<MidiNoteEvent Time="-1e-09" Duration="0" Velocity="90" />'
    path = str(tmp_path / "odd.als")
    with gzip.open(path, "wb") as f:
        f.write(live_set([track(clips=midi_clip(notes), devices=PLUGIN)]).encode("utf-8"))
    return path


def test_cli_banner_counts_adjustments_and_the_log_names_them(tmp_path):
    from tests.livesim.test_cli import ECHO_SCRIPT, Proc

    log = str(tmp_path / "Log.txt")
    proc = Proc("--set", _odd_file(tmp_path), "--script", ECHO_SCRIPT, "--port", "0", "--virtual-clock", "--log", log)
    try:
        text = "".join(proc.read_until("running"))
    finally:
        proc.kill()
    assert "loaded with 3 adjustments; see the log" in text
    with open(log) as f:
        lines = [line for line in f if "warning: Set: odd.als: " in line]
    assert len(lines) == 3
    assert any("a hair before" in line for line in lines) and any("no length" in line for line in lines)
    assert any("plug-ins" in line for line in lines)


def test_cli_strict_refuses_a_set_it_would_adjust(tmp_path):
    from tests.livesim.test_cli import ECHO_SCRIPT, Proc

    proc = Proc("--set", _odd_file(tmp_path), "--strict", "--script", ECHO_SCRIPT)
    status, err = proc.communicate()
    assert status == 2
    assert "cannot load the set" in err and "strict" in err and "odd.als" in err


# --- read as saved: the mixer, racks, warping and grooves ---------------------------------------
def test_mixer_monitoring_crossfade_macros_chains_warp_markers_and_grooves(load):
    mixer_track = track(kind="AudioTrack", clips="""<AudioClip Id="0"><Loop><LoopStart Value="0" /><LoopEnd Value="8" />
        <LoopOn Value="true" /></Loop><Name Value="loop" /><IsWarped Value="true" /><WarpMode Value="4" />
        <GrooveSettings><GrooveId Value="7" /></GrooveSettings>
        <WarpMarkers><WarpMarker Id="0" SecTime="0" BeatTime="0" /><WarpMarker Id="1" SecTime="2" BeatTime="4" />
        </WarpMarkers></AudioClip>""", devices="""<AudioEffectGroupDevice Id="1"><On><Manual Value="true" /></On>
        <MacroControls.0><Manual Value="64" /></MacroControls.0><Branches><AudioEffectBranch Id="0">
        <Name><EffectiveName Value="Wet" /></Name><DeviceChain><AudioToAudioDeviceChain><Devices>
        <Reverb Id="2"><On><Manual Value="true" /></On><DecayTime><Manual Value="2.5" /><MidiControllerRange>
        <Min Value="0.2" /><Max Value="60" /></MidiControllerRange></DecayTime></Reverb></Devices>
        </AudioToAudioDeviceChain></DeviceChain><MixerDevice><Speaker><Manual Value="false" /></Speaker>
        <Solo><Manual Value="true" /></Solo><Volume><Manual Value="1" /></Volume><Panorama><Manual Value="0.5" />
        </Panorama></MixerDevice></AudioEffectBranch></Branches>
        <ReturnBranches><AudioEffectBranch Id="1"><Name><EffectiveName Value="Ret" /></Name></AudioEffectBranch>
        </ReturnBranches></AudioEffectGroupDevice>""")
    mixer_track = mixer_track.replace('<MainSequencer>', '<MainSequencer><MonitoringEnum Value="0" />').replace(
        '<Speaker><Manual Value="true" /></Speaker></Mixer>',
        '<Speaker><Manual Value="true" /></Speaker><CrossFadeState><Manual Value="2" /></CrossFadeState></Mixer>')
    pool = """<GroovePool><Grooves><Groove Id="7"><Name Value="Swing 16ths 66" /><Grid Value="3" />
      <QuantizationAmount Value="0" /><TimingAmount Value="100" /><RandomAmount Value="10" />
      <VelocityAmount Value="-20" /></Groove></Grooves></GroovePool>"""
    data, report = load(live_set([mixer_track], extra=pool))
    assert report == []
    t = data["tracks"][0]
    assert (t["monitoring"], t["crossfade"]) == ("in", "B")
    clip = t["clips"][0]
    assert clip["warp_markers"] == [[0.0, 0.0], [2.0, 4.0]] and clip["warp_mode"] == 4 and clip["groove"] == 0
    assert data["groove_pool"] == [{"name": "Swing 16ths 66", "base": 3, "quantization_amount": 0.0,
                                    "timing_amount": 1.0, "random_amount": 0.1, "velocity_amount": -0.2}]
    rack = t["devices"][0]
    assert {"name": "Macro 1", "value": 64.0, "min": 0.0, "max": 127.0, "is_quantized": False} in rack["parameters"]
    (chain,) = rack["chains"]
    assert (chain["name"], chain["mute"], chain["solo"], chain["volume"], chain["panning"]) == (
        "Wet", True, True, 0.85, 0.5)
    assert chain["devices"][0]["parameters"][1] == {"name": "Decay Time", "value": 2.5, "min": 0.2, "max": 60.0,
                                                    "is_quantized": False}
    assert [c["name"] for c in rack["return_chains"]] == ["Ret"]

    world = World(data)
    track_ = world.song.tracks[0]
    assert (int(track_.current_monitoring_state), int(track_.mixer_device.crossfade_assign)) == (0, 2)
    live_clip = track_.clip_slots[0].clip
    assert live_clip.groove.name == "Swing 16ths 66"
    assert list(live_clip.warp_markers)[1].beat_time == 4.0
    rack_ = track_.devices[0]
    assert rack_.chains[0].mute and rack_.chains[0].solo and rack_.return_chains[0].name == "Ret"


def _envelope(events):
    return ("<AutomationEnvelopes><Envelopes><AutomationEnvelope Id=\"0\"><EnvelopeTarget><PointeeId Value=\"8\" />"
            "</EnvelopeTarget><Automation><Events>%s</Events></Automation></AutomationEnvelope></Envelopes>"
            "</AutomationEnvelopes>" % "".join('<FloatEvent Id="%d" Time="%s" Value="%d" />' % (i, t, v)
                                               for i, (t, v) in enumerate(events)))


def test_arrangement_automation_is_reported_not_played(load):
    # The first event holds the value before the song starts: alone, it automates nothing.
    data, report = load(live_set([track(body=_envelope([(-63072000, 1)]))]))
    assert report == []
    adjusted(load, live_set([track(body=_envelope([(-63072000, 1), (4, 0)]))]), "arrangement automation is not played")


def test_live_9_parameter_automation_is_reported_not_played(load):
    device = """<Reverb Id="1"><On><Manual Value="true" /></On><DecayTime><ArrangerAutomation><Events>
      <FloatEvent Time="-63072000" Value="1" /><FloatEvent Time="8" Value="3" /></Events></ArrangerAutomation>
      <Manual Value="2" /></DecayTime></Reverb>"""
    data = adjusted(load, live_set([track(devices=device)], creator="Ableton Live 9.1.5"), "arrangement automation")
    assert data["tracks"][0]["devices"][0]["parameters"][1]["value"] == 2.0
    assert data["tracks"][0]["automated"] == [{"device": "0", "parameter": "Decay Time"}]


def _envelopes(*envelopes):
    """Arrangement envelopes: (pointee id, [(time, value)]) each."""
    return "<AutomationEnvelopes><Envelopes>%s</Envelopes></AutomationEnvelopes>" % "".join(
        '<AutomationEnvelope Id="%d"><EnvelopeTarget><PointeeId Value="%s" /></EnvelopeTarget><Automation><Events>'
        '%s</Events></Automation></AutomationEnvelope>' % (i, pointee, "".join(
            '<FloatEvent Id="%d" Time="%s" Value="%s" />' % (j, t, v) for j, (t, v) in enumerate(events)))
        for i, (pointee, events) in enumerate(envelopes))


AUTOMATED_SET = live_set(
    [track(body=_envelopes((30, [(-63072000, 1), (4, 0.5)]), (21, [(-63072000, 2), (8, 4)]),
                           (41, [(-63072000, 0.2)])),
           devices="""<Reverb Id="1"><On><Manual Value="true" /><AutomationTarget Id="20" /></On>
             <DecayTime><Manual Value="2" /><AutomationTarget Id="21" /></DecayTime>
             <DryWet><Manual Value="0.2" /><AutomationTarget Id="41" /></DryWet></Reverb>"""),
     track(tid=2, name="U", body=_envelopes((51, [(-63072000, 0.1), (2, 0.7)])))],
    extra="""<ReturnTracks><ReturnTrack Id="9"><Name><EffectiveName Value="A" /></Name><DeviceChain><Mixer>
      <Pan><Manual Value="0" /><AutomationTarget Id="60" /></Pan></Mixer></DeviceChain>%s</ReturnTrack>
      </ReturnTracks>""" % _envelopes((60, [(-63072000, 0), (1, -1), (2, 1)]))
).replace('<Speaker><Manual Value="true" /></Speaker>',
          '<Speaker><Manual Value="true" /></Speaker><Volume><Manual Value="1" /><AutomationTarget Id="30" /></Volume>'
          '<Sends><TrackSendHolder Id="0"><Send><Manual Value="0.5" /><AutomationTarget Id="51" /></Send>'
          '</TrackSendHolder></Sends>', 2).replace(
    '<Tempo><Manual Value="120" /></Tempo>',
    '<Tempo><Manual Value="120" /><AutomationTarget Id="8" /></Tempo>').replace(
    '</Mixer></DeviceChain>\n </MasterTrack>',
    '</Mixer></DeviceChain>%s\n </MasterTrack>' % _envelopes((8, [(-63072000, 120), (16, 90)])))


def test_parameters_with_arrangement_automation_show_it_playing(load):
    data, report = load(AUTOMATED_SET)
    assert len(report) == 1 and "arrangement automation is not played" in report[0]
    first, second = data["tracks"]
    # In the envelopes' order; the envelope of one event (Dry/Wet's) automates nothing.
    assert first["automated"] == [{"mixer": "volume"}, {"device": "0", "parameter": "Decay Time"}]
    assert second["automated"] == [{"mixer": "send", "index": 0}]
    assert data["returns"][0]["automated"] == [{"mixer": "panning"}]
    assert data["master"]["automated"] == [{"mixer": "tempo"}]
    song = World(data).song
    playing = [p.name for p in song.tracks[0].devices[0].parameters if int(p.automation_state)]
    assert playing == ["Decay Time"]
    assert int(song.tracks[0].mixer_device.volume.automation_state) == 1
    assert int(song.tracks[0].mixer_device.panning.automation_state) == 0
    assert int(song.tracks[1].mixer_device.sends[0].automation_state) == 1
    assert int(song.return_tracks[0].mixer_device.panning.automation_state) == 1
    assert int(song.master_track.mixer_device.song_tempo.automation_state) == 1
    assert int(song.master_track.mixer_device.volume.automation_state) == 0
    # The values are the saved ones: livesim does not play arrangement automation.
    assert song.master_track.mixer_device.song_tempo.value == 120.0


def _clip_envelope(pointee, events):
    return ('<Envelopes><Envelopes><ClipEnvelope Id="0"><EnvelopeTarget><PointeeId Value="%s" /></EnvelopeTarget>'
            '<Automation><Events>%s</Events></Automation></ClipEnvelope></Envelopes></Envelopes>'
            % (pointee, "".join('<FloatEvent Id="%d" Time="%s" Value="%s" />' % (i, t, v)
                                for i, (t, v) in enumerate(events))))


def test_clip_envelopes_of_mixer_and_device_parameters_are_read(load):
    body = _clip_envelope(21, [(-63072000, 0.5), (2, 4)])
    devices = """<Reverb Id="1"><On><Manual Value="true" /><AutomationTarget Id="20" /></On>
      <DecayTime><Manual Value="2" /><MidiControllerRange><Min Value="0.2" /><Max Value="60" /></MidiControllerRange>
      <AutomationTarget Id="21" /></DecayTime></Reverb>"""
    xml = live_set([track(clips=midi_clip(extra=body), devices=devices)])
    data, report = load(xml)
    assert report == []
    assert data["tracks"][0]["clips"][0]["envelopes"] == [
        {"device": "0", "parameter": "Decay Time", "points": [[0.0, 0.5], [2.0, 4.0]]}]
    volume = _clip_envelope(30, [(0, 1), (4, 0.0003)])
    xml = live_set([track(clips=midi_clip(extra=volume))]).replace(
        '<Speaker><Manual Value="true" /></Speaker>',
        '<Speaker><Manual Value="true" /></Speaker><Volume><Manual Value="1" /><AutomationTarget Id="30" /></Volume>')
    data, report = load(xml)
    assert data["tracks"][0]["clips"][0]["envelopes"] == [{"mixer": "volume", "points": [[0.0, 0.85], [4.0, 0.0]]}]

    world = World(load(live_set([track(clips=midi_clip(extra=body), devices=devices)]))[0])
    clip = world.song.tracks[0].clip_slots[0].clip
    decay = next(p for p in world.song.tracks[0].devices[0].parameters if p.name == "Decay Time")
    assert clip.automation_envelope(decay).value_at_time(1.0) == pytest.approx(2.25)


def test_clip_envelope_of_a_parameter_livesim_does_not_read(load):
    xml = live_set([track(clips=midi_clip(extra=_clip_envelope(8, [(0, 0.5)])))])
    adjusted(load, xml, "a clip envelope livesim does not model")
