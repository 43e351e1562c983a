"""The MCP server itself, on the official `mcp` SDK: the tools, and the stdio and HTTP transports."""
import functools
import socket
import sys
from typing import Annotated, Any, Literal

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp.types import ToolAnnotations
from pydantic import BaseModel, Field

from AbletonOSC import __version__

from . import composite, generic
from .connection import Connection, LiveError

INSTRUCTIONS = """\
This server drives Ableton Live through AbletonOSC, which exposes Live's whole object model over OSC.
Start with set_overview to see the set. For anything the composite tools do not cover, find an address
with find_addresses (words such as "warp marker", "crossfader", "sidechain"), read its arguments with
describe_address, then use get, set, call or listen. Arguments are named as the address's signature
names them: {"track_id": 0, "clip_id": 1}. A track_id is an index, '*' (every track), 'master' or a
return track's letter; composite tools also take track names. Times are in beats; volume and sends
run 0.0-1.0 (0.85 is 0 dB), pan -1.0-1.0. Each change is one step in Live's undo history (undo)."""

READ = ToolAnnotations(readOnlyHint=True, openWorldHint=False)
WRITE = ToolAnnotations(readOnlyHint=False, destructiveHint=False, openWorldHint=False)
DESTRUCTIVE = ToolAnnotations(readOnlyHint=False, destructiveHint=True, openWorldHint=False)

TrackRef = Annotated[int | str, Field(description="A track's index or its name as the set shows it; also "
                                                   "'master', or a return track's name or letter (A, B...)")]
Args = Annotated[dict[str, Any] | None, Field(
    description="The address's arguments by name, e.g. {\"track_id\": 0, \"clip_id\": 2}; describe_address "
                "lists them")]


class Note(BaseModel):
    """One MIDI note."""

    pitch: int | str = Field(description="MIDI pitch 0-127, or a note name as Live shows it: 'C3' is 60, 'F#2'")
    start: float = Field(ge=0, description="Start in beats from the clip's start")
    duration: float = Field(default=1.0, gt=0, description="Length in beats")
    velocity: float = Field(default=100, ge=0, le=127)
    probability: float = Field(default=1.0, ge=0, le=1, description="Chance the note plays, 0.0-1.0")
    velocity_deviation: float = Field(default=0, ge=-127, le=127,
                                      description="Random velocity range added on each play, -127 to 127")
    release_velocity: float = Field(default=64, ge=0, le=127)
    mute: bool = False


class ClipPlacement(BaseModel):
    """A session clip copied into the arrangement."""

    track: int | str = Field(description="The clip's track: index or name")
    slot: int = Field(ge=0, description="The clip's slot (scene index) in the session")
    time: float | None = Field(default=None, ge=0, description="Where it goes, in beats from the start")
    bar: float | None = Field(default=None, ge=1, description="Or where it goes as a bar number (1 = the start)")


class Locator(BaseModel):
    """A named locator (cue point) in the arrangement."""

    name: str = ""
    time: float | None = Field(default=None, ge=0, description="In beats from the start")
    bar: float | None = Field(default=None, ge=1, description="Or as a bar number (1 = the start)")


class TrackMix(BaseModel):
    """Mixer changes for one track; what is left out stays as it is."""

    track: int | str = Field(description="Index or name of the track (a return track's name or letter, or "
                                         "'master')")
    volume: float | None = Field(default=None, ge=0, le=1, description="Fader 0.0-1.0; 0.85 is 0 dB")
    pan: float | None = Field(default=None, ge=-1, le=1, description="-1.0 left to 1.0 right")
    mute: bool | None = None
    solo: bool | None = None
    arm: bool | None = None
    sends: dict[str, float] | None = Field(default=None, description="Send levels 0.0-1.0 by return track "
                                                                     "letter or name, e.g. {\"A\": 0.4}")


def _tool_errors(fn):
    """Report LiveError as the tool's error, with its text."""

    @functools.wraps(fn)
    async def run(*args, **kwargs):
        try:
            return await fn(*args, **kwargs)
        except LiveError as error:
            raise ToolError(str(error)) from None

    return run


