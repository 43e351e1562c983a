"""The send levels of anything with a mixer (tracks, rack chains): get, set and listen by index."""

from .limits import write_value
from .objects import item
from .registry import Prop


def _send_prop(send_id, members, strict):
    return Prop("send", "f", attr="value", target=lambda owner: owner.mixer_device.sends[send_id],
                out=lambda value: (send_id, float(value)), member=members, strict=strict)


def register_sends(reg, obj, what, members, strict=False, example=None):
    """Add /live/<obj>/{get,set,start_listen,stop_listen}/send for `obj`'s mixer sends."""
    base = "/live/%s" % obj.name
    get_address = base + "/get/send"
    index_reply = " ".join("%s:i" % name for name in obj.index_names)

    def get(ctx, owner, send_id):
        return (send_id, float(item(owner.mixer_device.sends, send_id, "send", "the mixer").value))

    def set_(ctx, owner, send_id, value):
        write_value(ctx, item(owner.mixer_device.sends, send_id, "send", "the mixer"), "value", value, "send")

    def start(ctx, owner, send_id):
        item(owner.mixer_device.sends, send_id, "send", "the mixer")  # fail now rather than later
        ctx.registry.subscriptions.start(ctx, _send_prop(send_id, members, strict), owner, get_address, (send_id,))

    def stop(ctx, owner, send_id):
        ctx.registry.subscriptions.stop(ctx, _send_prop(send_id, members, strict), owner, get_address, (send_id,))

    reply = "%s send_id:i value:f" % index_reply
    reg.add(get_address, "get", obj, get, args="send_id:i", reply=reply, members=members, example=example,
            doc="%s's send level (send_id 0 is the first return)" % what)
    reg.add(base + "/set/send", "set", obj, set_, args="send_id:i value:f", members=members,
            doc="Set %s's send level" % what.lower())
    reg.add(base + "/start_listen/send", "start_listen", obj, start, args="send_id:i", members=members,
            reply="-> %s %s" % (get_address, reply),
            doc="Send %s's send level now and whenever it changes" % what.lower())
    reg.add(base + "/stop_listen/send", "stop_listen", obj, stop, args="send_id:i", members=members,
            doc="Stop listening to %s's send level" % what.lower())
