"""``_Framework.SceneComponent``: a scene's launch button and the clip slot components of a row.

Slot ``i`` follows ``scene``'s slot on ``tracks_to_use()[track_offset + i]``.  Pressing the
launch button fires the scene (a momentary button through ``set_fire_button_state``); its light
is the triggered value while the scene waits to launch, the scene value otherwise (the
no-scene value when there is no scene; None puts the light out).
"""
from .ClipSlotComponent import ClipSlotComponent
from .CompoundComponent import CompoundComponent
from .SubjectSlot import subject_slot
from ._feedback import show_value
from .Util import nop


class SceneComponent(CompoundComponent):
    """A row of ``num_slots`` clip slots and the scene launch button."""

    clip_slot_component_type = ClipSlotComponent

    def __init__(self, num_slots=0, tracks_to_use_callback=nop, *a, **k):
        super(SceneComponent, self).__init__(*a, **k)
        self._scene = None
        self._tracks_to_use_callback = tracks_to_use_callback
        self._track_offset = 0
        self._triggered_value = 127
        self._scene_value = None
        self._no_scene_value = None
        self._select_button = None
        self._delete_button = None
        self._clip_slots = []
        for _ in range(num_slots):
            slot = self._create_clip_slot()
            self._clip_slots.append(slot)
            self.register_components(slot)

    def _create_clip_slot(self):
        """A new clip slot component of ``clip_slot_component_type``."""
        return self.clip_slot_component_type()

    def clip_slot(self, index):
        """The clip slot component ``index`` of the row."""
        return self._clip_slots[index]

    def scene(self):
        """The Live scene followed (None: none)."""
        return self._scene

    def set_scene(self, scene):
        """Follow ``scene`` (a Live.Scene.Scene, or None)."""
        if scene != self._scene or type(scene) is not type(self._scene):
            self._scene = scene
            self._on_is_triggered_changed.subject = scene
            self._reassign_clip_slots()
            self.update()

    def set_track_offset(self, offset):
        """Make slot 0 follow the track ``offset`` of ``tracks_to_use()``."""
        if offset < 0:
            raise AssertionError("the track offset must be >= 0")
        if offset != self._track_offset:
            self._track_offset = offset
            self._reassign_clip_slots()

    def _reassign_clip_slots(self):
        tracks = list(self._tracks_to_use_callback() or [])
        scene_index = None
        if self._scene is not None:
            scenes = list(self.song().scenes)
            scene_index = scenes.index(self._scene) if self._scene in scenes else None
        for index, component in enumerate(self._clip_slots):
            track_index = self._track_offset + index
            slot = None
            if scene_index is not None and track_index < len(tracks):
                slots = tracks[track_index].clip_slots
                slot = slots[scene_index] if scene_index < len(slots) else None
            component.set_clip_slot(slot)

    # --- the launch button -----------------------------------------------------------------
    def set_launch_button(self, button):
        """The button that launches the scene and shows it."""
        self._launch_value.subject = button
        self.update()

    def set_select_button(self, button):
        """Held, a launch button selects its scene (or shows its slot) instead of launching."""
        self._select_button = button
        for slot in self._clip_slots:
            slot.set_select_button(button)

    def set_delete_button(self, button):
        """Held, a launch button deletes its scene (or its clip) instead of launching."""
        self._delete_button = button
        for slot in self._clip_slots:
            slot.set_delete_button(button)

    def set_duplicate_button(self, button):
        """Held, a clip launch button duplicates its clip instead of launching."""
        for slot in self._clip_slots:
            slot.set_duplicate_button(button)

    def set_triggered_value(self, value):
        """The value sent while the scene waits to launch."""
        self._triggered_value = value

    def set_scene_value(self, value):
        """The value sent for a scene that is not triggered (None: off)."""
        self._scene_value = value

    def set_no_scene_value(self, value):
        """The value sent when there is no scene (None: off)."""
        self._no_scene_value = value

    @subject_slot("value")
    def _launch_value(self, value):
        if not (self.is_enabled() and self._scene is not None):
            return
        song = self.song()
        if self._delete_button is not None and self._delete_button.is_pressed():
            if value:
                song.delete_scene(list(song.scenes).index(self._scene))
        elif self._select_button is not None and self._select_button.is_pressed():
            if value:
                song.view.selected_scene = self._scene
        else:
            button = self._launch_value.subject
            launched = False
            if button.is_momentary():
                self._scene.set_fire_button_state(value != 0)
                launched = value != 0
            elif value != 0:
                self._scene.fire()
                launched = True
            if launched and song.select_on_launch:
                song.view.selected_scene = self._scene

    @subject_slot("is_triggered")
    def _on_is_triggered_changed(self):
        self._update_launch_button()

    def _update_launch_button(self):
        button = self._launch_value.subject
        if not (self.is_enabled() and button is not None):
            return
        value = self._no_scene_value
        if self._scene is not None:
            value = self._triggered_value if self._scene.is_triggered else self._scene_value
        show_value(button, value)

    def update(self):
        """Refresh the launch light and the slots."""
        super(SceneComponent, self).update()
        self._update_launch_button()