def build_server(conn: Connection, read_only: bool = False) -> MCPServer:
    """The MCP server with its tools; ``read_only`` leaves out every tool that changes the set."""
    # Warnings only: with stdio, stderr is the client's log of this server.
    app = MCPServer("abletonosc", title="AbletonOSC", version=__version__, instructions=INSTRUCTIONS,
                    log_level="WARNING")

    def tool(annotations: ToolAnnotations, writes: bool = False):
        def register(fn):
            if not (writes and read_only):
                app.add_tool(_tool_errors(fn), annotations=annotations, structured_output=True)
            return fn

        return register

    @tool(READ)
    async def find_addresses(
            words: Annotated[str, Field(description="What to look for, e.g. 'warp marker', 'send', 'tempo'")],
            kind: Literal["", "get", "set", "method", "start_listen", "stop_listen"] = "",
            limit: Annotated[int, Field(ge=1, le=100)] = 20) -> dict[str, Any]:
        """Find AbletonOSC addresses by words in their names and descriptions (the whole Live API, ~1400
        addresses). Returns each address with its kind, argument signature and reply signature."""
        return await generic.find_addresses(conn, words, kind, limit)

    @tool(READ)
    async def describe_address(address: str) -> dict[str, Any]:
        """Describe one address: what it does, its named arguments and their types, its reply, the Live
        version it needs, and which tool (get, set, call, listen) uses it."""
        return await generic.describe_address(conn, address)

    @tool(READ)
    async def get(address: Annotated[str, Field(description="A get address such as /live/track/get/name, or an "
                                                            "OSC pattern such as /live/track/get/*")],
                  args: Args = None) -> dict[str, Any]:
        """Read a value from Live. The reply is named, e.g. {"track_id": 0, "name": "1-MIDI"}. A track_id of
        '*' or an address pattern answers once per object or address, in "replies"."""
        return await generic.get(conn, address, args)

    @tool(DESTRUCTIVE, writes=True)
    async def set(address: Annotated[str, Field(description="A set address such as /live/song/set/tempo")],
                  args: Args = None) -> dict[str, Any]:
        """Set a property of the set (the value is named "value": {"value": 128}) and read it back."""
        return await generic.set_(conn, address, args)

    @tool(DESTRUCTIVE, writes=True)
    async def call(address: Annotated[str, Field(description="A method address such as /live/clip/fire")],
                   args: Args = None) -> dict[str, Any]:
        """Call a Live method: fire a clip or scene, create or delete tracks and clips, start playback..."""
        return await generic.call(conn, address, args)

    @tool(READ)
    async def listen(address: Annotated[str, Field(description="A property's get or start_listen address")],
                     args: Args = None,
                     seconds: Annotated[float, Field(gt=0, le=60)] = 5.0) -> dict[str, Any]:
        """Watch a property for some seconds: its value at the start and every change, each with the
        seconds since the start (e.g. /live/song/get/beat while playing, or a track's output meter)."""
        return await generic.listen(conn, address, args, seconds)

    @tool(READ)
    async def set_overview(
            track_offset: Annotated[int, Field(ge=0, description="First track of the page")] = 0,
            track_count: Annotated[int, Field(ge=1, le=composite.MAX_PAGE, description="Tracks per page")] = 16,
            clips: bool = True, devices: bool = True) -> dict[str, Any]:
        """The set at a glance: tempo, time signature, transport, scenes, locators, a page of tracks (mixer,
        session clips, devices), return tracks and master. Large sets come in pages: follow
        page.next_track_offset."""
        return await composite.set_overview(conn, track_offset, track_count, clips, devices)

    @tool(WRITE, writes=True)
    async def write_notes(track: TrackRef,
                          slot: Annotated[int, Field(ge=0, description="The clip slot (scene index)")],
                          notes: list[Note],
                          clip_length: Annotated[float | None, Field(gt=0, description=(
                              "Length in beats of a new clip (default: the notes' end rounded up to whole "
                              "bars)"))] = None,
                          clip_name: str | None = None,
                          replace: Annotated[bool, Field(description="Remove the clip's notes first")] = False,
                          ) -> dict[str, Any]:
        """Write MIDI notes into a session clip, creating the clip when the slot is empty. Notes carry
        velocity, probability and velocity deviation. One undo step."""
        return await composite.write_notes(conn, track, slot, [n.model_dump() for n in notes], clip_length,
                                           clip_name, replace)

    @tool(WRITE, writes=True)
    async def load_device(
            name: Annotated[str, Field(description="A name as Live's browser shows it ('Operator', 'Reverb', "
                                                   "'808 Core Kit', 'Kick 808.wav'), or a browser path "
                                                   "('audio_effects/Reverb')")],
            track: TrackRef,
            kind: Literal["any", "instrument", "audio_effect", "midi_effect", "effect", "sample", "drum_kit",
                          "sound", "plugin", "max_for_live"] = "any",
            slot: Annotated[int | None, Field(ge=0, description="For a sample on an audio track: the clip slot to "
                                                                "load it into")] = None) -> dict[str, Any]:
        """Load an instrument, effect, preset, drum kit or sample onto a track, found by name in Live's
        browser. Says where it landed and the new device's index."""
        return await composite.load_device(conn, name, track, kind, slot)

    @tool(WRITE, writes=True)
    async def arrange(clips: list[ClipPlacement] | None = None,
                      locators: list[Locator] | None = None) -> dict[str, Any]:
        """Copy session clips into the arrangement at given times and set named locators, in one undo
        step. Adding a locator moves the play position there and back."""
        return await composite.arrange(conn, [c.model_dump() for c in clips or ()],
                                       [loc.model_dump() for loc in locators or ()])

    @tool(WRITE, writes=True)
    async def mix(tracks: list[TrackMix]) -> dict[str, Any]:
        """Set volume, pan, sends, mute, solo and arm of tracks named as in the set, in one undo step, and
        read the new values back."""
        return await composite.mix(conn, [t.model_dump() for t in tracks])

    @tool(WRITE, writes=True)
    async def undo(steps: Annotated[int, Field(ge=1, le=50)] = 1, redo: bool = False) -> dict[str, Any]:
        """Undo the last changes (or redo them), as Live's Edit menu does."""
        return await composite.undo(conn, steps, redo)

    return app


def serve(conn: Connection, read_only: bool = False, http_port: int | None = None) -> int:
    """Run the server on stdio, or on streamable HTTP at 127.0.0.1:http_port (0: any free port)."""
    import anyio

    app = build_server(conn, read_only)
    if http_port is None:
        anyio.run(app.run_stdio_async)
        return 0
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("127.0.0.1", http_port))
    except OSError as error:
        sock.close()
        print("abletonosc mcp: cannot listen on 127.0.0.1:%d: %s (another program has it? pick another --http "
              "port, or 0 for any free one)" % (http_port, error), file=sys.stderr)
        return 1
    sock.listen(64)
    anyio.run(_serve_http, app, sock)
    return 0


async def _serve_http(app: MCPServer, sock: socket.socket) -> None:
    import uvicorn

    print("abletonosc mcp: streamable HTTP at http://127.0.0.1:%d/mcp" % sock.getsockname()[1], file=sys.stderr,
          flush=True)
    config = uvicorn.Config(app.streamable_http_app(host="127.0.0.1"), log_level="warning")
    await uvicorn.Server(config).serve(sockets=[sock])
