"""A hand-made Live Set with arrangement automation, served by livesim: automated parameters say so over OSC."""
import gzip

import pytest

from tests.e2e.harness import running_sim

pytestmark = pytest.mark.livesim_only

# One MIDI track with a Reverb whose Decay Time and Dry/Wet have arrangement envelopes; Dry/Wet's
# holds only the value before the song starts (Live writes such envelopes: they automate nothing).
SET = """<?xml version="1.0" encoding="UTF-8"?>
<Ableton MajorVersion="5" MinorVersion="11.0_433" Creator="Ableton Live 11.3.4"><LiveSet><Tracks>
 <MidiTrack Id="1"><Name><EffectiveName Value="Keys" /></Name><TrackGroupId Value="-1" />
  <AutomationEnvelopes><Envelopes>
   <AutomationEnvelope Id="0"><EnvelopeTarget><PointeeId Value="21" /></EnvelopeTarget><Automation><Events>
    <FloatEvent Id="1" Time="-63072000" Value="2" /><FloatEvent Id="2" Time="8" Value="4" /></Events></Automation>
   </AutomationEnvelope>
   <AutomationEnvelope Id="1"><EnvelopeTarget><PointeeId Value="41" /></EnvelopeTarget><Automation><Events>
    <FloatEvent Id="3" Time="-63072000" Value="0.2" /></Events></Automation></AutomationEnvelope>
  </Envelopes></AutomationEnvelopes>
  <DeviceChain><Mixer><Speaker><Manual Value="true" /></Speaker></Mixer>
   <MainSequencer><ClipSlotList><ClipSlot Id="0"><ClipSlot><Value /></ClipSlot></ClipSlot></ClipSlotList>
   </MainSequencer>
   <DeviceChain><Devices><Reverb Id="1"><On><Manual Value="true" /><AutomationTarget Id="20" /></On>
    <DecayTime><Manual Value="2" /><AutomationTarget Id="21" /></DecayTime>
    <DryWet><Manual Value="0.2" /><AutomationTarget Id="41" /></DryWet></Reverb></Devices></DeviceChain>
  </DeviceChain></MidiTrack></Tracks>
 <MasterTrack><DeviceChain><Mixer><Tempo><Manual Value="120" /></Tempo></Mixer></DeviceChain></MasterTrack>
 <Scenes><Scene Id="0"><Name Value="" /></Scene></Scenes>
</LiveSet></Ableton>"""


def write_set(tmp_path):
    """The hand-made set, gzipped as Live saves it; its path."""
    path = str(tmp_path / "automated.als")
    with gzip.open(path, "wb") as f:
        f.write(SET.encode("utf-8"))
    return path


def test_parameters_with_arrangement_automation_read_as_playing(tmp_path):
    with running_sim(write_set(tmp_path)) as (sim, client):
        names = client.query("/live/device/get/parameters/name", 0, 0)[2:]
        states = client.query("/live/device/get/parameters/automation_state", 0, 0)[2:]
        assert len(names) == len(states)
        assert [n for n, s in zip(names, states) if s] == ["Decay Time"]
        assert set(states) == {0, 1}
        decay = names.index("Decay Time")
        assert client.query("/live/device/get/parameter/automation_state", 0, 0, decay) == (0, 0, decay, 1)
        assert client.query("/live/device/get/parameter/automation_state", 0, 0, names.index("Dry/Wet"))[3] == 0
        # livesim shows the automation, it does not play it: the value is the one saved.
        assert client.query("/live/device/get/parameter/value", 0, 0, decay)[3] == pytest.approx(2.0)
        assert client.errors() == []


def test_a_change_overrides_the_automation_until_re_enabled(tmp_path):
    with running_sim(write_set(tmp_path)) as (sim, client):
        names = client.query("/live/device/get/parameters/name", 0, 0)[2:]
        decay, dry_wet = names.index("Decay Time"), names.index("Dry/Wet")
        assert client.query("/live/song/get/re_enable_automation_enabled") == (0,)
        client.send("/live/device/set/parameter/value", 0, 0, dry_wet, 0.5)     # not automated: nothing to override
        assert client.query("/live/song/get/re_enable_automation_enabled") == (0,)
        client.send("/live/device/set/parameter/value", 0, 0, decay, 1.5)
        assert client.query("/live/device/get/parameter/automation_state", 0, 0, decay)[3] == 2
        assert client.query("/live/song/get/re_enable_automation_enabled") == (1,)
        client.send("/live/device/parameter/re_enable_automation", 0, 0, decay)  # one parameter back
        assert client.query("/live/device/get/parameter/automation_state", 0, 0, decay)[3] == 1
        client.send("/live/device/set/parameter/value", 0, 0, decay, 1.0)
        client.send("/live/song/re_enable_automation")                          # or all of them
        assert client.query("/live/device/get/parameter/automation_state", 0, 0, decay)[3] == 1
        assert client.query("/live/song/get/re_enable_automation_enabled") == (0,)
        assert client.errors() == []
